import Foundation

/// A PDF object as read from (or written into) one of Saraban's files.
indirect enum PDFValue: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    /// A real number as written, so that it is written back the same.
    case real(String)
    /// A name without its slash, as written (#xx escapes kept).
    case name(String)
    /// A string's bytes (from a literal or a hex string).
    case string([UInt8])
    case array([PDFValue])
    case dictionary(PDFDictionary)
    case reference(Int, Int)

    var asInt: Int? { if case .integer(let n) = self { return n }; return nil }
    var asNumber: Double? {
        switch self {
        case .integer(let n): return Double(n)
        case .real(let s): return Double(s)
        default: return nil
        }
    }
    var asName: String? { if case .name(let s) = self { return s }; return nil }
    var asArray: [PDFValue]? { if case .array(let a) = self { return a }; return nil }
    var asDictionary: PDFDictionary? { if case .dictionary(let d) = self { return d }; return nil }
    var asReference: Int? { if case .reference(let n, _) = self { return n }; return nil }
    var asBytes: [UInt8]? { if case .string(let b) = self { return b }; return nil }

    /// A text string: UTF-16BE with a byte-order mark, as Saraban writes text.
    static func text(_ s: String) -> PDFValue { .string([0xFE, 0xFF] + s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) }

    /// A string's text: UTF-16BE with its mark, UTF-8 with its mark, or PDFDocEncoding's ASCII.
    var asText: String? {
        guard case .string(let b) = self else { return nil }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF {
            var units = [UInt16]()
            var i = 2
            while i + 1 < b.count { units.append(UInt16(b[i]) << 8 | UInt16(b[i + 1])); i += 2 }
            return String(decoding: units, as: UTF16.self)
        }
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return String(decoding: b.dropFirst(3), as: UTF8.self) }
        return String(decoding: b, as: UTF8.self)
    }
}

/// A dictionary's entries in the order they were written.
struct PDFDictionary: Equatable {
    private(set) var keys: [String] = []
    private(set) var values: [PDFValue] = []

    init(_ entries: [(String, PDFValue)] = []) {
        for (k, v) in entries { self[k] = v }
    }

    /// The entries in order.
    var entries: [(key: String, value: PDFValue)] { Array(zip(keys, values)).map { (key: $0.0, value: $0.1) } }

    subscript(key: String) -> PDFValue? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let i = keys.firstIndex(of: key) {
                if let v = newValue { values[i] = v } else { keys.remove(at: i); values.remove(at: i) }
            } else if let v = newValue {
                keys.append(key); values.append(v)
            }
        }
    }

    static func == (a: PDFDictionary, b: PDFDictionary) -> Bool {
        a.keys.count == b.keys.count && zip(a.keys, a.values).allSatisfy { b[$0.0] == $0.1 }
    }

    /// The same dictionary without the given keys.
    func removing(_ drop: Set<String>) -> PDFDictionary {
        PDFDictionary(zip(keys, values).filter { !drop.contains($0.0) })
    }
}

/// An indirect object's content: a value, or a stream (its dictionary and its bytes as stored).
enum PDFObject {
    case value(PDFValue)
    case stream(PDFDictionary, [UInt8])

    var asDictionary: PDFDictionary? {
        switch self {
        case .value(let v): return v.asDictionary
        case .stream(let d, _): return d
        }
    }
}
