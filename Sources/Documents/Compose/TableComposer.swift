import Foundation
import Layout
import ThaiText
import Typeset

/// Turns a document table into a breakable table block: column edges fixed from the relative
/// widths, each cell's paragraphs set to its column's width with the style's table text.
struct TableComposer {
    let text: TextComposer
    let style: Style

    func block(_ table: Table, left: Double, width: Double, spaceBefore: Double) -> TableBlock {
        let ts = style.table
        let edges = TableColumns.edges(relative: table.columns.map(\.width), x: left, width: width)
        func inner(_ c: Int, _ span: Int) -> Double { max(edges[min(c + span, edges.count - 1)] - edges[c] - 2 * ts.paddingX, 1) }
        let header = TableRow(cells: table.columns.enumerated().map { k, c in
            TableCell(column: k, lines: lines(text.linesOf(c.title), width: inner(k, 1), bold: ts.headerBold, alignment: .center))
        }, fill: fill(ts.headerFill))
        let rows = table.rows.map { row -> TableRow in
            switch row {
            case .group(let g):
                let n = table.columns.count
                return TableRow(cells: [TableCell(column: 0, colspan: n, lines: lines([g], width: inner(0, n), bold: ts.groupBold, alignment: .left))],
                                fill: fill(ts.groupFill))
            case .cells(let cells):
                return TableRow(cells: cells.map { c in
                    TableCell(column: c.column, colspan: c.colspan, rowspan: c.rowspan,
                              lines: lines(c.paragraphs, width: inner(c.column, c.colspan), bold: false, alignment: ts.alignment))
                })
            }
        }
        let tableStyle = TableStyle(paddingTop: ts.paddingTop, paddingBottom: ts.paddingBottom, paddingX: ts.paddingX, ruleWidth: ts.ruleWidth,
                                    wordCutLines: ts.pageCutBetweenWords)
        return TableBlock(edges: edges, header: header, rows: rows, style: tableStyle, spaceBefore: spaceBefore)
    }

    func fill(_ gray: Double) -> Double? { gray < 1 ? gray : nil }

    /// The lines of a cell's paragraphs; a paragraph that starts with its own marker (๑. ๑.๑ ๑.๑))
    /// hangs its wrapped lines under the text after the marker.
    func lines(_ paragraphs: [String], width: Double, bold: Bool, alignment: Alignment) -> [CellLine] {
        // An abandoned render (the service's timeout) gets empty cells: a long table's remaining
        // rows then cost nothing, and the renderer is free again at once.
        if let c = text.layouter.cancellation, c.isCancelled { return [] }
        let ts = style.table
        var result = [CellLine]()
        for (k, p) in paragraphs.enumerated() {
            var hang = 0.0
            if alignment != .center, let marker = TextSearch.listMarker(p) {
                hang = text.layouter.singleLine(text.inline(marker, size: ts.textSize, bold: bold)).width
                if hang > width / 2 { hang = 0 }
            }
            let ps = text.paragraphStyle(width: width, first: 0, rest: hang, alignment: alignment, lineHeight: ts.lineHeight)
            let set = text.lines(text.inline(p, size: ts.textSize, bold: bold), ps)
            for (i, line) in set.enumerated() { result.append(CellLine(line, spaceBefore: i == 0 && k > 0 ? ts.paragraphSpace : 0)) }
        }
        return result
    }
}

extension TextComposer {
    /// A text's lines as separate paragraphs (a header title may be written on two lines).
    func linesOf(_ s: String) -> [String] {
        s.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
