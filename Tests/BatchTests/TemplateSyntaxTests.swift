import Foundation
import Testing
@testable import Batch

/// Mustache tags YAML cannot read unquoted: the batch says where and how to fix it; a tag that
/// is a whole value is read as the tag, in block style and inside a flow list.
@Suite struct TemplateSyntaxTests {
    static let memo = """
    memo:
      agency: องค์การบริหารส่วนตำบล{{unit}}
      ref: ปข ๗๕๐๐๑/๓๘๙
      subject: ทดสอบ
      to: นายก{{unit}}
      body:
        - ข้อความ
    attachments:
      - title: ตาราง
        content:
          - table:
              columns: [ { title: ตัวชี้วัด, width: 1 }, { title: ผล, width: 1 } ]
              rows:
                - ROW
    """

    func run(_ row: String, agency: String = "องค์การบริหารส่วนตำบล{{unit}}") -> (out: String, err: String, code: Int32, dir: String) {
        let dir = BatchProbe.tempDir()
        let template = dir + "/template.yaml"
        let text = Self.memo.replacingOccurrences(of: "- ROW", with: row)
            .replacingOccurrences(of: "agency: องค์การบริหารส่วนตำบล{{unit}}", with: "agency: " + agency)
        try! text.write(toFile: template, atomically: true, encoding: .utf8)
        let data = BatchProbe.csv(in: dir, ["unit,file", "หินเหล็กไฟ,a"])
        let r = BatchProbe.batch(["--data", data, "--template", template, "--out", dir + "/out", "--quiet"])
        return (r.out, r.err, r.code, dir)
    }

    @Test func aTagInsideAFlowListGivesTheLineAndTheFix() {
        let r = run("- [ \"ตัวชี้วัดที่ ๑\", งานของ {{unit}} ดี ]")
        #expect(r.code == 1)
        #expect(r.err.contains("template.yaml:14:"), "\(r.err)")
        #expect(r.err.contains("line 14: a Mustache tag inside a YAML flow list [ … ] must be in a quoted string"), "\(r.err)")
        #expect(r.err.contains("- [ \"ตัวชี้วัดที่ ๑\", \"งานของ {{unit}} ดี\" ]"), "the line rewritten: \(r.err)")
        #expect(r.err.contains("or write the list in block style"))
        #expect(r.err.contains("บรรทัด 14: แท็ก Mustache ในรายการแบบวงเล็บ"), "\(r.err)")
        #expect(BatchProbe.files(r.dir + "/out", ext: ".pdf").isEmpty)
    }

    /// The fix the hint gives renders.
    @Test func theHintsFixRenders() {
        let r = run("- [ \"ตัวชี้วัดที่ ๑\", \"งานของ {{unit}} ดี\" ]")
        #expect(r.code == 0, "\(r.err)")
        let text = BatchProbe.text(r.dir + "/out/a.pdf").filter { !$0.isWhitespace }
        #expect(text.contains("งานของหินเหล็กไฟดี"), "\(text)")
    }

    @Test func aValueStartingWithATagSaysToQuoteIt() {
        let r = run("- [ \"ก\", \"ข\" ]", agency: "{{unit}} ดี")
        #expect(r.code == 1)
        #expect(r.err.contains("template.yaml:2:"), "\(r.err)")
        #expect(r.err.contains("line 2: a value that starts with a Mustache tag must be in quotes"), "\(r.err)")
    }

    /// `{{unit}}` alone, unquoted, as a list item or a value: read as the tag.
    @Test func aWholeTagUnquotedIsTheTag() {
        let r = run("- [ \"ตัวชี้วัดที่ ๑\", {{unit}} ]\n            - [ {{unit}}, \"ข\" ]")
        #expect(r.code == 0, "\(r.err) \(r.out)")
        let text = BatchProbe.text(r.dir + "/out/a.pdf")
        #expect(text.components(separatedBy: "หินเหล็กไฟ").count - 1 >= 4, "\(text)")
    }

    @Test func flowItemsAreQuotedOnlyWhereTheyHoldATag() {
        #expect(TemplateSyntax.quoteFlowItems("  - [ a, b {{x}} c, \"d {{y}}\" ]") == "  - [ a, \"b {{x}} c\", \"d {{y}}\" ]")
        #expect(TemplateSyntax.quoteFlowItems("x: [ [ {{a}} b ], c ]") == "x: [ [ \"{{a}} b\" ], c ]")
        #expect(TemplateSyntax.hint(for: "  agency: \"{{unit}}\"") == nil, "a quoted tag needs no hint")
    }
}
