import Foundation
import ThaiText

/// Reads a table's `source:` file: CSV, TSV or a Markdown pipe table, header row first.
enum TableSource {
    /// Why a source file could not be read; `line` is the file's line (0: the file as a whole).
    struct Failure: Error {
        var message: String, thai: String, line: Int
    }

    /// The header and the data rows (each with its line), cells as written, of a file's bytes
    /// (`ext` says its kind). Every row must have the header's number of cells.
    static func read(_ data: Data, name: String, ext: String) throws(Failure) -> (header: [String], rows: [CSVRecord]) {
        let text: String
        do { text = try TextFile.decode(data) } catch {
            throw Failure(message: "source file '\(name)' \(error.message)", thai: "แฟ้มข้อมูล '\(name)' \(error.thai)", line: error.line)
        }
        let ext = ext.lowercased()
        let table = ext == "md" || ext == "markdown" ? markdown(text) : try delimited(text, ext == "tsv" || ext == "tab" ? "\t" : ",", name)
        let records = table.filter { !$0.isBlank }
        guard let header = records.first else {
            throw Failure(message: "source file '\(name)' has no header row", thai: "แฟ้มข้อมูล '\(name)' ไม่มีแถวหัวตาราง", line: 0)
        }
        let rows = Array(records.dropFirst())
        for (k, row) in rows.enumerated() where row.cells.count != header.cells.count {
            throw Failure(message: "row \(k + 1) of '\(name)' (line \(row.line)) has \(row.cells.count) cells but the header has \(header.cells.count); every row needs one cell per column (empty cells too)",
                          thai: "แถวที่ \(k + 1) ของแฟ้ม '\(name)' (บรรทัดที่ \(row.line)) มี \(row.cells.count) ช่อง แต่หัวตารางมี \(header.cells.count) ช่อง ทุกแถวต้องมีช่องครบทุกคอลัมน์ (ช่องว่างก็ต้องมี)",
                          line: row.line)
        }
        return (header.cells, rows)
    }

    private static func delimited(_ text: String, _ delimiter: Unicode.Scalar, _ name: String) throws(Failure) -> [CSVRecord] {
        do { return try CSVReader.records(text, delimiter: delimiter) } catch {
            throw Failure(message: "source file '\(name)' is not valid \(delimiter == "\t" ? "TSV" : "CSV") at row \(error.row) (line \(error.line)): \(error.message)",
                          thai: "แฟ้มข้อมูล '\(name)' มีรูปแบบไม่ถูกต้องที่แถว \(error.row) (บรรทัดที่ \(error.line)): \(error.thai)", line: error.line)
        }
    }

    /// A Markdown pipe table: `| a | b |` lines; the `|---|` line is skipped, `\|` is a literal bar.
    static func markdown(_ text: String) -> [CSVRecord] {
        var rows = [CSVRecord]()
        let lines = ControlCharacters.unixLineBreaks(text).split(separator: "\n", omittingEmptySubsequences: false)
        for (k, raw) in lines.enumerated() {
            var line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("|") || line.contains("|") else { continue }
            if line.hasPrefix("|") { line.removeFirst() }
            if line.hasSuffix("|") && !line.hasSuffix("\\|") { line.removeLast() }
            let cells = pipeCells(line).map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.allSatisfy({ $0.range(of: "^:?-{3,}:?$", options: .regularExpression) != nil }) { continue }
            rows.append(CSVRecord(line: k + 1, cells: cells))
        }
        return rows
    }

    /// A Markdown line's cells between bars; `\|` is a bar inside a cell.
    static func pipeCells(_ line: String) -> [String] {
        let chars = Array(line)
        var cells = [String](), cell = ""
        var k = 0
        while k < chars.count {
            if chars[k] == "\\", k + 1 < chars.count, chars[k + 1] == "|" {
                cell.append("|")
                k += 2
                continue
            }
            if chars[k] == "|" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(chars[k])
            }
            k += 1
        }
        cells.append(cell)
        return cells
    }

    /// A cell's paragraphs: `<p>…</p>`, `<br>` and line breaks each start a new one.
    static func paragraphs(_ cell: String) -> [String] {
        var s = cell
        for tag in ["</p>", "<p>", "<br>", "<br/>", "<br />"] { s = s.replacingOccurrences(of: tag, with: "\n", options: .caseInsensitive) }
        return s.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
