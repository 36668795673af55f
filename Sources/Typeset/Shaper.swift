import CPangoCairo
import Foundation
import ThaiText

/// Shapes a paragraph once: Pango itemizes (script, font fallback) and HarfBuzz shapes each item;
/// Pango's log attributes (with libthai's Thai word breaks) give the break opportunities.
public struct Shaper {
    public let fonts: FontSystem
    public init(_ fonts: FontSystem) { self.fonts = fonts }

    public func shape(_ text: String, spans: [StyleSpan]) -> ShapedText {
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

        let logAttrs = utf8.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: UInt8.self) { bytes in
                fonts.breaks.attributes(UnsafeBufferPointer(rebasing: bytes[0..<byteCount]), scalars: scalars, offsets: offsets)
            }
        }

        var glyphs = [Glyph](); glyphs.reserveCapacity(scalars.count)
        var fontList = [ShapedFont](); var fontIndex = [UnsafeMutablePointer<PangoFont>: Int]()
        utf8.withUnsafeMutableBufferPointer { buf in
            let base = buf.baseAddress!
            var list = pango_itemize(fonts.context, base, 0, Int32(byteCount), attrs, nil)
            let head = list
            let gs = pango_glyph_string_new()!
            defer { pango_glyph_string_free(gs); freeItems(head) }
            while let node = list {
                let item = node.pointee.data.assumingMemoryBound(to: PangoItem.self)
                let itemOffset = Int(item.pointee.offset)
                pango_shape_with_flags(base + itemOffset, item.pointee.length, base, Int32(byteCount),
                                       &item.pointee.analysis, gs, PANGO_SHAPE_NONE)
                var fi = 0
                if let f = item.pointee.analysis.font {
                    let key = f
                    if let k = fontIndex[key] { fi = k } else {
                        fi = fontList.count; fontIndex[key] = fi; fontList.append(fonts.font(key))
                    }
                }
                let n = Int(gs.pointee.num_glyphs)
                for g in 0..<n {
                    let info = gs.pointee.glyphs[g]
                    let byte = itemOffset + Int(gs.pointee.log_clusters[g])
                    glyphs.append(Glyph(id: info.glyph,
                                        advance: Double(info.geometry.width) / Double(PANGO_SCALE),
                                        xOffset: Double(info.geometry.x_offset) / Double(PANGO_SCALE),
                                        yOffset: Double(info.geometry.y_offset) / Double(PANGO_SCALE),
                                        scalar: scalarAtByte[byte], font: fi))
                }
                list = node.pointee.next
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

    /// HarfBuzz always draws SARA AM as NIKHAHIT + SARA AA so a tone mark can sit between them.
    /// Where none does, the font's own ำ glyph draws the same and maps back to ำ one to one, which
    /// PDF readers that ignore /ActualText need (they would read ํา).
    private func recomposeSaraAm(_ glyphs: inout [Glyph], scalars: [Unicode.Scalar], fonts: [ShapedFont]) {
        var i = 0
        while i + 1 < glyphs.count {
            let a = glyphs[i], b = glyphs[i + 1]
            if a.scalar >= 0, a.scalar < scalars.count, scalars[a.scalar].value == 0x0E33, b.scalar == a.scalar,
               i + 2 >= glyphs.count || glyphs[i + 2].scalar != a.scalar,
               a.advance == 0, b.advance > 0, a.font == b.font,
               let am = fonts[a.font].nominalGlyph(0x0E33) {
                glyphs[i] = Glyph(id: am, advance: a.advance + b.advance, xOffset: 0, yOffset: b.yOffset, scalar: a.scalar, font: a.font)
                glyphs.remove(at: i + 1)
            }
            i += 1
        }
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
