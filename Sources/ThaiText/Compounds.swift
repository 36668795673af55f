/// Thai compounds that a dictionary breaker may split (หน่วย|งาน) but a careful typesetter keeps
/// whole when another break serves as well.
public enum Compounds {
    public static let common = [
        "หน่วยงาน", "แห่งชาติ", "ดำเนินการ", "ดำเนินงาน", "องค์การ", "องค์กร", "บริหาร", "ส่วนตำบล", "ส่วนท้องถิ่น",
        "ประชาสัมพันธ์", "ความโปร่งใส", "คุณธรรม", "จริยธรรม", "งบประมาณ", "ปีงบประมาณ", "เจ้าหน้าที่", "พนักงาน",
        "ข้อมูล", "ผู้บริหาร", "ประชาชน", "ราชการ", "การทุจริต", "ป้องกัน", "ปราบปราม", "คณะกรรมการ", "กรรมการ",
        "ผู้รับผิดชอบ", "ความเข้าใจ", "ความรู้", "ภาครัฐ", "สำนักงาน", "สำนักปลัด", "ผู้มีส่วนได้ส่วนเสีย",
        "เว็บไซต์", "ประจำปี", "เรียบร้อย", "พิจารณา", "ตัวชี้วัด", "มาตรการ", "กิจกรรม", "รายงาน", "ผลการ",
        "การประเมิน", "ความสำเร็จ", "คำสั่ง", "ความเห็น", "ผู้ช่วย", "ผู้อำนวยการ", "บุคลากร", "ทรัพยากร", "สาธารณชน", "อิเล็กทรอนิกส์", "ออนไลน์",
    ]

    /// Scalar ranges of the compounds (built-in and extra) found in the text.
    public static func ranges(in scalars: [Unicode.Scalar], extra: [String] = []) -> [Range<Int>] {
        let found = builtIn.occurrences(in: scalars)
        return extra.isEmpty ? found : found + ProtectedPhrases(phrases: extra).occurrences(in: scalars)
    }

    /// The built-in list, converted once.
    static let builtIn = ProtectedPhrases(phrases: common)
}
