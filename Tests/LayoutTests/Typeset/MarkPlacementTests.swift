import Foundation
import Testing
@testable import Typeset

/// Thai marks stack without colliding in Laksaman, Google's Sarabun and a Laksaman stripped of its
/// OpenType layout tables (HarfBuzz's Thai fallback must place those). The fonts are built by
/// `make test` into .build/test-fonts (Scripts/test-fonts.py).
@Suite struct MarkPlacementTests {
    static let fontDir: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let dir = root + "/.build/test-fonts"
        _ = FontSystem.registerFontDirectory(dir)
        return dir
    }()

    static let stacks = "ปั้น ฟ้า ฝั่ง ป่ำ ที่ ที้ กี่ กี๊ เยิ้ม ลิ้น หนี้ น้ำ จ่ำ จ้ำ กิ๋ ดื๋อ กั๋ รุ่ง ปู่ ตุ๊กตา ปี่ ฟื้น ฝ้าย ฟ้อง ฬ่า ค่ำ ช้ำ"

    @Test(arguments: ["Laksaman", "Sarabun", "Laksaman NoLayout"])
    func stackedMarksDoNotCollide(family: String) throws {
        #expect(FileManager.default.fileExists(atPath: Self.fontDir + "/LaksamanNoLayout.ttf"), "run `make test` to build the test fonts")
        let fonts = FontSystem()
        #expect(fonts.installedFamily(family) == family, "\(family) is installed")
        let spec = FontSpec(family: family, size: 48)
        let text = Self.stacks
        let shaped = Shaper(fonts).shape(text, spans: [StyleSpan(range: 0..<text.unicodeScalars.count, font: spec)])
        #expect(shaped.fonts.allSatisfy { $0.family == family }, "no fallback font needed")
        // Place glyphs as the painter does and collect each grapheme's mark boxes.
        var x = 0.0
        var boxes: [(scalar: Int, box: (Double, Double, Double, Double), mark: Bool)] = []
        for g in shaped.glyphs {
            let ink = shaped.fonts[g.font].inkBox(g.id)
            boxes.append((g.scalar, (x + g.xOffset + ink.x, g.yOffset + ink.y, ink.width, ink.height), g.advance == 0 && ink.width > 0))
            x += g.advance
        }
        var pairs = 0
        for i in boxes.indices where boxes[i].mark {
            for j in boxes.indices where j > i && boxes[j].mark && abs(boxes[j].scalar - boxes[i].scalar) <= 3 {
                let a = boxes[i].box, b = boxes[j].box
                let w = min(a.0 + a.2, b.0 + b.2) - max(a.0, b.0)
                let h = min(a.1 + a.3, b.1 + b.3) - max(a.1, b.1)
                // Two marks over one base: they may touch, but one sits above the other.
                if w > 0 { pairs += 1; #expect(h < 0.08 * spec.size, "\(family): marks of '\(shaped.substring(boxes[i].scalar..<min(shaped.count, boxes[i].scalar + 3)))' overlap by \(h) pt") }
            }
        }
        #expect(pairs >= 10, "stacked pairs checked: \(pairs)")
    }
}

/// SARA AM is drawn with the font's own ำ glyph (one glyph, one character) unless a tone mark
/// stands between its parts, where HarfBuzz's decomposition must stay.
@Test func saraAmIsOneGlyphWithoutATone() throws {
    let fonts = FontSystem()
    let spec = FontSpec(family: "Laksaman", size: 16)
    func glyphsOfAm(_ text: String) -> [Glyph] {
        let s = Shaper(fonts).shape(text, spans: [StyleSpan(range: 0..<text.unicodeScalars.count, font: spec)])
        let am = try! #require(s.scalars.firstIndex { $0.value == 0x0E33 })
        return s.glyphs.filter { $0.scalar == am }
    }
    let plain = glyphsOfAm("ดำเนินการ")
    let font = try #require(fonts.primaryFont(spec))
    #expect(plain.count == 1 && plain[0].id == font.nominalGlyph(0x0E33), "ดำ: one glyph, the font's ำ")
    #expect(glyphsOfAm("น้ำ").isEmpty, "น้ำ: the tone joins the cluster; HarfBuzz's order is kept")
}
