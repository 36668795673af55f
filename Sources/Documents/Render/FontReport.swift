import Foundation
import Typeset

/// What `saraban fonts` prints: the files used for regular and bold text and their Thai coverage.
public struct FontReport: Sendable {
    public let text: String
    public let coversThai: Bool
    /// The family chain asked for, the Fonts/ folder, and the first family of the chain installed.
    public let chain: String
    public let folder: String
    public let family: String?
    /// The regular and the bold face used.
    public let faces: [Face]

    /// One face: which family and file fontconfig gave, and whether it has every Thai letter.
    public struct Face: Sendable {
        public let label: String
        public let family: String?
        public let file: String?
        public let coversThai: Bool
    }

    public init(resources: Resources, family: String?) {
        let chain = family ?? DocumentLoader(resources: resources).styleFont() ?? ""
        let fonts = FontSystem()
        let family = fonts.installedFamily(chain)
        var lines = ["family chain: \(chain)", "Fonts/ folder: \(resources.fonts)", "used: \(family ?? "none installed / ไม่มีแบบอักษรในรายการที่ติดตั้งไว้")"]
        var faces = [Face]()
        for (label, bold) in [("regular", false), ("bold", true)] {
            let f = family.flatMap { fonts.primaryFont(FontSpec(family: $0, size: 16, bold: bold)) }
            let covers = f.map { font in "กขคงจฉชซญฎฐณดตถทนบปผพฟภมยรลวศษสหฬอฮะาำิีึืุูเแโใไ่้๊๋็์๐๙".unicodeScalars.allSatisfy { font.covers($0) } } ?? false
            faces.append(Face(label: label, family: f?.family, file: f?.file, coversThai: covers))
            lines.append("\(label): \(f?.family ?? "none") — \(f?.file ?? "no file")  Thai: \(covers ? "yes / ครบ" : "NO / ไม่ครบ")")
        }
        text = lines.joined(separator: "\n")
        coversThai = faces.allSatisfy(\.coversThai)
        self.chain = chain
        folder = resources.fonts
        self.family = family
        self.faces = faces
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
