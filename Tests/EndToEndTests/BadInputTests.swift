import Foundation
import Testing

/// Bad documents: one message per problem with file:line:column, key and Thai name; exit 1; no file.
@Suite struct BadInputTests {
    static let good = """
    memo:
      agency: องค์การบริหารส่วนตำบลหินเหล็กไฟ
      ref: ปข ๗๕๐๐๑/๓๘๙
      date: 2026-03-05
      subject: ทดสอบ
      to: นายกองค์การบริหารส่วนตำบลหินเหล็กไฟ
      body:
        - ข้อความ
    """

    /// Runs `saraban render` on the text and returns stderr and exit code, checking no output appeared
    /// and an existing output file was left as it was.
    func render(_ yaml: String, files: [String: Data] = [:]) -> (String, Int32) {
        let dir = Probe.tempDir()
        for (n, d) in files { try! d.write(to: URL(fileURLWithPath: dir + "/" + n)) }
        try! yaml.write(toFile: dir + "/memo.yaml", atomically: true, encoding: .utf8)
        let (_, err, code) = run(Probe.saraban, ["render", dir + "/memo.yaml", "-o", dir + "/out.pdf"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"), "no PDF for bad input")
        let old = Data("old".utf8)
        try! old.write(to: URL(fileURLWithPath: dir + "/keep.pdf"))
        _ = run(Probe.saraban, ["render", dir + "/memo.yaml", "-o", dir + "/keep.pdf"])
        #expect(FileManager.default.contents(atPath: dir + "/keep.pdf") == old, "an existing file stays untouched")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.filter { $0.hasSuffix(".tmp") } ?? []
        #expect(leftovers.isEmpty)
        return (err, code)
    }

    @Test func goodDocumentRenders() {
        let dir = Probe.tempDir()
        try! Self.good.write(toFile: dir + "/memo.yaml", atomically: true, encoding: .utf8)
        let (_, _, code) = run(Probe.saraban, ["render", dir + "/memo.yaml", "-o", dir + "/out.pdf"])
        #expect(code == 0 && FileManager.default.fileExists(atPath: dir + "/out.pdf"))
    }

    @Test func misspeltKeyNamesTheNearestKey() {
        let (err, code) = render(Self.good.replacingOccurrences(of: "  subject:", with: "  subjct:"))
        #expect(code == 1)
        #expect(err.contains("memo.yaml:5:3: 'subjct' is not a memo key (เรื่อง is 'subject')"), "\(err)")
        #expect(err.contains("missing 'subject' (เรื่อง)"))
    }

    @Test func yamlSyntaxErrorGivesItsLine() {
        let (err, code) = render(Self.good + "\n    - \"unclosed\n")
        #expect(code == 1)
        #expect(err.contains("memo.yaml:") && err.contains("YAML syntax error") && err.contains("รูปแบบ YAML ไม่ถูกต้อง"), "\(err)")
    }

    @Test func missingRequiredKey() {
        let (err, code) = render(Self.good.replacingOccurrences(of: "  ref: ปข ๗๕๐๐๑/๓๘๙\n", with: ""))
        #expect(code == 1)
        #expect(err.contains("memo.yaml:2:3: missing 'ref' (ที่), which is required"), "\(err)")
    }

    @Test func wrongType() {
        let (err, code) = render(Self.good.replacingOccurrences(of: "subject: ทดสอบ", with: "subject: [ก, ข]"))
        #expect(code == 1)
        #expect(err.contains("memo.yaml:5:12: 'subject' (เรื่อง) should be text, found a list"), "\(err)")
    }

    @Test func unreadableImageAndUnknownFont() {
        let yaml = Self.good + """

          signature:
            name: นางสาวพิมลวรรณ คุ่มครอง
            image: nothere.png
        style:
          font: No Such Font
          emblem: broken.svg
        """
        let (err, code) = render(yaml, files: ["broken.svg": Data("<svg".utf8)])
        #expect(code == 1)
        #expect(err.contains("memo.yaml:11:12: signature 'image' (ภาพลายมือชื่อ)"), "\(err)")
        #expect(err.contains("memo.yaml:13:9: no font of 'No Such Font' is installed"), "\(err)")
        #expect(err.contains("memo.yaml:14:11: style 'emblem' (ตราครุฑ)"), "\(err)")
        #expect(err.split(separator: "\n").count == 3, "one line per problem")
    }

    @Test func aFIFOAsTheEmblemIsRefusedNotWaitedOn() {
        let dir = Probe.tempDir()
        #expect(mkfifo(dir + "/emblem.png", 0o644) == 0)
        try! (Self.good + "\nstyle:\n  emblem: emblem.png\n").write(toFile: dir + "/memo.yaml", atomically: true, encoding: .utf8)
        let (_, err, code) = run(Probe.saraban, ["check", dir + "/memo.yaml"])
        #expect(code == 1)
        #expect(err.contains("memo.yaml:10:11: style 'emblem' (ตราครุฑ)") && err.contains("is not a regular file"), "\(err)")
    }

    @Test func aPNGHeaderOnGarbageOrAHugeSizeIsAMessage() {
        var huge = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
        huge.append(contentsOf: [0, 0x01, 0, 0, 0, 0x01, 0, 0, 8, 6, 0, 0, 0])
        var garbage = Data(huge.prefix(8))
        garbage.append(Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7) }))
        let yaml = Self.good + "\n  signature:\n    name: นายสมชาย ใจดี\n    image: sig.png\nstyle:\n  emblem: huge.png\n"
        let (err, code) = render(yaml, files: ["sig.png": garbage, "huge.png": huge])
        #expect(code == 1)
        #expect(err.contains("sig.png: a PNG whose data is damaged or cut short"), "\(err)")
        #expect(err.contains("huge.png: a PNG of 65536×65536 pixels, more than 40 million"), "\(err)")
    }

    @Test func emptyFileAndImpossibleDate() {
        let (empty, code) = render("")
        #expect(code == 1 && empty.contains("memo.yaml:1:1: the file is empty"), "\(empty)")
        let (date, code2) = render(Self.good.replacingOccurrences(of: "2026-03-05", with: "2026-13-45"))
        #expect(code2 == 1 && date.contains("memo.yaml:4:9: 'date' (วันที่) '2026-13-45' is not a valid date"), "\(date)")
    }

    @Test func unknownStyleKey() {
        let (err, code) = render(Self.good + "\nstyle:\n  digts: arabic\n")
        #expect(code == 1)
        #expect(err.contains("memo.yaml:10:3: 'digts' is not a style key (did you mean 'digits'?)"), "\(err)")
    }

    @Test func checkValidatesWithoutWriting() {
        let dir = Probe.tempDir()
        try! Self.good.write(toFile: dir + "/ok.yaml", atomically: true, encoding: .utf8)
        try! Self.good.replacingOccurrences(of: "to:", with: "too:").write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        #expect(run(Probe.saraban, ["check", dir + "/ok.yaml"]).code == 0)
        let bad = run(Probe.saraban, ["check", dir + "/bad.yaml"])
        #expect(bad.code == 1 && bad.err.contains("bad.yaml:6:3: 'too' is not a memo key (เรียน is 'to')"), "\(bad.err)")
        #expect(try! FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["bad.yaml", "ok.yaml"])
    }

    @Test func aVeryLongSubjectWrapsAndIsNotClipped() throws {
        let subject = Array(repeating: "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส", count: 20).joined(separator: " ")
        let pdf = try Probe.render(yaml: Self.good.replacingOccurrences(of: "subject: ทดสอบ", with: "subject: \(subject)"))
        let text = Probe.squeeze(Probe.text(pdf))
        #expect(text.components(separatedBy: "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส").count - 1 == 20)
        for page in Probe.pages(pdf) { for w in page.words { #expect(w.xMax <= 595.28 - 2 * Probe.cm + 0.5 && w.yMax <= 842 - 2 * Probe.cm) } }
    }
}
