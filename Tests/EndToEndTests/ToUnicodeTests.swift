import Foundation
import Testing
@testable import Typeset

/// The text a PDF gives for each glyph is standard Thai: Laksaman's private-use variants of
/// lowered and shifted marks (U+F70A is ่ lowered) are mapped back to the marks they are.
@Suite struct ToUnicodeTests {
    @Test func cmapDestinationsAreRewritten() throws {
        let cmap = "1 beginbfchar\n<0008> <f70b>\n<0009> <0e2d>\n<000f> <f70a>\nendbfchar"
        let fixed = String(decoding: try #require(ToUnicodeRepair.fixCMap(cmap)), as: UTF8.self)
        #expect(fixed == "1 beginbfchar\n<0008> <0e49>\n<0009> <0e2d>\n<000f> <0e48>\nendbfchar")
        #expect(ToUnicodeRepair.fixCMap("<0009> <0e2d>") == nil, "nothing to change: the file stays as cairo wrote it")
    }

    /// Every ToUnicode map in its latest version (after the incremental update) is free of U+F7xx.
    @Test func examplePDFHasNoPrivateUseText() throws {
        let pdf = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Probe.render(path: Probe.root + "/Templates/examples/hinlekfai.yaml"))))
        let objects = ToUnicodeRepair.toUnicodeObjects(pdf)
        #expect(!objects.isEmpty)
        var sawRepair = false
        for n in objects {
            // The last definition of the object wins in a PDF with incremental updates.
            let key = Array("\n\(n) 0 obj".utf8)
            let at = try #require(ToUnicodeRepair.lastIndex(key, in: pdf))
            if at != ToUnicodeRepair.find(key, in: pdf, from: 0) { sawRepair = true }
            let tail = Array(pdf[at...])
            let body = try #require(ToUnicodeRepair.streamBody(tail, object: n))
            let cmap = try #require(ToUnicodeRepair.inflate(body))
            #expect(!cmap.lowercased().contains("<f7"), "object \(n) still maps to private-use code points")
        }
        #expect(sawRepair, "Laksaman's lowered marks occur in the example, so a map was repaired")
        #expect(run("/usr/bin/pdfinfo", [try Probe.render(path: Probe.root + "/Templates/examples/hinlekfai.yaml")]).code == 0)
    }
}
