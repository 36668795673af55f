import Foundation
import Testing

/// The file itself: its dictionaries sit in compressed object streams and its cross-reference
/// table is a stream. poppler complains on standard error about any object it cannot find where
/// the table says (and rebuilds the table); it must have nothing to say about Saraban's files.
@Suite struct PDFStructureTests {
    static let examples = ["hinlekfai", "long-memo", "measures-6-months"]

    @Test(arguments: examples) func popplerFindsEveryObjectWhereTheTableSays(document: String) throws {
        let pdf = try Probe.render(path: Probe.root + "/Templates/examples/\(document).yaml")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.range(of: Data("/Type /ObjStm".utf8)) != nil)
        #expect(bytes.range(of: Data("/Type /XRef".utf8)) != nil)
        let info = run("/usr/bin/pdfinfo", [pdf])
        #expect(info.code == 0 && info.err.isEmpty, "pdfinfo: \(info.err)")
        let pages = Int(info.out.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        #expect(pages >= 3)
        let dir = Probe.tempDir()
        let raster = run("/usr/bin/pdftoppm", ["-r", "10", "-gray", pdf, dir + "/p"])
        #expect(raster.code == 0 && raster.err.isEmpty, "pdftoppm: \(raster.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).count == pages)

        // The check can fail: with the table's position off by one, poppler says so.
        var broken = bytes
        let tail = broken.range(of: Data("startxref\n".utf8), options: .backwards)!
        let digit = tail.upperBound
        broken[digit] = broken[digit] == UInt8(ascii: "9") ? UInt8(ascii: "8") : broken[digit] + 1
        let bad = dir + "/broken.pdf"
        try broken.write(to: URL(fileURLWithPath: bad))
        #expect(!run("/usr/bin/pdfinfo", [bad]).err.isEmpty)
    }

    /// Each font program (one per font file) has a name and a subset tag of its own.
    @Test func everyFontProgramHasItsOwnName() throws {
        let pdf = try Probe.render(path: Probe.root + "/Templates/examples/hinlekfai.yaml")
        let names = run("/usr/bin/pdffonts", [pdf]).out.split(separator: "\n").dropFirst(2).map { String($0.split(separator: " ")[0]) }
        // Laksaman and Laksaman-Bold, each a subset with a tag of its own.
        #expect(names.filter { $0.contains("+Laksaman") }.count >= 2, "\(names)")
        #expect(names.allSatisfy { $0.range(of: "^[A-Z]{6}\\+", options: .regularExpression) != nil }, "\(names)")
        #expect(Set(names).count == names.count, "\(names)")
        #expect(Set(names.map { $0.prefix(6) }).count == names.count, "every subset tag differs: \(names)")
    }
}
