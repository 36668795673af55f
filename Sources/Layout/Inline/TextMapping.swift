import Foundation
import Typeset

/// How a run's glyphs are tied to its characters in the PDF (what readers copy and search).
public enum TextMapping: String, Sendable {
    /// No cluster information: the PDF writer guesses each glyph's character.
    case none
    /// One cluster per grapheme (base with its marks), glyphs in shaping order.
    case graphemes
    /// One cluster per glyph where the shaper mapped one character to one glyph.
    case glyphs
    /// One cluster per space-separated word.
    case words
    /// A span only for the words whose glyphs readers would misread; the others one to one.
    case auto

    static var fromEnvironment: TextMapping? {
        ProcessInfo.processInfo.environment["SARABAN_TEXT_MAPPING"].flatMap(TextMapping.init(rawValue:))
    }

    /// Clusters for the run and the order to draw its glyphs in (indices into the run's glyphs).
    func clusters(_ shaped: ShapedText, scalars: Range<Int>, glyphs: Range<Int>, placed: [PlacedGlyph]) -> ([TextCluster], [Int]) {
        let identity = Array(0..<glyphs.count)
        switch self {
        case .none: return ([], identity)
        case .auto:
            let needs = TextMapping.spanWords(shaped, scalars: scalars, glyphs: glyphs, placed: placed)
            return (TextMapping.cut(shaped, scalars, glyphs) { q in
                shaped.whitespace[q] != shaped.whitespace[q - 1] || (!needs(q) && shaped.glyphStart[q] >= 0)
            }, identity)
        case .graphemes, .glyphs, .words:
            return (TextMapping.cut(shaped, scalars, glyphs) { boundary(shaped, $0) }, identity)
        }
    }

    /// Whether the word around a position needs a span: a mark moved off the pen, a character
    /// drawn with several glyphs, or a justification gap a reader would take for a space.
    static func spanWords(_ shaped: ShapedText, scalars: Range<Int>, glyphs: Range<Int>, placed: [PlacedGlyph]) -> (Int) -> Bool {
        var wordOf = [Int](repeating: 0, count: scalars.count + 1)
        var flagged = Set<Int>()
        var word = scalars.lowerBound
        for p in scalars {
            if p > scalars.lowerBound, shaped.whitespace[p] != shaped.whitespace[p - 1] { word = p }
            wordOf[p - scalars.lowerBound] = word
        }
        for k in glyphs {
            let g = shaped.glyphs[k], i = k - glyphs.lowerBound
            guard g.scalar >= scalars.lowerBound, g.scalar < scalars.upperBound else { continue }
            var needs = g.xOffset != 0 || g.yOffset != 0
            if k + 1 < glyphs.upperBound, shaped.glyphs[k + 1].scalar == g.scalar, g.advance == 0 { needs = true }
            if i > 0 {
                let prev = shaped.glyphs[k - 1]
                let gap = (placed[i].x - g.xOffset) - (placed[i - 1].x - prev.xOffset + prev.advance)
                if gap > 0.04 * shaped.fonts[g.font].size { needs = true }
            }
            if needs { flagged.insert(wordOf[g.scalar - scalars.lowerBound]) }
        }
        return { q in flagged.contains(wordOf[q - scalars.lowerBound]) }
    }

    /// Cuts a run into clusters where `boundary` says.
    static func cut(_ shaped: ShapedText, _ scalars: Range<Int>, _ glyphs: Range<Int>, boundary: (Int) -> Bool) -> [TextCluster] {
        var result = [TextCluster]()
        var p = scalars.lowerBound
        while p < scalars.upperBound {
            var q = p + 1
            while q < scalars.upperBound, !boundary(q) { q += 1 }
            let g0 = shaped.glyphIndex(atOrAfter: p) - glyphs.lowerBound
            let g1 = min(shaped.glyphIndex(atOrAfter: q), glyphs.upperBound) - glyphs.lowerBound
            result.append(TextCluster(bytes: shaped.utf8Offsets[q] - shaped.utf8Offsets[p], glyphs: max(0, g1 - g0)))
            p = q
        }
        let g = result.reduce(0) { $0 + $1.glyphs }, b = result.reduce(0) { $0 + $1.bytes }
        return g == glyphs.count && b == shaped.utf8Offsets[scalars.upperBound] - shaped.utf8Offsets[scalars.lowerBound] ? result : []
    }

    private func boundary(_ s: ShapedText, _ q: Int) -> Bool {
        switch self {
        case .glyphs: return s.glyphStart[q] >= 0
        case .words: return s.whitespace[q] != s.whitespace[q - 1]
        default: return s.graphemeStart[q]
        }
    }
}
