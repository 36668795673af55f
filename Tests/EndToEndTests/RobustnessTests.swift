import Foundation
import Testing

/// Issue 18: inputs that used to kill `render` or hang, each now a PDF or a message at its line.
@Suite struct RobustnessTests {
    static let memo = BadInputTests.good

    // MARK: - 1. Control characters

    @Test(arguments: [
        ("  to: นายก", "  to: \"นาย\\0ก\"", "doc.yaml:6:7: 'to' (เรียน) holds the invisible control character U+0000 (NUL) at character 4"),
        ("    - ข้อความ", "    - \"ข้อ\\x01ความ\"", "doc.yaml:8:7: 'paragraph' (ย่อหน้า) holds the invisible control character U+0001 at character 4"),
        ("    - ข้อความ", "    - \"ข้อ\\u0085ความ\"", "'paragraph' (ย่อหน้า) holds the invisible control character U+0085 (next line)"),
        ("  subject: ทดสอบ", "  subject: \"\\eทดสอบ\"", "doc.yaml:5:12: 'subject' (เรื่อง) holds the invisible control character U+001B (escape) at character 1"),
    ])
    func aControlCharacterInTextIsRefusedAtItsPlace(line: String, with bad: String, message: String) {
        let yaml = Self.memo.replacingOccurrences(of: "  to: นายกองค์การบริหารส่วนตำบลหินเหล็กไฟ", with: "  to: นายก")
            .replacingOccurrences(of: line, with: bad)
        let err = CaseFolder(yaml).refused()
        #expect(err.contains(message), "\(err)")
        #expect(err.contains("ซึ่งมองไม่เห็นและพิมพ์ไม่ได้"))
    }

    @Test func controlCharactersInTablesChartsStylesAndSourcesAreRefused() {
        let doc = Self.memo + """

        attachments:
          - title: ตาราง
            content:
              - table:
                  columns: [ก, ข]
                  rows:
                    - [หนึ่ง, "สอง\\x1F"]
              - chart: { data: { "ลำดับ\\x7F": 5 } }
              - table: { source: t.csv }
        style:
          page:
            number_format: "- {n}\\0 -"
        """
        let err = CaseFolder(doc, files: ["t.csv": Data("ก,ข\nหนึ่ง,ส\u{0}อง\n".utf8)]).refused()
        #expect(err.contains("doc.yaml:15:23: 'text' (ข้อความ) holds the invisible control character U+001F at character 4"), "\(err)")
        #expect(err.contains("doc.yaml:16:26: 'data' (ข้อมูล) holds the invisible control character U+007F (DEL) at character 6"), "\(err)")
        #expect(err.contains("doc.yaml:17:26: 'source' (แฟ้มข้อมูล): row 1 of t.csv (line 2), column 'ข' holds the invisible control character U+0000 (NUL) at character 2"), "\(err)")
        #expect(err.contains("doc.yaml:20:20: style 'page.number_format' should be text without control characters (U+0000 (NUL) at character 6)"), "\(err)")
    }

    @Test func aControlCharacterWrittenRawIsRefusedAtItsLineAndColumn() {
        var bytes = Array(Self.memo.utf8)
        let subject = Array("subject: ".utf8)
        let i = (0..<bytes.count).first { bytes[$0...].starts(with: subject) }! + subject.count
        bytes.insert(0x01, at: i)
        let err = CaseFolder(bytes: bytes).refused()
        #expect(err.contains("doc.yaml:5:12: the invisible control character U+0001 cannot be in a document; delete it"), "\(err)")
    }

    @Test func tabsAndWindowsLineBreaksPrintAsWritten() throws {
        let unix = CaseFolder(Self.memo.replacingOccurrences(of: "    - ข้อความ", with: "    - \"ข้อความแรก\\nข้อความสอง\\tท้าย\""))
        let windows = CaseFolder(Self.memo.replacingOccurrences(of: "    - ข้อความ", with: "    - \"ข้อความแรก\\r\\nข้อความสอง\\tท้าย\""))
        let a = Probe.pages(unix.rendered()), b = Probe.pages(windows.rendered())
        // CR LF is one line break, as LF is: the same words at the same places.
        #expect(a.map { $0.words.map(\.description) } == b.map { $0.words.map(\.description) })
        #expect(a[0].text.contains("ข้อความแรก") && a[0].text.contains("ข้อความสอง"))
    }

    // MARK: - 3. Files that are not regular files

    @Test func aFIFONamedAnywhereIsRefusedNotWaitedOn() {
        let sig = CaseFolder(Self.memo + "\n  signature:\n    name: นายสมชาย ใจดี\n    image: sig.png\n")
        #expect(mkfifo(sig.dir + "/sig.png", 0o644) == 0)
        #expect(sig.refused().contains("doc.yaml:11:12: signature 'image' (ภาพลายมือชื่อ)"))

        let table = CaseFolder(Self.memo + "\nattachments:\n  - title: ก\n    content:\n      - table: { source: t.csv }\n")
        #expect(mkfifo(table.dir + "/t.csv", 0o644) == 0)
        let err = table.refused()
        #expect(err.contains("doc.yaml:12:26: 'source' (แฟ้มข้อมูล): source file 't.csv' is not a regular file"), "\(err)")

        let doc = CaseFolder("")
        #expect(mkfifo(doc.dir + "/pipe.yaml", 0o644) == 0)
        let r = doc.saraban(["check", "pipe.yaml"])
        #expect(r.code == 1 && r.err.contains("pipe.yaml: cannot read the document file: 'pipe.yaml' is not a regular file"), "\(r.err)")
    }

