import CPangoCairo
import Foundation
import ThaiText

/// Shapes a paragraph once: Pango itemizes (script, font fallback) and HarfBuzz shapes each item;
/// Pango's log attributes (with libthai's Thai word breaks) give the break opportunities.
public struct Shaper {
    public let fonts: FontSystem
    public init(_ fonts: FontSystem) { self.fonts = fonts }

    public func shape(_ text: String, spans: [StyleSpan]) -> ShapedText { shape(text, spans: spans, wholeText: false) }

    /// `wholeText`: shape the paragraph in one piece (the tests compare it with the stretches).
    func shape(_ text: String, spans: [StyleSpan], wholeText: Bool) -> ShapedText {
        // Pango aborts on a NUL: documents refuse controls where they are read, and any that
        // still come this far are drawn as U+FFFD rather than take the process down.
        let text = ControlCharacters.replaced(text)
        let scalars = Scalars.of(text)
        var offsets = [Int](); offsets.reserveCapacity(scalars.count + 1)
        var o = 0
        for s in scalars { offsets.append(o); o += UTF8.width(s) }
        offsets.append(o)
        let byteCount = o
        // Byte offset -> scalar index.
        var scalarAtByte = [Int](repeating: -1, count: byteCount + 1)
        for (i, b) in offsets.enumerated() { scalarAtByte[b] = i }

        var utf8 = Array(text.utf8CString)
        let attrs = makeAttributes(spans, offsets: offsets)
        defer { pango_attr_list_unref(attrs) }

        // Break analysis and shaping both go stretch by stretch between spaces (where nothing
        // looks across) and keep each stretch: a batch's sentences come back with only the
        // unit's name changed.
        let cuts = BreakAttributes.cuts(scalars)
        let logAttrs = utf8.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: UInt8.self) { bytes in
                fonts.breaks.attributes(UnsafeBufferPointer(rebasing: bytes[0..<byteCount]), scalars: scalars, offsets: offsets, cuts: cuts)
            }
        }

        var glyphs = [Glyph](); glyphs.reserveCapacity(scalars.count)
        var fontList = [ShapedFont](); var fontIndex = [ObjectIdentifier: Int]()
        // Only text in one font is shaped by stretches (a stretch is kept by its bytes and font).
        let oneFont = !wholeText && spans.count == 1 && spans[0].range == 0..<scalars.count
        var start = 0
        utf8.withUnsafeMutableBufferPointer { buf in
            let base = buf.baseAddress!
            for end in (oneFont ? cuts : []) + [scalars.count] {
                let key = oneFont ? ShapedStretches.Key(bytes: ByteKey(UnsafeRawBufferPointer(start: base + offsets[start], count: offsets[end] - offsets[start])), font: spans[0].font) : nil
                let stretch: ShapedStretches.Stretch
                if let key, let kept = fonts.stretches.kept(key) {
                    stretch = kept
                } else {
                    let thai = oneFont ? (scalars: scalars[start..<end], font: spans[0].font) : nil
                    stretch = shapeStretch(base, from: offsets[start], to: offsets[end], attrs: attrs, scalarAtByte: scalarAtByte,
                                           firstScalar: start, thai: thai)
                    if let key { fonts.stretches.keep(stretch, for: key) }
                }
                let local = stretch.fonts.map { f -> Int in
                    if let k = fontIndex[ObjectIdentifier(f)] { return k }
                    fontIndex[ObjectIdentifier(f)] = fontList.count; fontList.append(f)
                    return fontList.count - 1
                }
                for var g in stretch.glyphs {
                    g.scalar += start; g.font = local[g.font]
                    glyphs.append(g)
                }
                start = end
            }
        }
        recomposeSaraAm(&glyphs, scalars: scalars, fonts: fontList)
        var glyphStart = [Int](repeating: -1, count: scalars.count)
        for (i, g) in glyphs.enumerated().reversed() where g.scalar >= 0 { glyphStart[g.scalar] = i }

        return ShapedText(
            text: text, scalars: scalars, utf8Offsets: offsets,
            lineBreak: logAttrs.map { $0.is_line_break != 0 },
            mandatoryBreak: logAttrs.map { $0.is_mandatory_break != 0 },
            graphemeStart: logAttrs.map { $0.is_cursor_position != 0 },
            whitespace: logAttrs.map { $0.is_white != 0 },
            wordStart: logAttrs.map { $0.is_word_boundary != 0 },
            glyphs: glyphs, fonts: fontList, glyphStart: glyphStart, spans: spans)
    }

    /// Itemizes and shapes the bytes [from, to) of the paragraph as text of their own; glyphs'
    /// scalars count from the stretch's first, their fonts index the stretch's own list. `thai`:
    /// the stretch's scalars and its one font, when a Thai stretch may skip Pango's itemizer.
    private func shapeStretch(_ base: UnsafeMutablePointer<CChar>, from: Int, to: Int, attrs: OpaquePointer,
                              scalarAtByte: [Int], firstScalar: Int,
                              thai: (scalars: ArraySlice<Unicode.Scalar>, font: FontSpec)?) -> ShapedStretches.Stretch {
        var out = StretchGlyphs(fonts: fonts, base: base, from: from, to: to, scalarAtByte: scalarAtByte, firstScalar: firstScalar)
        guard to > from else { return out.stretch }
        if let thai, let item = fonts.thaiItems.item(for: thai.scalars, font: thai.font) {
            var analysis = item.analysis
            out.shape(offset: from, length: to - from, analysis: &analysis)
            return out.stretch
        }
        var list = pango_itemize(fonts.context, base, Int32(from), Int32(to - from), attrs, nil)
        let head = list
        defer { freeItems(head) }
        if let thai, let only = list, only.pointee.next == nil {
            let item = only.pointee.data.assumingMemoryBound(to: PangoItem.self)
            fonts.thaiItems.learn(item.pointee.analysis, scalars: thai.scalars, font: thai.font, primary: fonts.primaryPointer(thai.font))
        }
        while let node = list {
            let item = node.pointee.data.assumingMemoryBound(to: PangoItem.self)
            out.shape(offset: Int(item.pointee.offset), length: Int(item.pointee.length), analysis: &item.pointee.analysis)
            list = node.pointee.next
        }
        return out.stretch
    }

    /// HarfBuzz always draws SARA AM as NIKHAHIT + SARA AA so a tone mark can sit between them.
    /// Where none does, the font's own ำ glyph draws the same and maps back to ำ one to one, which
    /// PDF readers that ignore /ActualText need (they would read ํา).
    private func recomposeSaraAm(_ glyphs: inout [Glyph], scalars: [Unicode.Scalar], fonts: [ShapedFont]) {
        // One pass into a new array (removing in place moved every later glyph once per ำ: a
        // long paragraph took quadratic time); nothing is copied when no pair is merged.
        var out: [Glyph]? = nil
        var r = 0
        while r < glyphs.count {
            if r + 1 < glyphs.count, let am = saraAm(glyphs, at: r, scalars: scalars, fonts: fonts) {
                if out == nil {
                    out = Array(glyphs[0..<r])
                    out!.reserveCapacity(glyphs.count)
                }
                let a = glyphs[r], b = glyphs[r + 1]
                out!.append(Glyph(id: am, advance: a.advance + b.advance, xOffset: 0, yOffset: b.yOffset, scalar: a.scalar, font: a.font))
                r += 2
                continue
            }
            out?.append(glyphs[r])
            r += 1
        }
        if let out { glyphs = out }
    }

    /// The font's own ำ glyph when glyphs r and r + 1 are HarfBuzz's NIKHAHIT + SARA AA for it alone.
    private func saraAm(_ glyphs: [Glyph], at r: Int, scalars: [Unicode.Scalar], fonts: [ShapedFont]) -> UInt32? {
        let a = glyphs[r], b = glyphs[r + 1]
        guard a.scalar >= 0, a.scalar < scalars.count, scalars[a.scalar].value == 0x0E33, b.scalar == a.scalar,
              r + 2 >= glyphs.count || glyphs[r + 2].scalar != a.scalar,
              a.advance == 0, b.advance > 0, a.font == b.font else { return nil }
        return fonts[a.font].nominalGlyph(0x0E33)
    }

    private func makeAttributes(_ spans: [StyleSpan], offsets: [Int]) -> OpaquePointer {
        let list = pango_attr_list_new()!
        for span in spans where !span.range.isEmpty {
            let a = pango_attr_font_desc_new(fonts.description(span.font))!
            a.pointee.start_index = UInt32(offsets[span.range.lowerBound])
            a.pointee.end_index = UInt32(offsets[span.range.upperBound])
            pango_attr_list_insert(list, a)
        }
        return list
    }

    private func freeItems(_ list: UnsafeMutablePointer<GList>?) {
        var node = list
        while let n = node {
            pango_item_free(n.pointee.data.assumingMemoryBound(to: PangoItem.self))
            node = n.pointee.next
        }
        g_list_free(list)
    }
}

