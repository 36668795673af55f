import Testing
@testable import Layout
@testable import Typeset

/// A header of two rows: column 0 spans both, columns 1–2 share a title over their own titles.
@MainActor
private func twoRowHeader(spanLines: Int = 1) -> [TableRow] {
    let F = TableFixture.self
    let top = TableCell(column: 1, colspan: 2, lines: [CellLine(F.line("Both.0"))])
    return [TableRow(cells: [F.cell(0, spanLines, "Side", rowspan: 2), top]),
            TableRow(cells: [F.cell(1, 1, "Left"), F.cell(2, 1, "Other")])]
}

@MainActor
@Test func aHeaderOfTwoRowsRepeatsWholeOnEveryPage() {
    let F = TableFixture.self
    let rows = (0..<120).map { r in TableRow(cells: (0..<3).map { F.cell($0, 1, "R\(r)C\($0)") }) }
    let block = TableBlock(edges: F.edges, headers: twoRowHeader(), rows: rows, style: F.style)
    let rowHeight = F.lineHeight + 5
    let height = 400.0
    let pages = F.pages(block, height: height)
    let perPage = Int((height - 2 * rowHeight) / rowHeight + 0.001)
    #expect(pages.count == Int((120.0 / Double(perPage)).rounded(.up)))
    let body = pages.flatMap { F.texts($0).map(\.text) }.filter { $0.hasPrefix("R") }
    #expect(body == (0..<120).flatMap { r in (0..<3).map { "R\(r)C\($0).0" } })
    for page in pages {
        let t = F.texts(page)
        let at = { (s: String) in t.first { $0.text == s } }
        guard let side = at("Side.0"), let both = at("Both.0"), let left = at("Left.0"), let right = at("Other.0") else {
            Issue.record("a header cell is missing on a page"); continue
        }
        // The first row's cells at the top, the second row's one row lower, the body under both.
        #expect(abs(side.y - both.y) < 0.001)
        #expect(abs(left.y - both.y - rowHeight) < 0.001 && abs(right.y - left.y) < 0.001)
        #expect(abs(both.x - (F.edges[1] + 3)) < 0.001 && abs(left.x - (F.edges[1] + 3)) < 0.001 && abs(right.x - (F.edges[2] + 3)) < 0.001)
        let firstBody = t.filter { $0.text.hasPrefix("R") }.map(\.y).min() ?? 0
        #expect(abs(firstBody - (both.y + 2 * rowHeight)) < 0.001)
    }
}

@MainActor
@Test func aTallRowspanInTheHeaderMakesItsLastRowTaller() {
    let F = TableFixture.self
    let rows = [TableRow(cells: (0..<3).map { F.cell($0, 1, "R\($0)") })]
    let page = F.pages(TableBlock(edges: F.edges, headers: twoRowHeader(spanLines: 4), rows: rows, style: F.style), height: 600)[0]
    let t = F.texts(page)
    let lh = F.lineHeight
    // Side needs four lines: the header is 4 lines + padding; the first row keeps its own height.
    let both = t.first { $0.text == "Both.0" }!.y, left = t.first { $0.text == "Left.0" }!.y
    let body = t.first { $0.text == "R0.0" }!.y
    #expect(abs(left - both - (lh + 5)) < 0.001)
    #expect(abs(body - both - (4 * lh + 5)) < 0.001)
    // The second row's cells reach the header's bottom: their rules end where the body starts.
    let rules = page.items.compactMap { item -> (Double, Double, Double)? in
        if case let .rule(x1, y1, x2, y2, _, _, _) = item, x1 == x2, abs(x1 - F.edges[3]) < 0.001 { return (y1, y2, x1) }
        return nil
    }
    #expect(rules.contains { abs($0.0 - (lh + 5)) < 0.001 && abs($0.1 - (4 * lh + 5)) < 0.001 })
}
