import Foundation
import SwiftCSV

/// Reads a table's `source:` file: CSV, TSV (SwiftCSV) or a Markdown pipe table, header row first.
enum TableSource {
    /// Why a source file could not be read; `row` is the 1-based data row (0 the header).
    struct Failure: Error {
        var message: String, thai: String, row: Int?
    }

    /// The header and the data rows, cells as written, of a file's bytes (`ext` says its kind).
    static func read(_ data: Data, name: String, ext: String) throws(Failure) -> (header: [String], rows: [[String]]) {
        guard var text = String(data: data, encoding: .utf8) else {
            throw Failure(message: "source file '\(name)' cannot be read as UTF-8 text", thai: "อ่านแฟ้มข้อมูล '\(name)' ไม่ได้ (ต้องเป็นข้อความ UTF-8)", row: nil)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let ext = ext.lowercased()
        let table = ext == "md" || ext == "markdown" ? markdown(text) : try delimited(text, ext == "tsv" || ext == "tab" ? .tab : .comma, name)
        guard let header = table.first, header.contains(where: { !$0.isEmpty }) else {
            throw Failure(message: "source file '\(name)' has no header row", thai: "แฟ้มข้อมูล '\(name)' ไม่มีแถวหัวตาราง", row: 0)
        }
        return (header, Array(table.dropFirst()).filter { $0.contains { !$0.isEmpty } })
    }

    private static func delimited(_ text: String, _ delimiter: CSVDelimiter, _ name: String) throws(Failure) -> [[String]] {
        do {
            let csv = try EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false)
            var rows = [csv.header]
            // Rows as written, not padded: a row with too many cells must be reported, not hidden.
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { (row: [String]) in rows.append(row) }
            return rows
        } catch {
            let row = firstBadRow(text, delimiter)
            throw Failure(message: "source file '\(name)' is not valid \(delimiter == .tab ? "TSV" : "CSV") at row \(row): \(error)",
                          thai: "แฟ้มข้อมูล '\(name)' มีรูปแบบ CSV ไม่ถูกต้องที่แถว \(row) (ตรวจเครื่องหมายคำพูด \")", row: row)
        }
    }

    /// The first data row the parser fails on, found by parsing ever longer prefixes (binary search).
    private static func firstBadRow(_ text: String, _ delimiter: CSVDelimiter) -> Int {
        if (try? EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false, rowLimit: 0)) == nil { return 0 }
        var good = 0, bad = text.reduce(1) { $1 == "\n" ? $0 + 1 : $0 } + 1
        while bad - good > 1 {
            let mid = (good + bad) / 2
            if (try? EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false, rowLimit: mid)) != nil { good = mid } else { bad = mid }
        }
        return bad
    }

    /// A Markdown pipe table: `| a | b |` lines; the `|---|` line is skipped, `\|` is a literal bar.
    static func markdown(_ text: String) -> [[String]] {
        var rows = [[String]]()
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("|") || line.contains("|") else { continue }
            if line.hasPrefix("|") { line.removeFirst() }
            if line.hasSuffix("|") && !line.hasSuffix("\\|") { line.removeLast() }
            let cells = line.replacingOccurrences(of: "\\|", with: "\u{0}").split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.replacingOccurrences(of: "\u{0}", with: "|").trimmingCharacters(in: .whitespaces) }
            if cells.allSatisfy({ $0.range(of: "^:?-{3,}:?$", options: .regularExpression) != nil }) { continue }
            rows.append(cells)
        }
        return rows
    }

    /// A cell's paragraphs: `<p>…</p>`, `<br>` and line breaks each start a new one.
    static func paragraphs(_ cell: String) -> [String] {
        var s = cell
        for tag in ["</p>", "<p>", "<br>", "<br/>", "<br />"] { s = s.replacingOccurrences(of: tag, with: "\n", options: .caseInsensitive) }
        return s.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
