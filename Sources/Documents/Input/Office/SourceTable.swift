/// A table read from a workbook or a Word document, on its own grid: header rows, body rows with
/// spans and group rows, and the source's column widths (relative).
struct SourceTable {
    /// A cell at its first grid column, with its paragraphs (markup: `**bold**`) and spans.
    struct Cell: Equatable {
        var paragraphs: [String]
        var column: Int
        var rowspan = 1
        var colspan = 1
    }

    /// A row: its cells left to right (columns a rowspan from above holds have none), or a group
    /// row's text; `place` names it for messages (`sheet row 9`).
    struct Row {
        var cells: [Cell] = []
        var group: String?
        var place: String
        var thaiPlace: String
    }

    var header: [Row]
    var rows: [Row]
    var widths: [Double]

    var columnCount: Int { widths.count }

    /// The most columns a table may have (an A4 page cannot show more) and the most rows.
    static let columnLimit = 100
    static let rowLimit = 100_000

    /// Each column's title: the text of the lowest header cell over it, its paragraphs on lines.
    var titles: [String] {
        var titles = [String](repeating: "", count: columnCount)
        for row in header {
            for cell in row.cells {
                for c in cell.column..<min(cell.column + cell.colspan, columnCount) {
                    titles[c] = cell.paragraphs.joined(separator: "\n")
                }
            }
        }
        return titles
    }

    /// Whether the header is one row of one cell per column (then column titles can stand for it).
    var headerIsPlain: Bool {
        header.count == 1 && header[0].cells.count == columnCount && header[0].cells.allSatisfy { $0.colspan == 1 && $0.rowspan == 1 }
    }
}

/// A cell's text runs as paragraphs: each line (Alt+Enter in Excel, a paragraph or a line break in
/// Word) is one, trimmed, empty ones dropped; bold runs are written `**bold**`.
enum CellParagraphs {
    /// `plainBold`: a paragraph bold from end to end is written without markers (header and group
    /// rows, whose boldness the style decides).
    static func make(_ runs: [TextRun], plainBold: Bool = false) -> [String] {
        var lines = [[TextRun]]()
        var current = [TextRun]()
        for run in runs {
            let text = run.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (k, part) in parts.enumerated() {
                if k > 0 { lines.append(current); current = [] }
                if !part.isEmpty { current.append(TextRun(text: String(part), bold: run.bold)) }
            }
        }
        lines.append(current)
        return lines.compactMap { markup($0, plainBold: plainBold) }
    }

    /// The lines as plain text, without markup.
    static func plain(_ runs: [TextRun]) -> [String] {
        let text = runs.map(\.text).joined().replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// One line's runs as markup; nil when it holds no text.
    static func markup(_ runs: [TextRun], plainBold: Bool) -> String? {
        var merged = [TextRun]()
        for r in runs {
            if let last = merged.last, last.bold == r.bold { merged[merged.count - 1].text += r.text } else { merged.append(r) }
        }
        let text = merged.map(\.text).joined().trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        let inked = merged.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        if !inked.contains(where: \.bold) || (plainBold && inked.allSatisfy(\.bold)) { return text }
        var out = ""
        for r in merged {
            let core = r.text.trimmingCharacters(in: .whitespaces)
            guard r.bold, !core.isEmpty else { out += r.text; continue }
            let lead = r.text.prefix { $0 == " " || $0 == "\t" }
            let trail = String(r.text.reversed().prefix { $0 == " " || $0 == "\t" })
            out += lead + "**" + core + "**" + trail
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
