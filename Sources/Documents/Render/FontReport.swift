import Foundation
import Typeset

/// What `saraban fonts` prints: the files used for regular and bold text and their Thai coverage.
public struct FontReport {
    public let text: String
    public let coversThai: Bool

    public init(resources: Resources, family: String?) {
        let chain = family ?? DocumentLoader(resources: resources).styleFont() ?? ""
        let fonts = FontSystem()
        let family = fonts.installedFamily(chain)
        var lines = ["family chain: \(chain)", "Fonts/ folder: \(resources.fonts)", "used: \(family ?? "none installed / ไม่มีแบบอักษรในรายการที่ติดตั้งไว้")"]
        var thai = true
        for (label, bold) in [("regular", false), ("bold", true)] {
            let f = family.flatMap { fonts.primaryFont(FontSpec(family: $0, size: 16, bold: bold)) }
            let covers = f.map { font in "กขคงจฉชซญฎฐณดตถทนบปผพฟภมยรลวศษสหฬอฮะาำิีึืุูเแโใไ่้๊๋็์๐๙".unicodeScalars.allSatisfy { font.covers($0) } } ?? false
            thai = thai && covers
            lines.append("\(label): \(f?.family ?? "none") — \(f?.file ?? "no file")  Thai: \(covers ? "yes / ครบ" : "NO / ไม่ครบ")")
        }
        text = lines.joined(separator: "\n")
        coversThai = thai
    }
}

extension DocumentLoader {
    /// The style file's font chain.
    func styleFont() -> String? {
        try? StyleLoader.load(styleFile: resources.defaultStyle, overrides: nil, documentFile: "").font
    }
}

/// `saraban inspect`'s report of a PDF (Typeset reads it).
public enum PDFReport {
    /// The report's lines, or nil when the bytes are not a PDF.
    public static func inspect(_ data: Data) -> String? { PDFInspection(data)?.report }
}
