import CShims
import Foundation

/// SHA-256: Foundation on Linux has no CryptoKit, and the manifest's checksums and up-to-date
/// hashes must not depend on a crypto library being installed. The processor's SHA instructions
/// when it has them (a tenth of the instructions), else portable C.
struct SHA256 {
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    private var buffer = [UInt8]()
    private var length: UInt64 = 0

    /// Portable code only, never the processor's instructions (the tests compare the two).
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

    /// Runs the compression function over whole 64-byte blocks (this runs over every PDF written).
    private mutating func blocks(_ b: UnsafeRawBufferPointer) {
        var words = [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7]
        let data = b.bindMemory(to: UInt8.self).baseAddress
        let count = UInt(b.count / 64)
        if portable || saraban_sha256_blocks(&words, data, count) == 0 {
            saraban_sha256_portable(&words, data, count)
        }
        h = (words[0], words[1], words[2], words[3], words[4], words[5], words[6], words[7])
    }
}
