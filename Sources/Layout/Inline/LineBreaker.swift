import ThaiText
import Typeset

/// Chooses line breaks for a whole paragraph at once (total fit), so that a compound or a
/// protected phrase is not split when a better set of breaks exists.
struct LineBreaker {
    let shaped: ShapedText
    let style: ParagraphStyle
    /// Prefix sums of advances: width of scalars [0, p) is advance[p].
    private let advance: [Double]
    /// Prefix count of grapheme starts, and of those inside Latin words (which stretch less).
    private let graphemes: [Int]
    private let latinGaps: [Int]

    static let wordBreakPenalty = 20.0
    static let compoundPenalty = 2_000.0
    static let emergencyPenalty = 1_000_000.0
    static let runtPenalty = 20_000.0
    static let hyphenPenalty = 1_000.0

    /// Candidates looked back at for a line's start (see `lookBack`; tests compare with no bound).
    let lookBack: Int

    init(shaped: ShapedText, style: ParagraphStyle, lookBack: Int = LineBreaker.lookBack) {
        self.shaped = shaped; self.style = style; self.lookBack = lookBack
        var adv = [Double](repeating: 0, count: shaped.count + 1)
        var perScalar = [Double](repeating: 0, count: shaped.count)
        for g in shaped.glyphs where g.scalar >= 0 { perScalar[g.scalar] += g.advance }
        for i in 0..<shaped.count { adv[i + 1] = adv[i] + perScalar[i] }
        advance = adv
        var gr = [Int](repeating: 0, count: shaped.count + 1)
        for i in 0..<shaped.count { gr[i + 1] = gr[i] + (shaped.graphemeStart[i] ? 1 : 0) }
        graphemes = gr
        var lg = [Int](repeating: 0, count: shaped.count + 1)
        for i in 0..<shaped.count {
            let inLatin = i > 0 && shaped.graphemeStart[i] && Justifier.isLatin(shaped.scalars[i - 1]) && Justifier.isLatin(shaped.scalars[i])
            lg[i + 1] = lg[i] + (inLatin ? 1 : 0)
        }
        latinGaps = lg
    }

    /// A break candidate: position (break before scalar `at`), its penalty, whether forced.
    struct Candidate { var at: Int; var penalty: Double; var forced: Bool }

    func candidates() -> [Candidate] {
        let n = shaped.count
        var keep = [Bool](repeating: false, count: n + 1)
        // A phrase wider than a line cannot stay whole; it breaks at its own word boundaries.
        let widest = min(lineWidth(first: true), lineWidth(first: false))
        for r in style.keepTogether where r.count > 1 && advance[r.upperBound] - advance[r.lowerBound] <= widest {
            for p in (r.lowerBound + 1)..<r.upperBound where p <= n { keep[p] = true }
        }
        var compound = [Bool](repeating: false, count: n + 1)
        for r in style.compounds where r.count > 1 {
            for p in (r.lowerBound + 1)..<r.upperBound where p <= n { compound[p] = true }
        }
        var result = [Candidate]()
        for p in 1..<max(n, 1) where p < n {
            if shaped.mandatoryBreak[p] { result.append(Candidate(at: p, penalty: 0, forced: true)); continue }
            guard shaped.lineBreak[p], !keep[p] else { continue }
            let afterSpace = shaped.whitespace[p - 1]
            var penalty = afterSpace ? 0 : LineBreaker.wordBreakPenalty
            // A line ending in "-" inside a word reads as a soft hyphen to PDF readers (pdfium drops it).
            if shaped.scalars[p - 1] == "-", !shaped.whitespace[p] { penalty += LineBreaker.hyphenPenalty }
            if compound[p] { penalty += LineBreaker.compoundPenalty }
            result.append(Candidate(at: p, penalty: penalty, forced: false))
        }
        result.append(Candidate(at: n, penalty: 0, forced: true))
        return addEmergencyBreaks(result)
    }

    /// Where a stretch between candidates is wider than a line, allow breaks at grapheme
    /// boundaries too (and at URL punctuation first), so that nothing overflows.
    private func addEmergencyBreaks(_ cands: [Candidate]) -> [Candidate] {
        var out = [Candidate]()
        var prev = 0
        let width = lineWidth(first: false)
        for c in cands {
            if end(of: c.at) > prev, advance[end(of: c.at)] - advance[prev] > width {
                for p in (prev + 1)..<c.at where shaped.graphemeStart[p] && !LineBreaker.isThaiMark(shaped.scalars[p]) {
                    // A protected phrase wider than the line (a date in a narrow table column)
                    // breaks at its spaces first, then at URL punctuation, and only then inside a word.
                    let space = shaped.whitespace[p - 1] && !shaped.whitespace[p]
                    // After a slash or dot first; a line ending in "-" reads as a soft hyphen to PDF
                    // readers (pdfium drops it), so a hyphen comes after the other punctuation.
                    let before = shaped.scalars[p - 1]
                    let punct = "/._@?&=:".unicodeScalars.contains(before)
                    let hyphen = before == "-"
                    let penalty = space ? LineBreaker.emergencyPenalty / 10_000
                        : punct ? LineBreaker.emergencyPenalty / 100 : hyphen ? LineBreaker.emergencyPenalty / 10 : LineBreaker.emergencyPenalty
                    out.append(Candidate(at: p, penalty: penalty, forced: false))
                }
            }
            out.append(c)
            prev = c.at
        }
        return out
    }

