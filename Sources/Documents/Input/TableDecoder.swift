import Foundation
import ThaiText
import Yams

/// A row as written, before it is placed on the grid: where it came from and its cells.
struct WrittenRow {
    struct Cell { var paragraphs: [String]; var rowspan = 1; var colspan = 1 }
    var node: Node
    /// How to name the row in a message: "row 3" or "row 3 of measures.csv".
    var place: String
    var thaiPlace: String
    var group: String?
    var cells: [Cell] = []
}

/// Decodes `table:` and `chart:` content blocks, with every problem at its line and row.
extension DocumentDecoder {
    static let tableKeys = ["columns", "rows", "source"] + officeKeys
    static let columnKeys = ["title", "width"]
    static let cellKeys = ["text", "rowspan", "colspan"]
    static let chartKeys = ["kind", "title", "data", "max"]

    func decodeTable(_ node: Node) -> Table? {
        guard let m = reader.mapping(node, what: "table", known: DocumentDecoder.tableKeys) else { return nil }
        var columns = m["columns"].map(decodeColumns)
        var written = [WrittenRow]()
        var header = [WrittenRow]()
        if let source = m["source"] {
            if let rows = m["rows"] {
                reader.report(rows, "a table has either 'rows' (แถว) or 'source' (แฟ้มข้อมูล), not both",
                              "ตารางต้องมี 'rows' (แถว) หรือ 'source' (แฟ้มข้อมูล) อย่างใดอย่างหนึ่ง")
            }
            if isOfficeSource(source) {
                guard let read = readOfficeSource(source, keys: m, columns: &columns) else { return nil }
                (header, written) = read
            } else {
                checkOfficeKeys(m, kind: nil)
                guard let read = readSource(source, columns: &columns) else { return nil }
                written = read
            }
        } else if let rows = m["rows"] {
            guard case let .sequence(seq) = rows else {
                reader.report(rows, "'rows' (แถว) should be a list of rows", "'rows' (แถว) ต้องเป็นรายการของแถว")
                return nil
            }
            written = seq.enumerated().compactMap { decodeRow($1, number: $0 + 1) }
        } else {
            reader.missing("rows", parent: node)
        }
        if m["source"] == nil { checkOfficeKeys(m, kind: nil) }
        guard let columns, !columns.isEmpty else {
            if m["columns"] == nil, m["source"] == nil { reader.missing("columns", parent: node) }
            return nil
        }
        guard withinLimits(columns: columns.count, rows: written.count, at: m["source"] ?? m["rows"] ?? node) else { return nil }
        var table = Table(columns: columns, rows: TableGridPlacer(reader: reader, columns: columns.count).place(written))
        table.headerRows = placeHeader(header, columns: columns.count)
        return table
    }

    /// Whether a table's size is within InputLimits; a problem at `node` if not.
    func withinLimits(columns: Int, rows: Int, at node: Node) -> Bool {
        if columns > InputLimits.tableColumns {
            reader.report(node, "the table has \(columns) columns, more than a table may have (\(InputLimits.tableColumns))",
                          "ตารางมี \(columns) คอลัมน์ เกินกว่าที่ตารางหนึ่งจะมีได้ (\(InputLimits.tableColumns))")
            return false
        }
        if rows > InputLimits.tableRows {
            reader.report(node, "the table has \(rows) rows, more than a table may have (\(InputLimits.tableRows)); split it into several tables",
                          "ตารางมี \(rows) แถว เกินกว่าที่ตารางหนึ่งจะมีได้ (\(InputLimits.tableRows)) ให้แบ่งเป็นหลายตาราง")
            return false
        }
        return true
    }

    func decodeColumns(_ node: Node) -> [TableColumn] {
        guard case let .sequence(seq) = node else {
            reader.report(node, "'columns' (คอลัมน์) should be a list of {title, width}", "'columns' (คอลัมน์) ต้องเป็นรายการของคอลัมน์ แต่ละคอลัมน์มี 'title' (หัวข้อ) และ 'width' (ความกว้าง)")
            return []
        }
        return seq.enumerated().compactMap { k, item in
            if case .scalar = item { return reader.text(item, key: "title").map { TableColumn(title: $0, width: 1) } }
            guard let c = reader.mapping(item, what: "column", known: DocumentDecoder.columnKeys) else { return nil }
            let title = reader.text(c, "title", parent: item) ?? ""
            var width = 1.0
            if let w = c["width"], let s = reader.text(w, key: "width", kind: .number) {
                if let v = Double(s.trimmingCharacters(in: .whitespaces)), v > 0, v <= InputLimits.columnWidth { width = v } else {
                    reader.report(w, "column \(k + 1) 'width' (ความกว้าง) should be a number greater than 0, found '\(s)' (at most \(Int(InputLimits.columnWidth)))",
                                  "คอลัมน์ที่ \(k + 1) 'width' (ความกว้าง) ต้องเป็นตัวเลขมากกว่า 0 และไม่เกิน \(Int(InputLimits.columnWidth)) แต่พบ '\(s)'")
                }
            }
            return TableColumn(title: title, width: width)
        }
    }

