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
        b.withUnsafeBufferPointer { sequenceLength($0, at: i) }
    }

    /// The line and column (in characters of the valid text before it) of a bad byte.
    static func place(_ bytes: [UInt8], _ bad: Int) -> NotUTF8 {
        let lineStart = bytes[0..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = bytes[0..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let column = bytes[lineStart..<bad].reduce(1) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
        return NotUTF8(line: line, column: column, offset: bad, byte: bytes[bad])
    }
}

extension TextFile {
    /// `decode`'s UTF-8 check over a file read in pieces: a bad byte is named by the same line,
    /// column and offset as when the whole file is checked, and no piece is kept once checked
    /// (up to three bytes of a character cut by the piece's end wait for the next piece).
    public struct Check {
        /// Bytes of the file before `pending`.
        var offset = 0
        var line = 1
        /// Characters on the current line before `pending`.
        var column = 1
        var pending: [UInt8] = []

        public init() {}

        /// Checks the next piece; `final` when it is the file's last.
        public mutating func feed(_ piece: UnsafeRawBufferPointer, final: Bool) throws(NotUTF8) {
            if pending.isEmpty {
                try check(piece.bindMemory(to: UInt8.self), final: final)
                return
            }
            let joined = pending + Array(piece)
            pending = []
            try joined.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws(NotUTF8) in try check(b, final: final) }
        }

        private mutating func check(_ b: UnsafeBufferPointer<UInt8>, final: Bool) throws(NotUTF8) {
            let end = final ? b.count : max(0, b.count - 3)
            var i = 0
            var lastBreak = -1
            while i < end {
                let c = b[i]
                if c < 0x80 {
                    if c == 0x0A {
                        line += 1
                        lastBreak = i
                    }
                    i += 1
                    continue
                }
                // Thai letters (U+0E00–U+0E7F) are most of a data file: checked here, not by a call.
                if c == 0xE0, i + 2 < b.count, b[i + 1] == 0xB8 || b[i + 1] == 0xB9, b[i + 2] & 0xC0 == 0x80 {
                    i += 3
                    continue
                }
                let n = TextFile.sequenceLength(b, at: i)
                guard n > 0 else { throw failure(b, at: i, lastBreak: lastBreak) }
                i += n
            }
            column = TextFile.columnAfter(b, from: lastBreak + 1, to: i, column: lastBreak >= 0 ? 1 : column)
            offset += i
            pending = Array(b[i...])
        }

        private func failure(_ b: UnsafeBufferPointer<UInt8>, at i: Int, lastBreak: Int) -> NotUTF8 {
            let col = TextFile.columnAfter(b, from: lastBreak + 1, to: i, column: lastBreak >= 0 ? 1 : column)
            return NotUTF8(line: line, column: col, offset: offset + i, byte: b[i])
        }
    }

    /// The column after the characters of `b[from..<to]`, starting at `column`.
    static func columnAfter(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, column: Int) -> Int {
        var c = column
        var k = from
        while k < to {
            if b[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        return c
    }

    /// The length of the well-formed sequence at `i`, or 0 (also for arrays, through the array overload).
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
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
}
