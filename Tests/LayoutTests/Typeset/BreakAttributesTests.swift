import CPangoCairo
import Foundation
import Testing
@testable import Typeset

/// Break opportunities worked out stretch by stretch (and kept) are exactly those of one pass over
/// the whole paragraph, for every attribute the layout reads.
@Suite struct BreakAttributesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The Thai corpus, every quoted or plain string value of the example documents, and edge cases
    /// around spaces: punctuation, ๆ, ฯ, quotes, digits, Latin, runs of spaces, line breaks.
    static func texts() -> [String] {
        var out = [String]()
        if let corpus = try? String(contentsOfFile: root + "/Tests/EndToEndTests/Fixtures/thai-corpus.txt", encoding: .utf8) {
            out += corpus.split(separator: "\n").compactMap { $0.split(separator: "\t", maxSplits: 1).last.map(String.init) }
        }
        let dir = root + "/Templates/examples"
        for file in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where file.hasSuffix(".yaml") {
            let text = (try? String(contentsOfFile: dir + "/" + file, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                if value.unicodeScalars.count > 3 { out.append(value) }
            }
        }
        out += ["( ก ข )", "ก ) ข", "ก ( ข", "ก ๆ ข", "ไป ๆ มา", "ฯลฯ ก ฯ ข", "“ข้อความ” ต่อ ‘ก’ ข", "ที่ ๑๒ % และ ๒๕๖๘ บาท",
                "ก  ข   ค", "  นำหน้า", "ตามหลัง  ", "ก\nข ค", "ก - ข — ค", "Open Data Integrity and Transparency Assessment : OIT)",
                "ก่อน https://www.example.go.th/a ต่อ", "น้ำ ค่ำ ที่ ปั้น", "๑. ก ๒) ข", "a b", " ", ""]
        return out
    }

    /// The attributes the layout reads (Shaper.shape) are equal.
    static func sameForLayout(_ a: PangoLogAttr, _ b: PangoLogAttr) -> Bool {
        a.is_line_break == b.is_line_break && a.is_mandatory_break == b.is_mandatory_break
            && a.is_cursor_position == b.is_cursor_position && a.is_white == b.is_white
            && a.is_word_boundary == b.is_word_boundary
    }

    @Test func stretchesGiveTheSameAttributesAsTheWholeText() {
        let breaks = BreakAttributes(language: pango_language_from_string("th"))
        var checked = 0, cut = 0
        for _ in 0..<2 { // the second round reads the kept stretches
            for text in Self.texts() {
                let scalars = Array(text.unicodeScalars)
                var offsets = [0]
                for s in scalars { offsets.append(offsets.last! + UTF8.width(s)) }
                let bytes = Array(text.utf8)
                let (a, b) = bytes.withUnsafeBufferPointer { p in
                    (breaks.attributes(p, scalars: scalars, offsets: offsets, cuts: BreakAttributes.cuts(scalars)), breaks.whole(p, count: scalars.count))
                }
                #expect(a.count == b.count, "\(text)")
                for i in 0..<min(a.count, b.count) {
                    let same = Self.sameForLayout(a[i], b[i])
                    #expect(same, "position \(i) of \(text)")
                    if !same { break }
                }
                checked += 1
                cut += BreakAttributes.cuts(scalars).count
            }
        }
        #expect(checked > 100 && cut > 100, "the texts have many places to cut (\(checked) texts, \(cut) cuts)")
        #expect(breaks.thaiStretches > 30, "plain Thai stretches skip Pango's Unicode pass (\(breaks.thaiStretches))")
    }

    /// Any string of Thai letters, vowels, marks and digits, in orders no word has (marks piled
    /// up, after digits, SARA AM anywhere), gets Pango's attributes on the Thai path.
    @Test func plainThaiOfAnyOrderGetsPangosAttributes() {
        let breaks = BreakAttributes(language: pango_language_from_string("th"))
        let bases = Array("กขคงจชซญณดตถทนบปผพฟภมยรลวศษสหอฮะาำเแโใไๅ๐๑๒๓๔๕๖๗๘๙".unicodeScalars)
        let marks = Array("ัิีึืฺุู็่้๊๋์ํ๎".unicodeScalars)
        var seed: UInt64 = 0x7A1
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % n
        }
        var compared = Set<[Unicode.Scalar]>()
        for _ in 0..<3_000 {
            var scalars = [bases[next(bases.count)]]
            for _ in 0..<next(40) { scalars.append(next(4) == 0 ? marks[next(marks.count)] : bases[next(bases.count)]) }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            let bytes = Array(String(text).utf8)
            var offsets = [0]
            for s in scalars { offsets.append(offsets.last! + UTF8.width(s)) }
            #expect(BreakAttributes.plainThai(ArraySlice(scalars)))
            let (a, b) = bytes.withUnsafeBufferPointer { p in
                (breaks.attributes(p, scalars: scalars, offsets: offsets, cuts: []), breaks.whole(p, count: scalars.count))
            }
            for i in 0..<b.count {
                let same = Self.sameForLayout(a[i], b[i]) && a[i].is_char_break == b[i].is_char_break
                #expect(same, "position \(i) of \(String(text))")
                if !same { break }
            }
            compared.insert(scalars)
        }
        #expect(breaks.thaiStretches >= compared.count, "every new string took the Thai path (some twice, once forgotten)")
    }

    /// Phrases of Thai and Latin words, ASCII and Thai numbers and punctuation (brackets and
    /// quotes paired or not, glued to words or not), with one, two or no spaces between: the
    /// stretches give the whole text's attributes. Before the cuts followed Pango's script rules,
    /// about 14 in 3,000 differed ("Data 12การ", "(ปั้น PDF )ประเมิน", "%3.5  ความ").
    @Test func mixedPhrasesGetTheWholeTextsAttributes() {
        let breaks = BreakAttributes(language: pango_language_from_string("th"))
        let thai = ["การ", "ประเมิน", "คุณธรรม", "ความ", "โปร่งใส", "น้ำใจ", "ที่", "ใน", "ของ", "หน่วยงาน", "เทศบาล",
                    "ตำบล", "ปี", "งบประมาณ", "ผู้บริหาร", "ค่ำ", "ปั้น", "ฯลฯ", "ๆ"]
        let other = ["Data", "ITA", "OIT", "the", "and", "PDF", "A3", "x", "12", "3.5", "2568", "๑๒", "๒๕๖๘", "1,000", "๓.๕", "10%", "๑๐%"]
        let words = thai + thai + thai + other
        let punctuation = ["(", ")", ".", ",", ":", ";", "/", "-", "\"", "'", "%", "<", ">", "{", "}", "«", "»", "‹", "›",
                           "“", "”", "‘", "’", "—", "–", "…", "[", "]", "!", "?", "\n"]
        let gaps = [" ", " ", " ", "", "  "]
        var seed: UInt64 = 0xC075
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % n
        }
        var cut = 0, differing = [String]()
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0...next(8) {
                var word = words[next(words.count)]
                if next(10) < 3 { word = punctuation[next(punctuation.count)] + word }
                if next(10) < 3 { word += punctuation[next(punctuation.count)] }
                text += word + gaps[next(gaps.count)]
            }
            let scalars = Array(text.unicodeScalars)
            var offsets = [0]
            for s in scalars { offsets.append(offsets.last! + UTF8.width(s)) }
            let cuts = BreakAttributes.cuts(scalars)
            let bytes = Array(text.utf8)
            let (a, b) = bytes.withUnsafeBufferPointer { p in
                (breaks.attributes(p, scalars: scalars, offsets: offsets, cuts: cuts), breaks.whole(p, count: scalars.count))
            }
            if a.count != b.count || zip(a, b).contains(where: { !Self.sameForLayout($0, $1) }) { differing.append(text) }
            cut += cuts.count
        }
        #expect(differing.isEmpty, "\(differing.count) texts differ, the first: \(differing.prefix(3))")
        #expect(cut > 1_500, "the phrases have places to cut (\(cut))")
    }

    @Test func pairedPunctuationFollowsPango() {
        func cuts(_ text: String) -> [Int] { BreakAttributes.cuts(Array(text.unicodeScalars)) }
        #expect(cuts("ก ข ค") == [2, 4])
        #expect(cuts("(ก ข ค) ง จ") == [10], "no cut inside the brackets")
        #expect(cuts("“ก ข ค” ง จ") == [10], "nor inside the quotes")
        #expect(cuts("ก) ข ค ง") == [5, 7], "a closing bracket with none open closes nothing")
        #expect(cuts("Data 12การ ข") == [11], "no stretch starts with an ASCII digit")
        #expect(cuts("12 การ ข") == [7], "nor ends with one before a letter sets its script")
        #expect(cuts("ปี 2568 ของ") == [8], "after the digits, since ปี sets their script")
        #expect(cuts(String(repeating: "(", count: 101) + "ก ข" + String(repeating: ")", count: 101) + " ค").isEmpty,
                "past 100 open, no more cuts")
    }

    @Test func onlyPlainThaiTakesTheThaiPath() {
        #expect(BreakAttributes.plainThai(ArraySlice("น้ำใจ๒๕๖๘".unicodeScalars)))
        #expect(!BreakAttributes.plainThai(ArraySlice("้ก".unicodeScalars)))
        #expect(!BreakAttributes.plainThai(ArraySlice("ไปๆ".unicodeScalars)))
        #expect(!BreakAttributes.plainThai(ArraySlice("ฯลฯ".unicodeScalars)))
        #expect(!BreakAttributes.plainThai(ArraySlice("ก.".unicodeScalars)))
        #expect(!BreakAttributes.plainThai(ArraySlice("ก1".unicodeScalars)))
        #expect(!BreakAttributes.plainThai(ArraySlice("".unicodeScalars)))
    }
}