    /// A written row: `{group: …}` or a list of cells (text, list of texts, or {text, rowspan, colspan}).
    func decodeRow(_ node: Node, number: Int) -> WrittenRow? {
        var row = WrittenRow(node: node, place: "row \(number)", thaiPlace: "แถวที่ \(number)")
        switch node {
        case .mapping:
            guard let m = reader.mapping(node, what: "table row", known: ["group"]) else { return nil }
            guard let g = m["group"], let text = reader.text(g, key: "group") else { reader.missing("group", parent: node); return nil }
            row.group = text
        case let .sequence(cells):
            row.cells = cells.compactMap(decodeCell)
        default:
            reader.report(node, "table \(row.place) should be a list of cells or {group: …}",
                          "ตาราง\(row.thaiPlace) ต้องเป็นรายการของช่อง หรือ '{group: …}' (แถวหัวข้อกลุ่ม)")
            return nil
        }
        return row
    }

    func decodeCell(_ node: Node) -> WrittenRow.Cell? {
        switch node {
        case .scalar:
            return WrittenRow.Cell(paragraphs: reader.text(node, key: "text").map(lineParagraphs) ?? [])
        case let .sequence(items):
            return WrittenRow.Cell(paragraphs: items.compactMap { reader.text($0, key: "text") })
        default:
            guard let m = reader.mapping(node, what: "table cell", known: DocumentDecoder.cellKeys) else { return nil }
            var cell = WrittenRow.Cell(paragraphs: [])
            if let t = m["text"] { cell = decodeCell(t) ?? cell }
            cell.rowspan = reader.int(m, "rowspan", range: 1...10_000) ?? 1
            cell.colspan = reader.int(m, "colspan", range: 1...100) ?? 1
            return cell
        }
    }

