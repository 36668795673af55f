import Testing
@testable import Layout
@testable import Typeset

/// Builds small tables of one-line-per-item cells and pages them at a fixed height.
@MainActor
struct TableFixture {
    static let fonts = FontSystem()
    static let layouter = ParagraphLayouter(fonts: fonts)
    static let font = FontSpec(family: "Laksaman", size: 15)
    static let style = TableStyle(paddingTop: 2, paddingBottom: 3, paddingX: 3, ruleWidth: 0.5)
    static let edges = TableColumns.edges(relative: [1, 2, 1], x: 50, width: 400)

    static func line(_ s: String) -> TextLine { layouter.singleLine(InlineText(s, font: font)) }
    static var lineHeight: Double { line("ก").height }

    /// A cell of `n` lines tagged "tag.k".
    static func cell(_ column: Int, _ n: Int, _ tag: String, rowspan: Int = 1) -> TableCell {
        TableCell(column: column, rowspan: rowspan, lines: (0..<n).map { CellLine(line("\(tag).\($0)")) })
    }

    static var header: TableRow { TableRow(cells: (0..<3).map { cell($0, 1, "H\($0)") }) }

    /// Places the table page after page (each of `height`) until it is done.
    static func pages(_ block: TableBlock, height: Double) -> [Box] {
        var boxes = [Box]()
        var current: any Breakable = block
        for _ in 0..<1000 {
            switch current.place(available: height, atPageTop: true) {
            case .fitted(let b): boxes.append(b); return boxes
            case .split(let b, let rest): boxes.append(b); current = rest
            case .nothingFits: Issue.record("nothing fits at the top of a page"); return boxes
            }
        }
        return boxes
    }

    /// Texts on a box, top to bottom then left to right.
    static func texts(_ box: Box) -> [(text: String, x: Double, y: Double)] {
        box.items.compactMap { if case let .text(l, x, y) = $0 { return (l.text, x, y) } else { return nil } }
            .sorted { ($0.1 == $1.1) ? $0.0 < $1.0 : $0.2 < $1.2 }
    }
}

@MainActor
@Test func twoHundredRowsFillTheExpectedNumberOfPages() {
    let F = TableFixture.self
    let rows = (0..<200).map { r in TableRow(cells: (0..<3).map { F.cell($0, 1, "R\(r)C\($0)") }) }
    let block = TableBlock(edges: F.edges, header: F.header, rows: rows, style: F.style)
    let rowHeight = F.lineHeight + 5
    let height = 500.0
    let perPage = Int((height - rowHeight) / rowHeight + 0.001)
    let pages = F.pages(block, height: height)
    #expect(pages.count == Int((200.0 / Double(perPage)).rounded(.up)))
    let body = pages.flatMap { F.texts($0).map(\.text) }.filter { $0.hasPrefix("R") }
    #expect(body == (0..<200).flatMap { r in (0..<3).map { "R\(r)C\($0).0" } })
    for page in pages {
        // The header comes first on every page.
        #expect(Array(F.texts(page).prefix(3).map(\.text)) == ["H0.0", "H1.0", "H2.0"])
        #expect(page.height <= height + 0.001)
    }
}

@MainActor
@Test func aRowSplitsBetweenLinesLeavingTwoOnEachSide() {
    let F = TableFixture.self
    let lh = F.lineHeight
    let rows = [TableRow(cells: [F.cell(0, 1, "a"), F.cell(1, 10, "b"), F.cell(2, 1, "c")])]
    let block = TableBlock(edges: F.edges, header: F.header, rows: rows, style: F.style)
    // Room for the header and nine of the ten lines: the cut must leave two for the next page.
    let height = (lh + 5) + 9 * lh + 5 + 0.5
    let pages = F.pages(block, height: height)
    #expect(pages.count == 2)
    let first = F.texts(pages[0]).map(\.text).filter { $0.hasPrefix("b") }
    let second = F.texts(pages[1]).map(\.text).filter { $0.hasPrefix("b") }
    #expect(first == (0..<8).map { "b.\($0)" })
    #expect(second == ["b.8", "b.9"])
    #expect(F.texts(pages[1]).prefix(3).map(\.text) == ["H0.0", "H1.0", "H2.0"])
}

