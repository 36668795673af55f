import Typeset

/// Sets paragraphs: shape once, break lines for the whole paragraph, justify, and cut glyph runs.
public final class ParagraphLayouter {
    let shaper: Shaper
    /// How glyph runs map back to text in the PDF.

    /// Paragraphs set before, reused when the same text and style come again.
    private let cache = LineCache(capacity: 1024)

    /// Set by the service for the render under way: once it is cancelled, paragraphs come back
    /// as one empty line each, never kept in the cache (nil: never cancelled, as on the command line).
    public var cancellation: RenderCancellation?

    public init(fonts: FontSystem) { shaper = Shaper(fonts) }

    /// The lines of a paragraph, top to bottom.
    public func layout(_ inline: InlineText, _ style: ParagraphStyle) -> [TextLine] {
        if let c = cancellation, c.isCancelled { return [ParagraphLayouter.abandoned] }
        return cache.lines(LineCache.Key(text: inline, style: style)) { set(inline, style) }
    }

    /// What an abandoned render gets for a paragraph: cheap to place, drawn as nothing.
    static var abandoned: TextLine {
        TextLine(runs: [], width: 0, height: 1, ascent: 0, baseline: 0, text: "", firstWord: "", underlines: [], xOffset: 0)
    }

    private func set(_ inline: InlineText, _ style: ParagraphStyle) -> [TextLine] {
        let shaped = shaper.shape(inline.text, spans: inline.spans)
        if shaped.count == 0 { return [emptyLine(shaped, inline)] }
        let breaker = LineBreaker(shaped: shaped, style: style)
        let breaks = breaker.breaks()
        var lines = [TextLine]()
        var a = 0
        let words = RangeSweep(style.compounds + style.keepTogether)
        for (k, b) in breaks.enumerated() {
            let e = breaker.end(of: b, from: a)
            let last = k == breaks.count - 1 || shaped.mandatoryBreak[b] && b < shaped.count
            var line = makeLine(shaped, a, e, first: a == 0, last: last, style: style, words: words)
            line.endsWord = last || e < b || b >= shaped.count || shaped.whitespace[b]
            lines.append(line)
            a = b
        }
        return lines
    }

    /// One line of text that is never broken (labels, page numbers); its natural width.
    public func singleLine(_ inline: InlineText) -> TextLine {
        cache.lines(LineCache.Key(text: inline, style: nil)) { [setSingle(inline)] }[0]
    }

    private func setSingle(_ inline: InlineText) -> TextLine {
        let shaped = shaper.shape(inline.text, spans: inline.spans)
        if shaped.count == 0 { return emptyLine(shaped, inline) }
        var style = ParagraphStyle(width: .greatestFiniteMagnitude / 4)
        style.alignment = .left
        return makeLine(shaped, 0, shaped.count, first: true, last: true, style: style, words: RangeSweep([]), natural: true)
    }

    private func emptyLine(_ shaped: ShapedText, _ inline: InlineText) -> TextLine {
        let font = inline.spans.first.flatMap { shaper.fonts.primaryFont($0.font) }
        return TextLine(runs: [], width: 0, height: font?.lineHeight ?? 0, ascent: font?.ascent ?? 0,
                        baseline: font?.ascent ?? 0, text: "", firstWord: "", underlines: [], xOffset: 0)
    }