    /// Line breaks inside a YAML cell separate paragraphs.
    func lineParagraphs(_ s: String) -> [String] {
        // Most cells are one line with nothing to trim: splitting by Characters and trimming with
        // Foundation cost 3 M instructions a distinct document, for the same one-element answer.
        if !s.utf8.contains(0x0A), let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
           !CharacterSet.whitespaces.contains(first), !CharacterSet.whitespaces.contains(last) {
            return [s]
        }
        return s.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Rows of a source file; a row whose only text is in its first cell is a group row.
    func readSource(_ node: Node, columns: inout [TableColumn]?) -> [WrittenRow]? {
        guard let path = reader.text(node, key: "source") else { return nil }
        let name = (path as NSString).lastPathComponent
        let read: (header: [String], rows: [CSVRecord])
        let data: Data
        do { data = try files.read(path, limit: FileLimits.source) } catch {
            reader.report(node, "'source' (แฟ้มข้อมูล): source file \(error.message)", "'source' (แฟ้มข้อมูล): \(error.thai)")
            return nil
        }
        do { read = try TableSource.read(data, name: name, ext: (path as NSString).pathExtension) } catch {
            reader.report(node, "'source' (แฟ้มข้อมูล): \(error.message)", "'source' (แฟ้มข้อมูล): \(error.thai)")
            return nil
        }
        guard let header = sourceCells(read.header, node: node, place: "the header of \(name)", thai: "หัวตารางของ \(name)") else { return nil }
        if columns == nil { columns = header.map { TableColumn(title: $0, width: 1) } }
        else if columns!.count != header.count {
            reader.report(node, "'source' (แฟ้มข้อมูล) \(name) has \(header.count) header cells but 'columns' names \(columns!.count)",
                          "แฟ้มข้อมูล \(name) มีหัวตาราง \(header.count) ช่อง แต่ 'columns' มี \(columns!.count) คอลัมน์")
        }
        var rows = [WrittenRow]()
        for (k, record) in read.rows.enumerated() {
            let place = "row \(k + 1) of \(name) (line \(record.line))", thai = "แถวที่ \(k + 1) ของ \(name) (บรรทัดที่ \(record.line))"
            guard let cells = sourceCells(record.cells, node: node, place: place, thai: thai, header: header) else { return nil }
            var row = WrittenRow(node: node, place: place, thaiPlace: thai)
            if cells.count > 1, !cells[0].isEmpty, cells.dropFirst().allSatisfy({ $0.isEmpty }) {
                row.group = TableSource.paragraphs(cells[0]).joined(separator: " ")
            } else {
                row.cells = cells.map { WrittenRow.Cell(paragraphs: TableSource.paragraphs($0)) }
            }
            rows.append(row)
        }
        return rows
    }

    /// A source row's cells, each checked like a document's text (no control characters, within
    /// the limits) and with its line breaks made line feeds; nil once one is refused.
    func sourceCells(_ cells: [String], node: Node, place: String, thai: String, header: [String] = []) -> [String]? {
        var out = [String]()
        for (c, cell) in cells.enumerated() {
            let column = c < header.count && !header[c].isEmpty ? "column '\(header[c])'" : "column \(c + 1)"
            let thaiColumn = c < header.count && !header[c].isEmpty ? "คอลัมน์ '\(header[c])'" : "คอลัมน์ที่ \(c + 1)"
            if let (ch, at) = ControlCharacters.firstRefused(in: cell) {
                reader.report(node, "'source' (แฟ้มข้อมูล): \(place), \(column) holds the invisible control character \(ControlCharacters.name(ch)) at character \(at); delete it",
                              "'source' (แฟ้มข้อมูล): \(thai) \(thaiColumn) มีอักขระควบคุม \(ControlCharacters.code(ch)) ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ที่อักขระที่ \(at) ให้ลบออก")
                return nil
            }
            let text = ControlCharacters.unixLineBreaks(cell)
            guard reader.account(text, node: node, what: "'source' (แฟ้มข้อมูล): \(place), \(column)", thai: "'source' (แฟ้มข้อมูล): \(thai) \(thaiColumn)") else { return nil }
            out.append(text)
        }
        return out
    }

    /// A chart's number (Thai or Arabic digits), finite and within the charts' limit.
    static func number(_ s: String) -> Double? {
        guard let v = Double(ThaiDigits.apply(.arabic, to: s).trimmingCharacters(in: .whitespaces)),
              v.isFinite, abs(v) <= InputLimits.chartValue else { return nil }
        return v
    }

    func decodeChart(_ node: Node) -> Chart? {
        guard let m = reader.mapping(node, what: "chart", known: DocumentDecoder.chartKeys) else { return nil }
        var kind = Chart.Kind.bar
        if let k = m["kind"], let s = reader.text(k, key: "kind") {
            if let v = Chart.Kind(rawValue: s) { kind = v } else {
                reader.report(k, "chart 'kind' (ชนิด) should be bar, found '\(s)'", "'kind' (ชนิด) ของแผนภูมิต้องเป็น bar แต่พบ '\(s)'")
            }
        }
        var chart = Chart(kind: kind, title: reader.text(m, "title", parent: node), data: [], max: nil)
        if let mx = m["max"], let s = reader.text(mx, key: "max", kind: .number) {
            if let v = Self.number(s), v > 0 { chart.max = v } else {
                reader.report(mx, "chart 'max' should be a number greater than 0 and at most \(InputLimits.chartValueText), found '\(s)'",
                              "'max' ของแผนภูมิต้องเป็นตัวเลขมากกว่า 0 และไม่เกิน \(InputLimits.chartValueText) แต่พบ '\(s)'")
            }
        }
        guard let data = m["data"], case let .mapping(pairs) = data else {
            reader.report(m["data"] ?? node, "chart 'data' (ข้อมูล) should be a mapping of label: number",
                          "'data' (ข้อมูล) ของแผนภูมิต้องเป็นชุด ชื่อ: ตัวเลข")
            return nil
        }
        for (k, (label, value)) in pairs.enumerated() {
            let name = reader.text(label, key: "data") ?? ""
            let reported = reader.problems.count
            guard let s = reader.text(value, key: "data", kind: .number) else {
                if reader.problems.count == reported {
                    reader.report(value, "chart 'data' (ข้อมูล) entry \(k + 1) '\(name)' has no number",
                                  "'data' (ข้อมูล) ของแผนภูมิ รายการที่ \(k + 1) '\(name)' ไม่มีตัวเลข")
                }
                continue
            }
            if let v = Self.number(s) { chart.data.append((name, v)) } else {
                reader.report(value, "chart 'data' (ข้อมูล) entry \(k + 1) '\(name)' should be a number, found '\(s)' (from -\(InputLimits.chartValueText) to \(InputLimits.chartValueText))",
                              "'data' (ข้อมูล) ของแผนภูมิ รายการที่ \(k + 1) '\(name)' ต้องเป็นตัวเลขตั้งแต่ -\(InputLimits.chartValueText) ถึง \(InputLimits.chartValueText) แต่พบ '\(s)'")
            }
        }
        return chart
    }
}
