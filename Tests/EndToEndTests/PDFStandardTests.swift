import Foundation
import Testing

/// PDF/A-3u and PDF/UA-1 as two independent checkers from PyPI see them (page-validation's
/// profiles 3u and ua1, outloud), the structure tree as the file holds it, widths and sizes as the
/// font programs have them. The checkers live in the venv `make test` builds (.build/checkvenv).
@Suite struct PDFStandardTests {
    static let python = Probe.root + "/.build/checkvenv/bin/python"
    static let examples = ["hinlekfai", "long-memo", "measures-6-months"]

    /// Runs one of Scripts/ with the checkers' venv.
    static func script(_ name: String, _ args: [String]) -> (out: String, err: String, code: Int32) {
        #expect(FileManager.default.isExecutableFile(atPath: python), "run `make test` to install the PDF checkers")
        return run(python, [Probe.root + "/Scripts/" + name] + args)
    }

    /// A document with every kind of block: emblem, every header field, heading, paragraphs, a
    /// list, closing, a signature with its image, a comment; an attachment with a heading, a
    /// paragraph, a list, a table with a group row, a rowspan and a colspan, and a chart.
    static func everyBlock() throws -> String {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="60"><rect width="40" height="60" fill="black"/></svg>"#
        let yaml = """
        memo:
          agency: สำนักปลัด องค์การบริหารส่วนตำบลทดสอบ
          phone: "๐ ๓๒๕๒ ๐๐๐๐"
          ref: ทส ๐๐๐๑/๑
          date: 2026-03-05
          subject: ทดสอบทุกส่วนของเอกสาร
          to: นายกองค์การบริหารส่วนตำบลทดสอบ
          references: [หนังสือที่หนึ่ง, หนังสือที่สอง]
          enclosures: [เอกสารแนบหนึ่งชุด]
          body:
            - heading: เรื่องเดิม
            - ตามที่หน่วยงานได้ดำเนินการตามแผนงานประจำปีเรียบร้อยแล้ว
            - list: [รายการแรกของงาน, รายการที่สองของงาน]
          closing: จึงเรียนมาเพื่อโปรดทราบ
          signature:
            name: นางสาวพิมลวรรณ คุ่มครอง
            position: [ผู้ช่วยเจ้าพนักงานธุรการ]
            image: sign.svg
          comments:
            - title: ความเห็นหัวหน้าสำนักปลัด
              name: นายจักริน จิตรโกติน
              position: หัวหน้าสำนักปลัด
        attachments:
          - title: รายงานผลการดำเนินงาน
            orientation: landscape
            content:
              - heading: ผลการดำเนินงาน
              - ย่อหน้าในสิ่งที่แนบ
              - list: [ข้อแรกในสิ่งที่แนบ, ข้อสองในสิ่งที่แนบ]
              - table:
                  columns:
                    - { title: มาตรการ, width: 3 }
                    - { title: ผู้รับผิดชอบ, width: 2 }
                    - { title: ผลการดำเนินงาน, width: 2 }
                  rows:
                    - group: ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่
                    - [{ text: มาตรการแรก, rowspan: 2 }, กองคลัง, ดำเนินการแล้ว]
                    - [กองช่าง, อยู่ระหว่างดำเนินการ]
                    - [{ text: ทุกกองร่วมกัน, colspan: 2 }, ครบถ้วน]
              - chart:
                  kind: bar
                  title: ผลคะแนนรายตัวชี้วัด
                  data: { การปฏิบัติหน้าที่: 99.44, การใช้งบประมาณ: 97.75 }
        style:
          emblem: garuda.svg
        """
        return try Probe.render(yaml: yaml, files: ["sign.svg": Data(svg.utf8), "garuda.svg": Data(svg.utf8)])
    }

