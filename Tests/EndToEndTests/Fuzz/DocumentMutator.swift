import Foundation

/// A seeded random source (SplitMix64): the same seed gives the same cases on every machine.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One fuzz case: a document's bytes and the files beside it, and what was done to make it.
struct FuzzCase {
    var seed: String
    var document: [UInt8]
    var files: [String: [UInt8]]
    var mutations: [String] = []
}

/// Mutates documents the way a careless or hostile user would: broken bytes and control
/// characters, lines lost, doubled or shifted, values replaced by extremes (empty, huge, not
/// finite, the wrong type, YAML's own syntax), style keys set out of range, and the table's
/// source file broken the same ways.
struct DocumentMutator {
    var random: SeededRandom

    /// Bytes worth inserting: controls, broken UTF-8, YAML's indicators.
    static let oddBytes: [[UInt8]] = [
        [0x00], [0x01], [0x08], [0x0B], [0x0C], [0x1B], [0x7F], [0xC2, 0x85], [0xC2, 0x9F], [0xFF], [0xE0], [0xE0, 0xB8],
        [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x09], [0x0D], [0x0D, 0x0A], Array(":".utf8), Array("\"".utf8),
        Array("'".utf8), Array("{".utf8), Array("[".utf8), Array("&a ".utf8), Array("*a".utf8), Array("!".utf8),
        Array("|".utf8), Array(">".utf8), Array("#".utf8), Array("- ".utf8), Array("\n".utf8), Array(" ".utf8),
        Array("\u{200B}".utf8), Array("\u{FEFF}".utf8), Array("\u{2028}".utf8), Array("ำ".utf8), Array("่่่่".utf8),
    ]

    /// Values a key may be given.
    static let oddValues: [String] = [
        "", "~", "null", "0", "-1", "1e308", "-1e308", "nan", "inf", ".inf", "[]", "[a, b]", "{}", "{a: 1}",
        "\"\\0\"", "\"ก\\0ข\"", "\"\\t\\r\\n\"", "\"\\u0001\"", "\"\\uFFFF\"", "\"\\U0010FFFF\"", "\"\\x85\"", "\"\\e\"",
        "**ตัวหนา", "__ขีดเส้นใต้__", "&anchor ค่า", "*anchor", "!!binary aGVsbG8=", "!!int 5", "'unterminated",
        "\"unterminated", "|", ">", "- x", "12:30", "2026-02-30", "2026-13-45", "0x1F", "1_000", "yes", "no",
        "\"\"", "\"   \"", "๑๒๓", "-0", "99999999999999999999", "1e-320", "\"\\u0E33\\u0E33\\u0E33\"",
    ]

    /// Texts a careless paste gives a field, all printable: other scripts, emoji, marks without a
    /// base, zero-width characters, words longer than a line, markup left open.
    static let oddTexts: [String] = [
        #""😀👍🏽 ทดสอบ 🇹🇭""#, #""مرحبا بالعالم שלום""#, #""漢字かなカナ 한국어""#, #""่้๊๋็์ ำำำ""#, #""ก\u0E49\u0E49\u0E49\u0E49""#,
        #""\u200B\u200B\u200B\u2060\uFEFF""#, #""\u202Eกลับด้าน\u202C""#, #""\u00A0\u2003\u3000""#, #""ก\u2028ข\u2029ค""#,
        "\"https://www.example.go.th/very/long/path/" + String(repeating: "segment/", count: 40) + "\"",
        "\"" + String(repeating: "การประเมินคุณธรรมและความโปร่งใส", count: 80) + "\"",
        #""**ไม่ปิด __ไม่ปิด""#, #""** __ ** __""#, #""\uFFFD\uFFFE""#, #""\U0001D400\U0010FFFD""#,
        #""๑. ๑.๑ ๑.๑) (๒)""#, #""\n\t\\""#, #""ก ๆ ๆ ๆ ฯลฯ""#, "\"" + String(repeating: "a ", count: 3000) + "\"",
    ]

    /// Style keys that take numbers, and values to give them.
    static let styleKeys = [
        "page.width", "page.height", "page.margin_left", "page.margin_right", "page.margin_bottom", "page.first_top",
        "page.number_top", "page.lines_after_number", "page.number_size", "text.size", "text.line_height",
        "text.max_cluster_gap", "text.min_last_line_past_indent", "title.size", "header.date_column",
        "header.leader_dot_gap", "header.leader_dot_size", "body.indent", "signature.axis", "signature.signing_lines",
        "comments.dotted_lines", "attachment.landscape_margin", "table.text_size", "table.padding_x", "table.rule_width",
        "table.header_fill", "table.page_cut_between_words", "chart.scale_max", "chart.ticks", "chart.bar_height",
        "chart.label_width", "emblem_box.height",
    ]
    static let styleValues = ["0", "-1", "1e30", "1e308", "inf", "nan", "99999999999999999999", "0.0001", "1pt", "200pt",
                              "200in", "50cm", "abc", "1000000000", "0.5", "100", "\"\\0\"", "0.1", "0.9", "1", "2pt", "10cm",
                              "20", "400pt", "1in", "5mm", "100pt"]

