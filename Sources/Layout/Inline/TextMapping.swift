import Foundation
import Typeset

/// How a run's glyphs are tied to its characters in the PDF (what readers copy and search).
public enum TextMapping: String, Sendable {
    /// No cluster information: the PDF writer guesses each glyph's character.
    case none
    /// One cluster per grapheme (base with its marks), glyphs in shaping order.
    case graphemes
    /// One cluster per grapheme, the base glyph drawn last.
    case graphemesBaseLast = "base-last"
    /// One cluster per glyph where the shaper mapped one character to one glyph.
    case glyphs
    /// One cluster per space-separated word.
    case words

    static var fromEnvironment: TextMapping? {
        ProcessInfo.processInfo.environment["SARABAN_TEXT_MAPPING"].flatMap(TextMapping.init(rawValue:))
    }

    /// Clusters for the run and the order to draw its glyphs in (indices into the run's glyphs).
    func clusters(_ shaped: ShapedText, scalars: Range<Int>, glyphs: Range<Int>) -> ([TextCluster], [Int]) {
        let identity = Array(0..<glyphs.count)
        switch self {
        case .none: return ([], identity)
        case .graphemes, .graphemesBaseLast, .glyphs, .words:
            var result = [TextCluster]()
            var order = [Int]()
            var p = scalars.lowerBound
            while p < scalars.upperBound {
                var q = p + 1
                while q < scalars.upperBound, !boundary(shaped, q) { q += 1 }
                let g0 = shaped.glyphIndex(atOrAfter: p) - glyphs.lowerBound
                let g1 = min(shaped.glyphIndex(atOrAfter: q), glyphs.upperBound) - glyphs.lowerBound
                let bytes = shaped.utf8Offsets[q] - shaped.utf8Offsets[p]
                var members = g0 < g1 ? Array(g0..<g1) : []
                if self == .graphemesBaseLast, members.count > 1 {
                    // The widest glyph is the base: drawn last, the cluster ends at its right edge.
                    let base = members.max { shaped.glyphs[$0 + glyphs.lowerBound].advance < shaped.glyphs[$1 + glyphs.lowerBound].advance }!
                    members.removeAll { $0 == base }; members.append(base)
                }
                result.append(TextCluster(bytes: bytes, glyphs: members.count))
                order += members
                p = q
            }
            let g = result.reduce(0) { $0 + $1.glyphs }
            let b = result.reduce(0) { $0 + $1.bytes }
            // cairo needs the counts to match exactly; without that, no clusters at all.
            if g != glyphs.count || b != shaped.utf8Offsets[scalars.upperBound] - shaped.utf8Offsets[scalars.lowerBound] {
                return ([], identity)
            }
            return (result, order)
        }
    }

    private func boundary(_ s: ShapedText, _ q: Int) -> Bool {
        switch self {
        case .glyphs: return s.glyphStart[q] >= 0
        case .words: return s.whitespace[q] != s.whitespace[q - 1]
        default: return s.graphemeStart[q]
        }
    }
}
