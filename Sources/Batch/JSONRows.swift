import Foundation
import ThaiText

/// A JSON data file's list (`[{…}, …]`, or `{"units": [{…}, …]}`) read one item at a time,
/// giving each item exactly the row that reading the file as YAML (Yams) gives, so a file of
/// any length is read in the memory of its longest item. What the YAML reading would take
/// otherwise or refuse (anything but plain JSON: comments, a tab outside the list, duplicate
/// keys, escaped surrogates, line or paragraph separators, C1 controls, a key longer than 1,000
/// bytes or parted from its colon by a line break) stops this reader with `Unusual`, and the
/// file is read whole as before, with the same rows or the same message.
struct JSONRows {
    /// Where the file stops being JSON this reader takes.
    struct Unusual: Error {
        var line: Int, column: Int
        var what: String
    }

    /// The file's name, for the message of an item that is not an object.
    let file: String
    private var bytes: [UInt8] = []
    private var i = 0
    private(set) var line = 1
    /// Where the current line starts in `bytes` (for a column).
    private var lineStart = 0
    private var final = false
    private var starved = false
    private var stage = Stage.start
    private var wrapped = false
    private var count = 0
    /// Whether the string being read has a carriage return from an escape.
    private var escapedCR = false

    private enum Stage { case start, firstItem, items, afterList, end }

    static let maxDepth = 200

    init(file: String) { self.file = file }

    /// Adds the next piece of the file (after its byte-order mark).
    mutating func append(_ piece: UnsafeRawBufferPointer) {
        if i > 0 {
            bytes.removeSubrange(0..<i)
            lineStart -= i
            i = 0
        }
        bytes.append(contentsOf: piece)
    }

    /// Bytes held for an unfinished item.
    var held: Int { bytes.count - i }

    /// The next item as a row, or nil when more bytes are needed (`final`: none will come, so nil is the end).
    mutating func next(final: Bool) throws(Unusual) -> DataRow? {
        self.final = final
        while true {
            let saved = (i, line, lineStart, stage, wrapped, count)
            let row = try step()
            if starved {
                starved = false
                (i, line, lineStart, stage, wrapped, count) = saved
                return nil
            }
            if let row { return row }
            if stage == .end { return nil }
        }
    }

    /// One move through the file: the root's opening, an item, or the list's end.
    private mutating func step() throws(Unusual) -> DataRow? {
        switch stage {
        case .start:
            try space(outside: true)
            if starved { return nil }
            guard i < bytes.count else {
                stage = .end
                return nil
            }
            try openRoot()
            return nil
        case .firstItem, .items:
            try space(outside: false)
            if starved { return nil }
            guard i < bytes.count else { throw unusual("the list is not closed") }
            if bytes[i] == 0x5D {
                i += 1
                stage = .afterList
                return nil
            }
            if stage == .items {
                guard bytes[i] == 0x2C else { throw unusual("a comma or ] should follow an item") }
                i += 1
                try space(outside: false)
                if starved { return nil }
            }
            let row = try item()
            if starved { return nil }
            stage = .items
            return row
        case .afterList:
            if wrapped {
                try space(outside: false)
                if starved { return nil }
                guard i < bytes.count, bytes[i] == 0x7D else { throw unusual("the object holding the list has more than the list") }
                i += 1
            }
            stage = .end
            try space(outside: true)
            guard i >= bytes.count else { throw unusual("text follows the list") }
            return nil
        case .end:
            return nil
        }
    }

    /// `[`, or `{"name":` followed by `[`.
    private mutating func openRoot() throws(Unusual) {
        if bytes[i] == 0x7B {
            i += 1
            try space(outside: false)
            _ = try key()
            try space(outside: false)
            if starved { return }
            wrapped = true
        }
        guard i < bytes.count || final else {
            starved = true
            return
        }
        guard i < bytes.count, bytes[i] == 0x5B else { throw unusual("the data is not a list of objects") }
        i += 1
        stage = .firstItem
    }

    /// One item of the list: an object becomes a row; anything else a row that fails alone.
    private mutating func item() throws(Unusual) -> DataRow? {
        count += 1
        let at = line
        if i < bytes.count, bytes[i] == 0x7B {
            guard case let .object(pairs) = try value(depth: 0) else { return nil }
            return DataRow(number: count, columns: pairs, line: at)
        }
        _ = try value(depth: 0)
        var row = DataRow(number: count, columns: [], line: at)
        row.error = DataReader.notAnObject(count, line: at, file: file)
        return row
    }

