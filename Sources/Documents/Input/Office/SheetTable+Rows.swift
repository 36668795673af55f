/// The sheet's area as table rows: merged areas as one cell with its spans (the value once), the
/// first `headerRows` rows as the header, a row whose only value spans every column as a group
/// row, empty rows at the end dropped.
extension SheetTable {
    /// `plain`: text without markup and no group rows (a batch's units list).
    func table(headerRows: Int, plain: Bool = false) throws -> SourceTable {
        var body = [SourceTable.Row]()
        var covered = [Bool]()
        var next = 0
        var active = [Merge]()
        for (k, r) in rows.enumerated() {
            while next < merges.count, merges[next].rowRange.lowerBound <= k { active.append(merges[next]); next += 1 }
            active.removeAll { $0.rowRange.upperBound <= k }
            var row = try cells(k, r, active: active, inHeader: k < headerRows, headerRows: headerRows, plain: plain)
            if !plain, k >= headerRows, columns.count > 1, row.cells.count == 1, row.cells[0].colspan == columns.count,
               row.cells[0].rowspan == 1, let m = active.first, !row.cells[0].paragraphs.isEmpty {
                row.group = CellParagraphs.make(grid.runs(m.origin.row, m.origin.column) ?? [], plainBold: true).joined(separator: " ")
                row.cells = []
            }
            covered.append(!active.isEmpty)
            body.append(row)
        }
        // Empty rows at the end (no text, no merged area reaching them) are not part of the table.
        while let last = body.last, body.count > headerRows, !covered[body.count - 1], last.group == nil,
              last.cells.allSatisfy({ $0.paragraphs.isEmpty }) {
            body.removeLast()
            covered.removeLast()
        }
        let header = Array(body.prefix(headerRows))
        let widths = columns.map { grid.width($0) > 0 ? grid.width($0) : grid.defaultWidth }
        return SourceTable(header: header, rows: Array(body.dropFirst(header.count)), widths: widths)
    }

    /// Row `k` (sheet row `r`): a cell for each column no merged area covers, and one for each
    /// merged area starting here.
    private func cells(_ k: Int, _ r: Int, active: [Merge], inHeader: Bool, headerRows: Int, plain: Bool) throws -> SourceTable.Row {
        var row = SourceTable.Row(place: "sheet row \(r + 1)", thaiPlace: "แถวที่ \(r + 1) ของแผ่นงาน")
        var owner = [Int?](repeating: nil, count: columns.count)
        for (i, m) in active.enumerated() { for c in m.columnRange { owner[c] = i } }
        for (c, col) in columns.enumerated() {
            guard let i = owner[c] else {
                row.cells.append(SourceTable.Cell(paragraphs: paragraphs(r, col, inHeader, plain), column: c))
                continue
            }
            let m = active[i]
            guard k == m.rowRange.lowerBound, c == m.columnRange.lowerBound else { continue }
            if inHeader, m.rowRange.upperBound > headerRows { throw crossesHeader(m.area, headerRows) }
            row.cells.append(SourceTable.Cell(paragraphs: paragraphs(m.origin.row, m.origin.column, inHeader, plain), column: c,
                                              rowspan: m.rowRange.count, colspan: m.columnRange.count))
        }
        return row
    }

    /// A cell's paragraphs; header cells bold from end to end lose their markers.
    private func paragraphs(_ r: Int, _ c: Int, _ inHeader: Bool, _ plain: Bool) -> [String] {
        let runs = grid.runs(r, c) ?? []
        return plain ? CellParagraphs.plain(runs) : CellParagraphs.make(runs, plainBold: inHeader)
    }

    private func crossesHeader(_ m: CellRange, _ headerRows: Int) -> SourceFailure {
        SourceFailure("'\(file)' sheet '\(grid.name)': merged cells \(m.text) reach past the header's \(headerRows) row(s); set 'header_rows' (แถวหัวตาราง) to cover them, or unmerge",
                      "แฟ้ม '\(file)' แผ่นงาน '\(grid.name)': ช่องที่ผสานไว้ \(m.text) เลยแถวหัวตาราง \(headerRows) แถว ให้กำหนด 'header_rows' (แถวหัวตาราง) ให้ครอบคลุม หรือยกเลิกการผสาน", key: "header_rows")
    }
}
