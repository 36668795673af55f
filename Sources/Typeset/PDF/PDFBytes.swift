import CShims
import Foundation

/// Bytes of a PDF being written, with the number and string forms PDF wants. Numbers are
/// printed here rather than with printf: a page holds thousands of them.
struct PDFBytes {
    var bytes: [UInt8] = []
    /// Numbers that could not be written (not finite, or beyond any page): each was written as 0,
    /// and the canvas refuses to finish a file that has one.
    var unwritable = 0

    /// The largest magnitude a number may have (pages are at most 14,400 points).
    static let largest = 1e9

    var count: Int { bytes.count }

    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Disfavoured, so that a literal takes the StaticString form (its bytes copied at once; through
    /// a String's UTF-8 view ~170 instructions a call, and a page appends thousands of literals).
    @_disfavoredOverload
    mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// A whole number.
    mutating func integer(_ n: Int) {
        if n == Int.min {
            unwritable += 1
            bytes.append(0x30)
            return
        }
        if n < 0 { bytes.append(0x2D); integer(-n); return }
        if n < 10 { bytes.append(0x30 + UInt8(n)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var k = 0
        var m = n
        withUnsafeMutableBytes(of: &digits) { d in
            while m > 0 { d[k] = 0x30 + UInt8(m % 10); m /= 10; k += 1 }
            while k > 0 { k -= 1; bytes.append(d[k]) }
        }
    }

    /// 10 to the power `decimals` (1 to 6): computed, since a static table is reached through a
    /// lazy global and retained at each of a page's thousands of numbers.
    private static func scale(_ decimals: Int) -> Int {
        var scale = 10
        var k = max(1, min(6, decimals))
        while k > 1 { scale *= 10; k -= 1 }
        return scale
    }

    /// A real number with at most `decimals` decimals (1 to 6), no exponent and no trailing zeros.
    mutating func number(_ v: Double, decimals: Int = 3) {
        let scale = PDFBytes.scale(decimals)
        // A NaN would trap in the conversion and print as "nan": neither may reach the file.
        guard v.isFinite, abs(v) <= PDFBytes.largest else {
            unwritable += 1
            bytes.append(0x30)
            return
        }
        var m = Int((v * Double(scale)).rounded())
        if m == 0 { bytes.append(0x30); return }
        if m < 0 { bytes.append(0x2D); m = -m }
        integer(m / scale)
        var frac = m % scale
        guard frac != 0 else { return }
        bytes.append(0x2E)
        var unit = scale / 10
        while frac != 0 {
            bytes.append(0x30 + UInt8(frac / unit))
            frac %= unit
            unit /= 10
        }
    }

    /// Numbers separated by spaces, then an operator.
    mutating func op(_ values: Double..., operator name: StaticString) {
        for v in values { number(v); bytes.append(0x20) }
        append(name)
        bytes.append(0x0A)
    }

    /// An upper-case hex digit (arithmetic rather than a static table, for the same reason as `scale`).
    private static func hexDigit(_ d: Int) -> UInt8 {
        let v = UInt8(truncatingIfNeeded: d & 15)
        return v < 10 ? 0x30 + v : 0x37 + v
    }

    /// Four hex digits (a two-byte code).
    mutating func hex4(_ n: Int) {
        bytes.append(PDFBytes.hexDigit(n >> 12)); bytes.append(PDFBytes.hexDigit(n >> 8))
        bytes.append(PDFBytes.hexDigit(n >> 4)); bytes.append(PDFBytes.hexDigit(n))
    }

    /// A text string as UTF-16BE hex with its byte-order mark: <FEFF...>.
    mutating func textString(_ s: String) {
        append("<FEFF")
        for u in s.utf16 { hex4(Int(u)) }
        append(">")
    }

    /// The UTF-16BE hex digits of a string, without delimiters.
    mutating func utf16Hex(_ s: String) {
        for u in s.utf16 { hex4(Int(u)) }
    }

    /// A PDF name from plain ASCII letters and digits (anything else is dropped).
    mutating func name(_ s: String) {
        bytes.append(0x2F)
        for b in s.utf8 where (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2B {
            bytes.append(b)
        }
    }
}

/// Deflate (libdeflate, in zlib's format) as PDF's FlateDecode; nil only if it fails. Level 5 by default: on the
/// distinct bench's documents within 0.5 % of level 6's size for 8 % fewer instructions.
func deflate(_ data: [UInt8], level: Int32 = 5) -> [UInt8]? {
    var length: UInt = 0
    let out = data.withUnsafeBufferPointer { saraban_deflate_level($0.baseAddress, UInt($0.count), level, &length) }
    guard let out else { return nil }
    defer { saraban_free(out) }
    return Array(UnsafeBufferPointer(start: out, count: Int(length)))
}
