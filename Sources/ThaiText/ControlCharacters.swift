/// Characters that cannot be printed: the C0 controls but tab, line feed and carriage return, DEL
/// and the C1 controls. They are invisible, come from pastes and broken exports (a UTF-16 file
/// read as UTF-8 is full of NULs), and Pango aborts on a NUL. Documents refuse them where they are
/// read, naming the place; layout replaces any that still arrive, so none ever reaches Pango.
public enum ControlCharacters {
    /// Whether a scalar is one of the refused controls.
    public static func isRefused(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D || v >= 0x7F && v <= 0x9F
    }

    /// The first refused character of a text and its 1-based position (in characters as a
    /// reader counts them: Unicode scalars), or nil when there is none.
    public static func firstRefused(in text: String) -> (scalar: Unicode.Scalar, position: Int)? {
        guard mayHoldOne(text) else { return nil }
        for (k, s) in text.unicodeScalars.enumerated() where isRefused(s) { return (s, k + 1) }
        return nil
    }

    /// A character's code as messages write it: U+000B.
    public static func code(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// How an English message names a refused character: its code and, for the common ones, its name.
    public static func name(_ s: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [0x00: "NUL", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
                                       0x1B: "escape", 0x7F: "DEL", 0x85: "next line"]
        return names[s.value].map { "\(code(s)) (\($0))" } ?? code(s)
    }

    /// The text with every refused character replaced by U+FFFD (the same number of scalars, so
    /// style spans keep their offsets); the text itself when it has none, which is the rule.
    public static func replaced(_ text: String) -> String {
        guard mayHoldOne(text), text.unicodeScalars.contains(where: isRefused) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(isRefused(s) ? "\u{FFFD}" : s) }
        return String(out)
    }

    /// Line breaks as written on Windows (CR LF) or old Macs (CR) made line feeds, as YAML does
    /// with the file's own line breaks; the text itself when it has no carriage return.
    public static func unixLineBreaks(_ text: String) -> String {
        guard scan(text).carriageReturn else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            let lineFeedOfCRLF = s == "\n" && previousCR
            previousCR = s == "\r"
            if lineFeedOfCRLF { continue }
            out.append(previousCR ? "\n" : s)
        }
        return String(out)
    }

    /// A byte scan (cheap, and false for almost every text): whether a refused character may be in it.
    static func mayHoldOne(_ text: String) -> Bool { scan(text).controls }

    /// One pass over the text's bytes: whether it may hold a refused character, and whether it
    /// holds a carriage return. This runs over every text of every document, twice.
    public static func scan(_ text: String) -> (controls: Bool, carriageReturn: Bool) {
        var text = text
        return text.withUTF8 { u in
            var controls = false, cr = false
            var previous: UInt8 = 0
            var i = 0
            while i < u.count {
                // Eight bytes at once where none is below 0x20, 0x7F or 0xC2 (nearly all of a
                // Thai text), unless the byte before was 0xC2 (its next byte must be looked at).
                if previous != 0xC2, i + 8 <= u.count, let base = u.baseAddress,
                   !ControlCharacters.maySignal(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                    previous = u[i + 7]
                    i += 8
                    continue
                }
                let b = u[i]
                if b < 0x20 {
                    if b == 0x0D { cr = true } else if b != 0x09 && b != 0x0A { controls = true }
                } else if b == 0x7F || previous == 0xC2 && b >= 0x80 && b <= 0x9F {
                    controls = true
                }
                previous = b
                i += 1
            }
            return (controls, cr)
        }
    }

    /// Whether any byte of the word is below 0x20, or is 0x7F or 0xC2 (bit tricks on the whole word:
    /// a byte below n exists exactly when (x - n·ones) & ~x & highs is not 0, for n up to 0x80).
    private static func maySignal(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let del = x ^ (ones &* 0x7F), c2 = x ^ (ones &* 0xC2)
        let below = (x &- ones &* 0x20) & ~x & highs
        let zeroDel = (del &- ones) & ~del & highs
        let zeroC2 = (c2 &- ones) & ~c2 & highs
        return below | zeroDel | zeroC2 != 0
    }
}
