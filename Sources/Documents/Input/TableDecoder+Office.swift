import Foundation
import Yams

/// A table whose `source:` is a workbook (.xlsx, .ods) or a Word document (.docx), with its keys
/// `sheet`, `range`, `header_rows` (workbooks) and `table`, `header_rows` (Word).
extension DocumentDecoder {
    static let officeKeys = ["sheet", "range", "header_rows", "table"]

    /// Whether the source names an Office file.
    func isOfficeSource(_ node: Node) -> Bool {
        node.string.flatMap(OfficeKind.of) != nil
    }

    /// Keys for Office sources only, used with another source or none, are reported.
    func checkOfficeKeys(_ m: [String: Node], kind: OfficeKind?) {
        let allowed: Set<String> = kind == .docx ? ["table", "header_rows"] : kind == nil ? [] : ["sheet", "range", "header_rows"]
        for key in DocumentDecoder.officeKeys where m[key] != nil && !allowed.contains(key) {
            let kinds = key == "table" ? ".docx" : key == "header_rows" ? ".xlsx, .ods or .docx" : ".xlsx or .ods"
            let thai = key == "table" ? ".docx" : key == "header_rows" ? ".xlsx .ods หรือ .docx" : ".xlsx หรือ .ods"
            reader.report(m[key], "'\(key)' (\(FieldNames.of(key))) applies to \(kinds) sources only",
                          "'\(key)' (\(FieldNames.of(key))) ใช้ได้กับแฟ้มข้อมูลชนิด \(thai) เท่านั้น")
        }
    }

    /// Header and body rows of the source; columns (titles and widths) from it unless given.
    func readOfficeSource(_ node: Node, keys m: [String: Node], columns: inout [TableColumn]?) -> (header: [WrittenRow], rows: [WrittenRow])? {
        guard let path = reader.text(node, key: "source"), let kind = OfficeKind.of(path) else { return nil }
        checkOfficeKeys(m, kind: kind)
        let name = (path as NSString).lastPathComponent
        var options = OfficeSourceOptions()
        options.sheet = m["sheet"].flatMap { reader.text($0, key: "sheet") }
        options.range = m["range"].flatMap { reader.text($0, key: "range") }
        options.headerRows = reader.int(m, "header_rows", range: 0...50)
        options.table = reader.int(m, "table", range: 1...10_000)
        let data: Data
        do { data = try files.read(path, limit: FileLimits.source) } catch {
            reader.report(node, "'source' (แฟ้มข้อมูล): source file \(error.message)", "'source' (แฟ้มข้อมูล): \(error.thai)")
            return nil
        }
        let table: SourceTable
        do { table = try OfficeSource.read(data: data, name: name, kind: kind, options: options) } catch {
            reader.report(error.key.flatMap { m[$0] } ?? node, "'source' (แฟ้มข้อมูล): \(error.message)", "'source' (แฟ้มข้อมูล): \(error.thai)")
            return nil
        }
        guard let header = officeColumns(table, node: node, name: name, columns: &columns) else { return nil }
        return (header.map { written($0, node, name) }, table.rows.map { written($0, node, name) })
    }

    /// Settles the columns and returns the header rows to print (none: the columns' titles).
    private func officeColumns(_ table: SourceTable, node: Node, name: String, columns: inout [TableColumn]?) -> [SourceTable.Row]? {
        guard let given = columns else {
            if table.header.isEmpty {
                reader.report(node, "'source' (แฟ้มข้อมูล) \(name) has no header row (header_rows: 0): give 'columns' (คอลัมน์) with titles",
                              "แฟ้มข้อมูล \(name) ไม่มีแถวหัวตาราง (header_rows: 0) ให้ระบุ 'columns' (คอลัมน์) พร้อมหัวข้อ")
                return nil
            }
            columns = zip(table.titles, table.widths).map { TableColumn(title: $0, width: $1) }
            return table.headerIsPlain ? [] : table.header
        }
        guard given.count == table.columnCount else {
            reader.report(node, "'source' (แฟ้มข้อมูล) \(name) has \(table.columnCount) columns but 'columns' names \(given.count)",
                          "แฟ้มข้อมูล \(name) มี \(table.columnCount) คอลัมน์ แต่ 'columns' มี \(given.count) คอลัมน์")
            return nil
        }
        let titled = given.contains { !$0.title.isEmpty }
        if titled && table.header.count > 1 {
            reader.report(node, "'source' (แฟ้มข้อมูล) \(name) has a header of \(table.header.count) rows: give 'columns' (คอลัมน์) widths only, or 'header_rows: 1'",
                          "แฟ้มข้อมูล \(name) มีหัวตาราง \(table.header.count) แถว ให้ระบุใน 'columns' (คอลัมน์) เฉพาะความกว้าง หรือกำหนด 'header_rows: 1'")
            return nil
        }
        if titled || table.header.isEmpty { return [] }
        columns = zip(given, table.titles).map { TableColumn(title: $1, width: $0.width) }
        return table.headerIsPlain ? [] : table.header
    }

    private func written(_ row: SourceTable.Row, _ node: Node, _ name: String) -> WrittenRow {
        var w = WrittenRow(node: node, place: "\(row.place) of \(name)", thaiPlace: "\(row.thaiPlace) \(name)")
        w.group = row.group
        w.cells = row.cells.map { WrittenRow.Cell(paragraphs: $0.paragraphs, rowspan: $0.rowspan, colspan: $0.colspan) }
        return w
    }

    /// Header rows placed on the table's grid, as the body's rows are.
    func placeHeader(_ rows: [WrittenRow], columns: Int) -> [[TableCellContent]] {
        TableGridPlacer(reader: reader, columns: columns).place(rows).compactMap { row in
            if case let .cells(cells) = row { return cells }
            return nil
        }
    }
}
