/// Why a workbook or Word document could not be read as a table, in English and Thai; `key` names
/// the document key the problem is about (`sheet`, `range`, `table`, `header_rows`), nil for the file.
public struct SourceFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var thai: String
    public var key: String?

    public init(_ message: String, _ thai: String, key: String? = nil) {
        self.message = message; self.thai = thai; self.key = key
    }

    public var description: String { "\(message) / \(thai)" }

    /// The file is not what its name says: a real workbook or document is a zip of XML parts.
    static func notOffice(_ name: String, _ kind: OfficeKind, _ why: String) -> SourceFailure {
        SourceFailure("'\(name)' is not a real \(kind.english) (\(why)); open it in \(kind.program) and save it as \(kind.ext) again",
                      "แฟ้ม '\(name)' ไม่ใช่\(kind.thai)ที่ถูกต้อง (\(why)) ให้เปิดด้วย \(kind.program) แล้วบันทึกเป็น \(kind.ext) ใหม่")
    }
}

/// The kinds of Office file a table or a batch can read.
public enum OfficeKind: String, Sendable {
    case xlsx, ods, docx

    /// The kind a file name's extension names, if any.
    public static func of(_ name: String) -> OfficeKind? {
        switch name.split(separator: ".").last?.lowercased() {
        case "xlsx", "xlsm": return .xlsx
        case "ods": return .ods
        case "docx", "docm": return .docx
        default: return nil
        }
    }

    var ext: String { "." + rawValue }
    var english: String { self == .docx ? "Word document" : "workbook" }
    var thai: String { self == .docx ? "เอกสาร Word" : "สมุดงาน Excel" }
    var program: String { self == .docx ? "Word" : self == .ods ? "LibreOffice Calc" : "Excel" }
}