    private func makeLine(_ shaped: ShapedText, _ a: Int, _ e: Int, first: Bool, last: Bool,
                          style: ParagraphStyle, words: RangeSweep, natural: Bool = false) -> TextLine {
        let indent = first ? style.firstIndent : style.restIndent
        let available = style.width - indent
        let width = shaped.width(a..<e)
        var extra: [Double] = []
        var xOffset = indent
        switch style.alignment {
        case .thaiDistributed where !last:
            extra = Justifier(shaped: shaped, style: style).extraSpace(line: a, end: e, slack: available - width)
        case .center where !natural: xOffset += (available - width) / 2
        case .right where !natural: xOffset += available - width
        default: break
        }
        // Place glyphs.
        var runs = [GlyphRun]()
        var x = 0.0
        var g = shaped.glyphIndex(atOrAfter: a)
        var current: (font: Int, glyphs: [PlacedGlyph], start: Int, first: Int)? = nil
        // The fonts' indexes in first use (a line has one to three: a list, not a set).
        var fontsUsed = [Int]()
        var underlines = [(Double, Double)]()
        var lastScalar = -1
        func flush(upTo end: Int) {
            guard let c = current else { return }
            runs.append(makeRun(shaped, font: c.font, glyphs: c.glyphs, scalars: c.start..<end, first: c.first))
            current = nil
        }
        while g < shaped.glyphs.count, shaped.glyphs[g].scalar < e {
            let glyph = shaped.glyphs[g]
            if glyph.scalar != lastScalar, !extra.isEmpty { x += extra[glyph.scalar - a] }
            if current == nil || current!.font != glyph.font {
                flush(upTo: glyph.scalar)
                current = (glyph.font, [], glyph.scalar, g)
            }
            let startX = x
            let offset = shaped.utf8Offsets[glyph.scalar] - shaped.utf8Offsets[current!.start]
            current!.glyphs.append(PlacedGlyph(id: glyph.id, x: x + glyph.xOffset, y: glyph.yOffset, advance: glyph.advance,
                                               textOffset: Int32(offset)))
            x += glyph.advance
            if shaped.hasUnderline, let span = shaped.span(at: glyph.scalar), span.underline { appendUnderline(&underlines, startX, x) }
            if !fontsUsed.contains(glyph.font) { fontsUsed.append(glyph.font) }
            lastScalar = glyph.scalar
            g += 1
        }
        flush(upTo: e)
        let fonts = fontsUsed.isEmpty ? Array(shaped.fonts.prefix(1)) : fontsUsed.map { shaped.fonts[$0] }
        let ascent = fonts.map(\.ascent).max() ?? 0
        let metricsHeight = fonts.map(\.lineHeight).max() ?? 0
        let descent = fonts.map(\.descent).max() ?? 0
        let height = style.lineHeight ?? metricsHeight
        // Centre the font's ascent+descent in the line box.
        let baseline = (height - (ascent + descent)) / 2 + ascent
        let text = shaped.substring(a..<e)
        return TextLine(runs: runs, width: x, height: height, ascent: ascent, baseline: baseline, text: text,
                        firstWord: firstWord(shaped, a, e, words: words),
                        underlines: underlines, xOffset: xOffset)
    }

    private func appendUnderline(_ list: inout [(Double, Double)], _ a: Double, _ b: Double) {
        if let lastEnd = list.last?.1, abs(lastEnd - a) < 3 { list[list.count - 1].1 = b } else { list.append((a, b)) }
    }

    /// The first dictionary word of a line (up to white space or the first word boundary after a letter).
    private func firstWord(_ shaped: ShapedText, _ a: Int, _ e: Int, words: RangeSweep) -> String {
        guard a < e else { return "" }
        var p = a + 1
        var sawLetter = Letters.isLetterOrNumber(shaped.scalars[a])
        while p < e {
            if shaped.whitespace[p] { break }
            if sawLetter, shaped.wordStart[p], shaped.lineBreak[p] { break }
            if Letters.isAlphabetic(shaped.scalars[p]) { sawLetter = true }
            p += 1
        }
        // A word the dictionary splits but the compound list keeps (ผู้|บริหาร) is one word here.
        for r in words.holding(a) where r.upperBound > p && r.upperBound <= e { p = r.upperBound }
        let word = shaped.substring(a..<p)
        // Punctuation alone ("-", "(") says nothing: take the word after it too.
        if !word.unicodeScalars.contains(where: Letters.isLetterOrNumber) {
            var q = p
            while q < e, shaped.whitespace[q] { q += 1 }
            if q < e { return word + " " + firstWord(shaped, q, e, words: words) }
        }
        return word
    }

    private func makeRun(_ shaped: ShapedText, font: Int, glyphs: [PlacedGlyph], scalars: Range<Int>, first: Int) -> GlyphRun {
        GlyphRun(font: shaped.fonts[font], glyphs: glyphs, text: shaped.substring(scalars))
    }
}
