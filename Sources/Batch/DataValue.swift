import Foundation

/// One value of a data row: text, a yes/no, a list or an object (keys in file order).
public enum DataValue: Sendable, Equatable {
    case text(String)
    case bool(Bool)
    case list([DataValue])
    case object([(String, DataValue)])

    public static func == (a: DataValue, b: DataValue) -> Bool { a.canonical == b.canonical }

    /// The value as Mustache sees it: strings, booleans, arrays and dictionaries.
    var mustache: Any {
        switch self {
        case .text(let s): return s
        case .bool(let b): return b
        case .list(let l): return l.map(\.mustache)
        case .object(let o): return Dictionary(o.map { ($0.0, $0.1.mustache) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// A stable text form for hashing (key order as in the file, every string length-prefixed).
    var canonical: String {
        switch self {
        case .text(let s): return "s\(s.utf8.count):\(s)"
        case .bool(let b): return b ? "T" : "F"
        case .list(let l): return "[" + l.map(\.canonical).joined() + "]"
        case .object(let o): return "{" + o.map { "k\($0.0.utf8.count):\($0.0)" + $0.1.canonical }.joined() + "}"
        }
    }

    /// `canonical`'s bytes appended to `out` (the same bytes, without building the string).
    func canonical(into out: inout [UInt8]) {
        switch self {
        case .text(let s):
            DataValue.counted(0x73, s, &out)
        case .bool(let b): out.append(b ? 0x54 : 0x46)
        case .list(let l):
            out.append(0x5B)
            for v in l { v.canonical(into: &out) }
            out.append(0x5D)
        case .object(let o):
            DataValue.object(o, &out)
        }
    }

    static func object(_ o: [(String, DataValue)], _ out: inout [UInt8]) {
        out.append(0x7B)
        for (k, v) in o {
            counted(0x6B, k, &out)
            v.canonical(into: &out)
        }
        out.append(0x7D)
    }

    /// `s12:text`: a letter, the UTF-8 length, a colon, the text.
    static func counted(_ letter: UInt8, _ s: String, _ out: inout [UInt8]) {
        out.append(letter)
        out.append(contentsOf: String(s.utf8.count).utf8)
        out.append(0x3A)
        out.append(contentsOf: s.utf8)
    }

    /// Plain text for the manifest and index: lists and objects are not printed there.
    var plain: String? {
        switch self {
        case .text(let s): return s
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }
}

/// One row of the data file: its 1-based number and its columns in file order.
public struct DataRow: Sendable {
    public var number: Int
    public var columns: [(String, DataValue)]
    /// The data file's line where the row starts (0 when unknown).
    public var line = 0
    /// Why the row cannot be rendered (it fails, every other row goes on), and what was done
    /// about a smaller mismatch (reported beside the row in the manifest).
    public var error: String?
    public var warnings: [String] = []

    public init(number: Int, columns: [(String, DataValue)], line: Int = 0) {
        self.number = number; self.columns = columns; self.line = line
    }

    public subscript(_ key: String) -> DataValue? { columns.first { $0.0 == key }?.1 }
    var mustache: [String: Any] { Dictionary(columns.map { ($0.0, $0.1.mustache) }, uniquingKeysWith: { a, _ in a }) }
    var canonical: String { DataValue.object(columns).canonical }
    func canonical(into out: inout [UInt8]) { DataValue.object(columns, &out) }
}
