/// Turns a sheet into a table: the range (given, or the cells in use), hidden rows and columns
/// left out, merged areas as one cell with its spans (the value once), the first `headerRows`
/// rows as the header, a row whose only value spans every column as a group row, empty rows at
/// the end dropped.
struct SheetTable {
    let grid: SheetGrid
    let file: String
    /// Visible rows and columns of the area, in order.
    let rows: [Int], columns: [Int]
    let merges: [Merge]

    /// A merged area within the table: its visible rows and columns, and where its value is (the
    /// top-left cell of the whole area, even when that cell is hidden or outside the range).
    struct Merge {
        var area: CellRange
        var origin: (row: Int, column: Int)
        var rows: [Int], columns: [Int]
    }

    init(_ grid: SheetGrid, range: String?, file: String) throws {
        self.grid = grid; self.file = file
        guard let used = grid.usedRange else {
            throw SourceFailure("'\(file)': sheet '\(grid.name)' is empty", "แฟ้ม '\(file)': แผ่นงาน '\(grid.name)' ไม่มีข้อมูล", key: "sheet")
        }
        var area = used
        if let range {
            guard let r = CellRange(range) else {
                throw SourceFailure("'range' (ช่วงเซลล์) '\(range)' is not a cell range like A2:F40",
                                    "'range' (ช่วงเซลล์) '\(range)' ไม่ใช่ช่วงเซลล์ (เขียนแบบ A2:F40)", key: "range")
            }
            guard r.intersection(used) != nil else {
                throw SourceFailure("'range' (ช่วงเซลล์) \(r.text) is outside the cells of sheet '\(grid.name)' in '\(file)', which are \(used.text)",
                                    "'range' (ช่วงเซลล์) \(r.text) อยู่นอกช่วงที่มีข้อมูลของแผ่นงาน '\(grid.name)' (\(used.text))", key: "range")
            }
            // Rows past the last one in use are empty: they would be dropped anyway.
            area = CellRange(top: r.top, left: r.left, bottom: min(r.bottom, max(used.bottom, r.top)), right: r.right)
        }
        if area.right - area.left >= SourceTable.columnLimit * 4 || area.bottom - area.top >= SourceTable.rowLimit * 4 {
            throw SheetTable.tooBig(file, grid.name, area)
        }
        rows = (area.top...area.bottom).filter { !grid.hiddenRows.contains($0) }
        columns = (area.left...area.right).filter { !grid.hiddenColumns.contains($0) }
        if columns.count > SourceTable.columnLimit || rows.count > SourceTable.rowLimit { throw SheetTable.tooBig(file, grid.name, area) }
        try SheetTable.checkOverlaps(grid.merges, file: file, sheet: grid.name)
        let (rows, columns) = (rows, columns)
        merges = grid.merges.compactMap { m in
            guard let a = m.intersection(area) else { return nil }
            let r = rows.filter { $0 >= a.top && $0 <= a.bottom }, c = columns.filter { $0 >= a.left && $0 <= a.right }
            return r.isEmpty || c.isEmpty ? nil : Merge(area: a, origin: (m.top, m.left), rows: r, columns: c)
        }
    }

    static func tooBig(_ file: String, _ sheet: String, _ area: CellRange) -> SourceFailure {
        SourceFailure("'\(file)': the table in sheet '\(sheet)' (\(area.text)) has more than \(SourceTable.columnLimit) columns or \(SourceTable.rowLimit) rows; give 'range' (ช่วงเซลล์)",
                      "แฟ้ม '\(file)': ตารางในแผ่นงาน '\(sheet)' (\(area.text)) ใหญ่เกิน \(SourceTable.columnLimit) คอลัมน์หรือ \(SourceTable.rowLimit) แถว ให้ระบุ 'range' (ช่วงเซลล์)", key: "range")
    }

