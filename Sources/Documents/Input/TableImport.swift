import Foundation
import Yams

/// A table file (.xlsx, .ods, .docx, CSV, TSV, Markdown) read once into the tree of an inline
/// `table:` (`columns` with titles and widths, `rows` with group rows and spans), for the web
/// editor's grid: the clerk then edits the rows as if they had been typed. The readers are the
/// ones a `source:` uses, so the grid holds what `source:` would have printed.
public enum TableImport {
    /// The keys a workbook or Word document is read with (as a `source:` table's keys).
    public struct Options: Sendable {
        public var sheet: String?
        public var range: String?
        public var headerRows: Int?
        public var table: Int?
        public init(sheet: String? = nil, range: String? = nil, headerRows: Int? = nil, table: Int? = nil) {
            self.sheet = sheet; self.range = range; self.headerRows = headerRows; self.table = table
        }
    }

    /// The extensions a file may have.
    public static let extensions = ["xlsx", "xlsm", "ods", "docx", "docm", "csv", "tsv", "tab", "md", "markdown", "txt"]

    /// The table as JSON text: `{"columns": [{"title", "width"}], "rows": [...]}`, every scalar a
    /// string, as the editor's tree holds it. A header of several rows gives the titles of its
    /// lowest cells (an inline table has one header row: its columns' titles).
    public static func json(data: Data, name: String, options: Options) throws(SourceFailure) -> [UInt8] {
        let node = try tree(data: data, name: name, options: options)
        var writer = TreeJSON(limit: DocumentTree.maxJSONBytes)
        guard writer.write(node) else {
            throw SourceFailure("'\(name)' holds more text than a document may have", "แฟ้ม '\(name)' มีข้อความมากเกินกว่าที่เอกสารหนึ่งจะมีได้")
        }
        return writer.out
    }

    static func tree(data: Data, name: String, options: Options) throws(SourceFailure) -> Node {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard extensions.contains(ext) else {
            throw SourceFailure("'\(name)' is not a table file: give a .xlsx, .ods, .docx, .csv, .tsv or .md file",
                                "แฟ้ม '\(name)' ไม่ใช่แฟ้มตาราง ให้ใช้แฟ้ม .xlsx .ods .docx .csv .tsv หรือ .md")
        }
        if let kind = OfficeKind.of(name) {
            var o = OfficeSourceOptions()
            o.sheet = options.sheet; o.range = options.range; o.headerRows = options.headerRows; o.table = options.table
            return office(try OfficeSource.read(data: data, name: name, kind: kind, options: o))
        }
        do {
            let read = try TableSource.read(data, name: name, ext: ext)
            return text(header: read.header, rows: read.rows)
        } catch {
            throw SourceFailure(error.message, error.thai)
        }
    }

    /// A CSV, TSV or Markdown table: the header row gives the titles.
    static func text(header: [String], rows: [CSVRecord]) -> Node {
        let columns = header.map { column(TableSource.paragraphs($0).joined(separator: "\n"), 1) }
        let body = rows.map { r in Node.sequence(.init(r.cells.map { scalar(TableSource.paragraphs($0).joined(separator: "\n")) })) }
        return table(columns, body)
    }

    static func office(_ t: SourceTable) -> Node {
        // Only the widths' ratios count: Word gives twips, Excel characters.
        let least = t.widths.filter { $0 > 0 && $0.isFinite }.min() ?? 1
        let columns = zip(t.titles, t.widths).map { column($0, $1 / least) }
        let body = t.rows.map { row -> Node in
            if let g = row.group { return .mapping(.init([(scalar("group"), scalar(g))])) }
            return .sequence(.init(row.cells.map(cell)))
        }
        return table(columns, body)
    }

    static func cell(_ c: SourceTable.Cell) -> Node {
        let text = scalar(c.paragraphs.joined(separator: "\n"))
        guard c.rowspan > 1 || c.colspan > 1 else { return text }
        var pairs = [(scalar("text"), text)]
        if c.rowspan > 1 { pairs.append((scalar("rowspan"), scalar(String(c.rowspan)))) }
        if c.colspan > 1 { pairs.append((scalar("colspan"), scalar(String(c.colspan)))) }
        return .mapping(.init(pairs))
    }

    static func table(_ columns: [Node], _ rows: [Node]) -> Node {
        .mapping(.init([(scalar("columns"), .sequence(.init(columns))), (scalar("rows"), .sequence(.init(rows)))]))
    }

    static func column(_ title: String, _ width: Double) -> Node {
        .mapping(.init([(scalar("title"), scalar(title)), (scalar("width"), scalar(widthText(width)))]))
    }

    /// A relative width as short text: two decimals at most, no trailing zeros, within the limits.
    static func widthText(_ w: Double) -> String {
        let v = w.isFinite && w > 0 ? min(w, InputLimits.columnWidth) : 1
        let rounded = max((v * 100).rounded() / 100, 0.01)
        var s = String(format: "%.2f", rounded)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A double-quoted scalar: the tree's strings are never null.
    static func scalar(_ s: String) -> Node {
        .scalar(.init(s, .implicit, .doubleQuoted))
    }
}
