import Foundation
import Layout
import ThaiText
import Typeset

/// Composes, paginates and paints documents. One renderer per thread: it owns a font system.
public final class DocumentRenderer {
    public static let version = "0.1.0"
    let fonts: FontSystem
    let layouter: ParagraphLayouter
    /// Laid-out attachments for reuse across documents (batch); nil: every document from scratch.
    public var sharedLayouts: SharedLayouts?
    /// The render under way may be abandoned (the service's timeout): layout stops early and the
    /// result must be thrown away. nil on the command line.
    public var cancellation: RenderCancellation? {
        get { layouter.cancellation }
        set { layouter.cancellation = newValue }
    }

    /// Starts loading the fonts' configuration and the Thai dictionary in the background, for a
    /// command that will lay text out; `setUp` waits for what it needs.
    public static func startLoading() {
        FontSystem.startLoading()
    }

    /// Registers Fonts/ with fontconfig; call once before making renderers.
    public static func setUp(_ resources: Resources) {
        _ = FontSystem.registerFontDirectory(resources.fonts)
    }

    public init() {
        fonts = FontSystem()
        layouter = ParagraphLayouter(fonts: fonts)
    }

    /// The document's pages, ready to paint.
    public func pages(_ doc: Document, _ style: Style) throws -> [Page] {
        let emblem = try doc.emblemImage.map { try ImageAsset(data: $0) }
        let signature = try doc.signatureImage.map { try ImageAsset(data: $0) }
        let memo = doc.memo
        let names = [memo.signature?.name].compactMap { $0 } + memo.comments.compactMap(\.name)
        let text = TextComposer(layouter: layouter, style: style, phrases: [memo.agency] + names + (memo.phone.map { ["โทร. " + $0] } ?? []))
        let composer = MemoComposer(text: text, style: style, emblem: emblem, signatureImage: signature)
        var section = composer.section(memo)
        section.bookmark = "บันทึกข้อความ: " + memo.subject
        let flow = Flow(layouter: layouter)
        let limit = InputLimits.pages
        var pages = flow.pages(section, atMost: limit)
        try Self.checkLength(pages.count, doc, section: 0)
        let attach = AttachmentComposer(text: text, style: style, memo: composer)
        for (k, a) in doc.attachments.enumerated() {
            // An abandoned render's pages are meaningless: never keep them for other documents.
            if let shared = sharedLayouts, layouter.cancellation == nil {
                // The attachment's pages depend on its content, the style and the phrases kept whole.
                let key = SharedLayouts.key(a, style: style, phrases: text.protected)
                pages += shared.pages(for: key) { flow.pages(attach.section(a), atMost: limit) }
            } else {
                pages += flow.pages(attach.section(a), atMost: limit)
            }
            try Self.checkLength(pages.count, doc, section: k + 1)
        }
        return pages
    }

    /// A document may have at most InputLimits.pages pages; the section that passes it is named.
    static func checkLength(_ count: Int, _ doc: Document, section k: Int) throws {
        guard count > InputLimits.pages else { return }
        let place = k < doc.sectionPlaces.count ? doc.sectionPlaces[k] : (line: 0, column: 0)
        let what = k == 0 ? "the memo" : "attachment \(k)", thai = k == 0 ? "บันทึกข้อความ" : "สิ่งที่แนบลำดับที่ \(k)"
        throw Problems([Problem(file: doc.file, line: place.line, column: place.column,
                                message: "with \(what) the document runs past \(InputLimits.pages) pages, the most one document may have; split it into several documents",
                                thai: "เมื่อรวม\(thai) เอกสารยาวเกิน \(InputLimits.pages) หน้า ซึ่งเป็นจำนวนมากที่สุดที่เอกสารหนึ่งจะมีได้ ให้แบ่งเป็นหลายเอกสาร")])
    }

    /// The PDF bytes: same input, same bytes (the date comes from the document or SOURCE_DATE_EPOCH).
    public func pdf(_ doc: Document, _ style: Style) throws -> Data {
        let meta = try metadata(doc, style)
        let pages = try pages(doc, style)
        let canvas = PDFCanvas(metadata: meta)
        Painter().paint(pages, on: canvas)
        return try finish(canvas, doc)
    }

