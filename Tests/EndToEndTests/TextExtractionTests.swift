import Foundation
import Testing
@testable import Documents

/// Every word of the source comes back whole from the PDF (poppler's pdftotext), for the Thai
/// corpus and the example documents; characters the Thai font lacks come from a fallback font.
/// Tables come back whole from the readers that keep to the order the page draws them in
/// (poppler's -raw, MuPDF, pdfium); poppler's own reading order and pdfminer read a table's lines
/// across the row now that text is declared at its true size (issue 13: its note has the figures).
@Suite struct TextExtractionTests {
    static let corpus: [String] = {
        let text = try! String(contentsOfFile: Probe.root + "/Tests/EndToEndTests/Fixtures/thai-corpus.txt", encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("\t") }.map { String($0.split(separator: "\t", maxSplits: 1)[1]) }
    }()

    static func corpusDocument() -> String {
        let body = corpus.map { "    - \"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: "\n")
        return """
        memo:
          agency: องค์การบริหารส่วนตำบลหินเหล็กไฟ
          ref: ทดสอบ
          subject: ข้อความภาษาไทยที่ต้องถูกต้อง
          to: ผู้ทดสอบ
          body:
        \(body)
        """
    }

    /// Words of the text that poppler does not return whole (line breaks joined, as Thai adds no
    /// space there), in poppler's own reading order and in the order the page draws them (-raw).
    func lostWords(_ pdf: String, _ source: [String]) -> [String] {
        lost(run("/usr/bin/pdftotext", ["-enc", "UTF-8", pdf, "-"]).out, source)
            + lost(run("/usr/bin/pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"]).out, source)
    }

