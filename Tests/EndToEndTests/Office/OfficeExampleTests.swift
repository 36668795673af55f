import Foundation
import Testing
@testable import Documents
import ThaiText

/// Each example's table written into an .xlsx and a .docx (merges, line breaks, numbered cell
/// paragraphs, a hidden row and column) and saved again by LibreOffice (.xlsx, .ods, .docx):
/// every one decodes to the table written in YAML and renders the same text.
@Suite(.serialized) struct OfficeExampleTests {
    /// An example, its table with runs of equal cells in a column merged (as a clerk merges
    /// them in Excel), and the files that hold it.
    struct Example: Sendable {
        let name: String
        let dir: String
        let yaml: String
        let lines: [String]
        /// Where the table's block is in the example's lines.
        let block: Range<Int>
        let table: Table

        /// The example's document text with the table's block replaced by `block`.
        func document(_ replacement: String) -> String {
            (lines[..<block.lowerBound] + [replacement] + lines[block.upperBound...]).joined(separator: "\n")
        }
    }

    static let examples = ["hinlekfai", "measures-6-months"]

    static let made: [String: Example] = {
        var out = [String: Example]()
        for name in examples { out[name] = try? make(name) }
        return out
    }()

    /// LibreOffice's copies of the examples' files, made in one start per format.
    static let libreOffice: String? = {
        let files = examples.compactMap { made[$0].map { e in e.dir + "/" + e.name } }
        guard files.count == examples.count else { return nil }
        let out = Probe.tempDir()
        do {
            try OfficeFixtures.libreOffice(files.map { $0 + ".xlsx" }, to: "ods", outdir: out + "/ods")
            try OfficeFixtures.libreOffice(files.map { $0 + ".xlsx" }, to: "xlsx", outdir: out + "/xlsx")
            try OfficeFixtures.libreOffice(files.map { $0 + ".docx" }, to: "docx", outdir: out + "/docx")
        } catch { return nil }
        return out
    }()

