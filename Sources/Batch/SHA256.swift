import CShims
import Foundation

/// SHA-256: Foundation on Linux has no CryptoKit, and the manifest's checksums and up-to-date
/// hashes must not depend on a crypto library being installed. The processor's SHA instructions
/// when it has them (a tenth of the instructions), else portable Swift.
struct SHA256 {
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    private var buffer = [UInt8]()
    private var length: UInt64 = 0

    /// The round constants (one table, shared with the C code).
    private static let k = Array(UnsafeBufferPointer(start: saraban_sha256_constants(), count: 64))

    /// Portable Swift only, never the processor's instructions (the tests compare the two).
    private let portable: Bool

    init(portable: Bool = false) { self.portable = portable }

    static func hex(_ data: Data, portable: Bool = false) -> String { var s = SHA256(portable: portable); s.update(data); return s.hex() }
    static func hex(_ text: String) -> String { hex(Data(text.utf8)) }

    static func hex(bytes: [UInt8]) -> String {
        var s = SHA256()
        bytes.withUnsafeBytes { s.update(raw: $0) }
        return s.hex()
    }

    mutating func update(_ data: Data) { data.withUnsafeBytes { update(raw: $0) } }

    mutating func update(raw: UnsafeRawBufferPointer) {
        length += UInt64(raw.count)
        do {
            var p = 0
            if !buffer.isEmpty {
                let take = min(64 - buffer.count, raw.count)
                buffer += raw[0..<take]; p = take
                if buffer.count == 64 { buffer.withUnsafeBytes { blocks(UnsafeRawBufferPointer($0)) }; buffer.removeAll() }
            }
            let whole = (raw.count - p) / 64 * 64
            if whole > 0 { blocks(UnsafeRawBufferPointer(rebasing: raw[p..<p + whole])); p += whole }
            if p < raw.count { buffer += raw[p...] }
        }
    }

    mutating func hex() -> String {
        let bits = length * 8
        var tail: [UInt8] = [0x80]
        while (buffer.count + tail.count) % 64 != 56 { tail.append(0) }
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        let saved = length
        update(Data(tail))
        length = saved
        let words = [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7]
        var out = ""
        let digits = Array("0123456789abcdef".utf8)
        for w in words { for i in (0..<8).reversed() { out.unicodeScalars.append(Unicode.Scalar(digits[Int(w >> (UInt32(i) * 4) & 0xF)])) } }
        return out
    }

    /// Runs the compression function over whole 64-byte blocks (the schedule on the stack, the
    /// state in locals: this runs over every PDF written).
    private mutating func blocks(_ b: UnsafeRawBufferPointer) {
        if !portable {
            var words = [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7]
            if saraban_sha256_blocks(&words, b.bindMemory(to: UInt8.self).baseAddress, UInt(b.count / 64)) == 1 {
                h = (words[0], words[1], words[2], words[3], words[4], words[5], words[6], words[7])
                return
            }
        }
        portableBlocks(b)
    }

    private mutating func portableBlocks(_ b: UnsafeRawBufferPointer) {
        var state = h
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            SHA256.k.withUnsafeBufferPointer { k in
                var base = 0
                while base + 64 <= b.count {
                    for i in 0..<16 {
                        let o = base + i * 4
                        w[i] = UInt32(b[o]) << 24 | UInt32(b[o + 1]) << 16 | UInt32(b[o + 2]) << 8 | UInt32(b[o + 3])
                    }
                    for i in 16..<64 {
                        let x = w[i - 15], y = w[i - 2]
                        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
                        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
                        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                    }
                    var (a, bb, c, d, e, f, g, hh) = state
                    for i in 0..<64 {
                        let t1 = hh &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & bb) ^ (a & c) ^ (bb & c))
                        hh = g; g = f; f = e; e = d &+ t1; d = c; c = bb; bb = a; a = t1 &+ t2
                    }
                    state = (state.0 &+ a, state.1 &+ bb, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ hh)
                    base += 64
                }
            }
        }
        h = state
    }

    @inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
}
