import Foundation

/// Writes pages into a PDF held in memory: Saraban's own writer, not cairo's.
///
/// The layout already knows every glyph's position and every cluster's characters, so the PDF
/// is written from those directly: one text object per run with relative moves (TJ), text
/// declared at the size it is drawn with each glyph's width as its font program has it, fonts
/// embedded as subsets cut by HarfBuzz, each spacing glyph's text in the font's ToUnicode map by
/// code (see `PDFFonts`), Thai marks as outlines. Every piece of content is tagged (see
/// `PDFTagging`), and the file claims PDF/A-3u and PDF/UA-1 (see `PDFMetadata`).
public final class PDFCanvas: Canvas {
    /// What the file says about itself.
    public typealias Metadata = PDFMetadata

    let metadata: Metadata
    let writer = PDFObjectWriter()
    let fonts = PDFFonts()
    let pageTree: Int, resources: Int
    var content = PDFBytes()
    var size = PageSize(width: 595.28, height: 841.89)
    var pages: [(object: Int, size: PageSize)] = []
    private var images: [ImageKey: (resource: Int, object: Int)] = [:]
    var outline: [(title: String, level: Int, page: Int)] = []
    private var state = GraphicsState()
    private var signatureMark: (block: PageRect, appearance: PageRect)?
    /// Marked content and the structure it belongs to.
    var tagging = PDFTagging()
    /// The first value drawn that was not a finite number within the page's reach: layout's
    /// inputs are bounded, so this is a bug, and the file is refused rather than written wrong.
    var unwritable: String?

    private struct ImageKey: Hashable { let image: ObjectIdentifier; let width: Int; let height: Int }

    /// What the page's content stream has set, so each operator is written only when it changes.
    private struct GraphicsState {
        var fill = 0.0, stroke = 0.0, lineWidth = 1.0, roundCap = false
        var dash: [Double] = []
    }

    public init(metadata: Metadata) {
        self.metadata = metadata
        pageTree = writer.reserve()
        resources = writer.reserve()
        super.init()
    }

    /// Records the first value that cannot be written, naming what it belongs to.
    private func check(_ what: StaticString, _ values: Double...) {
        guard unwritable == nil else { return }
        for v in values where !v.isFinite || abs(v) > PDFBytes.largest {
            unwritable = "\(what): \(v)"
            return
        }
    }

    public override func beginPage(_ size: PageSize) {
        check("page size", size.width, size.height)
        self.size = size
        content = PDFBytes()
        content.bytes.reserveCapacity(16_384)
        state = GraphicsState()
        signatureMark = nil
        tagging.beginPage()
    }

    public override func endPage() {
        tagging.close(&content)
        if content.unwritable > 0, unwritable == nil { unwritable = "a number on page \(pages.count + 1)" }
        let contents = writer.reserve(), page = writer.reserve()
        writer.stream(contents, content.bytes)
        var d = PDFBytes()
        d.append("<< /Type /Page /Parent "); d.integer(pageTree); d.append(" 0 R /MediaBox [0 0 ")
        d.number(size.width); d.byte(0x20); d.number(size.height)
        d.append("] /Resources "); d.integer(resources); d.append(" 0 R /Contents "); d.integer(contents)
        d.append(" 0 R /StructParents "); d.integer(pages.count); d.append(" /Tabs /S")
        if let mark = signatureMark { pieceInfo(mark, into: &d) }
        d.append(" >>")
        writer.object(page, d.bytes)
        pages.append((page, size))
        tagging.endPage()
    }

    public override func bookmark(_ title: String, level: Int) {
        outline.append((title, level, pages.count))
    }

    public override func markSignature(block: PageRect, appearance: PageRect) {
        signatureMark = (block, appearance)
    }

    /// The page's private data (PDF's page-piece dictionary, allowed in PDF/A): where the memo's
    /// signature block is and where a signature's appearance goes, as [x0 y0 x1 y1] in PDF space.
    /// `saraban sign` places the signature field there; no other reader looks at it.
    private func pieceInfo(_ mark: (block: PageRect, appearance: PageRect), into d: inout PDFBytes) {
        d.append(" /PieceInfo << /Saraban << /LastModified (")
        d.append(PDFMetadata.pdfDate(metadata.date))
        d.append(") /Private << /SignatureBox ")
        rectangle(mark.block, into: &d)
        d.append(" /AppearanceBox ")
        rectangle(mark.appearance, into: &d)
        d.append(" >> >> >>")
    }

    private func rectangle(_ r: PageRect, into d: inout PDFBytes) {
        d.byte(0x5B)
        d.number(r.x); d.byte(0x20); d.number(size.height - r.y - r.height); d.byte(0x20)
        d.number(r.x + r.width); d.byte(0x20); d.number(size.height - r.y)
        d.byte(0x5D)
    }

    public override func beginSection(_ structure: StructureTree) {
        tagging.beginSection(structure)
    }