    private mutating func value(depth: Int) throws(Unusual) -> DataValue {
        guard depth < JSONRows.maxDepth else { throw unusual("values nested too deep") }
        guard i < bytes.count else { return try starve() }
        switch bytes[i] {
        case 0x7B: return try object(depth: depth)
        case 0x5B: return try list(depth: depth)
        case 0x22:
            let s = try string(key: false)
            // Only an escape (\r, \u000d) puts a carriage return in a JSON string.
            guard escapedCR else { return .text(s) }
            escapedCR = false
            return .text(ControlCharacters.unixLineBreaks(s))
        case 0x74: return try literal("true", .bool(true))
        case 0x66: return try literal("false", .bool(false))
        case 0x6E: return try literal("null", .text(""))
        case 0x2D, 0x30...0x39: return try number()
        default: throw unusual("a value cannot start here")
        }
    }

    private mutating func object(depth: Int) throws(Unusual) -> DataValue {
        i += 1
        var pairs = [(String, DataValue)]()
        try space(outside: false)
        if i < bytes.count, bytes[i] == 0x7D {
            i += 1
            return .object(pairs)
        }
        while !starved {
            let k = try key()
            if starved { break }
            if pairs.contains(where: { $0.0 == k }) { throw unusual("the key '\(k.prefix(40))' appears twice in one object") }
            try space(outside: false)
            let v = try value(depth: depth + 1)
            if starved { break }
            pairs.append((k, v))
            try space(outside: false)
            guard i < bytes.count else { return try starve() }
            let b = bytes[i]
            i += 1
            if b == 0x7D { return .object(pairs) }
            guard b == 0x2C else { throw unusual("a comma or } should follow a value") }
            try space(outside: false)
        }
        return .object([])
    }

    private mutating func list(depth: Int) throws(Unusual) -> DataValue {
        i += 1
        var items = [DataValue]()
        try space(outside: false)
        if i < bytes.count, bytes[i] == 0x5D {
            i += 1
            return .list(items)
        }
        while !starved {
            let v = try value(depth: depth + 1)
            if starved { break }
            items.append(v)
            try space(outside: false)
            guard i < bytes.count else { return try starve() }
            let b = bytes[i]
            i += 1
            if b == 0x5D { return .list(items) }
            guard b == 0x2C else { throw unusual("a comma or ] should follow a value") }
            try space(outside: false)
        }
        return .list([])
    }

    /// A key and its colon, on one line and within 1,000 bytes (YAML's limit for a key is 1,024 characters).
    private mutating func key() throws(Unusual) -> String {
        guard i < bytes.count else { return try starveText() }
        guard bytes[i] == 0x22 else { throw unusual("a key should be a string in double quotes") }
        let start = i
        let k = try string(key: true)
        if starved { return "" }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count else { return try starveText() }
        guard bytes[i] == 0x3A, i - start <= 1000 else { throw unusual("a key should be followed by a colon on its line") }
        i += 1
        return k
    }