/// The glyphs of one stretch as its items are shaped (HarfBuzz through Pango), with the fonts they use.
private struct StretchGlyphs {
    let fonts: FontSystem
    let base: UnsafeMutablePointer<CChar>
    let from: Int
    let to: Int
    let scalarAtByte: [Int]
    let firstScalar: Int
    var glyphs = [Glyph]()
    var fontList = [ShapedFont]()
    var fontIndex = [UnsafeMutablePointer<PangoFont>: Int]()

    init(fonts: FontSystem, base: UnsafeMutablePointer<CChar>, from: Int, to: Int, scalarAtByte: [Int], firstScalar: Int) {
        self.fonts = fonts; self.base = base; self.from = from; self.to = to
        self.scalarAtByte = scalarAtByte; self.firstScalar = firstScalar
    }

    var stretch: ShapedStretches.Stretch { ShapedStretches.Stretch(glyphs: glyphs, fonts: fontList) }

    /// Shapes the item at byte `offset` of `length` bytes (the stretch is its context).
    mutating func shape(offset itemOffset: Int, length: Int, analysis: inout PangoAnalysis) {
        let gs = pango_glyph_string_new()!
        defer { pango_glyph_string_free(gs) }
        pango_shape_with_flags(base + itemOffset, Int32(length), base + from, Int32(to - from), &analysis, gs, PANGO_SHAPE_NONE)
        var fi = 0
        if let f = analysis.font {
            if let k = fontIndex[f] { fi = k } else {
                fi = fontList.count; fontIndex[f] = fi; fontList.append(fonts.font(f))
            }
        }
        let n = Int(gs.pointee.num_glyphs)
        glyphs.reserveCapacity(glyphs.count + n)
        for g in 0..<n {
            let info = gs.pointee.glyphs[g]
            let byte = itemOffset + Int(gs.pointee.log_clusters[g])
            glyphs.append(Glyph(id: info.glyph,
                                advance: Double(info.geometry.width) / Double(PANGO_SCALE),
                                xOffset: Double(info.geometry.x_offset) / Double(PANGO_SCALE),
                                yOffset: Double(info.geometry.y_offset) / Double(PANGO_SCALE),
                                scalar: scalarAtByte[byte] - firstScalar, font: fi))
        }
    }
}

/// Stretches of text in one font, shaped and kept by their bytes and font. Belongs to one
/// FontSystem (one thread); its fonts are that system's.
final class ShapedStretches {
    struct Key: Hashable {
        let bytes: ByteKey
        let font: FontSpec
        /// The bytes' kept hash and the size: Swift's String hashing of the family normalises it
        /// on every call (equality still compares the family).
        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes.hash)
            hasher.combine(font.size)
            hasher.combine(font.bold)
        }
    }
    struct Stretch { let glyphs: [Glyph]; let fonts: [ShapedFont] }
    private let values = KeptValues<Key, Stretch>(half: 1_000)

    func kept(_ key: Key) -> Stretch? { values[key] }

    func keep(_ stretch: Stretch, for key: Key) { values.insert(stretch, for: key) }
}
