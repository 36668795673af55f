import Foundation
import Testing
@testable import Documents

/// Attachments read back from the real PDF: page sizes, outline, table headers, cell text and
/// columns, group rows, rowspans, charts, and bad input.
enum AttachmentDoc {
    static let memo = """
    memo:
      agency: สำนักปลัด องค์การบริหารส่วนตำบลทดสอบ
      ref: ทส ๐๐๐๑/๑
      date: 2026-03-05
      subject: ทดสอบสิ่งที่แนบ
      to: นายกองค์การบริหารส่วนตำบลทดสอบ
      body:
        - ข้อความสั้น ๆ
    """
    /// Each column's words come from its own vocabulary, so a word tells which column it belongs to.
    static let vocab = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา"]
    static let titles = ["หัวแรก", "หัวสอง", "หัวสาม", "หัวสี่"]
    static let widths = [2.0, 4.0, 2.0, 3.0]

    /// Cell text: the row's tag, then `n` column words.
    static func cell(_ r: Int, _ c: Int, _ n: Int) -> String {
        tag(r, c) + " " + Array(repeating: vocab[c], count: n).joined(separator: " ")
    }

    /// A cell's tag as printed: the style prints digits in Thai.
    static func tag(_ r: Int, _ c: Int) -> String {
        String(String.UnicodeScalarView("R\(r)C\(c)".unicodeScalars.map { ("0"..."9").contains($0) ? Unicode.Scalar($0.value - 0x30 + 0x0E50)! : $0 }))
    }

    static func table(rows: Int, words: (Int, Int) -> Int, group: String? = nil) -> String {
        var y = "      - table:\n          columns:\n"
        for (t, w) in zip(titles, widths) { y += "            - { title: \(t), width: \(w) }\n" }
        y += "          rows:\n"
        if let group { y += "            - group: \(group)\n" }
        for r in 0..<rows {
            y += "            - [" + (0..<4).map { "\"\(cell(r, $0, words(r, $0)))\"" }.joined(separator: ", ") + "]\n"
        }
        return y
    }

    static func document(_ content: String, orientation: String = "landscape", title: String = "ตารางทดสอบ") -> String {
        memo + "\nattachments:\n  - title: \(title)\n    orientation: \(orientation)\n    content:\n" + content
    }

    static let landscapeLeft = 2 * Probe.cm
    static let landscapeWidth = 841.89 - 4 * Probe.cm
    static var edges: [Double] {
        let total = widths.reduce(0, +)
        var e = [landscapeLeft], acc = 0.0
        for w in widths { acc += w; e.append(landscapeLeft + landscapeWidth * acc / total) }
        return e
    }

    /// Words below the header on the table's pages, with the page index.
    static func bodyWords(_ pages: [PDFPage]) -> [(page: Int, word: PDFWord)] {
        var out = [(Int, PDFWord)]()
        for (p, page) in pages.enumerated() where page.width > page.height {
            // Glyph boxes overlap the line above, so compare tops: the header is one line.
            guard let header = page.words.filter({ titles.contains($0.text) }).map(\.yMin).max().map({ $0 + 5 }) else { continue }
            out += page.words.filter { $0.yMin > header }.map { (p, $0) }
        }
        return out
    }
}

@Test func portraitAndLandscapePagesShareOneFileWithAnOutline() throws {
    let content = AttachmentDoc.table(rows: 3, words: { _, _ in 2 })
    let yaml = AttachmentDoc.document(content) + "  - title: ภาคผนวกแนวตั้ง\n    content:\n      - ข้อความของภาคผนวก\n"
    let pdf = try Probe.render(yaml: yaml)
    let pages = Probe.pages(pdf)
    #expect(pages.count == 3)
    #expect(abs(pages[0].width - 595.28) < 0.5 && abs(pages[0].height - 841.89) < 0.5)
    #expect(abs(pages[1].width - 841.89) < 0.5 && abs(pages[1].height - 595.28) < 0.5)
    #expect(abs(pages[2].width - 595.28) < 0.5 && abs(pages[2].height - 841.89) < 0.5)
    let outline = run("/usr/bin/pdftohtml", ["-xml", "-stdout", "-i", "-q", pdf]).out
    let items = outline.components(separatedBy: "<item page=\"").dropFirst().map { String($0.prefix { $0 != "<" }) }
    #expect(items == ["1\">บันทึกข้อความ: ทดสอบสิ่งที่แนบ", "2\">ตารางทดสอบ", "3\">ภาคผนวกแนวตั้ง"])
}