    public override func setContent(_ tag: ContentTag) {
        tagging.want(tag)
    }

    // MARK: drawing

    public override func drawGlyphs(_ font: ShapedFont, _ glyphs: [PlacedGlyph], text: String, baseline: Double? = nil) {
        let reach = PDFBytes.largest
        // A NaN fails every comparison, so one test per coordinate covers it too.
        guard font.size.isFinite, (baseline ?? 0).isFinite, glyphs.allSatisfy({ abs($0.x) <= reach && abs($0.y) <= reach }) else {
            check("text", font.size, baseline ?? 0)
            for g in glyphs { check("glyph position", g.x, g.y) }
            return
        }
        drawText(font, glyphs, text: text, baseline: baseline)
    }

    public override func line(from a: (Double, Double), to b: (Double, Double), width: Double, dash: [Double] = [], round: Bool = false) {
        check("line", a.0, a.1, b.0, b.1, width)
        tagging.emit(&content)
        if state.stroke != 0 { content.append("0 G\n"); state.stroke = 0 }
        if state.lineWidth != width { content.number(width); content.append(" w\n"); state.lineWidth = width }
        if state.roundCap != round { content.append(round ? "1 J\n" : "0 J\n"); state.roundCap = round }
        if state.dash != dash {
            content.byte(0x5B)
            for (i, d) in dash.enumerated() { if i > 0 { content.byte(0x20) }; content.number(d) }
            content.append("] 0 d\n")
            state.dash = dash
        }
        content.number(a.0); content.byte(0x20); content.number(size.height - a.1); content.append(" m ")
        content.number(b.0); content.byte(0x20); content.number(size.height - b.1); content.append(" l S\n")
    }

    public override func fill(x: Double, y: Double, width: Double, height: Double, gray: Double) {
        check("fill", x, y, width, height, gray)
        tagging.emit(&content)
        setFill(gray)
        content.op(x, size.height - y - height, width, height, operator: "re f")
    }

    public override func draw(_ image: ImageAsset, x: Double, y: Double, width: Double, height: Double) {
        check("picture", x, y, width, height)
        guard let pixels = image.pdfPixels(width: width, height: height) else { return }
        let key = ImageKey(image: ObjectIdentifier(image), width: pixels.width, height: pixels.height)
        let entry = images[key] ?? addImage(pixels, key)
        tagging.emit(&content)
        content.append("q ")
        content.op(width, 0, 0, height, x, size.height - y - height, operator: "cm")
        content.append("/Im"); content.integer(entry.resource); content.append(" Do Q\n")
    }

    private func addImage(_ p: PDFPixels, _ key: ImageKey) -> (resource: Int, object: Int) {
        let object = writer.reserve()
        var extra = "/Type /XObject /Subtype /Image /Width \(p.width) /Height \(p.height) /ColorSpace /DeviceRGB /BitsPerComponent 8"
        if let alpha = p.alpha {
            let mask = writer.reserve()
            writer.deflatedStream(mask, alpha, extra: "/Type /XObject /Subtype /Image /Width \(p.width) /Height \(p.height) /ColorSpace /DeviceGray /BitsPerComponent 8")
            extra += " /SMask \(mask) 0 R"
        }
        writer.deflatedStream(object, p.rgb, extra: extra)
        let entry = (images.count + 1, object)
        images[key] = entry
        return entry
    }

    func setFill(_ gray: Double) {
        guard state.fill != gray else { return }
        content.number(gray); content.append(" g\n")
        state.fill = gray
    }

    /// The page resources: every font, image and mark outline of the document.
    func writeResources(fontObjects: [Int: Int]) {
        var d = PDFBytes()
        d.append("<< /Font <<")
        for (r, n) in fontObjects.sorted(by: { $0.key < $1.key }) { d.append(" /F"); d.integer(r); d.byte(0x20); d.integer(n); d.append(" 0 R") }
        d.append(" >>")
        let marks = fonts.marks
        if !images.isEmpty || !marks.isEmpty {
            d.append(" /XObject <<")
            for (r, n) in images.values.sorted(by: { $0.resource < $1.resource }) {
                d.append(" /Im"); d.integer(r); d.byte(0x20); d.integer(n); d.append(" 0 R")
            }
            for (r, n) in marks { d.append(" /G"); d.integer(r); d.byte(0x20); d.integer(n); d.append(" 0 R") }
            d.append(" >>")
        }
        d.append(" >>")
        writer.object(resources, d.bytes)
    }
}

/// A PDF that was not written because a value drawn was not a number PDF can hold.
public struct PDFWriteError: Error, CustomStringConvertible {
    public let what: String
    public var description: String { "a value to draw is not a finite number within the page (\(what))" }
    public var thai: String { "มีค่าที่จะวาดซึ่งไม่ใช่ตัวเลขจำกัดที่อยู่ในหน้ากระดาษ (\(what))" }
}
