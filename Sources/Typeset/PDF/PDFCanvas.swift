import Foundation

/// Writes pages into a PDF held in memory: Saraban's own writer, not cairo's.
///
/// The layout already knows every glyph's position and every cluster's characters, so the PDF
/// is written from those directly: one text object per run with relative moves (TJ), fonts
/// embedded as subsets cut by HarfBuzz, each spacing glyph's text in the font's ToUnicode map by
/// code (see `PDFFonts`), Thai marks as outlines, and text declared at sizes that keep a table
/// cell's lines together (see `declaredScale`): that is what makes the Thai come back out whole
/// in every reader.
public final class PDFCanvas: Canvas {
    /// Metadata written into the file's information dictionary.
    public struct Metadata: Sendable {
        public var title, author, creator, subject: String
        /// ISO 8601 date, e.g. 2026-03-05T00:00:00Z; fixed so the same input gives the same bytes.
        public var date: String
        public init(title: String, author: String, creator: String, subject: String = "", date: String) {
            self.title = title; self.author = author; self.creator = creator; self.subject = subject; self.date = date
        }
    }

    private let metadata: Metadata
    private let writer = PDFObjectWriter()
    private let fonts = PDFFonts()
    private let pageTree: Int, resources: Int
    private var content = PDFBytes()
    private var size = PageSize(width: 595.28, height: 841.89)
    private var pages: [(object: Int, size: PageSize)] = []
    private var images: [ImageKey: (resource: Int, object: Int)] = [:]
    private var outline: [(title: String, level: Int, page: Int)] = []
    private var state = GraphicsState()
    /// The first value drawn that was not a finite number within the page's reach: layout's
    /// inputs are bounded, so this is a bug, and the file is refused rather than written wrong.
    private var unwritable: String?

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
    }

    public override func endPage() {
        if content.unwritable > 0, unwritable == nil { unwritable = "a number on page \(pages.count + 1)" }
        let contents = writer.reserve(), page = writer.reserve()
        writer.stream(contents, content.bytes)
        var d = PDFBytes()
        d.append("<< /Type /Page /Parent "); d.integer(pageTree); d.append(" 0 R /MediaBox [0 0 ")
        d.number(size.width); d.byte(0x20); d.number(size.height)
        d.append("] /Resources "); d.integer(resources); d.append(" 0 R /Contents "); d.integer(contents); d.append(" 0 R >>")
        writer.object(page, d.bytes)
        pages.append((page, size))
    }

    public override func bookmark(_ title: String, level: Int) {
        outline.append((title, level, pages.count))
    }

    // MARK: drawing

    /// The size text is declared at in the PDF, from its font's line height, with the font
    /// program's units per em scaled to match so that the ink is the same. Readers that rebuild the
    /// reading order from positions (poppler's pdftotext, pdfminer) measure lines by the size:
    ///
    /// - poppler puts two lines in one block only if their baselines are less than 1.5 sizes
    ///   apart (pdfminer: a gap under half a size), and counts baselines less than half a size
    ///   apart as one line. Thai fonts set lines 1.3 to 1.7 sizes apart (Laksaman 24 pt at 14 pt),
    ///   so each line of a table cell was a block of its own and the lines of neighbouring cells
    ///   were read across the row, cutting every word that runs on to a cell's next line.
    ///   Declared at 0.7 line heights, a cell's lines are one block.
    /// - poppler also pulls into a block the text beside it (0.7 to 1 size away) unless their sizes
    ///   differ by more than 60 %, and the regulation's 3 pt cell padding leaves 9 pt between
    ///   columns: every second column is declared 2.7 times larger again (1.89 line heights, still
    ///   under two), so no neighbour shares its size and each cell is read whole.
    ///
    /// Readers that follow the content stream (pdfium, mupdf) are not affected. What changes is
    /// the size a PDF editor reports and the height of a viewer's selection box over the text.
    static let declaredLineHeights = 0.7
    static let alternateColumnScale = 2.7

    /// How many times its drawn size text in `font` is declared, in twentieths: a font's line
    /// height is not quite proportional to its size, and each scale is a font program of its own.
    static func declaredScale(_ font: ShapedFont, alternateColumn: Bool) -> Double {
        let lines = font.lineHeight > 0 ? font.lineHeight / font.size : 1
        let scale = declaredLineHeights * lines * (alternateColumn ? alternateColumnScale : 1)
        return max(1, (scale * 20).rounded()) / 20
    }

    public override func drawGlyphs(_ font: ShapedFont, _ glyphs: [PlacedGlyph], text: String, baseline: Double? = nil,
                                    alternateColumn: Bool = false) {
        guard !glyphs.isEmpty, font.size > 0 else { return }
        let reach = PDFBytes.largest
        // A NaN fails every comparison, so one test per coordinate covers it too.
        guard font.size.isFinite, (baseline ?? 0).isFinite, glyphs.allSatisfy({ abs($0.x) <= reach && abs($0.y) <= reach }) else {
            check("text", font.size, baseline ?? 0)
            for g in glyphs { check("glyph position", g.x, g.y) }
            return
        }
        let f = fonts.font(for: font, scaled: PDFCanvas.declaredScale(font, alternateColumn: alternateColumn))
        // The size the text is declared at (see `declaredScale`), with a font program to match.
        let fontSize = font.size * Double(f.declaredUpem) / Double(f.upem)
        let baseline = baseline ?? glyphs[0].y
        let utf8 = Array(text.utf8)
        let pieces = PDFCanvas.textPieces(glyphs, textLength: utf8.count)
        setFill(0)
        // Written to a local buffer: a stored property of a class is checked for exclusive access
        // at every append, and a document appends a few hundred thousand times.
        var c = PDFBytes()
        swap(&c, &content)
        defer { swap(&c, &content) }
        var codes = CodeTable(cff: f.cff)
        swap(&codes, &f.codes)
        defer { swap(&codes, &f.codes) }
        var opened = false, pen = 0.0, rise = 0.0, inHex = false
        let perUnit = fontSize / 1000
        // The next glyph that carries text, to see the gap justification left after each.
        var next = [Int](repeating: -1, count: glyphs.count)
        var following = -1
        for i in glyphs.indices.reversed() where pieces[i] != nil { next[i] = following; following = i }
        utf8.withUnsafeBufferPointer { bytes in
            for (i, g) in glyphs.enumerated() {
                guard let piece = pieces[i] else { continue }
                if !opened {
                    c.append("BT\n/F"); c.integer(f.resource); c.byte(0x20); c.number(fontSize)
                    c.append(" Tf\n1 0 0 1 "); c.number(g.x); c.byte(0x20)
                    c.number(size.height - baseline); c.append(" Tm\n[")
                    pen = g.x; opened = true
                }
                let r = baseline - g.y
                if abs(r - rise) > 0.0005 {
                    if inHex { c.byte(0x3E); inHex = false }
                    c.append("] TJ\n"); c.number(r); c.append(" Ts\n[")
                    rise = r
                }
                // The pen may drift from the layout's position by less than half a thousandth of
                // an em (under 0.01 pt) before a move puts it back: most glyphs need none.
                var adjust = (-(g.x - pen) / perUnit * 10).rounded() / 10
                if abs(adjust) < 0.5 { adjust = 0 }
                if adjust != 0 {
                    if inHex { c.byte(0x3E); inHex = false }
                    c.number(adjust, decimals: 1)
                    pen -= adjust * perUnit
                }
                // A gap wider than a reader's word-break threshold (a tenth of the declared em in
                // poppler and pdfminer, more in pdfium and mupdf) would read as a space inside the
                // word: a gap near it (over 0.08 em) becomes part of the glyph's width instead, so
                // readers see the glyphs touch. Smaller gaps stay moves, and glyphs keep their codes.
                var advance = g.advance
                if next[i] >= 0 {
                    let gap = glyphs[next[i]].x - (g.x + g.advance)
                    if gap > 0.08 * fontSize { advance += gap }
                }
                let width = Int32(clamping: Int((advance / perUnit).rounded()))
                let code = codes.code(glyph: g.id, width: width, text: UnsafeBufferPointer(rebasing: bytes[piece]))
                if !inHex { c.byte(0x3C); inHex = true }
                c.hex4(Int(code))
                pen += Double(width) * perUnit
            }
        }
        if opened {
            if inHex { c.byte(0x3E) }
            c.append("] TJ\n")
            if rise != 0 { c.append("0 Ts\n") }
            c.append("ET\n")
        }
        // Marks are drawn as outlines, not text: they carry no characters of their own (their
        // base carries them), and a raised mark in the text would make readers start a new word.
        // In font units from the first mark on, each mark placed relative to the one before.
        let marks = fonts.font(for: font)
        let unitsPerPoint = Double(marks.upem) / font.size
        var origin: (x: Double, y: Double)? = nil
        for (i, g) in glyphs.enumerated() where pieces[i] == nil {
            guard let mark = marks.mark(g.id, writer: writer) else { continue }
            if let o = origin {
                let dx = ((g.x - o.x) * unitsPerPoint).rounded(), dy = ((o.y - g.y) * unitsPerPoint).rounded()
                c.append("1 0 0 1 "); c.integer(Int(dx)); c.byte(0x20); c.integer(Int(dy)); c.append(" cm ")
                origin = (o.x + dx / unitsPerPoint, o.y - dy / unitsPerPoint)
            } else {
                c.append("q "); c.number(1 / unitsPerPoint, decimals: 6); c.append(" 0 0 ")
                c.number(1 / unitsPerPoint, decimals: 6); c.byte(0x20)
                c.op(g.x, size.height - g.y, operator: "cm")
                origin = (g.x, g.y)
            }
            c.append("/G"); c.integer(mark); c.append(" Do\n")
        }
        if origin != nil { c.append("Q\n") }
    }

    /// The text each glyph carries, as a byte range of the run's text; nil for a glyph drawn
    /// without text. Glyphs with an advance carry text: each from its own character up to the next
    /// such glyph's (the first from the run's start), so a base takes its marks and the pieces
    /// cover the text in order. Marks (no advance) and a second glyph of one character carry none.
    static func textPieces(_ glyphs: [PlacedGlyph], textLength: Int) -> [Range<Int>?] {
        var pieces = [Range<Int>?](repeating: nil, count: glyphs.count)
        var carriers = [Int]()
        var last = Int32(-1)
        for (i, g) in glyphs.enumerated() where g.advance > 0 && g.textOffset > last {
            carriers.append(i); last = g.textOffset
        }
        if carriers.isEmpty { carriers = [0] }
        for (k, i) in carriers.enumerated() {
            let start = k == 0 ? 0 : Int(glyphs[i].textOffset)
            let end = k + 1 < carriers.count ? Int(glyphs[carriers[k + 1]].textOffset) : textLength
            pieces[i] = min(start, end)..<max(start, end)
        }
        return pieces
    }

    public override func line(from a: (Double, Double), to b: (Double, Double), width: Double, dash: [Double] = [], round: Bool = false) {
        check("line", a.0, a.1, b.0, b.1, width)
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
        setFill(gray)
        content.op(x, size.height - y - height, width, height, operator: "re f")
    }

    public override func draw(_ image: ImageAsset, x: Double, y: Double, width: Double, height: Double) {
        check("picture", x, y, width, height)
        guard let pixels = image.pdfPixels(width: width, height: height) else { return }
        let key = ImageKey(image: ObjectIdentifier(image), width: pixels.width, height: pixels.height)
        let entry = images[key] ?? addImage(pixels, key)
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

    private func setFill(_ gray: Double) {
        guard state.fill != gray else { return }
        content.number(gray); content.append(" g\n")
        state.fill = gray
    }

    // MARK: the file

    /// Finishes the document and returns the PDF bytes.
    public func finish() throws -> Data {
        if pages.isEmpty { beginPage(size); endPage() }
        if let what = unwritable { throw PDFWriteError(what: what) }
        let fontObjects = fonts.write(into: writer)
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

        d = PDFBytes()
        d.append("<< /Type /Pages /Kids [")
        for (i, p) in pages.enumerated() { if i > 0 { d.byte(0x20) }; d.integer(p.object); d.append(" 0 R") }
        d.append("] /Count "); d.integer(pages.count); d.append(" >>")
        writer.object(pageTree, d.bytes)

        let outlineRoot = outline.isEmpty ? nil : writeOutline()
        let info = writer.reserve()
        d = PDFBytes()
        d.append("<< /Title "); d.textString(metadata.title)
        d.append(" /Author "); d.textString(metadata.author)
        if !metadata.subject.isEmpty { d.append(" /Subject "); d.textString(metadata.subject) }
        d.append(" /Creator "); d.textString(metadata.creator)
        d.append(" /Producer (Saraban)")
        let date = PDFCanvas.pdfDate(metadata.date)
        d.append(" /CreationDate ("); d.append(date); d.append(") /ModDate ("); d.append(date); d.append(") >>")
        writer.object(info, d.bytes)

        let catalog = writer.reserve()
        d = PDFBytes()
        d.append("<< /Type /Catalog /Pages "); d.integer(pageTree); d.append(" 0 R /Lang (th-TH)")
        if let outlineRoot { d.append(" /Outlines "); d.integer(outlineRoot); d.append(" 0 R") }
        d.append(" >>")
        writer.object(catalog, d.bytes)
        return Data(writer.finish(root: catalog, info: info))
    }

    /// The bookmarks as PDF outline items: each under the nearest earlier item of a lower level.
    private func writeOutline() -> Int {
        let root = writer.reserve()
        let objects = outline.map { _ in writer.reserve() }
        var parent = [Int](repeating: -1, count: outline.count)
        var stack: [Int] = []
        for (i, item) in outline.enumerated() {
            while let top = stack.last, outline[top].level >= item.level { stack.removeLast() }
            parent[i] = stack.last ?? -1
            stack.append(i)
        }
        // Each item's children in order, and its place among its siblings (found once: a search
        // per item made a document of many attachments quadratic).
        var childrenOf = [Int: [Int]]()
        var place = [Int](repeating: 0, count: outline.count)
        for i in outline.indices {
            place[i] = childrenOf[parent[i], default: []].count
            childrenOf[parent[i], default: []].append(i)
        }
        func children(_ p: Int) -> [Int] { childrenOf[p] ?? [] }
        for (i, item) in outline.enumerated() {
            let siblings = children(parent[i]), kids = children(i)
            let at = place[i]
            var d = PDFBytes()
            d.append("<< /Title "); d.textString(item.title)
            d.append(" /Parent "); d.integer(parent[i] < 0 ? root : objects[parent[i]]); d.append(" 0 R")
            if at > 0 { d.append(" /Prev "); d.integer(objects[siblings[at - 1]]); d.append(" 0 R") }
            if at + 1 < siblings.count { d.append(" /Next "); d.integer(objects[siblings[at + 1]]); d.append(" 0 R") }
            if let first = kids.first, let last = kids.last {
                d.append(" /First "); d.integer(objects[first]); d.append(" 0 R /Last "); d.integer(objects[last])
                d.append(" 0 R /Count "); d.integer(kids.count)
            }
            let page = pages[min(item.page, pages.count - 1)]
            d.append(" /Dest ["); d.integer(page.object); d.append(" 0 R /XYZ 0 "); d.number(page.size.height); d.append(" 0] >>")
            writer.object(objects[i], d.bytes)
        }
        let top = children(-1)
        var d = PDFBytes()
        d.append("<< /Type /Outlines /First "); d.integer(objects[top.first!]); d.append(" 0 R /Last ")
        d.integer(objects[top.last!]); d.append(" 0 R /Count "); d.integer(top.count); d.append(" >>")
        writer.object(root, d.bytes)
        return root
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

/// A PDF that was not written because a value drawn was not a number PDF can hold.
public struct PDFWriteError: Error, CustomStringConvertible {
    public let what: String
    public var description: String { "a value to draw is not a finite number within the page (\(what))" }
    public var thai: String { "มีค่าที่จะวาดซึ่งไม่ใช่ตัวเลขจำกัดที่อยู่ในหน้ากระดาษ (\(what))" }
}
