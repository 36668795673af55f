import Foundation

/// Which standards a PDF claims. Every PDF is tagged and claims PDF/UA-1; PDF/A-3u needs an sRGB
/// ICC profile for its output intent.
public enum PDFStandard: String, Sendable, CaseIterable {
    /// PDF/A-3u and PDF/UA-1 (the default).
    case pdfA3u = "pdfa-3u"
    /// PDF/UA-1 only: no PDF/A claim and no output intent.
    case none
}

/// What a PDF says about itself: the information dictionary and the XMP metadata agree.
public struct PDFMetadata: Sendable {
    public var title, author, creator, subject: String
    /// ISO 8601 date, e.g. 2026-03-05T00:00:00Z; fixed so the same input gives the same bytes.
    public var date: String
    /// BCP 47 language of the text (the catalog's /Lang; dc:language takes its first part).
    public var language = "th-TH"
    public var standard: PDFStandard = .pdfA3u
    /// The sRGB profile of the output intent (PDF/A only).
    public var colorProfile: ColorProfile?

    public init(title: String, author: String, creator: String, subject: String = "", date: String,
                standard: PDFStandard = .pdfA3u, colorProfile: ColorProfile? = nil) {
        self.title = title; self.author = author; self.creator = creator; self.subject = subject; self.date = date
        self.standard = standard; self.colorProfile = colorProfile
    }

    static let producer = "Saraban"

    /// The information dictionary.
    func infoDictionary() -> [UInt8] {
        var d = PDFBytes()
        d.append("<< /Title "); d.textString(title)
        d.append(" /Author "); d.textString(author)
        if !subject.isEmpty { d.append(" /Subject "); d.textString(subject) }
        d.append(" /Creator "); d.textString(creator)
        d.append(" /Producer ("); d.append(PDFMetadata.producer); d.append(")")
        let pdfDate = PDFMetadata.pdfDate(date)
        d.append(" /CreationDate ("); d.append(pdfDate); d.append(") /ModDate ("); d.append(pdfDate); d.append(") >>")
        return d.bytes
    }

    /// The XMP packet: Dublin Core, XMP basic, PDF, and the PDF/A and PDF/UA identification
    /// (with the extension schema PDF/A asks for pdfuaid, which is not one of its own).
    func xmp() -> [UInt8] {
        let pdfa = standard == .pdfA3u
        var x = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
        x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
        x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
        x += " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\""
        if pdfa {
            x += " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
            x += " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\""
        }
        x += ">"
        x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(PDFMetadata.escaped(title))</rdf:li></rdf:Alt></dc:title>"
        x += "<dc:creator><rdf:Seq><rdf:li>\(PDFMetadata.escaped(author))</rdf:li></rdf:Seq></dc:creator>"
        if !subject.isEmpty {
            x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(PDFMetadata.escaped(subject))</rdf:li></rdf:Alt></dc:description>"
        }
        let lang = language.split(separator: "-").first.map(String.init) ?? language
        x += "<dc:language><rdf:Bag><rdf:li>\(PDFMetadata.escaped(lang))</rdf:li></rdf:Bag></dc:language>"
        x += "<xmp:CreateDate>\(date)</xmp:CreateDate><xmp:ModifyDate>\(date)</xmp:ModifyDate>"
        x += "<xmp:CreatorTool>\(PDFMetadata.escaped(creator))</xmp:CreatorTool>"
        x += "<pdf:Producer>\(PDFMetadata.producer)</pdf:Producer>"
        x += "<pdfuaid:part>1</pdfuaid:part>"
        if pdfa {
            x += "<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>"
            x += "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
            x += "<pdfaSchema:schema>PDF/UA identification</pdfaSchema:schema>"
            x += "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
            x += "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix><pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
            x += "<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
            x += "<pdfaProperty:category>internal</pdfaProperty:category>"
            x += "<pdfaProperty:description>PDF/UA part</pdfaProperty:description>"
            x += "</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>"
        }
        x += "</rdf:Description>\n</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>"
        return Array(x.utf8)
    }

    /// Text for XML content: &, < and > escaped, in one pass over the bytes (Foundation's
    /// replacingOccurrences cost ~30,000 instructions a call, three calls a field).
    static func escaped(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return s }
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ISO 8601 (2026-03-05T00:00:00Z or +07:00) as a PDF date (D:20260305000000Z or +07'00').
    static func pdfDate(_ iso: String) -> String {
        let digits = iso.prefix(19).filter(\.isNumber)
        var s = "D:" + digits + String(repeating: "0", count: max(0, 14 - digits.count))
        let tail = iso.dropFirst(19).drop { $0 == "." || $0.isNumber }
        if tail.hasPrefix("Z") { s += "Z" } else if let sign = tail.first, sign == "+" || sign == "-" {
            let z = tail.dropFirst().filter(\.isNumber)
            if z.count >= 4 { s += "\(sign)\(z.prefix(2))'\(z.dropFirst(2).prefix(2))'" }
        }
        return s
    }
}

/// An ICC colour profile read from the system (never shipped with Saraban): the sRGB profile
/// of a PDF/A output intent.
public struct ColorProfile: Sendable {
    public let bytes: [UInt8]
    /// Where it was read from.
    public let path: String
    /// The profile as the output intent's stream, deflated once for every PDF of the process.
    let packed: PackedStream

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        packed = PackedStream(bytes)
    }
    /// Components of its colour space (3 for RGB).
    public var components: Int { bytes.count >= 20 && bytes[16] == 0x47 ? 1 : 3 }

    /// Where Debian's packages put an sRGB profile: icc-profiles-free, then colord-data.
    public static let searchPaths = ["/usr/share/color/icc/sRGB.icc", "/usr/share/color/icc/colord/sRGB.icc"]

    /// The first readable profile of `SARABAN_ICC_PROFILE` or the search paths, read once per process.
    public static let system: ColorProfile? = {
        var paths = searchPaths
        if let p = ProcessInfo.processInfo.environment["SARABAN_ICC_PROFILE"], !p.isEmpty { paths.insert(p, at: 0) }
        for p in paths {
            if let data = FileManager.default.contents(atPath: p), data.count >= 128, data[36..<40] == Data("acsp".utf8) {
                return ColorProfile(bytes: Array(data), path: p)
            }
        }
        return nil
    }()
}
