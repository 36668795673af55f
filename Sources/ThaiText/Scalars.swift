#if canImport(Glibc)
import Glibc
#endif

/// Strings as arrays of scalars and compared as bytes, decoded and compared on their UTF-8
/// directly: the standard library's scalar view decodes one scalar per call and its equality
/// normalises Thai, and these run over every paragraph and cell of every document.
public enum Scalars {
    /// Thai's non-spacing marks (Unicode's Mn in U+0E00…U+0E7F: MAI HAN-AKAT, the vowels above and
    /// below, PHINTHU, the tone marks and the other signs above), which sit on the character
    /// before them. SARA AM is not one: it is a spacing letter.
    @inlinable
    public static func isThaiNonspacingMark(_ v: UInt32) -> Bool {
        v == 0x0E31 || (0x0E34...0x0E3A).contains(v) || (0x0E47...0x0E4E).contains(v)
    }

    /// The string's Unicode scalars (a String's UTF-8 is always valid, so no check is needed).
    public static func of(_ string: String) -> [Unicode.Scalar] {
        var string = string
        return string.withUTF8 { u -> [Unicode.Scalar] in
            var count = 0
            for b in u where b & 0xC0 != 0x80 { count += 1 }
            var out = [Unicode.Scalar]()
            out.reserveCapacity(count)
            var i = 0
            while i < u.count {
                let b0 = UInt32(u[i])
                var v: UInt32
                if b0 < 0x80 {
                    v = b0; i += 1
                } else if b0 < 0xE0 {
                    v = (b0 & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F); i += 2
                } else if b0 < 0xF0 {
                    v = (b0 & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F); i += 3
                } else {
                    v = (b0 & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F); i += 4
                }
                out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            }
            return out
        }
    }

    /// Whether the string's UTF-8 holds a byte in `low...high`: a loop over its bytes, not a
    /// closure called per byte through the UTF-8 view (these checks run on every paragraph).
    public static func hasByte(_ string: String, in low: UInt8, _ high: UInt8) -> Bool {
        var string = string
        return string.withUTF8 { u in
            for b in u where b >= low && b <= high { return true }
            return false
        }
    }

    /// Whether the string's UTF-8 holds either of two bytes (memchr, each a pass over the bytes).
    public static func hasByte(_ string: String, _ a: UInt8, or b: UInt8) -> Bool {
        var string = string
        return string.withUTF8 { u in
            guard let base = u.baseAddress, u.count > 0 else { return false }
            return memchr(base, Int32(a), u.count) != nil || memchr(base, Int32(b), u.count) != nil
        }
    }

    /// Feeds a string's bytes to a hasher (String's own hashing normalises Thai at every call); a
    /// type that hashes this way compares with `sameBytes`.
    public static func hashBytes(_ string: String, into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether two strings have the same bytes (no normalisation: the same text typed the same way).
    public static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                pa.count == pb.count && (pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0)
            }
        }
    }
}
