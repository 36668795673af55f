import Testing
@testable import Typeset
@testable import Layout

@Test func probe() {
    let fs = FontSystem()
    let f = fs.primaryFont(FontSpec(family: "Laksaman", size: 16))!
    print("metrics", f.ascent, f.descent, f.lineHeight, f.file ?? "-")
    let b = fs.primaryFont(FontSpec(family: "Laksaman", size: 29, bold: true))!
    print("bold29", b.ascent, b.descent, b.lineHeight, b.file ?? "-")
    let s = Shaper(fs).shape("ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ หน่วยงาน", spans: [StyleSpan(range: 0..<65, font: FontSpec(family: "Laksaman", size: 16))])
    var out = ""
    for (i, c) in s.scalars.enumerated() { if s.lineBreak[i] { out += "|" }; out.unicodeScalars.append(c) }
    print(out, s.glyphs.count, s.width(0..<s.count))
}
