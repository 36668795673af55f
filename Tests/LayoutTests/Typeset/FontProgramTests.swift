import Foundation
import Testing
@testable import Typeset

/// Text declared larger than it is drawn is embedded with a font program whose units per em are
/// larger by the same factor: the `head` table changes and nothing else, checksums mended.
@Suite struct FontProgramTests {
    static func u16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) << 8 | Int(b[at + 1]) }
    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 << 8 | UInt32(b[at + $1]) } }
    static func sum(_ b: [UInt8], _ start: Int, _ length: Int) -> UInt32 {
        stride(from: start, to: start + length, by: 4).reduce(UInt32(0)) { acc, i in
            acc &+ (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(i + $1 < start + length ? b[i + $1] : 0) }
        }
    }
    /// The head table's record: (record offset, table offset, table length).
    static func head(_ b: [UInt8]) -> (Int, Int, Int)? {
        for t in 0..<u16(b, 4) {
            let r = 12 + 16 * t
            if b[r..<(r + 4)].elementsEqual("head".utf8) { return (r, Int(u32(b, r + 8)), Int(u32(b, r + 12))) }
        }
        return nil
    }

    @Test func unitsPerEmChangesAndTheChecksumsStayValid() throws {
        let fonts = FontSystem()
        let file = try #require(fonts.primaryFont(FontSpec(family: "Laksaman", size: 14))?.file)
        let font = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let old = Self.u16(font, try #require(Self.head(font)).1 + 18)
        let scaled = try #require(FontProgram.withUnitsPerEm(font, Int32(old * 12 / 10)))
        #expect(scaled.count == font.count)
        let (record, offset, length) = try #require(Self.head(scaled))
        #expect(Self.u16(scaled, offset + 18) == old * 12 / 10)
        // The head table's checksum (taken with checkSumAdjustment as zero), and the whole font's.
        var zeroed = scaled
        for k in 8..<12 { zeroed[offset + k] = 0 }
        #expect(Self.u32(scaled, record + 4) == Self.sum(zeroed, offset, length))
        #expect(Self.sum(scaled, 0, scaled.count) == 0xB1B0_AFBA)
        // Only the head table's record and the head table differ.
        let changed = (0..<font.count).filter { font[$0] != scaled[$0] }
        #expect(changed.allSatisfy { (record..<(record + 16)).contains($0) || (offset..<(offset + length)).contains($0) })
        // Not a font, or units out of range: nothing.
        #expect(FontProgram.withUnitsPerEm(Array("not a font at all".utf8), 1200) == nil)
        #expect(FontProgram.withUnitsPerEm(font, 20_000) == nil)
    }
}