    /// The canvas's file; a value the writer cannot hold (a bug: layout's inputs are bounded)
    /// becomes a problem of the document rather than a broken file.
    func finish(_ canvas: PDFCanvas, _ doc: Document) throws -> Data {
        do { return try canvas.finish() } catch let e as PDFWriteError {
            throw Problems([Problem(file: doc.file, line: 0, column: 0, message: "the PDF cannot be made: \(e.description)",
                                    thai: "สร้างแฟ้ม PDF ไม่ได้: \(e.thai)")])
        }
    }

    /// The largest page image a preview makes: cairo's side limit, and pixels in all.
    public static let maxPreviewSide = ImageCanvas.maxPixels
    public static let maxPreviewPixels = 150e6

    /// The PDF, its page count and page 1 as a PNG, from one layout (batch needs all three).
    public func render(_ doc: Document, _ style: Style, thumbnailDPI: Double?) throws -> Rendered {
        let meta = try metadata(doc, style)
        let pages = try pages(doc, style)
        let canvas = PDFCanvas(metadata: meta)
        Painter().paint(pages, on: canvas)
        let pdf = try finish(canvas, doc)
        var thumbnail: Data?
        if let dpi = thumbnailDPI, let first = pages.first {
            let image = ImageCanvas(dpi: dpi)
            Painter().paint([first], on: image)
            thumbnail = image.pages.first
        }
        return Rendered(pdf: pdf, pageCount: pages.count, thumbnail: thumbnail)
    }

    /// What `render(_:_:thumbnailDPI:)` returns.
    public struct Rendered: Sendable {
        public var pdf: Data
        public var pageCount: Int
        public var thumbnail: Data?
    }

    /// One PNG per page.
    public func previews(_ doc: Document, _ style: Style, dpi: Double) throws -> [Data] {
        let canvas = ImageCanvas(dpi: dpi)
        Painter().paint(try pages(doc, style), on: canvas)
        return canvas.pages
    }

    /// The PDF's metadata; PDF/A (the style's `pdf.standard`) needs the system's sRGB profile.
    func metadata(_ doc: Document, _ style: Style) throws -> PDFCanvas.Metadata {
        var date = "2000-01-01T00:00:00Z"
        if let d = doc.memo.date, let t = ThaiDate(iso: d) {
            date = String(format: "%04d-%02d-%02dT00:00:00Z", t.year, t.month, t.day)
        } else if let e = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let secs = Double(e) {
            let f = ISO8601DateFormatter()
            date = f.string(from: Date(timeIntervalSince1970: secs))
        }
        var meta = PDFCanvas.Metadata(title: doc.memo.subject, author: doc.memo.agency,
                                      creator: "Saraban \(DocumentRenderer.version)", date: date, standard: style.pdfStandard)
        if style.pdfStandard == .pdfA3u {
            guard let profile = ColorProfile.system else { throw DocumentRenderer.missingProfile }
            meta.colorProfile = profile
        }
        return meta
    }

    /// What a PDF/A render says when no sRGB profile is installed.
    static let missingProfile = PDFStandardError(message: "PDF/A-3u needs an sRGB ICC profile: none found at "
        + ColorProfile.searchPaths.joined(separator: " or ")
        + " (apt-get install icc-profiles-free, set SARABAN_ICC_PROFILE, or render with --pdf-standard none)"
        + " / ไม่พบโปรไฟล์สี sRGB ที่ PDF/A ต้องใช้: ติดตั้งแพ็กเกจ icc-profiles-free หรือใช้ --pdf-standard none")
}

extension Document {
    /// The date as the memo prints it (Thai, in the style's digits), for listings such as a batch's index.
    public func printedDate(_ style: Style) -> String? {
        guard let d = memo.date else { return nil }
        return ThaiDate(iso: d)?.formatted(style.digits) ?? d
    }
}
