import Typeset

/// How a run's glyphs are tied to its characters in the PDF (what readers copy and search).
public enum TextMapping: Sendable {
    /// No cluster information: the PDF writer guesses each glyph's character.
    case none
    /// One cluster per grapheme (base with its marks).
    case graphemes

    func clusters(_ shaped: ShapedText, scalars: Range<Int>, glyphCount: Int) -> [TextCluster] {
        switch self {
        case .none: return []
        case .graphemes:
            var result = [TextCluster]()
            var p = scalars.lowerBound
            var gi = shaped.glyphIndex(atOrAfter: p)
            while p < scalars.upperBound {
                var q = p + 1
                while q < scalars.upperBound, !shaped.graphemeStart[q] { q += 1 }
                let gEnd = shaped.glyphIndex(atOrAfter: q)
                let bytes = shaped.utf8Offsets[q] - shaped.utf8Offsets[p]
                let glyphs = min(gEnd, gi + glyphCount) - gi
                if bytes > 0 || glyphs > 0 { result.append(TextCluster(bytes: bytes, glyphs: max(glyphs, 0))) }
                gi = gEnd; p = q
            }
            // Guard: cairo needs the counts to match exactly; fall back to no clusters otherwise.
            let g = result.reduce(0) { $0 + $1.glyphs }
            let b = result.reduce(0) { $0 + $1.bytes }
            if g != glyphCount || b != shaped.utf8Offsets[scalars.upperBound] - shaped.utf8Offsets[scalars.lowerBound] { return [] }
            return result
        }
    }
}
