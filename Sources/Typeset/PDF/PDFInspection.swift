import CShims
import Foundation

/// What a PDF claims and holds, read from its bytes for `saraban inspect`: the standards its XMP
/// metadata names, whether it is tagged, its language and its fonts. A scan of the file and its
/// deflated streams for the keys that say so, not a validation (the checkers do that).
public struct PDFInspection: Sendable {
    public var version: String
    public var pages: Int
    public var title: String?
    /// e.g. "PDF/A-3U", "PDF/UA-1".
    public var claims: [String]
    public var tagged: Bool
    public var structureTree: Bool
    public var language: String?
    /// Font names, each with whether its program is embedded.
    public var fonts: [(name: String, embedded: Bool)]

    /// Reads a PDF's bytes; nil when they are not a PDF.
    public init?(_ data: Data) {
        let bytes = [UInt8](data)
        guard bytes.starts(with: Array("%PDF-".utf8)) else { return nil }
        version = String(decoding: bytes[5..<min(8, bytes.count)], as: UTF8.self)
        let text = PDFInspection.allText(bytes)
        pages = PDFInspection.matches(text, #"/Type\s*/Page(?![s\w])"#).count
        let xmp = PDFInspection.xmp(bytes)
        title = PDFInspection.first(xmp, #"(?<=<dc:title><rdf:Alt><rdf:li xml:lang="x-default">)[^<]*"#)
        claims = []
        if let part = PDFInspection.first(xmp, #"(?<=pdfaid:part>)\d"#) ?? PDFInspection.first(xmp, #"(?<=pdfaid:part=")\d"#) {
            let level = PDFInspection.first(xmp, #"(?<=pdfaid:conformance>)[A-Za-z]"#) ?? PDFInspection.first(xmp, #"(?<=pdfaid:conformance=")[A-Za-z]"#) ?? ""
            claims.append("PDF/A-\(part)\(level.uppercased())")
        }
        if let ua = PDFInspection.first(xmp, #"(?<=pdfuaid:part>)\d"#) ?? PDFInspection.first(xmp, #"(?<=pdfuaid:part=")\d"#) {
            claims.append("PDF/UA-\(ua)")
        }
        tagged = PDFInspection.first(text, #"/MarkInfo\s*<<[^>]*/Marked\s+true"#) != nil
        structureTree = PDFInspection.first(text, #"/StructTreeRoot"#) != nil
        language = PDFInspection.first(text, #"(?<=/Lang\s?\()[^)]*"#) ?? PDFInspection.hexLanguage(text)
        var fonts = [(String, Bool)]()
        for d in PDFInspection.matches(text, #"/Type\s*/FontDescriptor[^>]*"#) {
            guard let name = PDFInspection.first(d, #"(?<=/FontName\s?/)[^\s/<>\[\]()]+"#) else { continue }
            fonts.append((name, d.range(of: #"/FontFile[23]?\s"#, options: .regularExpression) != nil))
        }
        self.fonts = fonts
    }

    /// The report as printed, one fact a line.
    public var report: String {
        var lines = ["PDF \(version), \(pages) pages" + (title.map { ", title: \($0)" } ?? "")]
        lines.append("claims: " + (claims.isEmpty ? "none" : claims.joined(separator: ", ")))
        lines.append("tagged: " + (tagged && structureTree ? "yes (structure tree, /MarkInfo /Marked true)" : structureTree ? "structure tree, but not marked" : "no"))
        lines.append("language: " + (language ?? "not set"))
        lines.append("fonts: \(fonts.count)")
        for f in fonts { lines.append("  \(f.name): " + (f.embedded ? "embedded" : "NOT embedded")) }
        return lines.joined(separator: "\n")
    }

    /// The file as text (Latin-1) with every deflated stream inflated after it.
    static func allText(_ bytes: [UInt8]) -> String {
        var out = String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        let marker = Array("stream".utf8)
        var i = 0
        while let s = find(marker, in: bytes, from: i) {
            var start = s + marker.count
            if start < bytes.count, bytes[start] == 0x0D { start += 1 }
            if start < bytes.count, bytes[start] == 0x0A { start += 1 }
            guard let end = find(Array("endstream".utf8), in: bytes, from: start) else { break }
            let dictionary = String(decoding: bytes[max(0, s - 300)..<s], as: UTF8.self)
            if dictionary.contains("FlateDecode") { out += "\n" + inflate(Array(bytes[start..<end])) }
            i = end + 9
        }
        return out
    }

    /// The XMP packet as UTF-8 text (PDF/A keeps it unfiltered); empty when there is none.
    static func xmp(_ bytes: [UInt8]) -> String {
        guard let a = find(Array("<x:xmpmeta".utf8), in: bytes, from: 0),
              let b = find(Array("</x:xmpmeta>".utf8), in: bytes, from: a) else { return "" }
        return String(decoding: bytes[a..<(b + 12)], as: UTF8.self)
    }

    static func inflate(_ data: [UInt8]) -> String {
        var length: UInt = 0
        guard let p = data.withUnsafeBufferPointer({ saraban_inflate($0.baseAddress, UInt($0.count), 64 << 20, &length) }) else { return "" }
        defer { saraban_free(p) }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(length)).map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = from
        while i + needle.count <= hay.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static func matches(_ s: String, _ pattern: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        return re.matches(in: s, range: NSRange(s.startIndex..., in: s)).compactMap { Range($0.range, in: s).map { String(s[$0]) } }
    }

    static func first(_ s: String, _ pattern: String) -> String? {
        guard let r = s.range(of: pattern, options: .regularExpression) else { return nil }
        return String(s[r])
    }

    /// A /Lang written as a UTF-16 hex string (<FEFF...>), as Saraban writes it.
    static func hexLanguage(_ s: String) -> String? {
        guard let hex = first(s, #"(?<=/Lang\s?<FEFF)[0-9A-Fa-f]*"#) else { return nil }
        var units = [UInt16]()
        var i = hex.startIndex
        while let j = hex.index(i, offsetBy: 4, limitedBy: hex.endIndex), i < hex.endIndex {
            units.append(UInt16(hex[i..<j], radix: 16) ?? 0x3F); i = j
        }
        return String(decoding: units, as: UTF16.self)
    }
}
