import Foundation

/// Bytes as a dictionary key, hashed once when made, eight bytes at a time. `[UInt8]`'s own
/// hashing feeds the hasher one byte per call (8.6 M instructions a distinct document went to
/// hashing the kept stretches' keys); a key is looked up, inserted and moved between the
/// halves of a `KeptValues`, so its hash is worked out once and kept with it.
struct ByteKey: Hashable {
    let bytes: [UInt8]
    let hash: UInt64

    init(_ buffer: UnsafeRawBufferPointer) {
        bytes = Array(buffer)
        hash = ByteKey.hash(buffer)
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        guard a.hash == b.hash, a.bytes.count == b.bytes.count else { return false }
        return a.bytes.withUnsafeBytes { pa in
            b.bytes.withUnsafeBytes { pb in pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0 }
        }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    /// A 64-bit hash of the bytes by words (multiply and fold; the dictionary's seeded hasher
    /// mixes it again, and equality compares the bytes).
    static func hash(_ b: UnsafeRawBufferPointer) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: b.count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= b.count {
            h = mix(h ^ b.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < b.count {
            tail |= UInt64(b[i]) << shift
            shift += 8
            i += 1
        }
        return mix(h ^ tail)
    }

    @inline(__always) private static func mix(_ x: UInt64) -> UInt64 {
        let m = x &* 0xBF58_476D_1CE4_E5B9
        return (m ^ (m >> 31)) &* 0x94D0_49BB_1331_11EB
    }
}