    static func make(_ name: String) throws -> Example {
        let path = Probe.root + "/Templates/examples/\(name).yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (doc, _) = try DocumentLoader(resources: Probe.resources).load(path: path)
        guard let original = doc.attachments.flatMap(\.content).compactMap({ if case .table(let t) = $0 { return t } else { return nil } }).first else {
            throw OfficeFixtures.Failure(description: "\(name) has no table")
        }
        let table = mergeRuns(original)
        let dir = Probe.tempDir()
        var job = OfficeFixtures.spec(table)
        job["xlsx"] = dir + "/\(name).xlsx"
        job["docx"] = dir + "/\(name).docx"
        job["hidden_rows"] = [3]
        job["hidden_cols"] = [2]
        try OfficeFixtures.make([job], in: dir)
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "      - table:") else { throw OfficeFixtures.Failure(description: "\(name): no table block") }
        let end = lines[(start + 1)...].firstIndex { !$0.hasPrefix("        ") && !$0.isEmpty } ?? lines.count
        return Example(name: name, dir: dir, yaml: yamlBlock(table), lines: lines, block: start..<end, table: table)
    }

    /// Runs of equal cells down a column (between group rows) become one cell spanning them.
    static func mergeRuns(_ t: Table) -> Table {
        var t = t
        var r = 0
        while r < t.rows.count {
            guard case .cells(var cells) = t.rows[r] else { r += 1; continue }
            for k in cells.indices where cells[k].rowspan == 1 && cells[k].colspan == 1 && !cells[k].paragraphs.isEmpty {
                var n = 1
                while r + n < t.rows.count, case .cells(let below) = t.rows[r + n], below.contains(cells[k]) {
                    n += 1
                }
                guard n > 1 else { continue }
                cells[k].rowspan = n
                for d in 1..<n {
                    if case .cells(let below) = t.rows[r + d] { t.rows[r + d] = .cells(below.filter { $0.column != cells[k].column }) }
                }
            }
            t.rows[r] = .cells(cells)
            r += 1
        }
        return t
    }

    static func quoted(_ s: String) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: s, options: .fragmentsAllowed)) ?? Data(), as: UTF8.self)
    }

    /// The table in YAML: columns, then rows of {text, rowspan, colspan} cells and group rows.
    static func yamlBlock(_ t: Table) -> String {
        var y = "      - table:\n          columns:\n"
        for c in t.columns { y += "            - { title: \(quoted(c.title)), width: \(c.width) }\n" }
        y += "          rows:\n"
        for row in t.rows {
            switch row {
            case .group(let g): y += "            - { group: \(quoted(g)) }\n"
            case .cells(let cells):
                let written = cells.map { c in
                    "{ text: [\(c.paragraphs.map(quoted).joined(separator: ", "))], rowspan: \(c.rowspan), colspan: \(c.colspan) }"
                }
                y += "            - [\(written.joined(separator: ", "))]\n"
            }
        }
        return y
    }

    static func thaiDigits(_ rows: [TableRowContent]) -> [TableRowContent] {
        rows.map { row in
            guard case .cells(let cells) = row else { return row }
            return .cells(cells.map { var c = $0; c.paragraphs = c.paragraphs.map { ThaiDigits.apply(.thai, to: $0) }; return c })
        }
    }

    static func source(_ file: String) -> String { "      - table:\n          source: \(file)\n" }

    /// Decodes a document written beside the example's files.
    static func table(_ e: Example, _ block: String) throws -> (Table, String) {
        let path = e.dir + "/doc-\(UUID().uuidString).yaml"
        try e.document(block).write(toFile: path, atomically: true, encoding: .utf8)
        let (doc, _) = try DocumentLoader(resources: Probe.resources).load(path: path)
        let t = doc.attachments.flatMap(\.content).compactMap { if case .table(let t) = $0 { return t } else { return nil } }.first
        return (try #require(t), path)
    }

    static func sources(_ e: Example) throws -> [String] {
        let lo = try #require(libreOffice, "LibreOffice converted the examples' files")
        let copies = ["ods", "xlsx", "docx"].map { ext -> String in
            let name = "libreoffice-\(e.name).\(ext)"
            try? FileManager.default.removeItem(atPath: e.dir + "/" + name)
            try? FileManager.default.copyItem(atPath: lo + "/\(ext)/\(e.name).\(ext)", toPath: e.dir + "/" + name)
            return name
        }
        return ["\(e.name).xlsx", "\(e.name).docx"] + copies
    }

    @Test(arguments: examples)
    func officeFilesDecodeToTheTableWrittenInYAML(example: String) throws {
        let e = try #require(Self.made[example], "the fixtures of \(example) were made")
        let (yaml, _) = try Self.table(e, e.yaml)
        #expect(yaml.rows == e.table.rows, "the YAML block holds the merged table")
        #expect(yaml.rows.contains { if case .cells(let c) = $0 { return c.contains { $0.rowspan > 1 } } else { return false } },
                "the table has merged cells")
        for file in try Self.sources(e) {
            let (office, _) = try Self.table(e, Self.source(file))
            // LibreOffice writes Word's Thai list numbers (thaiNumbers) back as plain decimals.
            let rows = file.hasPrefix("libreoffice-") && file.hasSuffix(".docx") ? Self.thaiDigits(office.rows) : office.rows
            let differ = zip(rows, yaml.rows).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(rows.count == yaml.rows.count && differ == nil, "\(example) \(file): row \(differ?.offset ?? -1): \(String(describing: differ?.element))")
            #expect(office.columns.map(\.title) == yaml.columns.map(\.title), "\(example) \(file): titles")
            #expect(office.headerRows.isEmpty, "\(example) \(file): one plain header row")
            let ratio = office.columns.map(\.width).reduce(0, +) / yaml.columns.map(\.width).reduce(0, +)
            for (a, b) in zip(office.columns, yaml.columns) { #expect(abs(a.width / ratio - b.width) < 0.02, "\(example) \(file): widths") }
        }
    }

    @Test(arguments: examples)
    func officeFilesRenderTheTextOfTheYAMLTable(example: String) throws {
        let e = try #require(Self.made[example], "the fixtures of \(example) were made")
        let (_, yamlPath) = try Self.table(e, e.yaml)
        let reference = Probe.pages(try Probe.render(path: yamlPath))
        let text = Probe.squeeze(reference.map(\.text).joined())
        for file in try Self.sources(e) {
            let (_, path) = try Self.table(e, Self.source(file))
            let pages = Probe.pages(try Probe.render(path: path))
            #expect(Probe.squeeze(pages.map(\.text).joined()) == text, "\(example) \(file): the same text")
            #expect(abs(pages.count - reference.count) <= 1, "\(example) \(file): \(pages.count) pages, YAML \(reference.count)")
            #expect(!pages.contains { $0.text.contains("ซ่อนไว้") }, "hidden rows and columns stay hidden")
        }
    }
}
