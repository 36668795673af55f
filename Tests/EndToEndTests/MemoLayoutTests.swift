import Foundation
import Testing
@testable import Documents

/// The hinlekfai memo measured from the real PDF, in points.
@Suite struct MemoLayoutTests {
    static let pdf = try! Probe.render(path: Probe.root + "/Templates/examples/hinlekfai.yaml")
    static let pages = Probe.pages(pdf)
    let left = 3 * Probe.cm, right = 595.28 - 2 * Probe.cm, halfMM = 0.5 * 72 / 25.4

    func word(_ text: String, page: Int = 0) -> PDFWord? { Self.pages[page].words.first { $0.text == text } }

    @Test func labelsSitOnTheLeftMargin() throws {
        for label in ["ส่วนราชการ", "ที่", "เรื่อง", "เรียน"] {
            let w = try #require(word(label), "label \(label) missing")
            #expect(abs(w.xMin - left) <= halfMM, "\(label) at \(w.xMin), margin \(left)")
        }
    }

    @Test func dateStartsAtTheMiddleOfTheTextWidth() throws {
        let w = try #require(word("วันที่"))
        #expect(abs(w.xMin - (left + (right - left) / 2)) <= halfMM)
        let ref = try #require(word("ที่"))
        #expect(abs(ref.yMin - w.yMin) < 1, "ที่ and วันที่ on one line")
    }

    @Test func titleIsCentredAndLarger() throws {
        let t = try #require(word("บันทึกข้อความ"))
        #expect(abs((t.xMin + t.xMax) / 2 - (left + right) / 2) < 1)
        // Box heights scale with font size: title 29 pt against the 16 pt value text.
        let v = try #require(Self.pages[0].words.first { $0.text.hasPrefix("งานนิติการ") })
        let ratio = (t.yMax - t.yMin) / (v.yMax - v.yMin)
        #expect(abs(ratio - 29.0 / 16.0) < 0.05, "ratio \(ratio)")
        // The title's baseline (the lowest inked row above the emblem's foot: บันทึกข้อความ has no
        // descenders) lies in the lower half of the 1.5 cm emblem whose top is 1.5 cm from the edge,
        // and no ink of the title reaches below the emblem's foot.
        let gray = try #require(GrayPage.load(Self.pdf, page: 1))
        let rows = (Int(t.yMin)..<Int(3 * Probe.cm)).filter { gray.darkPixels(x: t.xMin, y: Double($0), width: t.xMax - t.xMin, height: 1) > 0 }
        let baseline = Double(try #require(rows.max()))
        #expect(baseline >= 2.25 * Probe.cm - 1 && baseline <= 3 * Probe.cm - 2, "baseline \(baseline)")
        #expect(gray.darkPixels(x: t.xMin, y: baseline + 1, width: t.xMax - t.xMin, height: 3 * Probe.cm - baseline - 1) == 0)
    }

    @Test func paragraphsStartAtTheIndent() throws {
        let to = try #require(word("เรียน"))
        let body = Self.pages.enumerated().flatMap { n, p in p.words.filter { n > 0 || $0.yMin > to.yMin + 5 } }
        for start in ["ตามที่", "งานนิติการ", "เพื่อให้"] {
            let w = try #require(body.first { $0.text.hasPrefix(start) }, "\(start)")
            #expect(abs(w.xMin - (left + 2.5 * Probe.cm)) <= halfMM, "\(start) at \(w.xMin)")
        }
    }

    @Test func nothingCrossesTheRightMargin() {
        for (n, page) in Self.pages.enumerated() where page.width < page.height {
            for w in page.words { #expect(w.xMax <= right + 0.5, "page \(n + 1): \(w)") }
            for w in page.words { #expect(w.xMin >= left - 0.5, "page \(n + 1): \(w)") }
        }
    }

    @Test func justifiedLinesEndAtTheRightMargin() {
        // Lines of body paragraphs other than their last reach the right margin.
        var full = 0
        for line in Dictionary(grouping: Self.pages[0].words, by: { Int($0.yMin.rounded()) }).values {
            let end = line.map(\.xMax).max()!
            if end > right - 3 { full += 1; #expect(end > right - 0.6) }
        }
        #expect(full >= 8)
    }

    @Test func metadataNamesSubjectAgencyAndCreator() {
        let info = run("/usr/bin/pdfinfo", [Self.pdf]).out
        #expect(info.contains("Title:           รายงานผลการดำเนินการเพื่อส่งเสริม"))
        #expect(info.contains("Author:          งานนิติการ สำนักปลัด"))
        #expect(info.contains("Creator:         Saraban"))
        let fonts = run("/usr/bin/pdffonts", [Self.pdf]).out
        // Every font embedded and subset: "yes yes" in the emb and sub columns.
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for r in rows { #expect(r.contains("yes yes"), "\(r)") }
    }

    @Test func sameInputGivesSameBytes() throws {
        let again = try Probe.render(path: Probe.root + "/Templates/examples/hinlekfai.yaml")
        #expect(FileManager.default.contents(atPath: again) == FileManager.default.contents(atPath: Self.pdf))
    }
}