/// Text in one font shaped stretch by stretch (and kept) gives the glyphs of shaping the whole
/// paragraph at once: same glyphs, advances, offsets, characters and fonts.
@Suite struct ShapedStretchesTests {
    @Test(arguments: ["Laksaman", "DejaVu Sans"])
    func stretchesShapeLikeTheWholeText(family: String) {
        let fonts = FontSystem()
        let shaper = Shaper(fonts)
        let font = FontSpec(family: family, size: 16)
        var glyphCount = 0
        for _ in 0..<2 { // the second round takes the kept stretches
            for text in BreakAttributesTests.texts() {
                let spans = [StyleSpan(range: 0..<text.unicodeScalars.count, font: font)]
                let a = shaper.shape(text, spans: spans), b = shaper.shape(text, spans: spans, wholeText: true)
                #expect(a.glyphs.count == b.glyphs.count, "\(text)")
                for (x, y) in zip(a.glyphs, b.glyphs) {
                    let same = x.id == y.id && abs(x.advance - y.advance) < 1e-9 && abs(x.xOffset - y.xOffset) < 1e-9
                        && abs(x.yOffset - y.yOffset) < 1e-9 && x.scalar == y.scalar && a.fonts[x.font] === b.fonts[y.font]
                    #expect(same, "glyph for scalar \(y.scalar) of \(text)")
                    if !same { break }
                }
                #expect(a.lineBreak == b.lineBreak && a.wordStart == b.wordStart && a.graphemeStart == b.graphemeStart, "\(text)")
                glyphCount += b.glyphs.count
            }
        }
        #expect(glyphCount > 5000)
    }
}

