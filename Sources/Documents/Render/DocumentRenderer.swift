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
        var pages = flow.pages(section)
        let attach = AttachmentComposer(text: text, style: style, memo: composer)
        for a in doc.attachments {
            // An abandoned render's pages are meaningless: never keep them for other documents.
            guard let shared = sharedLayouts, layouter.cancellation == nil else { pages += flow.pages(attach.section(a)); continue }
            // The attachment's pages depend on its content, the style and the phrases kept whole.
            let key = SharedLayouts.key(a, style: style, phrases: text.protected)
            pages += shared.pages(for: key) { flow.pages(attach.section(a)) }
        }
        return pages
    }

    /// The PDF bytes: same input, same bytes (the date comes from the document or SOURCE_DATE_EPOCH).
    public func pdf(_ doc: Document, _ style: Style) throws -> Data {
        let pages = try pages(doc, style)
        let canvas = PDFCanvas(metadata: metadata(doc))
        Painter().paint(pages, on: canvas)
        return try canvas.finish()
    }

    /// The PDF, its page count and page 1 as a PNG, from one layout (batch needs all three).
    public func render(_ doc: Document, _ style: Style, thumbnailDPI: Double?) throws -> Rendered {
        let pages = try pages(doc, style)
        let canvas = PDFCanvas(metadata: metadata(doc))
        Painter().paint(pages, on: canvas)
        let pdf = try canvas.finish()
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

    func metadata(_ doc: Document) -> PDFCanvas.Metadata {
        var date = "2000-01-01T00:00:00Z"
        if let d = doc.memo.date, let t = ThaiDate(iso: d) {
            date = String(format: "%04d-%02d-%02dT00:00:00Z", t.year, t.month, t.day)
        } else if let e = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let secs = Double(e) {
            let f = ISO8601DateFormatter()
            date = f.string(from: Date(timeIntervalSince1970: secs))
        }
        return PDFCanvas.Metadata(title: doc.memo.subject, author: doc.memo.agency,
                                  creator: "Saraban \(DocumentRenderer.version)", date: date)
    }
}

extension Document {
    /// The date as the memo prints it (Thai, in the style's digits), for listings such as a batch's index.
    public func printedDate(_ style: Style) -> String? {
        guard let d = memo.date else { return nil }
        return ThaiDate(iso: d)?.formatted(style.digits) ?? d
    }
}