    /// A string in double quotes, its escapes undone.
    private mutating func string(key: Bool) throws(Unusual) -> String {
        i += 1
        let start = i
        var out: [UInt8]? = nil
        while i < bytes.count {
            let run = ordinary(from: i)
            if run > i {
                out?.append(contentsOf: bytes[i..<run])
                i = run
                continue
            }
            let b = bytes[i]
            if b == 0x22 {
                let s = out.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: bytes[start..<i], as: UTF8.self)
                i += 1
                return s
            }
            if b < 0x20 || b == 0x7F { throw unusual("a control character or line break inside a string") }
            if b == 0x5C {
                var o = out ?? Array(bytes[start..<i])
                let whole = try escape(into: &o)
                out = o
                guard whole else { return try starveText() }
                continue
            }
            if b >= 0xC2, try !printable(at: i) { throw unusual("a character YAML does not take (a C1 control, a line or paragraph separator or a byte-order mark)") }
            out?.append(b)
            i += 1
        }
        return try starveText()
    }

    /// Where the run of bytes from `k` that need no look ends (the string's end, an escape, a
    /// control character, or a lead byte `printable` must check): most of a Thai string.
    private func ordinary(from k: Int) -> Int {
        bytes.withUnsafeBufferPointer { p in
            var j = k
            while j < p.count {
                let b = p[j]
                if b == 0x22 || b == 0x5C || b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xEF { break }
                j += 1
            }
            return j
        }
    }

    /// Whether the character at `k` is one YAML reads as JSON does (C1 controls, NEL, the line
    /// and paragraph separators, U+FEFF and U+FFFE/U+FFFF are not).
    private mutating func printable(at k: Int) throws(Unusual) -> Bool {
        let b = bytes[k]
        guard b == 0xC2 || b == 0xE2 || b == 0xEF else { return true }
        guard k + 2 < bytes.count else {
            if !final { starved = true }
            return true
        }
        let c = bytes[k + 1], d = bytes[k + 2]
        if b == 0xC2 { return !(0x80...0x9F).contains(c) }
        if b == 0xE2 { return !(c == 0x80 && (d == 0xA8 || d == 0xA9)) }
        return !(c == 0xBB && d == 0xBF) && !(c == 0xBF && (d == 0xBE || d == 0xBF))
    }

    /// One backslash escape appended to `out`; false when the bytes end inside it.
    private mutating func escape(into out: inout [UInt8]) throws(Unusual) -> Bool {
        guard i + 1 < bytes.count else { return false }
        let e = bytes[i + 1]
        if let c = JSONRows.simpleEscape(e) {
            if c == 0x0D { escapedCR = true }
            out.append(c)
            i += 2
            return true
        }
        guard e == 0x75 else { throw unusual("an escape JSON does not have") }
        guard i + 5 < bytes.count else { return false }
        var code: UInt32 = 0
        for k in 2...5 {
            guard let h = JSONRows.hex(bytes[i + k]) else { throw unusual("\\u needs four hex digits") }
            code = code << 4 | h
        }
        guard !(0xD800...0xDFFF).contains(code), let scalar = Unicode.Scalar(code) else { throw unusual("an escaped surrogate (YAML refuses it)") }
        if code == 0x0D { escapedCR = true }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
        i += 6
        return true
    }

    static func simpleEscape(_ e: UInt8) -> UInt8? {
        switch e {
        case 0x22, 0x5C, 0x2F: return e
        case 0x62: return 0x08
        case 0x66: return 0x0C
        case 0x6E: return 0x0A
        case 0x72: return 0x0D
        case 0x74: return 0x09
        default: return nil
        }
    }

    static func hex(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    private mutating func literal(_ word: StaticString, _ v: DataValue) throws(Unusual) -> DataValue {
        let n = word.utf8CodeUnitCount
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        for k in 0..<n {
            guard i + k < bytes.count else { return try starve() }
            guard bytes[i + k] == w[k] else { throw unusual("a value cannot start here") }
        }
        i += n
        if i >= bytes.count && !final { return try starve() }
        try ending()
        return v
    }

    /// A number as written (YAML keeps its text): -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func number() throws(Unusual) -> DataValue {
        let start = i
        if bytes[i] == 0x2D { i += 1 }
        guard try digits(leadingZero: true) else { return try starve() }
        if i < bytes.count, bytes[i] == 0x2E {
            i += 1
            guard try digits(leadingZero: false) else { return try starve() }
        }
        if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
            i += 1
            if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
            guard try digits(leadingZero: false) else { return try starve() }
        }
        if i >= bytes.count && !final { return try starve() }
        try ending()
        return .text(String(decoding: bytes[start..<i], as: UTF8.self))
    }

    /// Digits; false when the bytes end before the first. A leading zero stands alone.
    private mutating func digits(leadingZero: Bool) throws(Unusual) -> Bool {
        let start = i
        while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
        if i == start {
            if i >= bytes.count && !final { return false }
            throw unusual("a number is not written as JSON writes it")
        }
        if leadingZero, bytes[start] == 0x30, i - start > 1 { throw unusual("a number is not written as JSON writes it") }
        return true
    }

    /// After a literal or number: the end, white space or punctuation, else it is not JSON.
    private mutating func ending() throws(Unusual) {
        guard i < bytes.count else { return }
        switch bytes[i] {
        case 0x20, 0x0A, 0x0D, 0x09, 0x2C, 0x5D, 0x7D: return
        default: throw unusual("a value cannot continue here")
        }
    }

    /// White space; a tab only inside the root value (YAML refuses a tab that starts a line outside it).
    private mutating func space(outside: Bool) throws(Unusual) {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20: i += 1
            case 0x09:
                if outside { throw unusual("a tab outside the list") }
                i += 1
            case 0x0A:
                i += 1
                newLine()
            case 0x0D:
                if i + 1 >= bytes.count && !final {
                    starved = true
                    return
                }
                i += 1
                if i < bytes.count, bytes[i] == 0x0A { i += 1 }
                newLine()
            default: return
            }
        }
        if !final { starved = true }
    }

    private mutating func newLine() {
        line += 1
        lineStart = i
    }

    /// The bytes ended inside a value: more are needed, or (at the file's end) it is not JSON.
    private mutating func starve() throws(Unusual) -> DataValue {
        guard !final else { throw unusual("the file ends inside a value") }
        starved = true
        return .text("")
    }

    private mutating func starveText() throws(Unusual) -> String {
        _ = try starve()
        return ""
    }

    private func unusual(_ what: String) -> Unusual {
        let from = min(max(0, lineStart), bytes.count)
        let col = bytes[from..<max(from, min(i, bytes.count))].reduce(1) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
        return Unusual(line: line, column: col, what: what)
    }
}
