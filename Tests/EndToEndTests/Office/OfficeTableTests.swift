import Foundation
import Testing
@testable import Documents
import Layout

/// Tables from workbooks and Word documents as the PDF shows them: spans where the YAML table
/// puts them, a header of two rows on every page, 2,000 rows with nothing lost, sheets, ranges,
/// formats, Word's lists.
@Suite struct OfficeTableTests {
    static let titles = ["ลำดับ", "หน่วยงาน", "ผลงาน"]

    /// Writes the table jobs and a document whose attachment holds `table` (indented YAML).
    static func document(_ table: String, jobs: [[String: Any]], orientation: String = "landscape") throws -> String {
        let dir = Probe.tempDir()
        try OfficeFixtures.make(jobs.map { j in
            var j = j
            for k in ["xlsx", "docx", "path", "src", "dst"] { if let f = j[k] as? String { j[k] = dir + "/" + f } }
            return j
        }, in: dir)
        let path = dir + "/doc.yaml"
        try AttachmentDoc.document(table, orientation: orientation).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func table(_ path: String) throws -> Table {
        let (doc, _) = try DocumentLoader(resources: Probe.resources).load(path: path)
        let t = doc.attachments.flatMap(\.content).compactMap { if case .table(let t) = $0 { return t } else { return nil } }.first
        return try #require(t)
    }

    static func source(_ file: String, _ extra: String = "") -> String {
        "      - table:\n          source: \(file)\n" + extra
    }

    static func cell(_ r: Int, _ c: Int, _ p: [String], rowspan: Int = 1, colspan: Int = 1) -> [String: Any] {
        OfficeFixtures.cell(r, c, p, rowspan: rowspan, colspan: colspan)
    }

    /// Header; a cell down three rows; a cell across two columns; a group row; a plain row.
    static func spanned() -> [[String: Any]] { [
        Self.cell(0, 0, [titles[0]]), Self.cell(0, 1, [titles[1]]), Self.cell(0, 2, [titles[2]]),
        Self.cell(1, 0, ["รวมสามแถว"], rowspan: 3), Self.cell(1, 1, ["แถวหนึ่ง"]), Self.cell(1, 2, ["หนึ่งขวา"]),
        Self.cell(2, 1, ["แถวสอง"]), Self.cell(2, 2, ["สองขวา"]),
        Self.cell(3, 1, ["ข้ามสองคอลัมน์ในแถวที่สามซึ่งยาวเกินกว่าที่คอลัมน์เดียวจะรับไว้ได้ในบรรทัดเดียวแน่นอนทั้งบรรทัด"], colspan: 2),
        Self.cell(4, 0, ["กลุ่มที่สองของตาราง"], colspan: 3),
        Self.cell(5, 0, ["แถวสี่"]), Self.cell(5, 1, ["สี่กลาง"]), Self.cell(5, 2, ["สี่ขวา"]),
    ] }

    static let spannedYAML = """
          - table:
              columns: [{ title: ลำดับ, width: 1 }, { title: หน่วยงาน, width: 2 }, { title: ผลงาน, width: 1.5 }]
              rows:
                - [{ text: รวมสามแถว, rowspan: 3 }, แถวหนึ่ง, หนึ่งขวา]
                - [แถวสอง, สองขวา]
                - [{ text: ข้ามสองคอลัมน์ในแถวที่สามซึ่งยาวเกินกว่าที่คอลัมน์เดียวจะรับไว้ได้ในบรรทัดเดียวแน่นอนทั้งบรรทัด, colspan: 2 }]
                - group: กลุ่มที่สองของตาราง
                - [แถวสี่, สี่กลาง, สี่ขวา]

    """

    @Test func spansLandWhereTheYAMLTablePutsThem() throws {
        let job: [String: Any] = ["kind": "table", "xlsx": "t.xlsx", "docx": "t.docx", "widths": [1, 2, 1.5], "cells": Self.spanned()]
        let yamlPath = try Self.document(Self.spannedYAML, jobs: [])
        let reference = Probe.pages(try Probe.render(path: yamlPath))[1].words
        for file in ["t.xlsx", "t.docx"] {
            let path = try Self.document(Self.source(file), jobs: [job])
            let words = Probe.pages(try Probe.render(path: path))[1].words
            #expect(words.map(\.text) == reference.map(\.text), "\(file): the same words")
            for (a, b) in zip(words, reference) {
                #expect(abs(a.xMin - b.xMin) < 0.05 && abs(a.yMin - b.yMin) < 0.05, "\(file): \(a) where YAML has \(b)")
            }
            // And where they should be: the rowspan beside its three rows, the colspan across two columns.
            let e = TableColumns.edges(relative: [1, 2, 1.5], x: AttachmentDoc.landscapeLeft, width: AttachmentDoc.landscapeWidth)
            func w(_ s: String) throws -> PDFWord { try #require(words.first { $0.text == s }, "\(s) in \(file)") }
            let span = try w("รวมสามแถว"), across = try w("ข้ามสองคอลัมน์ในแถวที่สามซึ่งยาวเกินกว่าที่คอลัมน์เดียวจะรับไว้ได้ในบรรทัดเดียวแน่นอนทั้งบรรทัด")
            let one = try w("แถวหนึ่ง"), two = try w("แถวสอง"), four = try w("แถวสี่")
            #expect(span.xMax <= e[1] && span.yMin >= one.yMin - 0.5 && span.yMax < four.yMin)
            #expect(across.xMin > e[1] && across.xMin < e[1] + 10 && across.yMin > two.yMax - 3 && across.xMax > e[2])
            #expect(four.xMin < e[1], "the row after the span starts in the first column")
        }
    }

    @Test func aHeaderOfTwoRowsRepeatsOnEveryPage() throws {
        var cells: [[String: Any]] = [Self.cell(0, 0, ["ลำดับที่"], rowspan: 2), Self.cell(0, 1, ["ผลการดำเนินงาน"], colspan: 2),
                                      Self.cell(1, 1, ["ไตรมาสแรก"]), Self.cell(1, 2, ["ไตรมาสสอง"])]
        for r in 0..<90 { cells += [Self.cell(r + 2, 0, ["แถว\(r)"]), Self.cell(r + 2, 1, ["ผลแรก"]), Self.cell(r + 2, 2, ["ผลสอง"])] }
        let job: [String: Any] = ["kind": "table", "xlsx": "h.xlsx", "docx": "h.docx", "widths": [1, 2, 2], "header_rows": 2, "cells": cells]
        for (file, keys) in [("h.xlsx", "          header_rows: 2\n"), ("h.docx", "")] {
            let path = try Self.document(Self.source(file, keys), jobs: [job], orientation: "portrait")
            let t = try Self.table(path)
            #expect(t.headerRows.count == 2 && t.headerRows[0].map(\.rowspan) == [2, 1] && t.headerRows[0].map(\.colspan) == [1, 2], "\(file)")
            let pages = Probe.pages(try Probe.render(path: path)).dropFirst()
            #expect(pages.count >= 3, "\(file): the table runs over pages")
            for page in pages {
                func w(_ s: String) -> PDFWord? { page.words.first { $0.text == s } }
                guard let side = w("ลำดับที่"), let top = w("ผลการดำเนินงาน"), let first = w("ไตรมาสแรก"), let second = w("ไตรมาสสอง") else {
                    Issue.record("\(file): a page without the whole header: \(page.text.prefix(80))"); continue
                }
                let body = page.words.filter { $0.text.hasPrefix("แถว") }
                #expect(!body.isEmpty && body.allSatisfy { $0.yMin > second.yMax - 3 }, "\(file): rows come under the header")
                #expect(first.yMin > top.yMax - 3 && abs(first.yMin - second.yMin) < 0.5, "\(file): the second header row under the first")
                // Header text is centred: across both columns, and over each column below.
            let mid = { (w: PDFWord) in (w.xMin + w.xMax) / 2 }
            #expect(side.yMin < first.yMin && abs(side.yMin - top.yMin) < 0.5, "\(file): the first column's title spans both rows")
            #expect(abs((mid(first) + mid(second)) / 2 - mid(top)) < 2 && mid(first) < mid(top) && mid(second) > mid(top), "\(file): the spans")
            }
            let rows = pages.flatMap { $0.words.map(\.text).filter { $0.hasPrefix("แถว") } }
            #expect(rows == (0..<90).map { "แถว" + ThaiDigitsProbe.thai($0) }, "\(file): every row once, in order")
        }
    }

    @Test func twoThousandRowsLoseNothing() throws {
        var cells: [[String: Any]] = Self.titles.enumerated().map { Self.cell(0, $0.offset, [$0.element]) }
        for r in 1...2000 { cells += [Self.cell(r, 0, ["แถว\(r)"]), Self.cell(r, 1, ["สำนักปลัด กองคลัง"]), Self.cell(r, 2, ["\(r * 7)"])] }
        let job: [String: Any] = ["kind": "table", "xlsx": "big.xlsx", "widths": [1, 2, 1], "cells": cells]
        let path = try Self.document(Self.source("big.xlsx"), jobs: [job], orientation: "portrait")
        let pages = Probe.pages(try Probe.render(path: path))
        let rows = pages.flatMap { $0.words.map(\.text).filter { $0.hasPrefix("แถว") } }
        #expect(rows == (1...2000).map { "แถว" + ThaiDigitsProbe.thai($0) })
        // The third column's numbers (the page number "- ๒ -" sits in the middle, above the table).
        let values = pages.dropFirst().flatMap { page in
            page.words.filter { $0.xMin > page.width * 0.6 && $0.text.unicodeScalars.allSatisfy { (0x0E50...0x0E59).contains($0.value) } }.map(\.text)
        }
        #expect(values == (1...2000).map { ThaiDigitsProbe.thai($0 * 7) }, "every value, in order")
        #expect(pages.count > 40)
    }

    @Test func sheetsRangesAndWordTablesAreChosenByTheirKeys() throws {
        let cells: [[String: Any]] = Self.titles.enumerated().map { Self.cell(0, $0.offset, [$0.element]) } + [Self.cell(1, 0, ["๑"]), Self.cell(1, 1, ["สำนักปลัด"]), Self.cell(1, 2, ["ผ่าน"])]
        let job: [String: Any] = ["kind": "table", "xlsx": "s.xlsx", "docx": "s.docx", "widths": [1, 2, 1], "cells": cells, "sheet": "ตาราง",
                                  "sheets_before": ["สรุป"], "offset": [2, 1], "notes": [[0, 0, "หมายเหตุของแผ่นงาน"]], "tables_before": 2]
        let expected = try Self.table(try Self.document("""
              - table:
                  columns: [{ title: ลำดับ, width: 4 }, { title: หน่วยงาน, width: 8 }, { title: ผลงาน, width: 4 }]
                  rows:
                    - [๑, สำนักปลัด, ผ่าน]

        """, jobs: []))
        for keys in ["          sheet: ตาราง\n          range: B3:D4\n", "          sheet: 2\n          range: b3:d40\n"] {
            let t = try Self.table(try Self.document(Self.source("s.xlsx", keys), jobs: [job]))
            #expect(t == expected, "\(keys)")
        }
        let whole = try Self.table(try Self.document(Self.source("s.xlsx", "          sheet: ตาราง\n"), jobs: [job]))
        #expect(whole.columns.count == 4 && whole.columns[0].title == "หมายเหตุของแผ่นงาน", "without a range: every cell in use")
        let word = try Self.table(try Self.document(Self.source("s.docx", "          table: 3\n"), jobs: [job]))
        #expect(word.rows == expected.rows && word.columns.map(\.title) == Self.titles)
        let other = try Self.table(try Self.document(Self.source("s.docx"), jobs: [job]))
        #expect(other.columns.map(\.title) == ["ตารางอื่น", ""], "table 1 is the first table")
    }

    @Test func cellsShowTheirFormatsRichTextAndWordLists() throws {
        let cells: [[String: Any]] = Self.titles.enumerated().map { Self.cell(0, $0.offset, [$0.element]) } + [
            ["r": 1, "c": 0, "num": 1234.5, "fmt": "#,##0.00", "docx_p": ["1,234.50"]],
            ["r": 1, "c": 1, "runs": [["ปกติ ", false], ["ตัวหนา", true], [" ต่อ\nบรรทัดใหม่", false]]],
            ["r": 1, "c": 2, "date": "2026-03-05", "fmt": "d mmmm yyyy", "docx_p": ["5 มีนาคม 2569"]],
            ["r": 2, "c": 0, "num": 0.125, "fmt": "0.0%", "docx_p": ["12.5%"], "bold": true],
            ["r": 2, "c": 1, "p": ["- ข้อแรก", "• ข้อสอง"], "list": ["format": "thaiLetters", "items": [[0, "ข้อแรก"], [0, "ข้อสอง"]], "list": "ก"]],
            ["r": 2, "c": 2, "date": "2026-03-05", "fmt": "d/m/yy", "list": ["format": "thaiLetters", "items": [[0, "ข้อสาม"]], "list": "ก"]],
            ["r": 3, "c": 1, "p": ["x"], "list": ["format": "decimal", "texts": ["%1.", "%1.%2"], "items": [[0, "หนึ่ง"], [1, "ย่อยหนึ่ง"], [1, "ย่อยสอง"], [0, "สอง"]]]],
            ["r": 3, "c": 2, "p": ["x"], "list": ["format": "bullet", "texts": ["\u{F0B7}"], "items": [[0, "จุดแรก"]]]],
        ]
        let job: [String: Any] = ["kind": "table", "xlsx": "f.xlsx", "docx": "f.docx", "widths": [1, 2, 1], "cells": cells]
        let sheet = try Self.table(try Self.document(Self.source("f.xlsx"), jobs: [job]))
        func at(_ t: Table, _ r: Int, _ c: Int) -> [String] {
            guard case .cells(let cells) = t.rows[r] else { return ["group"] }
            return cells.first { $0.column == c }?.paragraphs ?? []
        }
        #expect(at(sheet, 0, 0) == ["1,234.50"] && at(sheet, 0, 2) == ["5 มีนาคม 2569"] && at(sheet, 1, 0) == ["**12.5%**"])
        #expect(at(sheet, 0, 1) == ["ปกติ **ตัวหนา** ต่อ", "บรรทัดใหม่"])
        #expect(at(sheet, 1, 1) == ["- ข้อแรก", "• ข้อสอง"] && at(sheet, 1, 2) == ["5/3/69"])
        let word = try Self.table(try Self.document(Self.source("f.docx"), jobs: [job]))
        #expect(at(word, 0, 1) == ["ปกติ **ตัวหนา** ต่อ", "บรรทัดใหม่"])
        #expect(at(word, 1, 1) == ["ก. ข้อแรก", "ข. ข้อสอง"] && at(word, 1, 2) == ["ค. ข้อสาม"], "a list goes on from cell to cell")
        #expect(at(word, 2, 1) == ["1. หนึ่ง", "1.1 ย่อยหนึ่ง", "1.2 ย่อยสอง", "2. สอง"] && at(word, 2, 2) == ["• จุดแรก"])
        let pdf = try Probe.render(path: try Self.document(Self.source("f.xlsx"), jobs: [job]))
        let text = Probe.text(pdf)
        #expect(text.contains("๑,๒๓๔.๕๐") && text.contains("๕ มีนาคม ๒๕๖๙") && text.contains("๑๒.๕%"), "digits as the style says")
    }

    /// A line starting with a marker (- • ๑. ก.) wraps under its text.
    @Test func listLinesHangUnderTheirText() throws {
        let long = "รายการที่ยาวมากจนต้องขึ้นบรรทัดใหม่ในช่องแคบ สำนักปลัด กองคลัง กองช่าง กองการศึกษา ศาสนา และวัฒนธรรม"
        let cells: [[String: Any]] = Self.titles.enumerated().map { Self.cell(0, $0.offset, [$0.element]) } + [
            Self.cell(1, 0, ["• " + long, "ก. " + long]), Self.cell(1, 1, ["x"]), Self.cell(1, 2, [long]),
        ]
        let path = try Self.document(Self.source("l.xlsx"), jobs: [["kind": "table", "xlsx": "l.xlsx", "widths": [1, 3, 3], "cells": cells]])
        let column = AttachmentDoc.landscapeLeft + AttachmentDoc.landscapeWidth / 7 + 1
        let pages = Probe.pages(try Probe.render(path: path)).dropFirst().enumerated()
        let words = pages.flatMap { p, page in page.words.filter { $0.xMax < column && $0.text != "ลำดับ" }.map { (p, $0) } }
        let lines = Dictionary(grouping: words) { "\($0.0) \(Int($0.1.yMin.rounded()))" }.values.map { $0.map(\.1.xMin).min() ?? 0 }
        let starts = [words.first { $0.1.text == "•" }, words.first { $0.1.text.hasPrefix("ก.") }].compactMap { $0 }
        #expect(starts.count == 2 && lines.count >= 8, "\(words)")
        let edge = lines.min() ?? 0
        // Only the markers' lines start at the edge; every wrapped line hangs under the text.
        #expect(lines.filter { abs($0 - edge) < 0.5 }.count == 2, "\(lines)")
        #expect(lines.filter { $0 > edge + 3 }.count == lines.count - 2, "wrapped lines of the list items hang: \(lines)")
    }

    @Test func digitsFollowTheStyle() throws {
        let cells: [[String: Any]] = Self.titles.enumerated().map { Self.cell(0, $0.offset, [$0.element]) } + [
            ["r": 1, "c": 0, "num": 1234.5, "fmt": "#,##0.00"], ["r": 1, "c": 1, "p": ["ข้อความ"]], ["r": 1, "c": 2, "date": "2026-03-05", "fmt": "d mmmm yyyy"],
        ]
        let path = try Self.document(Self.source("d.xlsx"), jobs: [["kind": "table", "xlsx": "d.xlsx", "widths": [1, 1, 1], "cells": cells]])
        let yaml = try String(contentsOfFile: path, encoding: .utf8) + "style:\n  digits: arabic\n"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let text = Probe.text(try Probe.render(path: path))
        #expect(text.contains("1,234.50") && text.contains("5 มีนาคม 2569"), "\(text)")
    }
}

/// Thai digits of a number, as the default style prints it.
enum ThaiDigitsProbe {
    static func thai(_ n: Int) -> String {
        String(String.UnicodeScalarView(String(n).unicodeScalars.map { Unicode.Scalar($0.value - 0x30 + 0x0E50)! }))
    }
}
