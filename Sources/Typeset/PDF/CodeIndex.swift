/// The code of each (glyph, width, short text) already given, in an open-addressing table of
/// plain words: a text run asks for a code at every cluster (about 10,000 times a document), and
/// a Dictionary of a Hashable key spent ~450 instructions a lookup in SipHash. Lookups only:
/// the codes themselves are numbered by `CodeTable` in the order first met, so the bytes of a
/// PDF do not depend on this table.
struct CodeIndex {
    /// Glyph (high half) and width (low half) of each slot's key.
    private var glyphWidth: [UInt64]
    /// The key's text, packed as `PackedKey` packs it.
    private var text: [UInt64]
    /// The code plus one; 0 marks an empty slot.
    private var value: [UInt32]
    private var used = 0
    private var mask = 0

    /// Empty and unallocated (a drawing call swaps a blank table in while it writes a run).
    init() {
        glyphWidth = []
        text = []
        value = []
    }

    private static func slot(_ gw: UInt64, _ t: UInt64, mask: Int) -> Int {
        var h = gw &* 0x9E37_79B9_7F4A_7C15 ^ t &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    private static func pack(_ glyph: UInt32, _ width: Int32) -> UInt64 {
        UInt64(glyph) << 32 | UInt64(UInt32(bitPattern: width))
    }

    /// The code given to the key, if any.
    func code(glyph: UInt32, width: Int32, text t: UInt64) -> UInt16? {
        guard !value.isEmpty else { return nil }
        let gw = CodeIndex.pack(glyph, width)
        var i = CodeIndex.slot(gw, t, mask: mask)
        while value[i] != 0 {
            if glyphWidth[i] == gw, text[i] == t { return UInt16(truncatingIfNeeded: value[i] - 1) }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Records the key's code (the key is not in the table yet).
    mutating func insert(glyph: UInt32, width: Int32, text t: UInt64, code: UInt16) {
        if (used + 1) * 2 > value.count { grow() }
        put(CodeIndex.pack(glyph, width), t, UInt32(code) + 1)
        used += 1
    }

    private mutating func put(_ gw: UInt64, _ t: UInt64, _ v: UInt32) {
        var i = CodeIndex.slot(gw, t, mask: mask)
        while value[i] != 0 { i = (i + 1) & mask }
        glyphWidth[i] = gw
        text[i] = t
        value[i] = v
    }

    private mutating func grow() {
        let old = (glyphWidth, text, value)
        let n = max(512, value.count * 2)
        glyphWidth = [UInt64](repeating: 0, count: n)
        text = [UInt64](repeating: 0, count: n)
        value = [UInt32](repeating: 0, count: n)
        mask = n - 1
        for i in old.2.indices where old.2[i] != 0 { put(old.0[i], old.1[i], old.2[i]) }
    }
}