    // MARK: - 4. Required keys left empty

    @Test(arguments: [("  to: นายก", "  to:", "doc.yaml:6:6: 'to' (เรียน) is empty"),
                      ("  to: นายก", "  to: \"\"", "doc.yaml:6:7: 'to' (เรียน) is empty"),
                      ("  agency: องค์การบริหารส่วนตำบลหินเหล็กไฟ", "  agency: \"   \"", "doc.yaml:2:11: 'agency' (ส่วนราชการ) is empty")])
    func anEmptyRequiredKeyIsNamed(line: String, with empty: String, message: String) {
        let yaml = Self.memo.replacingOccurrences(of: "  to: นายกองค์การบริหารส่วนตำบลหินเหล็กไฟ", with: "  to: นายก")
            .replacingOccurrences(of: line, with: empty)
        let err = CaseFolder(yaml).refused()
        #expect(err.contains(message), "\(err)")
        #expect(err.contains("ว่างอยู่ ต้องเขียนข้อความต่อจากเครื่องหมาย :"))
    }

    // MARK: - 7. The output file

    @Test func specialFilesAreNotReplacedAndDashIsStandardOutput() throws {
        let c = CaseFolder(Self.memo)
        #expect(mkfifo(c.dir + "/fifo.pdf", 0o644) == 0)
        let fifo = c.saraban(["render", "doc.yaml", "-o", "fifo.pdf"])
        #expect(fifo.code == 1 && fifo.err.contains("fifo.pdf: cannot write the PDF: it is a device or special file, not a regular file"), "\(fifo.err)")
        var info = stat()
        #expect(lstat(c.dir + "/fifo.pdf", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        try FileManager.default.createDirectory(atPath: c.dir + "/folder.pdf", withIntermediateDirectories: false)
        #expect(c.saraban(["render", "doc.yaml", "-o", "folder.pdf"]).err.contains("it is a folder"))

        // A link to a regular file is written through; the link stays a link.
        FileManager.default.createFile(atPath: c.dir + "/real.pdf", contents: Data("old".utf8))
        try FileManager.default.createSymbolicLink(atPath: c.dir + "/link.pdf", withDestinationPath: "real.pdf")
        #expect(c.saraban(["render", "doc.yaml", "-o", "link.pdf"]).code == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: c.dir + "/link.pdf") == "real.pdf")
        #expect(FuzzRunner.validPDF(c.dir + "/real.pdf"))

        // `-o -`: the same bytes on standard output.
        let out = run(Probe.saraban, ["render", c.dir + "/doc.yaml", "-o", "-"])
        #expect(out.code == 0)
        let file = try Data(contentsOf: URL(fileURLWithPath: c.dir + "/real.pdf"))
        #expect(Data(out.out.utf8).count > 0 && out.out.hasPrefix("%PDF-"))
        #expect(out.out.utf8.count == String(decoding: file, as: UTF8.self).utf8.count)
    }

    @Test func aPreviewTooLargeForAnImageIsRefused() {
        let c = CaseFolder(Self.memo + "\nstyle:\n  page:\n    width: 200in\n")
        let r = c.saraban(["preview", "doc.yaml", "-o", "pages", "--dpi", "600"])
        #expect(r.code == 1 && r.err.contains("--dpi 600.0: the page would be 120000×7016 pixels, more than a preview may have"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: c.dir + "/pages"))
    }

    // MARK: - 8. Sizes

    @Test func filesOverTheLimitsAreRefusedWithoutReadingThem() throws {
        let big = CaseFolder(Self.memo + "\nattachments:\n  - title: ก\n    content:\n      - table: { source: big.csv }\n")
        for name in ["huge.yaml", "big.csv"] {
            let fd = open(big.dir + "/" + name, O_WRONLY | O_CREAT, 0o644)
            #expect(ftruncate(fd, 2 << 30) == 0)
            close(fd)
        }
        let doc = big.saraban(["check", "huge.yaml"])
        #expect(doc.code == 1 && doc.err.contains("huge.yaml: cannot read the document file: 'huge.yaml' is larger than 8 MiB"), "\(doc.err)")
        #expect(big.refused().contains("doc.yaml:12:26: 'source' (แฟ้มข้อมูล): source file 'big.csv' is larger than 16 MiB"))
    }

