import Typeset
/// A cell's place in the body: its row and its index among that row's cells.
struct CellKey: Hashable, Comparable {
    var row: Int, index: Int
    static func < (a: CellKey, b: CellKey) -> Bool { (a.row, a.index) < (b.row, b.index) }
}

/// The fixed part of a table, shared by every page's rest: columns, rows, measured cells, spans.
final class TableGrid {
    let edges: [Double]
    let header: TableHeader
    let rows: [TableRow]
    let style: TableStyle
    let texts: [CellKey: CellText]
    /// Last row each cell covers (rowspan clamped to the table).
    let lastRow: [CellKey: Int]
    /// Cells that cover more than one row, in order.
    let spanKeys: [CellKey]

    init(edges: [Double], headers: [TableRow], rows: [TableRow], style: TableStyle) {
        self.edges = edges; self.rows = rows; self.style = style
        header = TableHeader(rows: headers, style: style)
        var texts = [CellKey: CellText](), last = [CellKey: Int](), spans = [CellKey]()
        for (r, row) in rows.enumerated() {
            for (k, cell) in row.cells.enumerated() {
                let key = CellKey(row: r, index: k)
                texts[key] = CellText(cell.lines)
                last[key] = min(r + cell.rowspan - 1, rows.count - 1)
                if last[key]! > r { spans.append(key) }
            }
        }
        self.texts = texts; lastRow = last; spanKeys = spans
    }

    var headerHeight: Double { header.height }

    func cell(_ key: CellKey) -> TableCell { rows[key.row].cells[key.index] }

    /// Whether the cell covers only its own row.
    func isOwn(_ key: CellKey) -> Bool { lastRow[key] == key.row }

    func keys(ofRow r: Int) -> [CellKey] { rows[r].cells.indices.map { CellKey(row: r, index: $0) } }

    /// Left and right edges of a cell.
    func span(_ cell: TableCell) -> (Double, Double) {
        let a = min(cell.column, edges.count - 2), b = min(cell.column + cell.colspan, edges.count - 1)
        return (edges[a], edges[b])
    }
}

/// A piece of a cell on one page: its rectangle and which of its lines it shows.
struct CellFragment {
    var x0: Double, x1: Double, top: Double, height: Double
    var text: CellText
    var lines: Range<Int>
    var fill: Double?
    /// What the fragment's text is: its cell's structure element, or an artifact when repeated.
    var tag: ContentTag = .untagged

    /// Fill, text and the four rules of the fragment's rectangle (shared edges coincide).
    func items(_ style: TableStyle) -> [PaintItem] {
        var items = [PaintItem]()
        if let g = fill, g < 1 { items.append(.fill(x: x0, y: top, width: x1 - x0, height: height, gray: g)) }
        if let a = lines.first {
            for i in lines {
                var line = text.lines[i].line
                line.tag = tag
                items.append(.text(line, x: x0 + style.paddingX, y: top + style.paddingTop + text.tops[i] - text.tops[a]))
            }
        }
        let w = style.ruleWidth, bottom = top + height
        items.append(.rule(x1: x0, y1: top, x2: x1, y2: top, width: w, dash: [], round: false))
        items.append(.rule(x1: x0, y1: bottom, x2: x1, y2: bottom, width: w, dash: [], round: false))
        items.append(.rule(x1: x0, y1: top, x2: x0, y2: bottom, width: w, dash: [], round: false))
        items.append(.rule(x1: x1, y1: top, x2: x1, y2: bottom, width: w, dash: [], round: false))
        return items
    }
}