    @Test func checkersFindNoFailureInTheExamplesTheCorpusAndEveryBlockKind() throws {
        var pdfs = try Self.examples.map { try Probe.render(path: Probe.root + "/Templates/examples/\($0).yaml") }
        pdfs.append(try Probe.render(yaml: TextExtractionTests.corpusDocument()))
        pdfs.append(try Self.everyBlock())
        let r = Self.script("pdf-check.py", pdfs)
        #expect(r.code == 0, "\(r.out)\(r.err)")
        #expect(r.out.components(separatedBy: "compliant").count - 1 == 2 * pdfs.count, "\(r.out)")
        #expect(r.out.components(separatedBy: "outloud: 0 errors").count - 1 == pdfs.count, "\(r.out)")
    }

    /// The checkers can fail: the same file with its XMP's PDF/A identification removed.
    @Test func checkersNoticeAMissingClaim() throws {
        let pdf = try Probe.render(path: Probe.root + "/Templates/examples/long-memo.yaml")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        let claim = Data("<pdfaid:part>3</pdfaid:part>".utf8)
        let at = try #require(bytes.range(of: claim))
        bytes.replaceSubrange(at, with: Data("<pdfaid:part>0</pdfaid:part>".utf8))
        try bytes.write(to: URL(fileURLWithPath: pdf))
        #expect(Self.script("pdf-check.py", [pdf]).code != 0)
    }

