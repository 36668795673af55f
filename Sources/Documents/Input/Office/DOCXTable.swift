/// One Word table on its grid: `gridSpan` and `vMerge` as spans, `gridBefore`/`gridAfter` as
/// empty cells, hidden rows left out, the leading `tblHeader` rows as the header, a row of one
/// cell across the table as a group row, every paragraph of a cell as a paragraph.
struct DOCXTable {
    let element: OfficeXML.Element
    let file: String
    let paragraph: DOCXParagraph

    init(_ element: OfficeXML.Element, file: String, paragraph: DOCXParagraph) {
        self.element = element; self.file = file; self.paragraph = paragraph
    }

    /// A row as written, before vertical merges are joined.
    private struct Written { var cells: [SourceTable.Cell]; var header: Bool; var continues: [Int: Int]; var place: Int }

    func table(headerRows: Int?) throws -> SourceTable {
        let gridWidths = (element.child("tblGrid")?.all("gridCol") ?? []).map { $0["w"].flatMap(Double.init) ?? 0 }
        var written = [Written]()
        for (k, tr) in rows(element).enumerated() {
            let trPr = tr.child("trPr")
            // Cells are read even in hidden rows: their numbered paragraphs count in Word.
            let row = cells(tr, trPr: trPr, place: k + 1)
            if trPr?.child("hidden").map({ XLSXRuns.on($0["val"]) }) == true { continue }
            written.append(row)
        }
        guard !written.isEmpty else {
            throw SourceFailure("'\(file)': the table has no rows", "แฟ้ม '\(file)': ตารางไม่มีแถว", key: "table")
        }
        var rows = joinVerticalMerges(written)
        let count = max(gridWidths.count, rows.map { r in r.cells.map { $0.column + $0.colspan }.max() ?? 0 }.max() ?? 0)
        if count > SourceTable.columnLimit || written.count > SourceTable.rowLimit {
            throw SourceFailure("'\(file)': the table has \(count) columns and \(written.count) rows; at most \(SourceTable.columnLimit) columns and \(SourceTable.rowLimit) rows can be printed",
                                "แฟ้ม '\(file)': ตารางมี \(count) คอลัมน์ \(written.count) แถว พิมพ์ได้ไม่เกิน \(SourceTable.columnLimit) คอลัมน์ และ \(SourceTable.rowLimit) แถว", key: "table")
        }
        let repeated = written.prefix { $0.header }.count
        let header = headerRows ?? max(repeated, 1)
        try checkHeader(rows, header)
        for k in rows.indices where k >= header {
            if rows[k].cells.count == 1, rows[k].cells[0].colspan == count, rows[k].cells[0].rowspan == 1, count > 1,
               !rows[k].cells[0].paragraphs.isEmpty {
                rows[k].group = rows[k].cells[0].paragraphs.map(DOCXTable.unbold).joined(separator: " ")
                rows[k].cells = []
            }
        }
        let total = gridWidths.reduce(0, +)
        let widths = gridWidths.count == count && total > 0 && gridWidths.allSatisfy({ $0 > 0 }) ? gridWidths : [Double](repeating: 1, count: count)
        return SourceTable(header: Array(rows.prefix(header)), rows: Array(rows.dropFirst(header)), widths: widths)
    }

    /// Rows of the table, looking inside content controls.
    private func rows(_ e: OfficeXML.Element) -> [OfficeXML.Element] {
        e.children.flatMap { c -> [OfficeXML.Element] in
            if c.name == "tr" { return [c] }
            return DOCXDocument.wrappers.contains(c.name) ? rows(c) : []
        }
    }

    private func tcs(_ e: OfficeXML.Element) -> [OfficeXML.Element] {
        e.children.flatMap { c -> [OfficeXML.Element] in
            if c.name == "tc" { return [c] }
            return DOCXDocument.wrappers.contains(c.name) ? tcs(c) : []
        }
    }

