import Foundation

/// Reads PDF values from bytes: the syntax of Saraban's own files (and of any plain PDF), with
/// every index checked and nesting bounded, so a damaged file is an error, never a crash.
struct PDFParser {
    let bytes: [UInt8]
    var at: Int
    private var depth = 0

    init(_ bytes: [UInt8], at: Int = 0) { self.bytes = bytes; self.at = at }

    static func isWhite(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00 }
    static func isDelimiter(_ b: UInt8) -> Bool { "()<>[]{}/%".utf8.contains(b) }

    mutating func skipWhite() {
        while at < bytes.count {
            if PDFParser.isWhite(bytes[at]) { at += 1; continue }
            if bytes[at] == 0x25 { while at < bytes.count, bytes[at] != 0x0A, bytes[at] != 0x0D { at += 1 }; continue }
            break
        }
    }

    /// What is wrong and where, as the error every reader of a damaged file gets.
    func fail(_ what: String) -> SigningError { PDFFile.damaged("\(what) at byte \(at)") }

    /// A bare word (keyword or number) at the current position.
    mutating func word() -> String {
        skipWhite()
        let start = at
        while at < bytes.count, !PDFParser.isWhite(bytes[at]), !PDFParser.isDelimiter(bytes[at]) { at += 1 }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    /// Whether the next word is `keyword` (consumed if so).
    mutating func accept(_ keyword: String) -> Bool {
        let saved = at
        if word() == keyword { return true }
        at = saved
        return false
    }

    mutating func value() throws -> PDFValue {
        skipWhite()
        guard at < bytes.count else { throw fail("unexpected end of file") }
        depth += 1
        defer { depth -= 1 }
        guard depth < 64 else { throw fail("objects nested too deeply") }
        switch bytes[at] {
        case 0x2F: return .name(name())
        case 0x28: return .string(try literal())
        case 0x5B: return .array(try array())
        case 0x3C:
            if at + 1 < bytes.count, bytes[at + 1] == 0x3C { return .dictionary(try dictionary()) }
            return .string(try hexString())
        default: return try numberOrKeyword()
        }
    }

    private mutating func name() -> String {
        at += 1
        let start = at
        while at < bytes.count, !PDFParser.isWhite(bytes[at]), !PDFParser.isDelimiter(bytes[at]) { at += 1 }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    private mutating func array() throws -> [PDFValue] {
        at += 1
        var items = [PDFValue]()
        while true {
            skipWhite()
            guard at < bytes.count else { throw fail("unterminated array") }
            if bytes[at] == 0x5D { at += 1; return items }
            items.append(try value())
        }
    }

    mutating func dictionary() throws -> PDFDictionary {
        at += 2
        var d = PDFDictionary()
        while true {
            skipWhite()
            guard at + 1 < bytes.count else { throw fail("unterminated dictionary") }
            if bytes[at] == 0x3E, bytes[at + 1] == 0x3E { at += 2; return d }
            guard bytes[at] == 0x2F else { throw fail("a dictionary key must be a name") }
            let key = name()
            d[key] = try value()
        }
    }

    private mutating func hexString() throws -> [UInt8] {
        at += 1
        var out = [UInt8](), high: UInt8? = nil
        while at < bytes.count, bytes[at] != 0x3E {
            let b = bytes[at]
            at += 1
            if PDFParser.isWhite(b) { continue }
            guard let v = PDFParser.hexValue(b) else { throw fail("bad hex string") }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        guard at < bytes.count else { throw fail("unterminated hex string") }
        at += 1
        if let h = high { out.append(h << 4) }
        return out
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x37
        case 0x61...0x66: return b - 0x57
        default: return nil
        }
    }

    private mutating func literal() throws -> [UInt8] {
        at += 1
        var out = [UInt8](), open = 1
        while at < bytes.count {
            let b = bytes[at]
            at += 1
            switch b {
            case 0x28: open += 1; out.append(b)
            case 0x29:
                open -= 1
                if open == 0 { return out }
                out.append(b)
            case 0x5C: escape(into: &out)
            default: out.append(b)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func escape(into out: inout [UInt8]) {
        guard at < bytes.count else { return }
        let e = bytes[at]
        at += 1
        switch e {
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x0D: if at < bytes.count, bytes[at] == 0x0A { at += 1 }
        case 0x0A: break
        case 0x30...0x37:
            var v = Int(e - 0x30), n = 1
            while n < 3, at < bytes.count, (0x30...0x37).contains(bytes[at]) { v = v * 8 + Int(bytes[at] - 0x30); at += 1; n += 1 }
            out.append(UInt8(truncatingIfNeeded: v))
        default: out.append(e)
        }
    }

    private mutating func numberOrKeyword() throws -> PDFValue {
        let w = word()
        switch w {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        case "": throw fail("unexpected character")
        default: break
        }
        guard let n = Int(w) else {
            guard Double(w) != nil else { throw fail("unexpected word '\(w.prefix(20))'") }
            return .real(w)
        }
        // "n g R" is a reference.
        let saved = at
        let g = word()
        if let gen = Int(g), n >= 0, gen >= 0, accept("R") { return .reference(n, gen) }
        at = saved
        return .integer(n)
    }
}