    /// Thai vowels and tone marks that sit on the consonant before them (and SARA AM, which Pango
    /// counts as a cursor position): never the first character of a line.
    static func isThaiMark(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x0E33 || Scalars.isThaiNonspacingMark(s.value)
    }

    func lineWidth(first: Bool) -> Double {
        style.width - (first ? style.firstIndent : style.restIndent)
    }

    /// End of a line's content: the break position minus trailing white space and newlines.
    func end(of p: Int, from a: Int = 0) -> Int {
        var e = p
        while e > a, shaped.whitespace[e - 1] { e -= 1 }
        return e
    }

    func gapCount(_ a: Int, _ e: Int) -> Int { max(0, graphemes[e] - graphemes[a] - 1) }

    /// How many candidates before a break the search looks back for the line's start. A line
    /// ends the look-back first when it gets wider than the measure, so only a stretch of
    /// candidates with no width (a pasted run of zero-width spaces or controls) reaches this:
    /// it keeps such a paragraph linear. Normal lines hold a few dozen candidates (a 16 pt Thai
    /// line about seventy graphemes even where every one is a candidate).
    static let lookBack = 2_000

    /// The breaks (scalar positions, ending with the paragraph's end) of the best set of lines.
    func breaks() -> [Int] {
        let cands = candidates()
        let n = cands.count
        var cost = [Double](repeating: .infinity, count: n)
        var from = [Int](repeating: -1, count: n)
        // Where each candidate's line content ends, trailing white space left out (from the
        // paragraph's start; a line from a ends at max(this, a)): walked back once, not per start.
        let ends = cands.map { end(of: $0.at) }
        // Virtual start node at position 0 handled as index -1.
        func start(_ i: Int) -> Int { i < 0 ? 0 : cands[i].at }
        for j in 0..<n {
            var i = j - 1
            while i >= -1 {
                let a = start(i)
                let base = i < 0 ? 0 : cost[i]
                if base.isFinite {
                    let e = max(ends[j], a)
                    let w = advance[e] - advance[a]
                    let avail = lineWidth(first: a == 0)
                    if w > avail + 0.01 {
                        // Too wide; once a stretch overflows, earlier starts only get wider.
                        if i < j - 1 { break }
                        // A single stretch that overflows: allowed only as a last resort.
                        let c = base + 1e9 + cands[j].penalty
                        if c < cost[j] { cost[j] = c; from[j] = i }
                    } else {
                        let c = base + lineCost(a, e, cands[j], width: w, available: avail)
                        if c < cost[j] { cost[j] = c; from[j] = i }
                    }
                }
                if i >= 0, cands[i].forced { break }
                if j - i >= lookBack { break }
                i -= 1
            }
        }
        var result = [Int]()
        var k = n - 1
        while k >= 0 { result.append(cands[k].at); k = from[k] }
        return result.reversed()
    }

    /// The cost of a line from `a` to candidate `c`, its content ending at `e`.
    private func lineCost(_ a: Int, _ e: Int, _ c: Candidate, width: Double, available: Double) -> Double {
        let slack = available - width
        if c.forced {
            // A last line shorter than the indent reads as a stray word (and PDF readers file it
            // as a separate block); a multi-line paragraph avoids it when the lines above can stretch.
            let runt = a > 0 && width < style.minLastLine ? LineBreaker.runtPenalty : 0
            return c.penalty + runt
        }
        if style.alignment != .thaiDistributed {
            // Ragged text: mild preference for fuller lines.
            return (slack / available) * (slack / available) * 100 + c.penalty
        }
        let latin = Double(latinGaps[e] - latinGaps[min(a + 1, e)])
        let other = Double(max(gapCount(a, e), 1)) - latin
        let capacity = max(other, 0) * style.maxClusterGap + latin * style.maxLatinLetterSpace
        let ratio = slack / max(capacity, 0.01)
        let badness = ratio > 1 ? 10_000 * ratio : 100 * ratio * ratio * ratio
        return badness + c.penalty + 1
    }
}
