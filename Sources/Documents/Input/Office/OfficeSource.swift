import Foundation

/// The keys of a table whose `source:` is an Office file.
struct OfficeSourceOptions {
    /// A sheet's name or 1-based number (.xlsx, .ods); default the first.
    var sheet: String?
    /// Cells such as `A2:F40` (.xlsx, .ods); default the cells in use.
    var range: String?
    /// How many rows make the header; default 1 (a .docx: its repeated header rows).
    var headerRows: Int?
    /// The table's 1-based number in a .docx; default 1.
    var table: Int?
}

/// Reads a table out of a workbook (.xlsx, .ods) or a Word document (.docx) given as bytes.
enum OfficeSource {
    static func read(data: Data, name: String, kind: OfficeKind, options: OfficeSourceOptions) throws(SourceFailure) -> SourceTable {
        do {
            switch kind {
            case .xlsx:
                let grid = try XLSXWorkbook(data: data, name: name).grid(options.sheet)
                return try SheetTable(grid, range: options.range, file: name).table(headerRows: options.headerRows ?? 1)
            case .ods:
                let grid = try ODSWorkbook(data: data, name: name).grid(options.sheet)
                return try SheetTable(grid, range: options.range, file: name).table(headerRows: options.headerRows ?? 1)
            case .docx:
                return try DOCXDocument(data: data, name: name).table(options.table ?? 1, headerRows: options.headerRows)
            }
        } catch let f as SourceFailure {
            throw f
        } catch {
            throw SourceFailure.notOffice(name, kind, "\(error)")
        }
    }
}

/// A units list in a workbook, for a batch: the header row names the keys, every further row is
/// a unit. Hidden rows and columns are left out; a merged area's value counts once, in its first cell.
public enum SpreadsheetRecords {
    public static func read(data: Data, name: String, sheet: String?) throws(SourceFailure) -> (keys: [String], rows: [[String]]) {
        guard let kind = OfficeKind.of(name), kind != .docx else {
            throw SourceFailure("'\(name)' is not a workbook (.xlsx or .ods)", "แฟ้ม '\(name)' ไม่ใช่สมุดงาน (.xlsx หรือ .ods)")
        }
        do {
            let grid = kind == .xlsx ? try XLSXWorkbook(data: data, name: name).grid(sheet) : try ODSWorkbook(data: data, name: name).grid(sheet)
            return try records(SheetTable(grid, range: nil, file: name))
        } catch let f as SourceFailure {
            throw f
        } catch {
            throw SourceFailure.notOffice(name, kind, "\(error)")
        }
    }

    static func records(_ sheet: SheetTable) throws -> (keys: [String], rows: [[String]]) {
        let t = try sheet.table(headerRows: 0, plain: true)
        let values = t.rows.map { row in
            var v = [String](repeating: "", count: t.columnCount)
            for cell in row.cells { v[cell.column] = cell.paragraphs.joined(separator: "\n") }
            return v
        }
        guard let header = values.first else { return ([], []) }
        var keep = [Int]()
        for (k, key) in header.enumerated() {
            if key.isEmpty && values.dropFirst().contains(where: { !$0[k].isEmpty }) {
                let column = CellRange.columnName(sheet.columns[k]), cell = CellRange.name(sheet.rows[0], sheet.columns[k])
                throw SourceFailure("'\(sheet.file)': column \(column) has values but no name in the header row (\(cell))",
                                    "แฟ้ม '\(sheet.file)': คอลัมน์ \(column) มีข้อมูลแต่ไม่มีชื่อในแถวหัวตาราง (ช่อง \(cell))")
            }
            if !key.isEmpty { keep.append(k) }
        }
        let rows = values.dropFirst().filter { $0.contains { !$0.isEmpty } }.map { row in keep.map { row[$0] } }
        return (keep.map { header[$0] }, rows)
    }
}
