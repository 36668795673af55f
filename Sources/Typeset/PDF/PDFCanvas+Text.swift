import Foundation
import ThaiText

extension PDFCanvas {
    /// Text at the size it is drawn, each glyph as wide as its font program says (PDF/A asks the
    /// two to agree); justification and offsets are moves in the TJ array.
    func drawText(_ font: ShapedFont, _ glyphs: [PlacedGlyph], text: String, baseline: Double?) {
        guard !glyphs.isEmpty, font.size > 0 else { return }
        let f = fonts.font(for: font)
        let baseline = baseline ?? glyphs[0].y
        let utf8 = Array(text.utf8)
        let pieces = PDFCanvas.textPieces(glyphs, textLength: utf8.count)
        tagging.emit(&content)
        setFill(0)
        // Written to a local buffer: a stored property of a class is checked for exclusive access
        // at every append, and a document appends a few hundred thousand times.
        var c = PDFBytes()
        swap(&c, &content)
        defer { swap(&c, &content) }
        writeText(&c, f, font, glyphs, pieces, utf8, baseline: baseline)
        writeMarks(&c, f, font, glyphs, pieces)
    }

    /// `f` is the document's font for the file, `shaped` the font at the size the run is drawn.
    private func writeText(_ c: inout PDFBytes, _ f: PDFFonts.Font, _ shaped: ShapedFont, _ glyphs: [PlacedGlyph],
                           _ pieces: [Range<Int>?], _ utf8: [UInt8], baseline: Double) {
        var codes = CodeTable(cff: f.cff)
        swap(&codes, &f.codes)
        defer { swap(&codes, &f.codes) }
        let fontSize = shaped.size
        let perUnit = fontSize / 1000
        let designToPoints = fontSize / Double(f.upem)
        let layout = TextLayout(upem: f.upem, canAddGlyphs: !f.cff)
        var opened = false, pen = 0.0, rise = 0.0, inHex = false
        // Read once: the font's lazy array costs an access check and a retain at every glyph.
        let advances = shaped.designAdvances
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
                move(&c, to: g.x, pen: &pen, perUnit: perUnit, inHex: &inHex)
                let advance = Int(g.id) < advances.count ? advances[Int(g.id)] : 0
                let next = PDFCanvas.nextPiece(after: i, pieces)
                let gap = next.map { glyphs[$0].x - g.x - Double(advance) * designToPoints } ?? 0
                let spaced = PDFCanvas.isSpace(bytes, piece) || next.map { PDFCanvas.isSpace(bytes, pieces[$0]!) } == true
                let width = spaced ? advance : layout.width(advance, gap: gap / designToPoints)
                let glyph = width == advance ? g.id : codes.addedGlyph(g.id, advance: width)
                let nextX = next.map { glyphs[$0].x } ?? pen + Double(width) * designToPoints
                var marks = PDFCanvas.marksStart(bytes, piece)
                let carrier = layout.carrier(marks: PDFCanvas.scalarCount(bytes, marks..<piece.upperBound))
                let end = pen + Double(width) * designToPoints
                let at = carrier.map { ($0.fromPen ? end : nextX) - $0.back * fontSize } ?? 0
                if carrier == nil || !layout.fits(at: at / fontSize, start: pen / fontSize) { marks = piece.upperBound }
                let code = codes.code(glyph: glyph, width: width, text: UnsafeBufferPointer(rebasing: bytes[piece.lowerBound..<marks]))
                if !inHex { c.byte(0x3C); inHex = true }
                c.hex4(Int(code))
                pen += Double(width) * designToPoints
                guard let k = carrier, marks < piece.upperBound else { continue }
                // The marks' text on a blank glyph ending inside the cluster (see `TextLayout`).
                move(&c, to: at, pen: &pen, perUnit: perUnit, inHex: &inHex, whole: true)
                let blank = codes.addedGlyph(AddedGlyph.blank, advance: k.width)
                let mark = codes.code(glyph: blank, width: k.width, text: UnsafeBufferPointer(rebasing: bytes[marks..<piece.upperBound]))
                if !inHex { c.byte(0x3C); inHex = true }
                c.hex4(Int(mark))
                pen += Double(k.width) * designToPoints
            }
        }
        if opened {
            if inHex { c.byte(0x3E) }
            c.append("] TJ\n")
            if rise != 0 { c.append("0 Ts\n") }
            c.append("ET\n")
        }
    }

    /// A TJ move that puts the pen at `x`. The pen may drift from the layout's position by less
    /// than half a thousandth of an em (under 0.01 pt) before a move puts it back: most glyphs need none.
    /// `whole`: in whole thousandths of an em (a carrier needs no finer place).
    private func move(_ c: inout PDFBytes, to x: Double, pen: inout Double, perUnit: Double, inHex: inout Bool, whole: Bool = false) {
        var adjust = whole ? (-(x - pen) / perUnit).rounded() : (-(x - pen) / perUnit * 10).rounded() / 10
        if abs(adjust) < 0.5 { adjust = 0 }
        guard adjust != 0 else { return }
        if inHex { c.byte(0x3E); inHex = false }
        c.number(adjust, decimals: 1)
        pen -= adjust * perUnit
    }

    static func nextPiece(after i: Int, _ pieces: [Range<Int>?]) -> Int? {
        var j = i + 1
        while j < pieces.count {
            if pieces[j] != nil { return j }
            j += 1
        }
        return nil
    }

    /// Whether a piece of text is only white space (a gap next to it is read as a space anyway).
    static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ piece: Range<Int>) -> Bool {
        !piece.isEmpty && piece.allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 }
    }

    /// Where the nonspacing marks at the end of a piece start (its end when it has none, or when
    /// the piece starts with one): the marks' text goes on a carrier, the rest on the glyph.
    static func marksStart(_ bytes: UnsafeBufferPointer<UInt8>, _ piece: Range<Int>) -> Int {
        var i = piece.lowerBound
        var first = true
        while i < piece.upperBound {
            // Thai (E0 B8/B9 xx) and ASCII decided from the bytes: nearly every cluster.
            let b0 = bytes[i]
            if b0 < 0x80 {
                first = false
                i += 1
                continue
            }
            if b0 == 0xE0, i + 2 < piece.upperBound, bytes[i + 1] == 0xB8 || bytes[i + 1] == 0xB9 {
                if !first, PDFCanvas.isThaiMark(bytes[i + 1], bytes[i + 2]) { return i }
                first = false
                i += 3
                continue
            }
            let (scalar, n) = PDFCanvas.scalar(bytes, at: i, end: piece.upperBound)
            if !first, PDFCanvas.isNonspacingMark(scalar) { return i }
            first = false
            i += n
        }
        return piece.upperBound
    }

    /// `isNonspacingMark` for U+0E00…U+0E7F from its last two UTF-8 bytes (E0's own bits are 0).
    private static func isThaiMark(_ b1: UInt8, _ b2: UInt8) -> Bool {
        Scalars.isThaiNonspacingMark(UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F))
    }

    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        range.reduce(0) { $0 + (bytes[$1] & 0xC0 == 0x80 ? 0 : 1) }
    }

    private static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (UInt32, Int) {
        let b0 = UInt32(b[i])
        let n = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
        guard i + n <= end else { return (b0, 1) }
        var v = n == 1 ? b0 : n == 2 ? b0 & 0x1F : n == 3 ? b0 & 0x0F : b0 & 0x07
        var k = 1
        while k < n { v = v << 6 | (UInt32(b[i + k]) & 0x3F); k += 1 }
        return (v, n)
    }

    /// Unicode's Mn: what pdf.js takes for a zero-width diacritic (Thai marks checked first).
    static func isNonspacingMark(_ v: UInt32) -> Bool {
        if v < 0x300 { return false }
        if v >= 0x0E00 && v <= 0x0E7F { return Scalars.isThaiNonspacingMark(v) }
        return Unicode.Scalar(v)?.properties.generalCategory == .nonspacingMark
    }

    /// Marks are drawn as outlines, not text: they carry no characters of their own (their base
    /// carries them), and a raised mark in the text would make readers start a new word. In font
    /// units from the first mark on, each mark placed relative to the one before.
    private func writeMarks(_ c: inout PDFBytes, _ f: PDFFonts.Font, _ shaped: ShapedFont, _ glyphs: [PlacedGlyph],
                            _ pieces: [Range<Int>?]) {
        let unitsPerPoint = Double(f.upem) / shaped.size
        var origin: (x: Double, y: Double)? = nil
        for (i, g) in glyphs.enumerated() where pieces[i] == nil {
            guard let mark = f.mark(g.id, writer: writer) else { continue }
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
        carriers.reserveCapacity(glyphs.count)
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
}
