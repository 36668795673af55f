/// Short month names and day names, as Thai dates print them in tables (ม.ค. ๒๕๖๙, วันจันทร์).
public enum ThaiCalendarNames {
    /// ม.ค. … ธ.ค., January first.
    public static let monthAbbreviations = [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]
    /// อาทิตย์ … เสาร์, Sunday first.
    public static let dayNames = ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"]
    /// อา. … ส., Sunday first.
    public static let dayAbbreviations = ["อา.", "จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส."]
}
