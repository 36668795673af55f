import Foundation
import Testing
@testable import Batch

/// Pieces of the batch that need no rendering: names, tags, hashes, HTML.
struct BatchUnitTests {
    @Test func safeNames() {
        #expect(FileName.pdf("../../x") == "_.._x.pdf")
        #expect(FileName.pdf("..") == nil)
        #expect(FileName.pdf("a\u{0}b\nc") == "a_b_c.pdf")
        #expect(FileName.pdf("รายงาน อบต.ก.pdf") == "รายงาน อบต.ก.pdf")
        #expect(FileName.number(7, of: 1000) == "0007.pdf")
        #expect(FileName.pdf(String(repeating: "ก", count: 300))!.utf8.count <= FileName.maxBytes + 4)
    }

    @Test func columnsOutsideSections() {
        #expect(Template.topLevelNames("{{a}} {{#rows}}{{b}}{{/rows}} {{{c}}} {{^d}}x{{/d}} {{e.f}} {{! note}}") == ["a", "rows", "c", "d", "e"])
    }

    @Test func sha256KnownAnswers() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(SHA256.hex(Data("abc".utf8), portable: true) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data(repeating: 0x61, count: 1000), portable: true) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        // The processor's SHA instructions (when it has them) and the portable code agree, on
        // lengths around the block size and on a document-sized input fed in pieces.
        var bytes = [UInt8]()
        var x: UInt32 = 2463534242
        for _ in 0..<70_001 { x ^= x << 13; x ^= x >> 17; x ^= x << 5; bytes.append(UInt8(truncatingIfNeeded: x)) }
        for n in [0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 70_001] {
            let d = Data(bytes[0..<n])
            #expect(SHA256.hex(d) == SHA256.hex(d, portable: true), "\(n) bytes")
        }
        var pieces = SHA256()
        for start in stride(from: 0, to: bytes.count, by: 4093) { pieces.update(Data(bytes[start..<min(start + 4093, bytes.count)])) }
        #expect(pieces.hex() == SHA256.hex(Data(bytes), portable: true))
    }

    @Test func indexEscapesAndHasNoScripts() {
        let e = ManifestEntry(row: 1, file: "a&<b> #1.pdf", key: [:], status: .ok, pages: 2, bytes: 2048, sha256: nil,
                              thumbnail: "thumbnails/a&<b> #1.png", title: "<script>x</script>", unit: "หน่วย", date: "๕ มีนาคม ๒๕๖๙",
                              error: nil, input: "")
        let html = IndexPage(manifest: Manifest(saraban: "0", template: "t", data: "d", documents: [e])).html
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;") && html.contains("href=\"a%26%3Cb%3E%20%231.pdf\""))
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("lang=\"th\""))
    }
}
