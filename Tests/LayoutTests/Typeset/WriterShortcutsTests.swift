import Foundation
import Testing
@testable import Layout
@testable import Typeset

/// The writer's and layout's shortcuts give exactly what the general code they replace gives.
@Suite struct WriterShortcutsTests {
    @Test func theLetterTableAgreesWithTheStandardLibraryOnEveryScalar() {
        var checked = 0
        for v in UInt32(0)...0x2FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let p = s.properties
            #expect(Letters.isAlphabetic(s) == p.isAlphabetic, "U+\(String(v, radix: 16))")
            #expect(Letters.isLetterOrNumber(s) == (p.isAlphabetic || p.numericType != nil), "U+\(String(v, radix: 16))")
            checked += 1
        }
        #expect(checked > 190_000)
    }

    @Test func theCodeIndexFindsWhatADictionaryFinds() {
        var index = CodeIndex()
        var reference: [String: UInt16] = [:]
        var rng = SystemRandomNumberGenerator()
        var keys: [(UInt32, Int32, UInt64)] = []
        for n in 0..<5_000 {
            // Few glyphs and widths, so keys collide in all but one field.
            let key = (UInt32.random(in: 0..<40, using: &rng), Int32.random(in: -3..<3, using: &rng) * 80,
                       UInt64.random(in: 0..<60, using: &rng) << (21 * UInt64(n % 3)))
            keys.append(key)
            let name = "\(key.0) \(key.1) \(key.2)"
            let found = index.code(glyph: key.0, width: key.1, text: key.2)
            #expect(found == reference[name])
            if found == nil {
                let code = UInt16(reference.count + 1)
                index.insert(glyph: key.0, width: key.1, text: key.2, code: code)
                reference[name] = code
            }
        }
        for key in keys {
            #expect(index.code(glyph: key.0, width: key.1, text: key.2) == reference["\(key.0) \(key.1) \(key.2)"])
        }
        #expect(reference.count > 1_000)
        #expect(index.code(glyph: 99, width: 0, text: 0) == nil)
    }

    @Test func marksStartWhereTheFirstNonspacingMarkAfterTheBaseIs() {
        // Thai letters, vowels, tone marks and digits, Latin, and combining marks of other scripts.
        let scalars: [UInt32] = Array(0x0E01...0x0E5B) + [0x41, 0x20, 0x301, 0x900, 0x93F, 0x941, 0x1F600, 0xE9]
        var checked = 0
        for a in scalars {
            for b in scalars {
                for c in [UInt32(0x0E48), 0x0E49, 0x0E32, 0x0E38, 0x301] {
                    let text = String(String.UnicodeScalarView([a, b, c].compactMap(Unicode.Scalar.init)))
                    let utf8 = Array(text.utf8)
                    var expected = utf8.count
                    var offset = 0
                    for (i, s) in text.unicodeScalars.enumerated() {
                        if i > 0, PDFCanvas.isNonspacingMark(s.value) { expected = offset; break }
                        offset += String(s).utf8.count
                    }
                    let got = utf8.withUnsafeBufferPointer { PDFCanvas.marksStart($0, 0..<utf8.count) }
                    #expect(got == expected, "\(text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 40_000)
    }

    @Test func hexDigitsAndNumbersAreWhatPrintfWrites() {
        for n in stride(from: 0, through: 0xFFFF, by: 7) {
            var b = PDFBytes()
            b.hex4(n)
            #expect(String(decoding: b.bytes, as: UTF8.self) == String(format: "%04X", n))
        }
        for decimals in 1...6 {
            for v in [0.5, 1.2345678, -3.0712, 612.0, 0.000123, 841.889763, -0.04] {
                var b = PDFBytes()
                b.number(v, decimals: decimals)
                var printed = String(format: "%.\(decimals)f", v)
                while printed.contains("."), printed.hasSuffix("0") { printed.removeLast() }
                if printed.hasSuffix(".") { printed.removeLast() }
                if printed == "-0" { printed = "0" }
                #expect(String(decoding: b.bytes, as: UTF8.self) == printed, "\(v) \(decimals)")
            }
        }
    }

    @Test func xmpTextIsEscapedOnceEach() {
        #expect(PDFMetadata.escaped("ก & ข <ค> &amp;") == "ก &amp; ข &lt;ค&gt; &amp;amp;")
        #expect(PDFMetadata.escaped("บันทึกข้อความ") == "บันทึกข้อความ")
        #expect(PDFMetadata.escaped("") == "")
    }
}
