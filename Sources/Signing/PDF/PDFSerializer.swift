import Foundation

/// Writes PDF values as bytes: names and numbers as they were read, strings as hex.
enum PDFSerializer {
    static func bytes(_ value: PDFValue) -> [UInt8] {
        var out = [UInt8]()
        write(value, into: &out)
        return out
    }

    static func write(_ value: PDFValue, into out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .integer(let n): out += Array(String(n).utf8)
        case .real(let s): out += Array(s.utf8)
        case .name(let s): out.append(0x2F); out += Array(s.utf8)
        case .string(let b): hex(b, into: &out)
        case .array(let items):
            out.append(0x5B)
            for (i, v) in items.enumerated() { if i > 0 { out.append(0x20) }; write(v, into: &out) }
            out.append(0x5D)
        case .dictionary(let d): write(d, into: &out)
        case .reference(let n, let g): out += Array("\(n) \(g) R".utf8)
        }
    }

    static func write(_ d: PDFDictionary, into out: inout [UInt8]) {
        out += Array("<<".utf8)
        for (k, v) in d.entries {
            out += Array(" /".utf8); out += Array(k.utf8); out.append(0x20)
            write(v, into: &out)
        }
        out += Array(" >>".utf8)
    }

    private static let digits = Array("0123456789ABCDEF".utf8)

    static func hex(_ b: [UInt8], into out: inout [UInt8]) {
        out.append(0x3C)
        for x in b { out.append(digits[Int(x >> 4)]); out.append(digits[Int(x & 15)]) }
        out.append(0x3E)
    }

    /// A real number with at most three decimals, as a PDF writes it.
    static func real(_ v: Double) -> PDFValue {
        let r = (v * 1000).rounded() / 1000
        if r == r.rounded(), abs(r) < 1e12 { return .integer(Int(r)) }
        guard r.isFinite else { return .integer(0) }
        var s = String(format: "%.3f", r)
        while s.hasSuffix("0") { s.removeLast() }
        return .real(s)
    }
}