    /// Words that poppler in drawing order (-raw), MuPDF or pdfium does not return whole. Poppler's
    /// reading order takes each line of a cell for a block of its own when the lines sit more than
    /// 1.5 sizes apart (Laksaman's 1.7) and then finds a table whose rows it reads line by line.
    func lostInDrawingOrder(_ pdf: String, _ source: [String]) -> [String] {
        lost(run("/usr/bin/pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"]).out, source)
            + lost(PDFStandardTests.script("pdf-text.py", ["mupdf", pdf]).out, source)
            + lost(PDFStandardTests.script("pdf-text.py", ["pdfium", pdf]).out, source)
    }

    func lost(_ raw: String, _ source: [String]) -> [String] {
        let joined = raw.replacingOccurrences(of: "[ \\t]*[\\r\\n\\f]+[ \\t]*", with: "", options: .regularExpression)
        let tokens = source.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        return tokens.filter { !joined.contains($0) }
    }

    @Test func corpusComesBackWordForWord() throws {
        let pdf = try Probe.render(yaml: Self.corpusDocument())
        let lost = lostWords(pdf, Self.corpus)
        #expect(lost.isEmpty, "lost: \(lost)")
    }

    @Test(arguments: ["hinlekfai", "long-memo"])
    func exampleMemoComesBackWordForWord(example: String) throws {
        let pdf = try Probe.render(path: Probe.root + "/Templates/examples/\(example).yaml")
        let yaml = try String(contentsOfFile: Probe.root + "/Templates/examples/\(example).yaml", encoding: .utf8)
        // The memo's own text: every quoted or plain value under memo: (the table has its own test).
        let memoPart = yaml.components(separatedBy: "\nattachments:").first!
        let values = memoPart.split(separator: "\n").compactMap { line -> String? in
            let l = line.trimmingCharacters(in: .whitespaces)
            guard !l.hasPrefix("#"), let r = l.range(of: ": ") ?? (l.hasPrefix("- ") ? l.range(of: "- ") : nil) else { return nil }
            let v = l[r.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            return v.unicodeScalars.contains { (0x0E01...0x0E5B).contains($0.value) } ? v : nil
        }
        #expect(values.count > 10)
        let lost = lostWords(pdf, values.filter { !$0.hasPrefix("20") })
        #expect(lost.isEmpty, "lost: \(lost)")
    }

    /// The Thai words of a document's attachments (titles, headers, cells) as the source has them:
    /// markup dropped, and only words with Thai letters and no Latin digits (which print in Thai).
    static func attachmentWords(_ path: String) throws -> [String] {
        _ = Probe.setUpOnce
        let (doc, _) = try DocumentLoader(resources: Probe.resources).load(path: path)
        let text = doc.attachments.map(\.allText).joined(separator: "\n")
            .replacingOccurrences(of: "</?p>|<br\\s*/?>|\\*\\*|__", with: " ", options: .regularExpression)
        return text.split(whereSeparator: \.isWhitespace).map(String.init).filter { w in
            w.unicodeScalars.contains { (0x0E01...0x0E4E).contains($0.value) } && !w.contains { ("0"..."9").contains($0) }
        }
    }

    /// Tables: no page cuts a word in two, and each cell's words come back whole in drawing order;
    /// also in Google's Sarabun, whose lines sit closer (1.3 sizes apart, Laksaman's 1.7).
    @Test(arguments: [("hinlekfai", "Laksaman"), ("measures-6-months", "Laksaman"), ("hinlekfai", "Sarabun"), ("measures-6-months", "Sarabun")])
    func exampleTablesComeBackWordForWord(example: String, font: String) throws {
        let path = Probe.root + "/Templates/examples/\(example).yaml"
        let words = try Self.attachmentWords(path)
        #expect(words.count > 150)
        var pdf = try Probe.render(path: path)
        if font != "Laksaman" {
            // The example with a font override, in a folder of its own with the example's CSV.
            #expect(Probe.hasTestFonts, "run `make test` to build the test fonts")
            let dir = Probe.tempDir(), examples = Probe.root + "/Templates/examples/"
            for csv in try FileManager.default.contentsOfDirectory(atPath: examples) where csv.hasSuffix(".csv") {
                try FileManager.default.copyItem(atPath: examples + csv, toPath: dir + "/" + csv)
            }
            let yaml = try String(contentsOfFile: path, encoding: .utf8) + "\nstyle:\n  font: \(font)\n"
            try yaml.write(toFile: dir + "/\(example).yaml", atomically: true, encoding: .utf8)
            pdf = try Probe.render(path: dir + "/\(example).yaml")
        }
        #expect(run("/usr/bin/pdffonts", [pdf]).out.contains("+\(font)"), "the example is set in \(font)")
        let lost = lostInDrawingOrder(pdf, words)
        #expect(lost.isEmpty, "lost: \(lost)")
    }

    /// Long unspaced Thai in every column of a table that runs over pages: each cell comes back
    /// whole in the page's drawing order (poppler -raw, MuPDF, pdfium), in Laksaman (lines 1.7
    /// sizes apart) and in Google's Sarabun (1.3).
    @Test(arguments: ["Laksaman", "Sarabun"]) func tableCellsComeBackWhole(font: String) throws {
        if font == "Sarabun" { #expect(Probe.hasTestFonts, "run `make test` to build the test fonts") }
        let words = ["องค์การบริหารส่วนตำบล", "คณะกรรมการพิจารณา", "ประชาสัมพันธ์", "ความโปร่งใส", "การป้องกันการทุจริต"]
        func cell(_ r: Int, _ c: Int) -> String { (0..<(3 + (r + c) % 4)).map { words[($0 + r + c) % words.count] }.joined() }
        var yaml = "      - table:\n          columns:\n"
        for (t, w) in zip(["หัวแรก", "หัวสอง", "หัวสาม", "หัวสี่", "หัวห้า"], [2.0, 3.0, 1.5, 2.5, 2.0]) { yaml += "            - { title: \(t), width: \(w) }\n" }
        yaml += "          rows:\n"
        for r in 0..<12 { yaml += "            - [" + (0..<5).map { "\"\(cell(r, $0))\"" }.joined(separator: ", ") + "]\n" }
        let pdf = try Probe.render(yaml: AttachmentDoc.document(yaml) + "\nstyle:\n  font: \(font)\n")
        #expect(run("/usr/bin/pdffonts", [pdf]).out.contains("+\(font)"), "the table is set in \(font)")
        #expect(Probe.pages(pdf).count >= 3)
        let lost = lostInDrawingOrder(pdf, (0..<12).flatMap { r in (0..<5).map { cell(r, $0) } })
        #expect(lost.isEmpty, "lost: \(lost)")
    }

    /// Paragraphs of long space-separated phrases over two pages: without the rule a page ends
    /// inside a phrase (the continuation word and the page number then come between its halves in
    /// every reader); with the style's `page.cut_between_words` the page ends at a line before it
    /// that ends between phrases, and every phrase comes back whole.
    @Test func pagesEndBetweenSpaceSeparatedPhrases() throws {
        let words = ["องค์การบริหารส่วนตำบล", "คณะกรรมการพิจารณา", "ประชาสัมพันธ์", "ความโปร่งใส", "การป้องกันการทุจริต", "แผนปฏิบัติการ", "ประจำปีงบประมาณ"]
        func thai(_ n: Int) -> String { String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x0E50)!) }) }
        let paragraphs = (0..<7).map { p in
            (0..<3).map { q in "ข้อ" + thai(p * 10 + q) + (0..<(4 + (p * 3 + q) % 4)).map { words[(p + q + $0) % words.count] }.joined() }
                .joined(separator: " ")
        }
        let memo = AttachmentDoc.memo.replacingOccurrences(of: "    - ข้อความสั้น ๆ", with: paragraphs.map { "    - \"\($0)\"" }.joined(separator: "\n"))
        let cut = try Probe.render(yaml: memo + "\nstyle:\n  page:\n    cut_between_words: 0\n")
        #expect(Probe.pages(cut).count >= 2)
        #expect(!lostWords(cut, paragraphs).isEmpty, "without the rule a page ends inside a phrase")
        let pdf = try Probe.render(yaml: memo)
        let lost = lostWords(pdf, paragraphs)
        #expect(lost.isEmpty, "lost: \(lost)")
    }

    /// A word with a character from the fallback font in it still comes back whole, in the memo
    /// (poppler in both orders) and in every column of a table (in drawing order).
    @Test func wordsMixingTheFallbackFontComeBackWhole() throws {
        let words = ["☑ดำเนินการแล้วเสร็จเรียบร้อยตามแผนงานประจำปีงบประมาณ", "☐ยังไม่ได้ดำเนินการตามแผนงานเนื่องจากงบประมาณไม่เพียงพอ",
                     "ผลการดำเนินงาน☑ครบถ้วนสมบูรณ์ทุกประการตามเป้าหมาย"]
        var yaml = "      - table:\n          columns:\n"
        for (t, w) in zip(["หัวแรก", "หัวสอง", "หัวสาม"], [2.0, 3.0, 2.0]) { yaml += "            - { title: \(t), width: \(w) }\n" }
        yaml += "          rows:\n            - [" + words.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
        let memo = AttachmentDoc.memo.replacingOccurrences(of: "ข้อความสั้น ๆ", with: "ราคา☐ถูกที่สุด และ ☑ดำเนินการแล้ว")
        let pdf = try Probe.render(yaml: memo + "\nattachments:\n  - title: ตาราง\n    orientation: landscape\n    content:\n" + yaml)
        #expect(run("/usr/bin/pdffonts", [pdf]).out.contains("DejaVu"), "the boxes come from the fallback font")
        let lost = lostWords(pdf, ["ราคา☐ถูกที่สุด", "☑ดำเนินการแล้ว"]) + lostInDrawingOrder(pdf, words)
        #expect(lost.isEmpty, "lost: \(lost)")
    }

    @Test func checkboxesComeFromAFallbackFont() throws {
        let pdf = try Probe.render(yaml: Self.corpusDocument())
        let fonts = run("/usr/bin/pdffonts", [pdf]).out
        #expect(fonts.contains("Laksaman"))
        #expect(fonts.split(separator: "\n").contains { !$0.contains("Laksaman") && $0.contains("yes yes") }, "a second, fallback font is embedded: \(fonts)")
        let text = Probe.text(pdf)
        #expect(text.contains("☐") && text.contains("☑"))
    }
}
