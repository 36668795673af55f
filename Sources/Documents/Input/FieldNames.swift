/// Thai names of the document keys, for messages a clerk can act on.
enum FieldNames {
    static let thai: [String: String] = [
        "memo": "บันทึกข้อความ", "agency": "ส่วนราชการ", "phone": "โทรศัพท์", "ref": "ที่", "date": "วันที่",
        "subject": "เรื่อง", "to": "เรียน", "references": "อ้างถึง", "enclosures": "สิ่งที่ส่งมาด้วย",
        "body": "เนื้อความ", "closing": "คำลงท้าย", "signature": "ลายมือชื่อ", "comments": "ความเห็น",
        "name": "ชื่อ", "position": "ตำแหน่ง", "image": "ภาพลายมือชื่อ", "title": "หัวข้อ",
        "lines": "จำนวนบรรทัด", "heading": "หัวข้อย่อย", "paragraph": "ย่อหน้า", "list": "รายการ",
        "attachments": "สิ่งที่แนบ", "style": "รูปแบบ", "digits": "ตัวเลข", "font": "แบบอักษร",
        "emblem": "ตราครุฑ", "keep_together": "ข้อความที่ห้ามตัดบรรทัด", "orientation": "แนวกระดาษ",
        "content": "เนื้อหา", "table": "ตาราง", "chart": "แผนภูมิ", "columns": "คอลัมน์", "rows": "แถว",
        "source": "แฟ้มข้อมูล", "width": "ความกว้าง", "group": "แถวหัวข้อกลุ่ม", "text": "ข้อความ",
        "rowspan": "รวมแถว", "colspan": "รวมคอลัมน์", "kind": "ชนิด", "data": "ข้อมูล", "max": "ค่าสูงสุดของมาตราส่วน",
        "sheet": "แผ่นงาน", "range": "ช่วงเซลล์", "header_rows": "แถวหัวตาราง",
        "page": "หน้ากระดาษ", "header": "ส่วนหัว", "attachment": "สิ่งที่แนบ", "emblem_box": "กรอบตราครุฑ",
        "compounds": "คำประสม",
    ]
    static func of(_ key: String) -> String { thai[key] ?? key }

    /// A key as messages name it: `'to' (เรียน)`, or `'page'` when it has no Thai name.
    static func named(_ key: String) -> String { thai[key].map { "'\(key)' (\($0))" } ?? "'\(key)'" }

    /// What a mapping is, in Thai, for messages about its keys.
    static let things: [String: String] = [
        "document": "เอกสาร", "memo": "บันทึกข้อความ", "signature": "ลายมือชื่อ", "comment": "ความเห็น",
        "attachment": "สิ่งที่แนบ", "body block": "ย่อหน้าของเนื้อความ", "content block": "เนื้อหาของสิ่งที่แนบ",
        "table": "ตาราง", "column": "คอลัมน์", "table row": "แถวของตาราง", "table cell": "ช่องของตาราง", "chart": "แผนภูมิ",
    ]
    static func thing(_ what: String) -> String { things[what] ?? what }
}

/// The known key closest to a misspelt one (edit distance), if any is close enough.
func nearestKey(_ key: String, in known: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var prev = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var cur = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return a.isEmpty ? b.count : prev[b.count]
    }
    let k = Array(key.lowercased())
    let best = known.map { ($0, distance(k, Array($0))) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= max(2, key.count / 2) else { return nil }
    return best.0
}
