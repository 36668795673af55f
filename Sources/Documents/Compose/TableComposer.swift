import Foundation
import Layout
import ThaiText
import Typeset

/// Turns a document table into a breakable table block: column edges fixed from the relative
/// widths, each cell's paragraphs set to its column's width with the style's table text.
struct TableComposer {
    let text: TextComposer
    let style: Style

    /// The table block and its structure under the part in `tree`: Table, THead with a row of
    /// column headers (TH), TBody with a TR per row and a TD per cell, spans as attributes.
    func block(_ table: Table, left: Double, width: Double, spaceBefore: Double, tree: StructureTree) -> TableBlock {
        let ts = style.table
        let edges = TableColumns.edges(relative: table.columns.map(\.width), x: left, width: width)
        func inner(_ c: Int, _ span: Int) -> Double { max(edges[min(c + span, edges.count - 1)] - edges[c] - 2 * ts.paddingX, 1) }
        let node = tree.add(.table, under: 0)
        let head = tree.add(.tableHead, under: node)
        let titles = table.columns.enumerated().map { k, c in TableCellContent(paragraphs: text.linesOf(c.title), column: k, rowspan: 1, colspan: 1) }
        let headers = (table.headerRows.isEmpty ? [titles] : table.headerRows).map { row in
            let tr = tree.add(.tableRow, under: head)
            return TableRow(cells: row.map { c in
                let th = tree.add(.headerCell, under: tr)
                tree.setCell(th, rowSpan: c.rowspan, colSpan: c.colspan, scopeColumn: true)
                return TableCell(column: c.column, colspan: c.colspan, rowspan: c.rowspan,
                                 lines: lines(c.paragraphs, width: inner(c.column, c.colspan), bold: ts.headerBold, alignment: .center),
                                 tag: .element(th))
            }, fill: fill(ts.headerFill))
        }
        let body = tree.add(.tableBody, under: node)
        let rows = table.rows.map { row -> TableRow in
            let tr = tree.add(.tableRow, under: body)
            func cell(_ colspan: Int, _ rowspan: Int) -> ContentTag {
                let td = tree.add(.dataCell, under: tr)
                tree.setCell(td, rowSpan: rowspan, colSpan: colspan)
                return .element(td)
            }
            switch row {
            case .group(let g):
                let n = table.columns.count
                return TableRow(cells: [TableCell(column: 0, colspan: n, lines: lines([g], width: inner(0, n), bold: ts.groupBold, alignment: .left),
                                                  tag: cell(n, 1))],
                                fill: fill(ts.groupFill))
            case .cells(let cells):
                return TableRow(cells: cells.map { c in
                    TableCell(column: c.column, colspan: c.colspan, rowspan: c.rowspan,
                              lines: lines(c.paragraphs, width: inner(c.column, c.colspan), bold: false, alignment: ts.alignment),
                              tag: cell(c.colspan, c.rowspan))
                })
            }
        }
        let tableStyle = TableStyle(paddingTop: ts.paddingTop, paddingBottom: ts.paddingBottom, paddingX: ts.paddingX, ruleWidth: ts.ruleWidth,
                                    wordCutLines: ts.pageCutBetweenWords)
        return TableBlock(edges: edges, headers: headers, rows: rows, style: tableStyle, spaceBefore: spaceBefore)
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
            if alignment != .center, let marker = CellListMarker.of(p) {
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
