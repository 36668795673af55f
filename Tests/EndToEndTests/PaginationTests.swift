import Foundation
import Testing
@testable import Documents
@testable import Layout
import ThaiText

/// Page numbers, continuation words, the signature's company and widows/orphans, read from real output.
@Suite struct PaginationTests {
    static let pdf = try! Probe.render(path: Probe.root + "/Templates/examples/long-memo.yaml")
    static let pages = Probe.pages(pdf)
    let right = 595.28 - 2 * Probe.cm

    @Test func longMemoRunsToThreePages() { #expect(Self.pages.count == 3) }

    @Test func pageNumbersFromPageTwoOn() throws {
        #expect(!Self.pages[0].words.prefix(8).contains { $0.text == "-" }, "no page number on page 1")
        for n in 1..<Self.pages.count {
            let words = Self.pages[n].words
            let number = try #require(words.first { $0.text == ThaiDigits.number(n + 1, .thai) }, "page \(n + 1) has no number")
            let dashes = words.filter { $0.text == "-" && abs($0.yMin - number.yMin) < 1 }
            #expect(dashes.count == 2, "- \(n + 1) - on page \(n + 1)")
            #expect(abs((number.xMin + number.xMax) / 2 - 595.28 / 2) < 2, "centred")
            #expect(abs(number.yMin - 1.5 * Probe.cm) < 8, "1.5 cm from the top: \(number.yMin)")
            #expect(words.allSatisfy { $0.yMin >= number.yMin - 0.5 }, "nothing above the number")
        }
    }

    @Test func continuationWordIsTheNextPagesFirstWord() throws {
        for n in 0..<(Self.pages.count - 1) {
            let words = Self.pages[n].words
            let cont = try #require(words.last { $0.text.hasPrefix("/") && $0.text.hasSuffix("...") }, "page \(n + 1)")
            #expect(abs(cont.xMax - right) < 1, "at the right margin")
            #expect(words.allSatisfy { $0.yMin <= cont.yMin + 0.5 }, "below the last line")
            let word = String(cont.text.dropFirst().dropLast(3))
            // First text after the page number on the next page.
            let next = Self.pages[n + 1].words.drop { $0.yMin < 2 * Probe.cm }.map(\.text).joined()
            #expect(!word.isEmpty && next.hasPrefix(word), "'\(word)' vs '\(next.prefix(20))'")
        }
        #expect(!Self.pages.last!.words.contains { $0.text.hasPrefix("/") && $0.text.hasSuffix("...") })
    }

    /// Memos whose text ends at every height of the page: the signature always has the two
    /// lines of text before it on its own page.
    @Test func signatureNeverStartsAPageAlone() throws {
        let filler = "องค์การบริหารส่วนตำบลหินเหล็กไฟได้ดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานอย่างต่อเนื่อง"
        var sawSplit = false
        for k in 9...22 {
            let body = (0..<k).map { "    - \"ย่อหน้าที่ \($0 + 1) \(filler)\"" }.joined(separator: "\n")
            let pdf = try Probe.render(yaml: memoYAML(body: body))
            let pages = Probe.pages(pdf)
            let sigPage = try #require(pages.firstIndex { $0.text.contains("(นางสาวพิมลวรรณ") })
            let page = pages[sigPage]
            let sig = page.words.first { $0.text.hasPrefix("(นางสาวพิมลวรรณ") }!
            let above = Set(page.words.filter { $0.yMax < sig.yMin && !($0.text == "-" || $0.yMax < 2.2 * Probe.cm) }.map { Int($0.yMin.rounded()) })
            #expect(above.count >= 2, "k=\(k): signature on page \(sigPage + 1) has \(above.count) text lines above it")
            #expect(page.text.contains("จึงเรียนมาเพื่อโปรดทราบ"), "closing with the signature")
            if pages.count > 1 { sawSplit = true }
        }
        #expect(sawSplit)
    }

    /// No paragraph leaves a single line on either side of a page break, checked on the laid-out lines.
    @Test func noWidowsOrOrphans() throws {
        _ = Probe.setUpOnce
        // Each paragraph has its own word, so every laid-out line says which paragraph it is from.
        let vocabulary = ["ประชาชน", "เจ้าหน้าที่", "งบประมาณ", "โครงการ", "กิจกรรม", "หน่วยงาน", "ข้อมูล",
                          "รายงาน", "มาตรการ", "คุณธรรม", "ความโปร่งใส", "การประเมิน", "ผู้บริหาร", "บุคลากร"]
        let paragraphs = vocabulary.enumerated().map { i, w in
            Array(repeating: w, count: 9 + 6 * (i % 4)).joined(separator: " ")
        }
        let body = paragraphs.map { "    - \"\($0)\"" }.joined(separator: "\n")
        let dir = Probe.tempDir()
        try memoYAML(body: body).write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
        let (doc, style) = try DocumentLoader(resources: Probe.resources).load(path: dir + "/m.yaml")
        let pages = try DocumentRenderer().pages(doc, style)
        #expect(pages.count >= 3)
        // Which paragraph each line belongs to, page by page.
        var counts = [[Int: Int]](repeating: [:], count: pages.count)
        for (n, page) in pages.enumerated() {
            for case let .text(line, _, _) in page.items {
                if let i = vocabulary.firstIndex(where: { line.text.hasPrefix($0) }) { counts[n][i, default: 0] += 1 }
            }
        }
        var splits = 0
        for i in paragraphs.indices {
            let spread = counts.compactMap { $0[i] }
            if spread.count > 1 { splits += 1; #expect(spread.allSatisfy { $0 >= 2 }, "paragraph \(i) split \(spread)") }
        }
        #expect(splits >= 1, "the test must split at least one paragraph")
    }

    func memoYAML(body: String) -> String {
        """
        memo:
          agency: องค์การบริหารส่วนตำบลหินเหล็กไฟ
          ref: ปข ๗๕๐๐๑/๓๘๙
          date: 2026-03-05
          subject: ทดสอบการแบ่งหน้า
          to: นายกองค์การบริหารส่วนตำบลหินเหล็กไฟ
          body:
        \(body)
          closing: จึงเรียนมาเพื่อโปรดทราบ
          signature:
            name: นางสาวพิมลวรรณ คุ่มครอง
            position: ผู้ช่วยเจ้าพนักงานธุรการ
        """
    }
}