/// Thai stretches shaped with the analysis Pango gave an earlier Thai stretch (no itemizing) get
/// the glyphs Pango's own itemizing of the whole paragraph gives: new stretches every time (the
/// example texts' phrases with their words rearranged), regular and bold, two sizes.
@Suite struct ThaiItemsTests {
    /// The texts' phrases, each with its stretches' characters rotated by a seeded amount, so
    /// that no stretch was seen before and each is still Thai, digits and punctuation.
    static func newTexts(round: Int) -> [String] {
        var seed: UInt64 = 0x5EED + UInt64(round)
        return BreakAttributesTests.texts().map { text in
            text.split(separator: " ", omittingEmptySubsequences: false).map { phrase -> String in
                let s = Array(phrase.unicodeScalars)
                guard s.count > 2 else { return String(phrase) }
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                // Cut after a base character (a Thai letter or an ASCII one) so marks stay on a base.
                let cuts = (1..<s.count).filter { ThaiItemsTests.isBase(s[$0]) }
                guard let k = cuts.isEmpty ? nil : cuts[Int(seed >> 33) % cuts.count] else { return String(phrase) }
                var out = String.UnicodeScalarView()
                out.append(contentsOf: s[k...]); out.append(contentsOf: s[..<k])
                return String(out)
            }.joined(separator: " ")
        }
    }