    /// A row's cells at their grid columns; `continues` maps the columns where a vertical merge
    /// goes on to their span.
    private func cells(_ tr: OfficeXML.Element, trPr: OfficeXML.Element?, place: Int) -> Written {
        var row = Written(cells: [], header: trPr?.child("tblHeader").map { XLSXRuns.on($0["val"]) } ?? false, continues: [:], place: place)
        var col = 0
        if let before = trPr?.child("gridBefore")?["val"].flatMap({ Int($0) }), before > 0 {
            row.cells.append(SourceTable.Cell(paragraphs: [], column: 0, colspan: min(before, SourceTable.columnLimit)))
            col = before
        }
        for tc in tcs(tr) {
            let tcPr = tc.child("tcPr")
            let span = min(max(tcPr?.child("gridSpan")?["val"].flatMap { Int($0) } ?? 1, 1), SourceTable.columnLimit)
            let text = paragraphs(tc, plainBold: row.header)
            if let v = tcPr?.child("vMerge"), v["val"] != "restart" {
                row.continues[col] = span
            } else if let h = tcPr?.child("hMerge"), h["val"] != "restart", let last = row.cells.indices.last {
                row.cells[last].colspan += span
            } else {
                row.cells.append(SourceTable.Cell(paragraphs: text, column: col, colspan: span))
            }
            col += span
        }
        return row
    }

    /// Every paragraph of a cell, nested tables' included, in order.
    private func paragraphs(_ e: OfficeXML.Element, plainBold: Bool) -> [String] {
        var out = [String]()
        for c in e.children {
            if c.name == "p" {
                out += CellParagraphs.make(paragraph.runs(c), plainBold: plainBold)
            } else if ["tbl", "tr", "tc", "sdt", "sdtContent", "customXml"].contains(c.name) {
                out += paragraphs(c, plainBold: plainBold)
            }
        }
        return out
    }

    /// A cell whose next rows' cells continue its vertical merge covers them: its rowspan grows,
    /// and they give no cell of their own. A continuation with nothing above stays a cell.
    private func joinVerticalMerges(_ written: [Written]) -> [SourceTable.Row] {
        var rows = written.map { w in SourceTable.Row(cells: w.cells, place: "table row \(w.place)", thaiPlace: "แถวที่ \(w.place) ของตาราง") }
        var open = [Int: (row: Int, cell: Int)]()
        for (k, w) in written.enumerated() {
            var next = [Int: (row: Int, cell: Int)]()
            for (col, span) in w.continues.sorted(by: { $0.key < $1.key }) {
                if let o = open[col], rows[o.row].cells[o.cell].colspan == span {
                    rows[o.row].cells[o.cell].rowspan += 1
                    next[col] = o
                } else {
                    rows[k].cells.append(SourceTable.Cell(paragraphs: [], column: col, colspan: span))
                }
            }
            rows[k].cells.sort { $0.column < $1.column }
            for (i, cell) in rows[k].cells.enumerated() where next[cell.column] == nil { next[cell.column] = (k, i) }
            open = next
        }
        return rows
    }

    private func checkHeader(_ rows: [SourceTable.Row], _ header: Int) throws {
        for (k, row) in rows.prefix(header).enumerated() {
            for cell in row.cells where k + cell.rowspan > header {
                throw SourceFailure("'\(file)': a merged cell of \(row.place) reaches past the header's \(header) row(s); set 'header_rows' (แถวหัวตาราง) to cover it",
                                    "แฟ้ม '\(file)': ช่องที่ผสานไว้ใน\(row.thaiPlace) เลยแถวหัวตาราง \(header) แถว ให้กำหนด 'header_rows' (แถวหัวตาราง) ให้ครอบคลุม", key: "header_rows")
            }
        }
    }

    /// A group row's boldness is the style's.
    static func unbold(_ s: String) -> String {
        s.hasPrefix("**") && s.hasSuffix("**") && s.count > 4 && !s.dropFirst(2).dropLast(2).contains("**") ? String(s.dropFirst(2).dropLast(2)) : s
    }
}