    mutating func pick<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &random)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &random) }

    /// One to three mutations of a seed document (or of its source file).
    mutating func mutate(_ seed: FuzzCase) -> FuzzCase {
        var c = seed
        let count = chance(0.6) ? 1 : chance(0.75) ? 2 : 3
        for _ in 0..<count {
            if let name = c.files.keys.sorted().first, chance(0.3) {
                let (bytes, what) = mutateBytes(c.files[name]!, csv: true)
                c.files[name] = bytes
                c.mutations.append("\(name): \(what)")
            } else {
                let (bytes, what) = mutateDocument(c.document)
                c.document = bytes
                c.mutations.append(what)
            }
        }
        return c
    }

    mutating func mutateDocument(_ doc: [UInt8]) -> ([UInt8], String) {
        switch int(0...19) {
        case 0...4: return mutateBytes(doc, csv: false)
        case 5...12: return replaceValue(doc)
        case 13...16: return styleValue(doc)
        default: return mutateLines(doc)
        }
    }

    /// A byte-level or line-level change.
    mutating func mutateBytes(_ b: [UInt8], csv: Bool) -> ([UInt8], String) {
        guard !b.isEmpty else { return (pick(DocumentMutator.oddBytes), "insert into empty") }
        var b = b
        let at = int(0...(b.count - 1))
        switch int(0...5) {
        case 0:
            let v = UInt8(int(0...255))
            b[at] = v
            return (b, "byte \(at) = \(v)")
        case 1:
            let odd = csv && chance(0.5) ? pick([Array("\"".utf8), Array(",".utf8), Array("\n".utf8), [0x00], Array("\"\"".utf8)]) : pick(DocumentMutator.oddBytes)
            b.insert(contentsOf: odd, at: at)
            return (b, "insert \(odd) at \(at)")
        case 2:
            let n = min(int(1...200), b.count - at)
            b.removeSubrange(at..<(at + n))
            return (b, "delete \(n) at \(at)")
        case 3:
            let n = min(int(1...2000), b.count - at)
            let chunk = Array(b[at..<(at + n)])
            let to = int(0...b.count)
            b.insert(contentsOf: chunk, at: to)
            return (b, "copy \(n) from \(at) to \(to)")
        default:
            return mutateLines(b)
        }
    }

    /// A line deleted, repeated, swapped or shifted.
    mutating func mutateLines(_ b: [UInt8]) -> ([UInt8], String) {
        var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard lines.count > 1 else { return (b, "no lines") }
        let k = int(0...(lines.count - 1))
        let what: String
        switch int(0...4) {
        case 0:
            lines.remove(at: k)
            what = "delete line \(k + 1)"
        case 1:
            let times = chance(0.2) ? int(50...3000) : int(1...5)
            lines.insert(contentsOf: Array(repeating: lines[k], count: times), at: k)
            what = "repeat line \(k + 1) \(times) times"
        case 2:
            let j = int(0...(lines.count - 1))
            lines.swapAt(k, j)
            what = "swap lines \(k + 1) and \(j + 1)"
        case 3:
            lines[k] = Array("  ".utf8) + lines[k]
            what = "indent line \(k + 1)"
        default:
            lines[k] = Array(lines[k].drop { $0 == 0x20 }.prefix(lines[k].count))
            what = "unindent line \(k + 1)"
        }
        return (Array(lines.joined(separator: [0x0A])), what)
    }

    /// A `key: value` line's value replaced by an odd one (or a very long text).
    mutating func replaceValue(_ b: [UInt8]) -> ([UInt8], String) {
        var lines = String(decoding: b, as: UTF8.self).components(separatedBy: "\n")
        let candidates = lines.indices.filter { lines[$0].range(of: "^\\s*(- )?[a-z_]+: ?", options: .regularExpression) != nil }
        guard let k = candidates.isEmpty ? nil : pick(candidates),
              let r = lines[k].range(of: "^\\s*(- )?[a-z_]+: ?", options: .regularExpression) else { return mutateLines(b) }
        let value: String
        if chance(0.5) {
            value = pick(DocumentMutator.oddTexts)
        } else if chance(0.15) {
            let n = pick([10, 500, 5000, 60_000, 400_000])
            value = "\"" + String(repeating: pick(["ทดสอบ ", "ก", "a", "กำ่ ", " ", "\\u200B"]), count: n) + "\""
        } else {
            value = pick(DocumentMutator.oddValues)
        }
        let line = lines[k]
        lines[k] = String(line[r]) + value
        return (Array(lines.joined(separator: "\n").utf8), "line \(k + 1) value = \(value.prefix(40))\(value.count > 40 ? "… (\(value.count))" : "")")
    }

    /// A `style:` section setting one numeric key to an extreme (or appended to the existing one).
    mutating func styleValue(_ b: [UInt8]) -> ([UInt8], String) {
        let key = pick(DocumentMutator.styleKeys), value = pick(DocumentMutator.styleValues)
        let parts = key.split(separator: ".")
        var text = String(decoding: b, as: UTF8.self)
        if let r = text.range(of: "\nstyle:\n") {
            text.insert(contentsOf: "  \(parts[0]):\n    \(parts[1]): \(value)\n", at: r.upperBound)
        } else {
            text += "\nstyle:\n  \(parts[0]):\n    \(parts[1]): \(value)\n"
        }
        return (Array(text.utf8), "style \(key): \(value)")
    }
}
