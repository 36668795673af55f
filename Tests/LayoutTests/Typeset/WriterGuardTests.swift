import Foundation
import Testing
@testable import Layout
@testable import Typeset

/// What layout must never pass on: a number PDF cannot hold, a NUL for Pango. Documents refuse
/// both where they are read; these are the last guards, and they fail safe.
@Suite struct WriterGuardTests {
    @Test func aNumberThatIsNotFiniteIsAnErrorNotGarbage() throws {
        var bytes = PDFBytes()
        bytes.number(.nan)
        bytes.number(.infinity)
        bytes.number(1e300)
        bytes.integer(Int.min)
        #expect(String(decoding: bytes.bytes, as: UTF8.self) == "0000" && bytes.unwritable == 4)

        let canvas = PDFCanvas(metadata: .init(title: "t", author: "a", creator: "c", date: "2026-01-01T00:00:00Z", standard: .none))
        canvas.beginPage(PageSize(width: 595, height: 842))
        canvas.line(from: (0, .nan), to: (10, 10), width: 1)
        canvas.endPage()
        #expect { try canvas.finish() } throws: { error in
            (error as? PDFWriteError)?.description.contains("not a finite number") == true
        }
        let fine = PDFCanvas(metadata: .init(title: "t", author: "a", creator: "c", date: "2026-01-01T00:00:00Z", standard: .none))
        fine.beginPage(PageSize(width: 595, height: 842))
        fine.line(from: (0, 0), to: (10, 10), width: 1)
        fine.endPage()
        #expect(try fine.finish().count > 0)
    }

    @Test func controlCharactersReachingLayoutAreDrawnAsReplacements() {
        let layouter = ParagraphLayouter(fonts: FontSystem())
        let font = FontSpec(family: "Laksaman", size: 16)
        let lines = layouter.layout(InlineText("ก\u{0}ข\u{1}ค", font: font), ParagraphStyle(width: 300))
        #expect(lines.count == 1)
        #expect(lines[0].text == "ก\u{FFFD}ข\u{FFFD}ค")
    }

    /// The look-back bound of the line breaker changes no break of real paragraphs (the corpus,
    /// the examples' paragraphs, at several widths, justified and ragged).
    @Test func theLookBackBoundChangesNoBreak() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var texts = try String(contentsOf: root.appendingPathComponent("Tests/EndToEndTests/Fixtures/thai-corpus.txt"), encoding: .utf8)
            .split(separator: "\n").compactMap { $0.split(separator: "\t").last.map(String.init) }
        for name in ["hinlekfai", "long-memo", "measures-6-months"] {
            let yaml = try String(contentsOf: root.appendingPathComponent("Templates/examples/\(name).yaml"), encoding: .utf8)
            texts += yaml.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count > 80 }
        }
        let fonts = FontSystem()
        let shaper = Shaper(fonts)
        var compared = 0
        for text in texts {
            let shaped = shaper.shape(text, spans: [StyleSpan(range: 0..<text.unicodeScalars.count, font: FontSpec(family: "Laksaman", size: 16))])
            for width in [60.0, 150.0, 453.5, 700.0] {
                for alignment in [Alignment.thaiDistributed, .left] {
                    var style = ParagraphStyle(width: width)
                    style.alignment = alignment
                    style.firstIndent = width > 100 ? 70.9 : 0
                    let bounded = LineBreaker(shaped: shaped, style: style).breaks()
                    let unbounded = LineBreaker(shaped: shaped, style: style, lookBack: .max).breaks()
                    #expect(bounded == unbounded, "\(width) \(alignment): \(text.prefix(40))")
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
    }

    /// Where the bound does act (thousands of candidates in one line: text at a hundredth of a
    /// point), every line still fits.
    @Test func boundedLinesStillFit() {
        let text = String(repeating: "ก ข ", count: 5_000)
        let shaped = Shaper(FontSystem()).shape(text, spans: [StyleSpan(range: 0..<text.unicodeScalars.count, font: FontSpec(family: "Laksaman", size: 0.01))])
        var style = ParagraphStyle(width: 453.5)
        style.alignment = .thaiDistributed
        let breaker = LineBreaker(shaped: shaped, style: style)
        var a = 0
        for b in breaker.breaks() {
            #expect(shaped.width(a..<breaker.end(of: b, from: a)) <= 453.5 + 0.01)
            a = b
        }
        #expect(a == shaped.count)
    }
}
