import Foundation

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
        var opened = false, pen = 0.0, rise = 0.0, inHex = false
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
                let advance = shaped.designAdvance(g.id)
                let code = codes.code(glyph: g.id, width: advance, text: UnsafeBufferPointer(rebasing: bytes[piece]))
                if !inHex { c.byte(0x3C); inHex = true }
                c.hex4(Int(code))
                pen += Double(advance) * designToPoints
            }
        }
        if opened {
            if inHex { c.byte(0x3E) }
            c.append("] TJ\n")
            if rise != 0 { c.append("0 Ts\n") }
            c.append("ET\n")
        }
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