@Test func aLongTableRepeatsItsHeaderAndEveryCellComesBackInItsColumn() throws {
    // Row 5 has a cell taller than a page; others vary so page breaks fall inside rows.
    let content = AttachmentDoc.table(rows: 24, words: { r, c in r == 5 && c == 1 ? 260 : (r * 7 + c * 5) % 23 + 1 })
    let pdf = try Probe.render(yaml: AttachmentDoc.document(content))
    let pages = Probe.pages(pdf)
    let tablePages = pages.enumerated().filter { $0.element.width > $0.element.height }
    #expect(tablePages.count >= 4)
    for (_, page) in tablePages {
        let header = page.words.filter { AttachmentDoc.titles.contains($0.text) }
        #expect(Set(header.map(\.text)) == Set(AttachmentDoc.titles), "every table page shows the header")
        let top = header.map(\.yMin).min() ?? 0
        let cells = page.words.filter { w in w.text.hasPrefix("R") || AttachmentDoc.vocab.contains { w.text.contains($0.prefix(3)) } }
        #expect(cells.allSatisfy { $0.yMin > top }, "the header comes first")
    }
    let body = AttachmentDoc.bodyWords(pages)
    let e = AttachmentDoc.edges
    for c in 0..<4 {
        let inColumn = body.filter { $0.word.xMin >= e[c] - 0.5 && $0.word.xMax <= e[c + 1] + 0.5 }
        let text = Probe.squeeze(readingOrder(inColumn).map(\.text).joined())
        let expected = Probe.squeeze((0..<24).map { AttachmentDoc.cell($0, c, $0 == 5 && c == 1 ? 260 : ($0 * 7 + c * 5) % 23 + 1) }.joined())
        #expect(text == expected, "column \(c): every cell's text, in order, inside its column")
    }
    // No word straddles a column edge.
    for (_, w) in body { #expect(!e.dropFirst().dropLast().contains { $0 > w.xMin + 0.5 && $0 < w.xMax - 0.5 }, "\(w)") }
}

@Test func groupRowsSpanTheWidthAndRowspanTextSitsInItsArea() throws {
    let group = "ตัวชี้วัดที่หนึ่งการปฏิบัติหน้าที่ตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    let content = """
      - table:
          columns: [{ title: หัวแรก, width: 1 }, { title: หัวสอง, width: 1 }, { title: หัวสาม, width: 1 }]
          rows:
            - group: \(group)
            - [{ text: รวมสามแถว, rowspan: 3 }, แถวหนึ่ง, หนึ่งขวา]
            - [แถวสอง, สองขวา]
            - [แถวสาม, สามขวา]
            - [แถวสี่, สี่กลาง, สี่ขวา]
    """
    let pages = Probe.pages(try Probe.render(yaml: AttachmentDoc.document(indented(content))))
    let words = pages[1].words
    let firstEdge = AttachmentDoc.landscapeLeft + AttachmentDoc.landscapeWidth / 3
    let g = words.filter { group.contains($0.text) && $0.text.count > 3 }
    #expect(Probe.squeeze(g.map(\.text).joined()) == group)
    #expect(Set(g.map { Int($0.yMin) }).count == 1, "one line across the table")
    #expect((g.map(\.xMax).max() ?? 0) > firstEdge + 50, "the group row runs past the first column")
    func y(_ s: String) -> PDFWord { words.first { $0.text == s }! }
    let span = y("รวมสามแถว")
    #expect(span.xMax <= firstEdge)
    #expect(span.yMin >= y("แถวหนึ่ง").yMin - 0.5 && span.yMax < y("แถวสี่").yMin)
    #expect(y("แถวสอง").xMin > firstEdge && y("แถวสี่").xMin < firstEdge, "spanned rows shift right; the row after does not")
}

@Test func chartLabelsAndValuesAreInsideTheTextArea() throws {
    let content = """
      - chart:
          kind: bar
          title: ผลคะแนนรายตัวชี้วัด
          data: { การปฏิบัติหน้าที่: 99.44, การใช้งบประมาณ: 97.75, การใช้อำนาจ: 88, ตัวชี้วัดที่มีชื่อยาวมากจนต้องขึ้นบรรทัดใหม่ในช่องชื่อของแผนภูมิแท่ง: 100 }
    """
    let pages = Probe.pages(try Probe.render(yaml: AttachmentDoc.document(indented(content), orientation: "portrait")))
    let page = pages[1]
    let text = Probe.squeeze(page.text)
    for s in ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "๙๙.๔๔", "๙๗.๗๕", "๘๘", "๑๐๐"] {
        #expect(text.contains(s), "\(s) is on the page")
    }
    // A wrapped label reads whole once the values printed beside its first line are set aside.
    let labels = Probe.squeeze(page.words.filter { !$0.text.unicodeScalars.allSatisfy { "๐๑๒๓๔๕๖๗๘๙.".unicodeScalars.contains($0) } }.map(\.text).joined())
    #expect(labels.contains("ตัวชี้วัดที่มีชื่อยาวมากจนต้องขึ้นบรรทัดใหม่ในช่องชื่อของแผนภูมิแท่ง"))
    let left = 3 * Probe.cm, right = 595.28 - 2 * Probe.cm
    for w in page.words { #expect(w.xMin >= left - 0.5 && w.xMax <= right + 0.5, "\(w) inside the text area") }
}

@Test func aCSVSourceWithParagraphsAndGroupRowsComesBackWhole() throws {
    let csv = "มาตรการ,ขั้นตอน\nตัวชี้วัดที่หนึ่ง,\nมาตรการแรก,\"<p>๑. ขั้นแรก</p><p>๒. ขั้นสอง</p>\"\n"
    let content = "      - table:\n          source: data.csv\n"
    let pdf = try Probe.render(yaml: AttachmentDoc.document(content), files: ["data.csv": Data(csv.utf8)])
    let words = Probe.pages(pdf)[1].words
    func w(_ s: String) -> PDFWord? { words.first { $0.text == s } }
    #expect(w("มาตรการ") != nil && w("ขั้นตอน") != nil)
    #expect(w("ขั้นแรก")!.yMin < w("ขั้นสอง")!.yMin - 5, "each <p> starts a new line")
    #expect(w("ตัวชี้วัดที่หนึ่ง")!.yMin < w("มาตรการแรก")!.yMin - 5, "the group row comes first, on its own line")
}

@Test(arguments: [
    ("rows:\n            - [a, b, c]", "row 1 needs 3 columns but the table has 2", "แถวที่ 1"),
    ("source: missing.csv", "source file 'missing.csv' not found", "ไม่พบแฟ้มข้อมูล"),
    ("source: bad.csv", "bad.csv' is not valid CSV at row 2", "แถว 2"),
    ("rows: []\n          colour: red", "'colour' is not a table key", "ไม่มีหัวข้อ"),
])
func badTablesAreReportedWithTheirPlace(extra: String, english: String, thai: String) throws {
    let content = "      - table:\n          columns: [{ title: ก, width: 1 }, { title: ข, width: 2 }]\n          \(extra)\n"
    try expectRejected(AttachmentDoc.document(content), english: english, thai: thai,
                       files: ["bad.csv": Data("ก,ข\nหนึ่ง,สอง\nสาม,\"สี่\"ห้า\n".utf8)])
}

@Test func otherBadAttachmentInputIsReported() throws {
    try expectRejected(AttachmentDoc.document("      - diagram: x\n"), english: "'diagram' is not a content block key", thai: "ไม่มีหัวข้อ")
    try expectRejected(AttachmentDoc.document("      - table:\n          columns: [{ title: ก, width: -1 }]\n          rows: []\n"),
                       english: "column 1 'width' (ความกว้าง) should be a number greater than 0, found '-1'", thai: "ต้องเป็นตัวเลขมากกว่า 0")
    try expectRejected(AttachmentDoc.document("      - chart:\n          data: { ก: 10, ข: มาก }\n"),
                       english: "chart 'data' (ข้อมูล) entry 2 'ข' should be a number, found 'มาก'", thai: "ต้องเป็นตัวเลข")
}

/// Words page by page, line by line (tops within 3 points), left to right.
func readingOrder(_ words: [(page: Int, word: PDFWord)]) -> [PDFWord] {
    var lines = [[(page: Int, word: PDFWord)]]()
    for w in words.sorted(by: { ($0.page, $0.word.yMin) < ($1.page, $1.word.yMin) }) {
        if let first = lines.last?.first, first.page == w.page, w.word.yMin - first.word.yMin < 3 { lines[lines.count - 1].append(w) }
        else { lines.append([w]) }
    }
    return lines.flatMap { $0.sorted { $0.word.xMin < $1.word.xMin }.map(\.word) }
}

/// Shifts a YAML block (written at two spaces) to the depth of an attachment's content list.
func indented(_ s: String) -> String { s.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n" }

/// The CLI exits 1, names the file and line, prints both languages, and writes no PDF.
func expectRejected(_ yaml: String, english: String, thai: String, files: [String: Data] = [:]) throws {
    let dir = Probe.tempDir()
    for (name, data) in files { try data.write(to: URL(fileURLWithPath: dir + "/" + name)) }
    try yaml.write(toFile: dir + "/doc.yaml", atomically: true, encoding: .utf8)
    let out = dir + "/doc.pdf"
    let (_, err, code) = run(Probe.saraban, ["render", dir + "/doc.yaml", "-o", out], env: ["SARABAN_HOME": Probe.root])
    #expect(code == 1)
    #expect(err.contains("doc.yaml:"), "\(err)")
    #expect(err.range(of: #"doc\.yaml:\d+:\d+:"#, options: .regularExpression) != nil, "file:line:column in \(err)")
    #expect(err.contains(english), "\(err)")
    #expect(err.contains(thai), "\(err)")
    #expect(!FileManager.default.fileExists(atPath: out))
    let check = run(Probe.saraban, ["check", dir + "/doc.yaml"], env: ["SARABAN_HOME": Probe.root])
    #expect(check.code == 1 && check.err.contains(english))
}

@Test func twoHundredRowsLoseNothingAndFillEveryPageAlike() throws {
    let content = AttachmentDoc.table(rows: 200, words: { _, _ in 1 })
    let pages = Probe.pages(try Probe.render(yaml: AttachmentDoc.document(content)))
    let markers = readingOrder(AttachmentDoc.bodyWords(pages)).map(\.text).filter { $0.hasPrefix("R") && $0.hasSuffix("C๐") }
    #expect(markers == (0..<200).map { AttachmentDoc.tag($0, 0) })
    let perPage = pages.dropFirst().map { $0.words.filter { $0.text.hasSuffix("C๐") }.count }
    // Later pages hold the same number of rows; the first holds fewer (title) and the last the rest.
    let full = perPage[1]
    #expect(perPage.dropFirst().dropLast().allSatisfy { $0 == full })
    #expect(perPage.count == 2 + Int((Double(200 - perPage[0] - full) / Double(full)).rounded(.up)))
    #expect(pages.count == 1 + perPage.count)
}

/// A row cut by a page break closes its borders at the page foot (2 cm above the edge) and the
/// table reopens under the repeated header: the table's left rule runs down to the foot on every
/// page the table continues from. (Rows of spaced words: every line ends between words, so the
/// cut is where the page ends.)
@Test func cutRowsCloseTheirBordersAtThePageFoot() throws {
    let pdf = try Probe.render(yaml: AttachmentDoc.document(AttachmentDoc.table(rows: 6, words: { _, c in c == 1 ? 70 : 40 })))
    let pages = Probe.pages(pdf)
    let landscape = pages.indices.filter { pages[$0].width > pages[$0].height }
    #expect(landscape.count >= 3)
    let foot = 595.28 - 2 * Probe.cm
    var checked = 0
    for n in landscape.dropLast() {
        let gray = try #require(GrayPage.load(pdf, page: n + 1))
        // The left rule of the table sits on the 2 cm landscape margin.
        let x = 2 * Probe.cm
        let lowest = (0..<gray.height).last { gray.darkPixels(x: x - 1, y: Double($0), width: 3, height: 1) > 0 }
        let y = Double(try #require(lowest))
        #expect(abs(y - foot) <= 2, "page \(n + 1): the table's rule ends at \(y), the foot is at \(foot)")
        checked += 1
    }
    #expect(checked >= 2)
}
