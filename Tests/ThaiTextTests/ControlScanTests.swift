import Testing
@testable import ThaiText

/// The control-character scan, eight bytes at a time, against the plain byte-by-byte rule.
@Suite struct ControlScanTests {
    static func reference(_ s: String) -> (Bool, Bool) {
        var controls = false, cr = false
        var previous: UInt8 = 0
        for b in s.utf8 {
            if b < 0x20 {
                if b == 0x0D { cr = true } else if b != 0x09 && b != 0x0A { controls = true }
            } else if b == 0x7F || previous == 0xC2 && b >= 0x80 && b <= 0x9F {
                controls = true
            }
            previous = b
        }
        return (controls, cr)
    }

    @Test func everyPlaceOfEverySignalIsFound() {
        // Each signalling character (C0 controls, CR, tab, DEL, C1 controls, and a harmless C2 xx)
        // at every offset of Thai and ASCII texts of lengths around the word size.
        let signals: [String] = ["\u{01}", "\r", "\t", "\n", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "\u{C2}", "é"]
        var checked = 0
        for base in ["กขคงจฉชซ", "abcdefgh", "ก1a ข"] {
            for length in 0...20 {
                let text = String(repeating: base, count: 3).prefix(length)
                for at in 0...text.count {
                    for signal in signals {
                        let s = String(text.prefix(at)) + signal + String(text.dropFirst(at))
                        let got = ControlCharacters.scan(s)
                        let want = ControlScanTests.reference(s)
                        #expect(got.controls == want.0 && got.carriageReturn == want.1, "\(Array(s.utf8))")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 3_000)
        #expect(ControlCharacters.scan(String(repeating: "ก", count: 100) + "\u{85}").controls)
        #expect(!ControlCharacters.scan(String(repeating: "ก", count: 100)).controls)
    }
}