    /// Two merged areas sharing a cell cannot both be one cell.
    static func checkOverlaps(_ merges: [CellRange], file: String, sheet: String) throws {
        let sorted = merges.sorted { ($0.top, $0.left) < ($1.top, $1.left) }
        var active = [CellRange]()
        for m in sorted {
            active.removeAll { $0.bottom < m.top }
            if let other = active.first(where: { $0.intersection(m) != nil }), let shared = other.intersection(m) {
                let cell = CellRange.name(shared.top, shared.left)
                throw SourceFailure("'\(file)' sheet '\(sheet)': merged cells \(other.text) and \(m.text) overlap at \(cell); unmerge one of them",
                                    "แฟ้ม '\(file)' แผ่นงาน '\(sheet)': ช่องที่ผสานไว้ \(other.text) และ \(m.text) ซ้อนกันที่ช่อง \(cell) ให้ยกเลิกการผสานช่องใดช่องหนึ่ง")
            }
            active.append(m)
        }
    }

    /// The table with its first `headerRows` visible rows as the header.
    func table(headerRows: Int) throws -> SourceTable {
        var body = [SourceTable.Row]()
        var covered = [Bool]()
        for (k, r) in rows.enumerated() {
            let inHeader = k < headerRows
            var row = SourceTable.Row(place: "sheet row \(r + 1)", thaiPlace: "แถวที่ \(r + 1) ของแผ่นงาน")
            let active = merges.filter { $0.area.top <= r && r <= $0.area.bottom }
            for (c, col) in columns.enumerated() {
                guard let m = active.first(where: { $0.area.left <= col && col <= $0.area.right }) else {
                    row.cells.append(SourceTable.Cell(paragraphs: paragraphs(r, col, inHeader), column: c))
                    continue
                }
                guard r == m.rows.first, col == m.columns.first else { continue }
                if inHeader, k + m.rows.count > headerRows { throw crossesHeader(m.area, headerRows) }
                row.cells.append(SourceTable.Cell(paragraphs: paragraphs(m.origin.row, m.origin.column, inHeader), column: c,
                                                  rowspan: m.rows.count, colspan: m.columns.count))
            }
            if !inHeader, columns.count > 1, row.cells.count == 1, row.cells[0].colspan == columns.count, row.cells[0].rowspan == 1,
               let m = active.first, !row.cells[0].paragraphs.isEmpty {
                row.group = CellParagraphs.make(grid.runs(m.origin.row, m.origin.column) ?? [], plainBold: true).joined(separator: " ")
                row.cells = []
            }
            covered.append(!active.isEmpty)
            body.append(row)
        }
        // Empty rows at the end (no text, no merged area reaching them) are not part of the table.
        while let last = body.last, body.count > headerRows, !covered[body.count - 1], last.group == nil,
              last.cells.allSatisfy({ $0.paragraphs.isEmpty }) {
            body.removeLast(); covered.removeLast()
        }
        let header = Array(body.prefix(headerRows))
        let widths = columns.map { grid.width($0) > 0 ? grid.width($0) : grid.defaultWidth }
        return SourceTable(header: header, rows: Array(body.dropFirst(header.count)), widths: widths)
    }

    /// A cell's paragraphs; header cells bold from end to end lose their markers.
    private func paragraphs(_ r: Int, _ c: Int, _ inHeader: Bool) -> [String] {
        CellParagraphs.make(grid.runs(r, c) ?? [], plainBold: inHeader)
    }

    private func crossesHeader(_ m: CellRange, _ headerRows: Int) -> SourceFailure {
        SourceFailure("'\(file)' sheet '\(grid.name)': merged cells \(m.text) reach past the header's \(headerRows) row(s); set 'header_rows' (แถวหัวตาราง) to cover them, or unmerge",
                      "แฟ้ม '\(file)' แผ่นงาน '\(grid.name)': ช่องที่ผสานไว้ \(m.text) เลยแถวหัวตาราง \(headerRows) แถว ให้กำหนด 'header_rows' (แถวหัวตาราง) ให้ครอบคลุม หรือยกเลิกการผสาน", key: "header_rows")
    }
}
