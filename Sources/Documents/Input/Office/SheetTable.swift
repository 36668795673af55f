/// A sheet's table area: the range (given, or the cells in use), its visible rows and columns,
/// and its merged areas, checked not to overlap.
struct SheetTable {
    let grid: SheetGrid
    let file: String
    /// Visible rows and columns of the area, in order (sheet numbers, 0-based).
    let rows: [Int], columns: [Int]
    /// Merged areas within the area, by their first row.
    let merges: [Merge]

    /// A merged area on the table: the indices of its visible rows and columns, and where its
    /// value is (the top-left cell of the whole area, even when hidden or outside the range).
    struct Merge {
        var area: CellRange
        var origin: (row: Int, column: Int)
        var rowRange: Range<Int>, columnRange: Range<Int>
    }

    /// More merged areas than this is no table a clerk made.
    static let mergeLimit = 100_000

    init(_ grid: SheetGrid, range: String?, file: String) throws {
        self.grid = grid
        self.file = file
        let area = try SheetTable.area(grid, range: range, file: file)
        rows = (area.top...area.bottom).filter { !grid.hiddenRows.contains($0) }
        columns = (area.left...area.right).filter { !grid.hiddenColumns.contains($0) }
        if columns.count > SourceTable.columnLimit || rows.count > SourceTable.rowLimit { throw SheetTable.tooBig(file, grid.name, area) }
        let clipped = grid.merges.compactMap { m in m.intersection(area).map { (m, $0) } }
        if clipped.count > SheetTable.mergeLimit { throw SheetTable.tooBig(file, grid.name, area) }
        try SheetTable.checkOverlaps(clipped, file: file, sheet: grid.name)
        let (rows, columns) = (rows, columns)
        merges = clipped.compactMap { whole, a in
            let r = SheetTable.indices(rows, a.top, a.bottom), c = SheetTable.indices(columns, a.left, a.right)
            return r.isEmpty || c.isEmpty ? nil : Merge(area: a, origin: (whole.top, whole.left), rowRange: r, columnRange: c)
        }.sorted { $0.rowRange.lowerBound < $1.rowRange.lowerBound }
    }

    /// The range given, or the cells in use; rows past the last one in use are empty and left out.
    static func area(_ grid: SheetGrid, range: String?, file: String) throws -> CellRange {
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
            area = CellRange(top: r.top, left: r.left, bottom: min(r.bottom, max(used.bottom, r.top)), right: r.right)
        }
        // Hidden rows and columns may bring a large area down to size, but not past four times the limits.
        if area.right - area.left >= SourceTable.columnLimit * 4 || area.bottom - area.top >= SourceTable.rowLimit * 4 {
            throw SheetTable.tooBig(file, grid.name, area)
        }
        return area
    }

    /// Indices into the sorted `values` of those from `low` to `high`.
    static func indices(_ values: [Int], _ low: Int, _ high: Int) -> Range<Int> {
        func first(atLeast x: Int) -> Int {
            var lo = 0, hi = values.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if values[mid] < x { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return first(atLeast: low)..<max(first(atLeast: low), first(atLeast: high + 1))
    }

    static func tooBig(_ file: String, _ sheet: String, _ area: CellRange) -> SourceFailure {
        SourceFailure("'\(file)': the table in sheet '\(sheet)' (\(area.text)) has more than \(SourceTable.columnLimit) columns, \(SourceTable.rowLimit) rows or \(mergeLimit) merged areas; give 'range' (ช่วงเซลล์)",
                      "แฟ้ม '\(file)': ตารางในแผ่นงาน '\(sheet)' (\(area.text)) ใหญ่เกิน \(SourceTable.columnLimit) คอลัมน์ \(SourceTable.rowLimit) แถว หรือมีช่องที่ผสานไว้เกิน \(mergeLimit) ช่อง ให้ระบุ 'range' (ช่วงเซลล์)", key: "range")
    }

    /// Two merged areas sharing a cell of the table cannot both be one cell (named as the sheet
    /// has them). Swept by first row: the areas still open at a row share it, so without
    /// overlaps their columns are apart and few.
    static func checkOverlaps(_ merges: [(whole: CellRange, clipped: CellRange)], file: String, sheet: String) throws {
        var active = [(whole: CellRange, clipped: CellRange)]()
        for m in merges.sorted(by: { ($0.clipped.top, $0.clipped.left) < ($1.clipped.top, $1.clipped.left) }) {
            active.removeAll { $0.clipped.bottom < m.clipped.top }
            if let other = active.first(where: { $0.clipped.intersection(m.clipped) != nil }), let shared = other.clipped.intersection(m.clipped) {
                let cell = CellRange.name(shared.top, shared.left)
                throw SourceFailure("'\(file)' sheet '\(sheet)': merged cells \(other.whole.text) and \(m.whole.text) overlap at \(cell); unmerge one of them",
                                    "แฟ้ม '\(file)' แผ่นงาน '\(sheet)': ช่องที่ผสานไว้ \(other.whole.text) และ \(m.whole.text) ซ้อนกันที่ช่อง \(cell) ให้ยกเลิกการผสานช่องใดช่องหนึ่ง")
            }
            active.append(m)
        }
    }
}
