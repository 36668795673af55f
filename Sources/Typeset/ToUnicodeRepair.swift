import CShims
import Foundation
import ThaiText

/// Corrects the text a PDF says its Thai glyphs stand for. Inside a word's /ActualText span, cairo
/// names a glyph's character from the font's cmap, and Laksaman reaches its lowered and shifted
/// marks through private-use code points (U+F70A is ่ lowered): readers that look at glyphs rather
/// than the span (pdfminer, and MuPDF when it checks the span) then see those code points. This
/// appends an incremental update whose ToUnicode maps give the standard Thai characters instead.
/// Anything it does not recognise leaves the file exactly as cairo wrote it.
enum ToUnicodeRepair {
    static func apply(_ data: Data) -> Data {
        let pdf = [UInt8](data)
        guard let trailer = Trailer(pdf) else { return data }
        var appended = [UInt8]()
        var offsets = [(object: Int, offset: Int)]()
        for object in toUnicodeObjects(pdf) {
            guard let stream = streamBody(pdf, object: object), let text = inflate(stream),
                  let fixed = fixCMap(text), let packed = deflate(fixed) else { continue }
            offsets.append((object, pdf.count + appended.count))
            appended += Array("\(object) 0 obj\n<< /Length \(packed.count)\n   /Filter /FlateDecode\n>>\nstream\n".utf8)
            appended += packed
            appended += Array("\nendstream\nendobj\n".utf8)
        }
        guard !offsets.isEmpty else { return data }
        let xref = pdf.count + appended.count
        var table = "xref\n"
        for (object, offset) in offsets.sorted(by: { $0.object < $1.object }) {
            table += "\(object) 1\n" + String(repeating: "0", count: max(0, 10 - String(offset).count)) + "\(offset) 00000 n \n"
        }
        table += "trailer\n<< /Size \(trailer.size)\n   /Root \(trailer.root)\n"
        if let info = trailer.info { table += "   /Info \(info)\n" }
        table += "   /Prev \(trailer.startxref)\n>>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf + appended + Array(table.utf8))
    }

    /// The ToUnicode CMap with every private-use Thai destination replaced; nil when none is there.
    static func fixCMap(_ text: String) -> [UInt8]? {
        var changed = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            // bfchar entries: "<src> <dst>" with one 4-digit destination.
            let parts = line.split(separator: " ")
            guard parts.count == 2, parts[1].count == 6, parts[1].hasPrefix("<"), parts[1].hasSuffix(">"),
                  let code = UInt32(parts[1].dropFirst().dropLast(), radix: 16), let thai = ThaiPUA.standard(code) else { return line }
            changed = true
            return Substring("\(parts[0]) <\(String(format: "%04x", thai))>")
        }
        return changed ? Array(lines.joined(separator: "\n").utf8) : nil
    }

    /// Object numbers named by `/ToUnicode N 0 R`.
    static func toUnicodeObjects(_ pdf: [UInt8]) -> [Int] {
        var result = Set<Int>()
        let key = Array("/ToUnicode ".utf8)
        var i = 0
        while let at = find(key, in: pdf, from: i) {
            if let (n, _) = integer(pdf, at + key.count) { result.insert(n) }
            i = at + key.count
        }
        return result.sorted()
    }

    /// The raw bytes of object `n`'s stream (its /Length direct or indirect).
    static func streamBody(_ pdf: [UInt8], object n: Int) -> [UInt8]? {
        guard let start = objectStart(pdf, n), let dictEnd = find(Array("stream\n".utf8), in: pdf, from: start) else { return nil }
        let dict = Array(pdf[start..<dictEnd])
        guard let l = find(Array("/Length ".utf8), in: dict, from: 0), let (value, next) = integer(dict, l + 8) else { return nil }
        var length = value
        if dict.count > next + 3, Array(dict[next..<min(dict.count, next + 4)]) == Array(" 0 R".utf8) {
            guard let ls = objectStart(pdf, value), let (v, _) = integer(pdf, ls) else { return nil }
            length = v
        }
        let body = dictEnd + 7
        guard body + length <= pdf.count else { return nil }
        return Array(pdf[body..<(body + length)])
    }

    /// Where the content of "n 0 obj" begins.
    static func objectStart(_ pdf: [UInt8], _ n: Int) -> Int? {
        let key = Array("\n\(n) 0 obj".utf8)
        guard let at = find(key, in: pdf, from: 0) else { return nil }
        return at + key.count
    }

    static func inflate(_ bytes: [UInt8]) -> String? {
        var length: UInt = 0
        guard let out = saraban_inflate(bytes, UInt(bytes.count), &length) else { return nil }
        defer { saraban_free(out) }
        return String(decoding: UnsafeBufferPointer(start: out, count: Int(length)), as: UTF8.self)
    }

    static func deflate(_ bytes: [UInt8]) -> [UInt8]? {
        var length: UInt = 0
        guard let out = saraban_deflate(bytes, UInt(bytes.count), &length) else { return nil }
        defer { saraban_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }

    /// A decimal integer at `i` (after spaces); its value and the index after it.
    static func integer(_ b: [UInt8], _ from: Int) -> (Int, Int)? {
        var i = from
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        var v = 0, digits = 0
        while i < b.count, (0x30...0x39).contains(b[i]) { v = v * 10 + Int(b[i] - 0x30); i += 1; digits += 1 }
        return digits > 0 ? (v, i) : nil
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        TextSearch.firstIndex(of: needle, in: hay, from: from)
    }

    /// The last trailer: size, root, info, and where its cross-reference table starts.
    struct Trailer {
        let size: Int, root: String, info: String?, startxref: Int
        init?(_ pdf: [UInt8]) {
            let tail = Array(pdf.suffix(2048))
            guard let t = ToUnicodeRepair.lastIndex(Array("trailer".utf8), in: tail),
                  let s = ToUnicodeRepair.find(Array("/Size ".utf8), in: tail, from: t),
                  let (size, _) = ToUnicodeRepair.integer(tail, s + 6),
                  let root = Trailer.reference("/Root ", tail, t),
                  let x = ToUnicodeRepair.lastIndex(Array("startxref".utf8), in: tail),
                  let (startxref, _) = ToUnicodeRepair.integer(tail, x + 9) else { return nil }
            self.size = size; self.root = root; self.info = Trailer.reference("/Info ", tail, t); self.startxref = startxref
        }

        static func reference(_ key: String, _ tail: [UInt8], _ from: Int) -> String? {
            guard let k = ToUnicodeRepair.find(Array(key.utf8), in: tail, from: from),
                  let (n, next) = ToUnicodeRepair.integer(tail, k + key.count),
                  let (g, _) = ToUnicodeRepair.integer(tail, next) else { return nil }
            return "\(n) \(g) R"
        }
    }

    static func lastIndex(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        var found: Int?
        var i = 0
        while let at = find(needle, in: hay, from: i) { found = at; i = at + 1 }
        return found
    }
}
