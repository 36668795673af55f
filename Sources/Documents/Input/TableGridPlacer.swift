import Yams

/// Places written rows on the table's grid: cells take the next free columns, rowspans above
/// hold theirs, and a row that needs more columns than the table has is reported.
struct TableGridPlacer {
    let reader: YAMLReader
    let columns: Int

    func place(_ rows: [WrittenRow]) -> [TableRowContent] {
        // How many more rows each column stays taken by a rowspan from above.
        var held = [Int](repeating: 0, count: columns)
        var result = [TableRowContent]()
        let untilGroup = rowsUntilGroup(rows)
        for (r, row) in rows.enumerated() {
            if let g = row.group {
                // A group row spans the width, so rowspans above end before it.
                held = held.map { _ in 0 }
                result.append(.group(g)); continue
            }
            let heldAbove = held.filter { $0 > 0 }.count
            var cells = [TableCellContent]()
            var col = 0
            var overflow = false
            for cell in row.cells {
                while col < columns, held[col] > 0 { col += 1 }
                let span = min(cell.colspan, columns - col)
                if col >= columns || span < cell.colspan { overflow = true; break }
                let rowspan = min(cell.rowspan, untilGroup[r])
                cells.append(TableCellContent(paragraphs: cell.paragraphs, column: col, rowspan: rowspan, colspan: span))
                for c in col..<(col + span) { held[c] = rowspan }
                col += span
            }
            if overflow {
                let used = row.cells.reduce(0) { $0 + $1.colspan } + heldAbove
                reader.report(row.node, "table \(row.place) needs \(used) columns but the table has \(columns) (counting row and column spans)",
                              "ตาราง\(row.thaiPlace) ต้องใช้ \(used) คอลัมน์ แต่ตารางมี \(columns) คอลัมน์ (นับรวมช่องที่รวมแถวและคอลัมน์)")
            }
            // Columns left free get empty cells, so every rule of the grid is drawn.
            for c in 0..<columns where held[c] == 0 {
                cells.append(TableCellContent(paragraphs: [], column: c, rowspan: 1, colspan: 1))
                held[c] = 1
            }
            cells.sort { $0.column < $1.column }
            result.append(.cells(cells))
            held = held.map { max(0, $0 - 1) }
        }
        return result
    }

    /// For each row, the rows from it up to the next group row (counted once from the end: a
    /// count per row made a long table quadratic).
    private func rowsUntilGroup(_ rows: [WrittenRow]) -> [Int] {
        var n = [Int](repeating: 0, count: rows.count + 1)
        for r in rows.indices.reversed() { n[r] = rows[r].group == nil ? n[r + 1] + 1 : 0 }
        return n
    }
}