    @Test func aTextOverOneMebibyteIsRefusedAtItsLine() {
        let long = String(repeating: "ทดสอบ ", count: 70_000)
        let doc = CaseFolder(Self.memo.replacingOccurrences(of: "    - ข้อความ", with: "    - ข้อความ\n    - \(long)"))
        let err = doc.refused()
        #expect(err.contains("doc.yaml:9:7: 'paragraph' (ย่อหน้า) is 1093 KiB of text, more than one text may hold (1 MiB); split it into several paragraphs"), "\(err.prefix(300))")

        let cell = String(repeating: "ก", count: 400_000)
        let table = CaseFolder(Self.memo + "\nattachments:\n  - title: ก\n    content:\n      - table: { source: t.csv }\n",
                               files: ["t.csv": Data("ก,ข\nหนึ่ง,\(cell)\n".utf8)])
        #expect(table.refused().contains("doc.yaml:12:26: 'source' (แฟ้มข้อมูล): row 1 of t.csv (line 2), column 'ข' is 1171 KiB of text"))
    }

    @Test func aTableOverTheRowLimitAndADocumentOverThePageLimitAreRefused() {
        let rows = (1...20_001).map { "\($0),ก" }.joined(separator: "\n")
        let table = CaseFolder(Self.memo + "\nattachments:\n  - title: ก\n    content:\n      - table: { source: t.csv }\n",
                               files: ["t.csv": Data("ลำดับ,ชื่อ\n\(rows)\n".utf8)])
        #expect(table.refused().contains("doc.yaml:12:26: the table has 20001 rows, more than a table may have (20000)"))

        // At 200 pt a page holds a few words: 40,000 of them run far past 2,000 pages.
        let words = String(repeating: "ทดสอบ ", count: 40_000)
        let long = CaseFolder(Self.memo.replacingOccurrences(of: "    - ข้อความ", with: "    - \(words)") + "\nstyle:\n  text:\n    size: 200pt\n")
        let err = long.refused()
        #expect(err.contains("doc.yaml:2:3: with the memo the document runs past 2000 pages, the most one document may have"), "\(err.prefix(300))")
    }

    @Test func aPastedMegabyteOfThaiRenders() throws {
        let prose = "ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติได้กำหนดให้หน่วยงานภาครัฐทุกหน่วยงานเข้าร่วมการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ "
        let text = "เริ่มต้น " + String(repeating: prose, count: 2_200) + "สุดท้าย"
        #expect(text.utf8.count > 1_000_000 && text.utf8.count < 1 << 20)
        let pdf = CaseFolder(Self.memo.replacingOccurrences(of: "    - ข้อความ", with: "    - \(text)")).rendered()
        let pages = Probe.pages(pdf)
        #expect(pages.count > 200)
        #expect(pages[0].text.contains("เริ่มต้น") && pages.last!.text.contains("สุดท้าย"))
    }

    // MARK: - 9. Messages

    @Test func aByteThatIsNotUTF8IsNamedByLineColumnAndOffset() {
        var bytes = Array(Self.memo.utf8)
        let subject = Array("subject: ทด".utf8)
        let i = (0..<bytes.count).first { bytes[$0...].starts(with: subject) }! + subject.count
        bytes[i + 1] = 0x41 // ส is E0 B8 AA: its lead byte is left without its continuation
        let err = CaseFolder(bytes: bytes).refused()
        #expect(err.contains("doc.yaml:5:14: the document file is not UTF-8 text: byte 0xE0 at byte offset \(i) (line 5, column 14); save it as UTF-8"), "\(err)")

        let tis620: [UInt8] = Array("memo:\n  agency: ".utf8) + [0xCA, 0xC1, 0xA4, 0xC3] + Array("\n".utf8) // สมคร
        let old = CaseFolder(bytes: tis620).refused()
        #expect(old.contains("doc.yaml:2:11:") && old.contains("(it looks like Thai saved as TIS-620 or Windows-874)"), "\(old)")
    }

    @Test func aDuplicateKeyIsOneLineWithoutTheFile() {
        let err = CaseFolder(Self.memo + "\n  to: อีกครั้ง\n").refused()
        #expect(err == "doc.yaml:6:3: the key 'to' is written more than once in this mapping; keep one / หัวข้อ 'to' (เรียน) เขียนซ้ำมากกว่าหนึ่งครั้งในชุดเดียวกัน ให้เหลือไว้เพียงหนึ่ง\n", "\(err)")
    }

    @Test func numbersAreCalledNumbers() {
        let doc = Self.memo + """

          comments:
            - { title: ความเห็น, lines: [1] }
        attachments:
          - title: ก
            content:
              - table: { columns: [{ title: ก, width: [1] }], rows: [] }
              - chart: { max: { a: 1 }, data: { ก: [5] } }
        """
        let err = CaseFolder(doc).refused()
        #expect(err.contains("doc.yaml:10:33: 'lines' (จำนวนบรรทัด) should be a whole number, found a list"), "\(err)")
        #expect(err.contains("doc.yaml:14:47: 'width' (ความกว้าง) should be a number, found a list"), "\(err)")
        #expect(err.contains("doc.yaml:15:23: 'max' (ค่าสูงสุดของมาตราส่วน) should be a number, found a mapping"), "\(err)")
        #expect(err.contains("doc.yaml:15:44: 'data' (ข้อมูล) should be a number, found a list"), "\(err)")
        #expect(!err.contains("should be text"))
    }
}
