/// Edits of an embedded TrueType (sfnt) font program.
enum FontProgram {
    /// The font with another units-per-em in its `head` table, checksums mended; nil if the bytes
    /// are not an sfnt with a `head` table. Outlines keep their coordinates, so at a font size
    /// `newUnits / oldUnits` times larger the glyphs are inked exactly as before.
    static func withUnitsPerEm(_ font: [UInt8], _ unitsPerEm: Int32) -> [UInt8]? {
        guard font.count >= 12, (16...16384).contains(unitsPerEm) else { return nil }
        var f = font
        func u16(_ at: Int) -> Int { Int(f[at]) << 8 | Int(f[at + 1]) }
        func u32(_ at: Int) -> UInt32 { UInt32(f[at]) << 24 | UInt32(f[at + 1]) << 16 | UInt32(f[at + 2]) << 8 | UInt32(f[at + 3]) }
        func put32(_ at: Int, _ v: UInt32) { for k in 0..<4 { f[at + k] = UInt8(truncatingIfNeeded: v >> (24 - 8 * k)) } }
        func checksum(_ start: Int, _ length: Int) -> UInt32 {
            var sum: UInt32 = 0, i = start
            while i < start + length {
                var word: UInt32 = 0
                for k in 0..<4 { word = word << 8 | UInt32(i + k < start + length ? f[i + k] : 0) }
                sum &+= word; i += 4
            }
            return sum
        }
        let tables = u16(4)
        guard f.count >= 12 + 16 * tables else { return nil }
        for t in 0..<tables {
            let record = 12 + 16 * t
            guard f[record] == 0x68, f[record + 1] == 0x65, f[record + 2] == 0x61, f[record + 3] == 0x64 else { continue } // "head"
            let offset = Int(u32(record + 8)), length = Int(u32(record + 12))
            guard length >= 54, offset + length <= f.count else { return nil }
            f[offset + 18] = UInt8(unitsPerEm >> 8); f[offset + 19] = UInt8(unitsPerEm & 0xFF)
            put32(offset + 8, 0)
            put32(record + 4, checksum(offset, length))
            put32(offset + 8, 0xB1B0_AFBA &- checksum(0, f.count))
            return f
        }
        return nil
    }
}
