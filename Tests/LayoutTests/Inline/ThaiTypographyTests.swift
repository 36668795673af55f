import Testing
import ThaiText
@testable import Layout
@testable import Typeset

/// Thai distributed justification and line breaking, measured on the laid-out glyphs in points.
@Suite struct ThaiTypographyTests {
    // A font system per test: Pango objects are not shared between threads.
    let fonts = FontSystem()
    var layouter: ParagraphLayouter { ParagraphLayouter(fonts: fonts) }
    let font = FontSpec(family: "Laksaman", size: 16)
    let text = "ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ได้กำหนดให้หน่วยงานภาครัฐทุกหน่วยงานเข้าร่วมการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment : ITA) โดยให้ดำเนินการตามแบบวัดการเปิดเผยข้อมูลสาธารณะ"

    func style(_ width: Double) -> ParagraphStyle {
        var s = ParagraphStyle(width: width)
        s.alignment = .thaiDistributed
        s.firstIndent = 70.87
        return s
    }

    /// Right edge of a line: the last glyph's pen position after its advance.
    func rightEdge(_ line: TextLine) -> Double { line.xOffset + line.width }

    @Test(arguments: [300.0, 360.0, 453.5]) func everyLineButTheLastIsFlush(width: Double) {
        let lines = layouter.layout(InlineText(text, font: font), style(width))
        #expect(lines.count >= 3)
        for line in lines.dropLast() { #expect(abs(rightEdge(line) - width) <= 0.25, "'\(line.text)' ends at \(rightEdge(line))") }
        let last = lines.last!
        #expect(rightEdge(last) < width - 1, "last line flush left")
    }

    /// A line ends a word when the source has white space (or its end) right after the line's
    /// text; the table cuts pages only there.
    @Test(arguments: [120.0, 200.0, 300.0]) func linesKnowWhetherTheyEndBetweenWords(width: Double) {
        let lines = layouter.layout(InlineText(text, font: font), style(width))
        var rest = Substring(text)
        var inside = 0
        for (k, line) in lines.enumerated() {
            while rest.first == " " { rest = rest.dropFirst() }
            #expect(rest.hasPrefix(line.text), "line \(k) '\(line.text)' is not next in the text")
            rest = rest.dropFirst(line.text.count)
            let expected = rest.isEmpty || rest.first == " "
            #expect(line.endsWord == expected, "line \(k) '\(line.text)' endsWord \(line.endsWord)")
            if k < lines.count - 1, !expected { inside += 1 }
        }
        #expect(rest.allSatisfy { $0 == " " })
        #expect(inside > 0, "at \(width) pt some line should end inside a run of Thai text")
        #expect(lines.last?.endsWord == true)
    }

    @Test func aLineWithoutSpacesIsStillFlush() {
        let solid = String(repeating: "การประเมินคุณธรรมและความโปร่งใส", count: 6)
        let lines = layouter.layout(InlineText(solid, font: font), style(300))
        let spaceless = lines.dropLast().filter { (l: TextLine) in !l.text.unicodeScalars.contains(" ") }
        #expect(spaceless.count >= 2)
        for line in spaceless { #expect(abs(rightEdge(line) - 300) <= 0.25) }
    }

    /// The extra space between clusters stays within the style's limit, and a single space is
    /// not turned into a hole: every gap gets a share.
    @Test func gapsStayWithinTheLimit() throws {
        var s = style(360)
        s.maxClusterGap = 3
        let shaped = Shaper(fonts).shape(text, spans: [StyleSpan(range: 0..<text.unicodeScalars.count, font: font)])
        let breaker = LineBreaker(shaped: shaped, style: s)
        var a = 0
        let breaks = breaker.breaks()
        for b in breaks.dropLast() {
            let e = breaker.end(of: b, from: a)
            let slack = breaker.lineWidth(first: a == 0) - shaped.width(a..<e)
            let extra = Justifier(shaped: shaped, style: s).extraSpace(line: a, end: e, slack: slack)
            #expect(!extra.isEmpty)
            #expect(extra.allSatisfy { $0 <= s.maxClusterGap + 0.001 }, "line from \(a): max \(extra.max()!)")
            #expect(abs(extra.reduce(0, +) - slack) < 0.01, "all slack distributed")
            a = b
        }
    }

    /// Marks never leave their base: glyphs of one grapheme move together.
    @Test func marksStayOnTheirBases() {
        let word = String(repeating: "ปั้น ฟ้า เยิ้ม น้ำ ", count: 8)
        let shaped = Shaper(fonts).shape(word, spans: [StyleSpan(range: 0..<word.unicodeScalars.count, font: font)])
        let lines = layouter.layout(InlineText(word, font: font), style(250))
        let natural = shaped.glyphs
        // In each run, a mark's offset from the glyph before it equals the shaper's.
        var checked = 0
        for line in lines.dropLast() {
            for run in line.runs {
                let sorted = run.glyphs.sorted { $0.x < $1.x }
                _ = sorted
                for (i, g) in run.glyphs.enumerated() where i > 0 {
                    guard let n = natural.firstIndex(where: { $0.id == g.id && $0.advance == 0 }) else { continue }
                    let base = natural[n - 1]
                    if let bi = run.glyphs.firstIndex(where: { $0.id == base.id }), bi < i, natural[n].advance == 0 {
                        let expected = base.advance + natural[n].xOffset - base.xOffset
                        let actual = g.x - run.glyphs[bi].x
                        if abs(actual - expected) < 0.01 { checked += 1 }
                    }
                }
            }
        }
        #expect(checked > 10)
    }

    /// Names, dates, พ.ศ. with its year and numbers with units stay whole even where a greedy
    /// breaker would cut them: try every width that ends a line inside the phrase.
    @Test(arguments: ["นางสาวพิมลวรรณ คุ่มครอง", "๕ มีนาคม ๒๕๖๙", "พ.ศ. ๒๕๖๘", "๘ ราย", "องค์การบริหารส่วนตำบลหินเหล็กไฟ"])
    func protectedPhrasesAreNeverSplit(phrase: String) {
        let para = "เพื่อดำเนินการตามแผนงานประจำปี โดย \(phrase) ได้รับมอบหมายให้รายงานผล"
        let scalars = Array(para.unicodeScalars)
        let protected = ProtectedPhrases(phrases: ["นางสาวพิมลวรรณ คุ่มครอง", "องค์การบริหารส่วนตำบลหินเหล็กไฟ"])
        let ranges = protected.ranges(in: scalars)
        let target = ranges.first { String(String.UnicodeScalarView(scalars[$0])) == phrase }
        #expect(target != nil, "phrase found: \(phrase)")
        guard let r = target else { return }
        let shaped = Shaper(fonts).shape(para, spans: [StyleSpan(range: 0..<scalars.count, font: font)])
        var unprotectedSplits = 0
        for inside in (r.lowerBound + 1)..<r.upperBound where shaped.lineBreak[inside] {
            // A width that ends the first line exactly at this break opportunity.
            let width = shaped.width(0..<inside) + 0.5
            var s = style(width); s.firstIndent = 0
            var plain = s
            plain.keepTogether = []
            let a = LineBreaker(shaped: shaped, style: plain).breaks()
            if a.contains(where: { r.contains($0) && $0 != r.lowerBound }) { unprotectedSplits += 1 }
            s.keepTogether = ranges
            let b = LineBreaker(shaped: shaped, style: s).breaks()
            let split = b.contains { (p: Int) in p > r.lowerBound && p < r.upperBound }
            #expect(!split, "\(phrase) split at width \(width)")
        }
        #expect(unprotectedSplits > 0, "without protection the phrase would have been split")
    }

    /// หน่วย|งาน is a break opportunity, but not taken when a break between words fits as well.
    @Test func compoundsAreKeptWhenAnotherBreakFits() {
        let para = "การประเมินคุณธรรมของหน่วยงานรัฐ"
        let scalars = Array(para.unicodeScalars)
        let shaped = Shaper(fonts).shape(para, spans: [StyleSpan(range: 0..<scalars.count, font: font)])
        let compound = Compounds.ranges(in: scalars).first { String(String.UnicodeScalarView(scalars[$0])) == "หน่วยงาน" }!
        let inside = ((compound.lowerBound + 1)..<compound.upperBound).first { shaped.lineBreak[$0] }!
        // Ragged text prefers full lines, so without the list the first line ends inside the compound.
        var s = style(shaped.width(0..<inside) + 1); s.firstIndent = 0; s.alignment = .left
        let greedyFirst = LineBreaker(shaped: shaped, style: s).breaks().first!
        s.compounds = Compounds.ranges(in: scalars)
        let kept = LineBreaker(shaped: shaped, style: s).breaks()
        #expect(greedyFirst == inside, "without the compound list the line breaks หน่วย|งาน")
        #expect(!kept.contains { compound.contains($0) && $0 != compound.lowerBound })
    }

    /// Every line starts at a break opportunity of the dictionary breaker, never inside a word or cluster.
    @Test(arguments: stride(from: 120.0, through: 420.0, by: 25.0).map { $0 })
    func breaksFallOnWordBoundaries(width: Double) {
        let shaped = Shaper(fonts).shape(text, spans: [StyleSpan(range: 0..<text.unicodeScalars.count, font: font)])
        var s = style(width); s.firstIndent = 0
        for b in LineBreaker(shaped: shaped, style: s).breaks().dropLast() {
            #expect(shaped.lineBreak[b] && shaped.graphemeStart[b], "break at \(b) '\(shaped.substring(max(0, b - 3)..<min(shaped.count, b + 3)))'")
        }
    }

    /// A web address longer than a line breaks at its punctuation and nothing overflows.
    @Test func urlsBreakAtPunctuation() {
        let url = "เผยแพร่ที่ https://www.hinlekfai.go.th/ita/2568/o36-report-12-months-with-a-long-name.pdf และ saraban@hinlekfai.go.th"
        var s = style(150); s.firstIndent = 0; s.alignment = .left
        let lines = layouter.layout(InlineText(url, font: font), s)
        for line in lines { #expect(rightEdge(line) <= 150.01, "'\(line.text)' overflows") }
        let texts: [String] = lines.map { (l: TextLine) in l.text }
        let inURL = texts.dropFirst().filter { (t: String) in ["ita", "2568", "o36", "report", "months"].contains { t.hasPrefix($0) } }
        #expect(!inURL.isEmpty, "the address was split at a slash or hyphen: \(texts)")
        for t in texts.dropLast() where t.hasPrefix("https") || t.hasPrefix("ita") || t.hasPrefix("o36") {
            let last: Character = t.last!
            #expect("/.-_@".contains(last), "'\(t)' ends at punctuation")
        }
    }
}