    static func isBase(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0E01...0x0E30, 0x0E32, 0x0E33, 0x0E40...0x0E46, 0x0E4F...0x0E5B, 0x21...0x7E: return true
        default: return false
        }
    }

    @Test(arguments: [FontSpec(family: "Laksaman", size: 16), FontSpec(family: "Laksaman", size: 14, bold: true)])
    func keptAnalysisShapesLikePango(font: FontSpec) {
        let fonts = FontSystem()
        let shaper = Shaper(fonts)
        var glyphCount = 0
        for round in 0..<3 {
            for text in Self.newTexts(round: round) {
                let spans = [StyleSpan(range: 0..<text.unicodeScalars.count, font: font)]
                let a = shaper.shape(text, spans: spans), b = shaper.shape(text, spans: spans, wholeText: true)
                #expect(a.glyphs.count == b.glyphs.count, "\(text)")
                for (x, y) in zip(a.glyphs, b.glyphs) {
                    let same = x.id == y.id && abs(x.advance - y.advance) < 1e-9 && abs(x.xOffset - y.xOffset) < 1e-9
                        && abs(x.yOffset - y.yOffset) < 1e-9 && x.scalar == y.scalar && a.fonts[x.font] === b.fonts[y.font]
                    #expect(same, "glyph for scalar \(y.scalar) of \(text)")
                    if !same { break }
                }
                glyphCount += b.glyphs.count
            }
        }
        #expect(glyphCount > 5000)
        #expect(fonts.thaiItems.hits > 300, "Thai stretches skip the itemizer (\(fonts.thaiItems.hits))")
    }

    @Test func onlyThaiDigitsAndPunctuationQualify() {
        #expect(ThaiItems.eligible(ArraySlice("(ข้อ ๑.)".unicodeScalars)))
        #expect(ThaiItems.eligible(ArraySlice("๒๕๖๘/๑๒".unicodeScalars)))
        #expect(!ThaiItems.eligible(ArraySlice("(ITA)".unicodeScalars)))
        #expect(!ThaiItems.eligible(ArraySlice("กa".unicodeScalars)))
        #expect(!ThaiItems.eligible(ArraySlice("ก\n".unicodeScalars)))
        #expect(!ThaiItems.eligible(ArraySlice("“ก”".unicodeScalars)))
        #expect(!ThaiItems.eligible(ArraySlice("123".unicodeScalars)))
    }
}

/// The bounded table behind both: what is used again stays, what is not goes, the size stays bounded.
@Test func keptValuesKeepWhatIsUsedAndStayBounded() {
    let kept = KeptValues<Int, String>(half: 10)
    kept.insert("hot", for: -1)
    for i in 0..<1000 {
        kept.insert("\(i)", for: i)
        if i % 5 == 0 { #expect(kept[-1] == "hot", "a value used every few inserts stays (\(i))") }
        #expect(kept.count <= 20)
    }
    #expect(kept[999] == "999")
    #expect(kept[0] == nil && kept[500] == nil)
}
