/// A piece of a cell's text and whether it is bold.
struct TextRun: Equatable, Sendable {
    var text: String
    var bold: Bool
}

/// A worksheet as read from an .xlsx or .ods, before any range or header is applied: the text of
/// each cell as the sheet shows it, merged areas, hidden rows and columns, column widths.
struct SheetGrid {
    var name: String
    /// Cells with text, by row then column (0-based).
    var cells: [Int: [Int: [TextRun]]] = [:]
    var merges: [CellRange] = []
    var hiddenRows: Set<Int> = []
    var hiddenColumns: Set<Int> = []
    /// Column widths in the sheet's own unit; columns not listed have `defaultWidth`.
    var widths: [Int: Double] = [:]
    var defaultWidth = 8.43

    init(name: String) { self.name = name }

    func runs(_ row: Int, _ column: Int) -> [TextRun]? { cells[row]?[column] }

    mutating func set(_ row: Int, _ column: Int, _ runs: [TextRun]) {
        guard runs.contains(where: { !$0.text.isEmpty }) else { return }
        cells[row, default: [:]][column] = runs
    }

    /// The smallest range holding every cell with text, and every merged area that starts at one.
    var usedRange: CellRange? {
        guard let top = cells.keys.min(), let bottom = cells.keys.max() else { return nil }
        var left = Int.max, right = 0
        for row in cells.values { for c in row.keys { left = min(left, c); right = max(right, c) } }
        var used = CellRange(top: top, left: left, bottom: bottom, right: right)
        for m in merges where runs(m.top, m.left) != nil {
            used = CellRange(top: used.top, left: used.left, bottom: max(used.bottom, m.bottom), right: max(used.right, m.right))
        }
        return used
    }

    func width(_ column: Int) -> Double { widths[column] ?? defaultWidth }
}
