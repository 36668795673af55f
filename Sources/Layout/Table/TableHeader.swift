import Typeset
/// The header rows a table repeats at the top of every page, measured once: each row's top and
/// the cells' rectangles, with rowspans and colspans inside the header.
struct TableHeader {
    let rows: [TableRow]
    /// Each row's cells' measured text, in the row's cell order.
    let texts: [[CellText]]
    /// Top of each row from the header's top, then the header's bottom.
    let tops: [Double]

    init(rows: [TableRow], style: TableStyle) {
        self.rows = rows
        texts = rows.map { $0.cells.map { CellText($0.lines) } }
        tops = TableHeader.tops(rows: rows, texts: texts, paddingY: style.paddingY)
    }

    /// The header's height (0 without header rows).
    var height: Double { tops.last ?? 0 }

    /// Row heights: each row as tall as its own cells need; a cell spanning rows that need less
    /// than it does makes the last row it covers taller.
    static func tops(rows: [TableRow], texts: [[CellText]], paddingY: Double) -> [Double] {
        guard !rows.isEmpty else { return [] }
        var heights = [Double](repeating: paddingY, count: rows.count)
        var spans = [(first: Int, last: Int, need: Double)]()
        for (r, row) in rows.enumerated() {
            for (k, cell) in row.cells.enumerated() {
                let need = texts[r][k].height(0, texts[r][k].count) + paddingY
                let last = min(r + cell.rowspan - 1, rows.count - 1)
                if last == r { heights[r] = max(heights[r], need) } else { spans.append((r, last, need)) }
            }
        }
        for span in spans.sorted(by: { $0.last < $1.last }) {
            let given = heights[span.first...span.last].reduce(0, +)
            if given < span.need { heights[span.last] += span.need - given }
        }
        var tops = [0.0]
        for h in heights { tops.append(tops[tops.count - 1] + h) }
        return tops
    }

    /// The header's cells as fragments at the page's top: the table's own content on its first
    /// page (`first`), repeated page furniture after.
    func fragments(_ grid: TableGrid, first: Bool) -> [CellFragment] {
        var out = [CellFragment]()
        for (r, row) in rows.enumerated() {
            for (k, cell) in row.cells.enumerated() {
                let (x0, x1) = grid.span(cell)
                let last = min(r + cell.rowspan - 1, rows.count - 1)
                let t = texts[r][k]
                out.append(CellFragment(x0: x0, x1: x1, top: tops[r], height: tops[last + 1] - tops[r], text: t, lines: 0..<t.count,
                                        fill: row.fill, tag: first ? cell.tag : .artifact(.repeated)))
            }
        }
        return out
    }
}
