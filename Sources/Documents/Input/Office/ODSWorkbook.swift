import Foundation
import ThaiText

/// An OpenDocument spreadsheet (.ods, LibreOffice Calc): its sheets' cells as the program shows
/// them (the file keeps each cell's shown text), dates as Thai dates, spans, hidden rows and
/// columns, column widths and bold from the file's automatic styles.
struct ODSWorkbook {
    let name: String
    let tables: [OfficeXML.Element]
    let boldStyles: Set<String>
    let columnWidths: [String: Double]

    init(data: Data, name: String) throws {
        self.name = name
        let package = try OfficePackage(data: data, name: name, kind: .ods)
        if let manifest = try package.part("META-INF/manifest.xml"), manifest.range(of: Data("encryption-data".utf8)) != nil {
            throw OfficePackage.passwordProtected(name)
        }
        guard let content = try package.tree("content.xml") else {
            if package.has("xl/workbook.xml") { throw SourceFailure.notOffice(name, .ods, "it is an Excel workbook; name it .xlsx") }
            throw SourceFailure.notOffice(name, .ods, "it has no content.xml")
        }
        guard let sheet = content.child("body")?.child("spreadsheet") else {
            throw SourceFailure.notOffice(name, .ods, "it is an OpenDocument file but not a spreadsheet")
        }
        tables = sheet.all("table")
        var bold = Set<String>(), widths = [String: Double]()
        for s in content.child("automatic-styles")?.all("style") ?? [] {
            guard let n = s["name"] else { continue }
            if let t = s.child("text-properties"), t["font-weight"] == "bold" || t["font-weight-complex"] == "bold" { bold.insert(n) }
            if let w = s.child("table-column-properties")?["column-width"].flatMap(ODSWorkbook.points) { widths[n] = w }
        }
        boldStyles = bold; columnWidths = widths
    }

    /// A length such as `2.258cm`, `0.889in` or `64pt` in points.
    static func points(_ s: String) -> Double? {
        let units: [(String, Double)] = [("cm", 72 / 2.54), ("mm", 72 / 25.4), ("in", 72), ("pt", 1), ("pc", 12)]
        for (u, f) in units where s.hasSuffix(u) {
            if let v = Double(s.dropLast(u.count)), v.isFinite, v >= 0 { return v * f }
        }
        return nil
    }

    func grid(_ choice: String?) throws -> SheetGrid {
        let names = tables.map { $0["name"] ?? "" }
        let k = try SheetChoice.pick(choice, names: names, hidden: names.map { _ in false }, file: name)
        var grid = SheetGrid(name: names[k])
        grid.defaultWidth = 64
        readColumns(tables[k], &grid)
        var row = 0
        for r in rows(tables[k]) {
            let repeated = max(1, r["number-rows-repeated"].flatMap { Int($0) } ?? 1)
            let hidden = r["visibility"] == "collapse" || r["visibility"] == "filter"
            let cells = r.children.filter { $0.name == "table-cell" || $0.name == "covered-table-cell" }
            let filled = cells.contains { !$0.allText.isEmpty }
            // Calc writes the sheet's million empty rows as one repeated row: skip those, don't expand them.
            let count = filled ? min(repeated, SourceTable.rowLimit) : repeated
            if filled || hidden {
                for k in 0..<min(count, SourceTable.rowLimit) {
                    if hidden { grid.hiddenRows.insert(row + k) }
                    if filled { readCells(cells, row: row + k, &grid) }
                }
            }
            row += count
            if row > CellRange.maxRow { break }
        }
        return grid
    }

    private func rows(_ e: OfficeXML.Element) -> [OfficeXML.Element] {
        e.children.flatMap { c -> [OfficeXML.Element] in
            if c.name == "table-row" { return [c] }
            return ["table-row-group", "table-header-rows", "table-rows"].contains(c.name) ? rows(c) : []
        }
    }

    private func readColumns(_ table: OfficeXML.Element, _ grid: inout SheetGrid) {
        var col = 0
        func visit(_ e: OfficeXML.Element) {
            for c in e.children {
                if c.name == "table-column" {
                    let n = min(max(1, c["number-columns-repeated"].flatMap { Int($0) } ?? 1), 1024)
                    for k in 0..<n {
                        if c["visibility"] == "collapse" { grid.hiddenColumns.insert(col + k) }
                        if let w = c["style-name"].flatMap({ columnWidths[$0] }) { grid.widths[col + k] = w }
                    }
                    col += n
                } else if ["table-column-group", "table-header-columns", "table-columns"].contains(c.name) {
                    visit(c)
                }
            }
        }
        visit(table)
    }

    private func readCells(_ cells: [OfficeXML.Element], row: Int, _ grid: inout SheetGrid) {
        var col = 0
        for c in cells {
            let repeated = max(1, c["number-columns-repeated"].flatMap { Int($0) } ?? 1)
            let runs = c.name == "table-cell" ? cellRuns(c) : []
            // Calc repeats empty cells to the sheet's edge; only cells with text are kept.
            if !runs.isEmpty {
                for k in 0..<min(repeated, SourceTable.columnLimit * 4) { grid.set(row, col + k, runs) }
            }
            let across = c["number-columns-spanned"].flatMap { Int($0) } ?? 1, down = c["number-rows-spanned"].flatMap { Int($0) } ?? 1
            if c.name == "table-cell", across > 1 || down > 1 {
                grid.merges.append(CellRange(top: row, left: col, bottom: row + max(down, 1) - 1, right: col + max(across, 1) - 1))
            }
            col += repeated
            if col > CellRange.maxColumn { return }
        }
    }

    /// A cell's shown text: its paragraphs (`text:p`) one per line, a date as a Thai date.
    private func cellRuns(_ c: OfficeXML.Element) -> [TextRun] {
        let cellBold = c["style-name"].map { boldStyles.contains($0) } ?? false
        if c["value-type"] == "date", let iso = c["date-value"], let d = ThaiDate(iso: String(iso.prefix(10))) {
            return [TextRun(text: d.formatted(.arabic), bold: cellBold)]
        }
        var runs = [TextRun]()
        for (k, p) in c.all("p").enumerated() {
            if k > 0 { runs.append(TextRun(text: "\n", bold: false)) }
            inline(p, bold: cellBold, into: &runs)
        }
        return runs
    }

    private func inline(_ e: OfficeXML.Element, bold: Bool, into runs: inout [TextRun]) {
        for c in e.children {
            switch c.name {
            case "#text": runs.append(TextRun(text: c.text, bold: bold))
            case "s": runs.append(TextRun(text: String(repeating: " ", count: max(1, c["c"].flatMap { Int($0) } ?? 1)), bold: bold))
            case "tab": runs.append(TextRun(text: " ", bold: bold))
            case "line-break": runs.append(TextRun(text: "\n", bold: bold))
            case "span": inline(c, bold: c["style-name"].map { boldStyles.contains($0) } ?? bold, into: &runs)
            case "a", "meta": inline(c, bold: bold, into: &runs)
            default: break
            }
        }
    }
}
