import Foundation

/// A text file's bytes as a String: UTF-8 (a byte-order mark dropped), or UTF-16 with its
/// byte-order mark (what Windows Notepad calls Unicode). Anything else is refused at the line,
/// column and byte offset of its first byte that is not UTF-8, since a message that only says
/// "cannot be read" leaves a clerk nothing to look for.
public enum TextFile {
    /// Where a file stops being UTF-8, and what to do about it.
    public struct NotUTF8: Error, Sendable {
        public var line: Int, column: Int
        /// The bad byte's offset from the file's start (0-based) and its value.
        public var offset: Int, byte: UInt8
        public var message: String {
            "is not UTF-8 text: byte 0x\(hex) at byte offset \(offset) (line \(line), column \(column)); save it as UTF-8"
                + (looksTIS620 ? " (it looks like Thai saved as TIS-620 or Windows-874)" : "")
        }
        public var thai: String {
            "ไม่ใช่ข้อความแบบ UTF-8: ไบต์ 0x\(hex) ที่ตำแหน่งไบต์ \(offset) (บรรทัดที่ \(line) อักขระที่ \(column)) ให้บันทึกแฟ้มใหม่เป็นแบบ UTF-8"
                + (looksTIS620 ? " (ดูเหมือนเป็นภาษาไทยที่บันทึกแบบ TIS-620 หรือ Windows-874)" : "")
        }
        var hex: String {
            let h = String(byte, radix: 16, uppercase: true)
            return byte < 16 ? "0" + h : h
        }
        /// Thai letters of TIS-620 sit at A1–FB, and a lone one is never valid UTF-8.
        var looksTIS620: Bool { (0xA1...0xFB).contains(byte) }
    }

    public static func decode(_ data: Data) throws(NotUTF8) -> String {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]), let s = String(data: data, encoding: .utf16) {
            return s
        }
        let bytes = [UInt8](data)
        if let bad = firstInvalid(bytes) { throw place(bytes, bad) }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// The offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629).
    static func firstInvalid(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            let n = sequenceLength(b, at: i)
            guard n > 0 else { return i }
            i += n
        }
        return nil
    }

    /// The length of the well-formed sequence at `i`, or 0.
    static func sequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return 1 }
        func cont(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool { i + k < b.count && range.contains(b[i + k]) }
        switch c {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0...0xBF) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80...0x9F) && cont(2) ? 3 : 0
        case 0xE1...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90...0xBF) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80...0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// The line and column (in characters of the valid text before it) of a bad byte.
    static func place(_ bytes: [UInt8], _ bad: Int) -> NotUTF8 {
        let lineStart = bytes[0..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = bytes[0..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let column = bytes[lineStart..<bad].reduce(1) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
        return NotUTF8(line: line, column: column, offset: bad, byte: bytes[bad])
    }
}