    /// The tree of the every-block document, element by element in document order.
    @Test func structureTreeFollowsTheDocument() throws {
        let tree = Self.script("pdf-tags.py", [try Self.everyBlock()]).out
        let elements = tree.split(separator: "\n").filter { !$0.hasPrefix("artifact") }
        let roles = elements.map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? "" }
        let memo = ["Document", "Part", "Figure", "H1", "P", "P", "P", "P", "P", "P", "P", "H2", "P", "L", "LI", "Lbl", "LBody",
                    "LI", "Lbl", "LBody", "P", "Div", "Figure", "P", "P", "Div", "P", "P", "P"]
        let attachment = ["Part", "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "LI", "Lbl", "LBody",
                          "Table", "THead", "TR", "TH", "TH", "TH", "TBody", "TR", "TD", "TR", "TD", "TD", "TD", "TR", "TD", "TD",
                          "TR", "TD", "TD", "Figure"]
        #expect(roles == memo + attachment, "\(tree)")
        #expect(tree.contains("Figure Alt=ตราครุฑ"))
        #expect(tree.contains("Figure Alt=ลายมือชื่อของ นางสาวพิมลวรรณ คุ่มครอง"))
        #expect(tree.contains("H1 | บันทึกข้อความ"))
        #expect(tree.contains("Lbl | ๑. ") && tree.contains("LBody | รายการแรกของงาน"))
        // Cells under their rows, with their spans; header cells head their columns.
        #expect(tree.contains("TH Scope=Column | มาตรการ"))
        #expect(tree.contains("TD ColSpan=3 | ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่"))
        #expect(tree.contains("TD RowSpan=2 | มาตรการแรก"))
        #expect(tree.contains("TD ColSpan=2 | ทุกกองร่วมกัน"))
        #expect(tree.contains("Figure Alt=ผลคะแนนรายตัวชี้วัด: การปฏิบัติหน้าที่ ๙๙.๔๔; การใช้งบประมาณ ๙๗.๗๕"))
        #expect(!tree.contains("untagged"), "every piece of text is in an element or an artifact")
    }

    /// An example's tree: the memo's parts in order; page numbers, continuation words and the
    /// table's header row repeated on later pages are artifacts, never content.
    @Test func exampleTreeAndArtifacts() throws {
        let pdf = try Probe.render(path: Probe.root + "/Templates/examples/measures-6-months.yaml")
        let tree = Self.script("pdf-tags.py", [pdf]).out
        let lines = tree.split(separator: "\n").map(String.init)
        let firstRoles = lines.prefix(6).map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0] }
        #expect(firstRoles == ["Document", "Part", "H1", "P", "P", "P"], "\(lines.prefix(6))")
        #expect(lines.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Part") }.count == 2)
        // The attachment numbers its own pages: its second page is the file's third.
        #expect(lines.contains { $0.hasPrefix("artifact Pagination/Header page 3 | - ๒ -") })
        let repeated = lines.filter { $0.hasPrefix("artifact Pagination page") }
        #expect(repeated.count >= 10, "the header row on every later table page: \(repeated.count)")
        let header = lines.filter { $0.contains("TH Scope=Column") }
        #expect(!header.isEmpty && header.count == Set(header).count, "the header row is content once: \(header)")
        #expect(!tree.contains("untagged"))
    }

    /// Every code's width is its glyph's advance in the embedded program, and text is declared at
    /// the size it is drawn: the style's sizes, with no scaling in the text matrix.
    @Test(arguments: examples) func widthsAndSizesAreTheFonts(example: String) throws {
        let pdf = try Probe.render(path: Probe.root + "/Templates/examples/\(example).yaml")
        let out = Self.script("pdf-fonts-check.py", [pdf]).out
        #expect(out.contains(" 0 mismatches"), "\(out)")
        #expect(!out.contains("widths: 0 codes"))
        let sizes = out.split(separator: "\n").first { $0.hasPrefix("sizes: ") }?.dropFirst(7).split(separator: " ").compactMap { Double($0) } ?? []
        #expect(!sizes.isEmpty && Set(sizes).isSubset(of: [14, 15, 16, 20, 29]), "\(out)")
        #expect(out.contains("scales: 1\n"), "\(out)")
    }

    /// Same input, same bytes: the identifier comes from the content.
    @Test func sameInputSameBytesWithAnIdentifier() throws {
        let path = Probe.root + "/Templates/examples/long-memo.yaml"
        let a = try Data(contentsOf: URL(fileURLWithPath: try Probe.render(path: path)))
        let b = try Data(contentsOf: URL(fileURLWithPath: try Probe.render(path: path)))
        #expect(a == b)
        #expect(a.range(of: Data("/ID [<".utf8)) != nil)
    }

    /// Without PDF/A (--pdf-standard none, or no sRGB profile) the file is still tagged PDF/UA.
    @Test func noneDropsOnlyThePDFAClaim() throws {
        let pdf = try Probe.render(yaml: BadInputTests.good + "\nstyle:\n  pdf: { standard: none }\n")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.range(of: Data("pdfaid:part".utf8)) == nil)
        #expect(bytes.range(of: Data("/OutputIntents".utf8)) == nil)
        #expect(bytes.range(of: Data("<pdfuaid:part>1</pdfuaid:part>".utf8)) != nil)
        #expect(Self.script("pdf-tags.py", [pdf]).out.hasPrefix("Document\n  Part\n"))
    }

    /// `saraban inspect` (and `saraban check --pdf`) say what a file claims, whether it is tagged, and its fonts.
    @Test func inspectReportsClaimsTaggingAndFonts() throws {
        let pdf = try Probe.render(path: Probe.root + "/Templates/examples/long-memo.yaml")
        let r = run(Probe.saraban, ["inspect", pdf])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("claims: PDF/A-3U, PDF/UA-1"), "\(r.out)")
        #expect(r.out.contains("tagged: yes"), "\(r.out)")
        #expect(r.out.contains("language: th-TH"), "\(r.out)")
        #expect(r.out.contains("+Laksaman: embedded"), "\(r.out)")
        let plain = try Probe.render(yaml: BadInputTests.good + "\nstyle:\n  pdf: { standard: none }\n")
        #expect(run(Probe.saraban, ["check", "--pdf", plain]).out.contains("claims: PDF/UA-1\n"))
        let notPDF = Probe.tempDir() + "/x.pdf"
        try Data("hello".utf8).write(to: URL(fileURLWithPath: notPDF))
        #expect(run(Probe.saraban, ["inspect", notPDF]).code == 1)
    }
}