@MainActor
@Test func aShortRowThatDoesNotFitMovesWhole() {
    let F = TableFixture.self
    let lh = F.lineHeight
    let rows = [TableRow(cells: [F.cell(0, 1, "a"), F.cell(1, 1, "b"), F.cell(2, 1, "c")]),
                TableRow(cells: [F.cell(0, 3, "d"), F.cell(1, 1, "e"), F.cell(2, 1, "f")])]
    let block = TableBlock(edges: F.edges, header: F.header, rows: rows, style: F.style)
    // Room for the header, the first row and two lines of the second: 2 + 1 would break the rule.
    let height = 2 * (lh + 5) + 2 * lh + 5 + 0.5
    let pages = F.pages(block, height: height)
    #expect(pages.count == 2)
    #expect(!F.texts(pages[0]).contains { $0.text.hasPrefix("d") })
    #expect(F.texts(pages[1]).filter { $0.text.hasPrefix("d") }.map(\.text) == ["d.0", "d.1", "d.2"])
}

@MainActor
@Test func aCellTallerThanAPageStillSplitsAndLosesNothing() {
    let F = TableFixture.self
    let rows = [TableRow(cells: [F.cell(0, 1, "a"), F.cell(1, 120, "b"), F.cell(2, 1, "c")])]
    let block = TableBlock(edges: F.edges, header: F.header, rows: rows, style: F.style)
    let pages = F.pages(block, height: 300)
    #expect(pages.count > 3)
    let all = pages.flatMap { F.texts($0).map(\.text) }.filter { $0.hasPrefix("b") }
    #expect(all == (0..<120).map { "b.\($0)" })
    for page in pages { #expect(page.height <= 300.001) }
}

@MainActor
@Test func aRowspanCutByAPageRepeatsItsTextAndStaysInItsArea() {
    let F = TableFixture.self
    var rows = [TableRow(cells: [F.cell(0, 2, "span", rowspan: 6), F.cell(1, 4, "r0"), F.cell(2, 1, "x0")])]
    for r in 1..<6 { rows.append(TableRow(cells: [F.cell(1, 4, "r\(r)"), F.cell(2, 1, "x\(r)")])) }
    let block = TableBlock(edges: F.edges, header: F.header, rows: rows, style: F.style)
    let pages = F.pages(block, height: 300)
    #expect(pages.count >= 2)
    for page in pages {
        let texts = F.texts(page)
        let span = texts.filter { $0.text.hasPrefix("span") }
        let body = texts.filter { $0.text.hasPrefix("r") }
        #expect(span.map(\.text) == ["span.0", "span.1"], "the rowspan's text is on every page it reaches")
        for s in span { #expect(s.x >= F.edges[0] && s.x < F.edges[1]) }
        // It sits in the merged area: from the first spanned row's top on this page.
        if let top = body.map(\.y).min(), let s = span.first { #expect(abs(s.y - top) < 0.01) }
    }
}

/// A table's rules reach the canvas once per line: every grid line of the page, drawn whole, and
/// no stretch of a line stroked twice, yet every stretch the cells drew is still covered.
@MainActor
@Test func tableRulesAreDrawnOncePerLine() {
    let F = TableFixture.self
    let rows = (0..<6).map { r in TableRow(cells: (0..<3).map { F.cell($0, 1, "R\(r)C\($0)") }) }
    let page = F.pages(TableBlock(edges: F.edges, header: F.header, rows: rows, style: F.style), height: 800)[0]
    let drawn = page.items.compactMap { item -> Painter.Rule? in
        if case let .rule(x1, y1, x2, y2, w, dash, round) = item { return Painter.Rule(x1: x1, y1: y1, x2: x2, y2: y2, width: w, dash: dash, round: round) }
        return nil
    }
    let joined = Painter.joinedRules(page.items)
    // Seven rows (header and six) and three columns: 8 horizontal lines and 4 vertical ones.
    #expect(drawn.count > joined.count)
    #expect(joined.filter { $0.y1 == $0.y2 }.count == 8)
    #expect(joined.filter { $0.x1 == $0.x2 }.count == 4)
    for (i, a) in joined.enumerated() {
        for b in joined[(i + 1)...] where a.y1 == a.y2 && b.y1 == b.y2 && a.y1 == b.y1 {
            #expect(max(a.x1, b.x1) >= min(a.x2, b.x2), "two rules overlap on y = \(a.y1)")
        }
    }
    for r in drawn {
        let covered = joined.contains { j in
            r.y1 == r.y2 ? (j.y1 == j.y2 && abs(j.y1 - r.y1) < 0.001 && j.x1 <= min(r.x1, r.x2) + 0.001 && j.x2 >= max(r.x1, r.x2) - 0.001)
                         : (j.x1 == j.x2 && abs(j.x1 - r.x1) < 0.001 && j.y1 <= min(r.y1, r.y2) + 0.001 && j.y2 >= max(r.y1, r.y2) - 0.001)
        }
        #expect(covered, "the rule \(r) is drawn")
    }
}

/// A cell of ten lines whose lines `inWord` end inside a word (the next line goes on with it).
@MainActor
private func wordCutRow(inWord: Set<Int>) -> [TableRow] {
    let F = TableFixture.self
    var b = F.cell(1, 10, "b")
    for k in inWord { b.lines[k].line.endsWord = false }
    return [TableRow(cells: [F.cell(0, 1, "a"), b, F.cell(2, 1, "c")])]
}

@MainActor
@Test func aRowCutByAPageIsCutBetweenWordsWhenThatCostsFewLines() {
    let F = TableFixture.self
    let lh = F.lineHeight
    // Room for the header and nine lines; the two-line rule alone would cut after b.7, inside
    // the word that runs from b.5 to b.8.
    let height = (lh + 5) + 9 * lh + 5 + 0.5
    func cut(_ inWord: Set<Int>, within lines: Int) -> (first: [String], second: [String]) {
        var style = F.style
        style.wordCutLines = lines
        let pages = F.pages(TableBlock(edges: F.edges, header: F.header, rows: wordCutRow(inWord: inWord), style: style), height: height)
        #expect(pages.count == 2)
        return (F.texts(pages[0]).map(\.text).filter { $0.hasPrefix("b") }, F.texts(pages[1]).map(\.text).filter { $0.hasPrefix("b") })
    }
    // Between words, three lines back: b.0 … b.4 stay, the word starts the next page.
    let between = cut([5, 6, 7], within: 5)
    #expect(between.first == (0..<5).map { "b.\($0)" })
    #expect(between.second == (5..<10).map { "b.\($0)" })
    // Not allowed to give lines back: cut where the page ends, as before.
    #expect(cut([5, 6, 7], within: 0).first == (0..<8).map { "b.\($0)" })
    // No line ends a word within two lines of the page end: the cut stays where it was.
    #expect(cut([1, 2, 3, 4, 5, 6, 7], within: 2).first == (0..<8).map { "b.\($0)" })
}

@MainActor
@Test func aRowWhoseOnlyWordRunsPastThePageMovesToTheNextPage() {
    let F = TableFixture.self
    let lh = F.lineHeight
    var b = F.cell(1, 4, "b")
    for k in 0..<3 { b.lines[k].line.endsWord = false }
    let rows = [TableRow(cells: (0..<3).map { F.cell($0, 1, "p\($0)") }), TableRow(cells: [F.cell(0, 1, "a"), b, F.cell(2, 1, "c")])]
    // The header, the first row and three lines of the second.
    let height = 2 * (lh + 5) + 3 * lh + 5 + 0.5
    for (lines, onFirst) in [(5, [String]()), (0, ["b.0", "b.1"])] {
        var style = F.style
        style.wordCutLines = lines
        let pages = F.pages(TableBlock(edges: F.edges, header: F.header, rows: rows, style: style), height: height)
        #expect(pages.count == 2)
        #expect(F.texts(pages[0]).map(\.text).filter { $0.hasPrefix("b") } == onFirst)
        #expect(F.texts(pages[1]).map(\.text).filter { $0.hasPrefix("b") } == (onFirst.count..<4).map { "b.\($0)" })
    }
}
