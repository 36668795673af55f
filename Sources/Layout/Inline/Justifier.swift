import Typeset

/// Thai distributed justification: the slack of a line goes into the gaps between grapheme
/// clusters (a space is a cluster like any other), never inside one, so marks stay on their
/// bases; gaps inside Latin words take at most the style's letter-space limit.
struct Justifier {
    let shaped: ShapedText
    let style: ParagraphStyle

    /// Extra space to add before each scalar position in [a, e), by scalar index minus `a` (0 where
    /// none; an array, not a dictionary: this runs for every justified line).
    func extraSpace(line a: Int, end e: Int, slack: Double) -> [Double] {
        guard slack > 0.001 else { return [] }
        var latin = [Int](), other = [Int]()
        var prevWidth = 0.0
        var p = a
        while p < e {
            var q = p + 1
            while q < e, !shaped.graphemeStart[q] { q += 1 }
            let w = shaped.width(p..<q)
            if p > a, prevWidth > 0, w > 0 {
                if Justifier.isLatin(shaped.scalars[p - 1]) && Justifier.isLatin(shaped.scalars[p]) { latin.append(p) } else { other.append(p) }
            }
            prevWidth = w
            p = q
        }
        let total = latin.count + other.count
        guard total > 0 else { return [] }
        var result = [Double](repeating: 0, count: e - a)
        var share = slack / Double(total)
        if share > style.maxLatinLetterSpace, !other.isEmpty {
            let latinShare = min(share, style.maxLatinLetterSpace)
            for g in latin { result[g - a] = latinShare }
            share = (slack - latinShare * Double(latin.count)) / Double(other.count)
            for g in other { result[g - a] = share }
        } else {
            for g in latin + other { result[g - a] = share }
        }
        return result
    }

    static func isLatin(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x0250 && Letters.isAlphabetic(s) || ("0"..."9").contains(s)
    }
}
