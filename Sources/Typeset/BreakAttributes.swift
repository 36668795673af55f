import CPangoCairo
import ThaiText

/// Pango's log attributes of a paragraph (libthai's Thai word breaks, UAX #14 elsewhere),
/// worked out stretch by stretch between spaces and kept by each stretch's bytes: in a batch the
/// same sentences come back in every document with only the unit's name changed, and this
/// analysis was a third of shaping. A stretch of Thai letters, marks and digits alone skips
/// Pango's Unicode pass (its attributes there follow from where the marks are) and goes straight
/// to Pango's Thai tailoring (libthai's dictionary). Belongs to one FontSystem (one thread).
final class BreakAttributes {
    private let kept = KeptValues<ByteKey, [PangoLogAttr]>(half: 1_000)
    private let language: OpaquePointer?
    /// Stretches that took the Thai path (the tests check it is taken).
    private(set) var thaiStretches = 0

    init(language: OpaquePointer?) { self.language = language }

    /// The attributes of `utf8` (its `scalars`, their byte offsets and the `cuts` of those
    /// scalars given), one per scalar and one for the end, the same as one call over the whole text.
    func attributes(_ utf8: UnsafeBufferPointer<UInt8>, scalars: [Unicode.Scalar], offsets: [Int], cuts: [Int]) -> [PangoLogAttr] {
        let count = offsets.count - 1
        var result = [PangoLogAttr]()
        result.reserveCapacity(count + 1)
        var start = 0
        for end in cuts + [count] {
            var part = stretch(UnsafeBufferPointer(rebasing: utf8[offsets[start]..<offsets[end]]), scalars: scalars[start..<end])
            if start > 0 {
                // The text goes on before this stretch: after its spaces a line may break (a text's
                // own start never breaks).
                part[0].is_line_break = 1
            }
            if end < count { part.removeLast() }
            result.append(contentsOf: part)
            start = end
        }
        return result
    }

    /// Analyses the whole text in one call (what `attributes` must equal; the tests compare them).
    func whole(_ utf8: UnsafeBufferPointer<UInt8>, count: Int) -> [PangoLogAttr] {
        var attrs = [PangoLogAttr](repeating: PangoLogAttr(), count: count + 1)
        utf8.withMemoryRebound(to: CChar.self) { p in
            pango_get_log_attrs(p.baseAddress, Int32(p.count), -1, language, &attrs, Int32(attrs.count))
        }
        return attrs
    }

    private func stretch(_ utf8: UnsafeBufferPointer<UInt8>, scalars: ArraySlice<Unicode.Scalar>) -> [PangoLogAttr] {
        let key = ByteKey(UnsafeRawBufferPointer(utf8))
        if let a = kept[key] { return a }
        let a = Self.plainThai(scalars) ? thai(utf8, scalars: scalars) : whole(utf8, count: scalars.count)
        kept.insert(a, for: key)
        return a
    }

    /// A stretch of Thai letters, vowels, tone marks and digits that starts on a base character:
    /// one script, no spaces, punctuation or symbols, so that Pango's Unicode pass marks nothing
    /// but character and word boundaries, which `thai` works out itself.
    static func plainThai(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = s.first, !isMark(first) else { return false }
        for c in s {
            switch c.value {
            case 0x0E01...0x0E2E, 0x0E30...0x0E3A, 0x0E40...0x0E45, 0x0E47...0x0E4E, 0x0E50...0x0E59: continue
            default: return false
            }
        }
        return true
    }

    /// The marks that join the character before them (no cursor position or boundary before
    /// one). SARA AM is not one (Unicode leaves it out of the spacing marks): Pango puts a
    /// boundary before it.
    static func isMark(_ c: Unicode.Scalar) -> Bool { Scalars.isThaiNonspacingMark(c.value) }

    /// What Pango's Unicode pass gives a plain Thai stretch (a boundary before every base
    /// character; a word boundary too unless it is a digit after a digit, and the end of the text
    /// a mandatory break), then Pango's own Thai tailoring, with libthai's words, over it.
    private func thai(_ utf8: UnsafeBufferPointer<UInt8>, scalars: ArraySlice<Unicode.Scalar>) -> [PangoLogAttr] {
        thaiStretches += 1
        var attrs = [PangoLogAttr](repeating: PangoLogAttr(), count: scalars.count + 1)
        var previousBase: Unicode.Scalar? = nil
        var k = 0
        for c in scalars {
            if k == 0 || !Self.isMark(c) {
                attrs[k].is_char_break = 1
                attrs[k].is_cursor_position = 1
                attrs[k].backspace_deletes_character = 1
                let digits = previousBase.map { ThaiDigits.isDigit($0) && ThaiDigits.isDigit(c) } ?? false
                attrs[k].is_word_boundary = digits ? 0 : 1
                previousBase = c
            }
            k += 1
        }
        attrs[0].is_word_start = 1
        attrs[0].is_sentence_boundary = 1
        attrs[k].is_line_break = 1
        attrs[k].is_mandatory_break = 1
        attrs[k].is_char_break = 1
        attrs[k].is_white = 1
        attrs[k].is_cursor_position = 1
        attrs[k].is_word_end = 1
        attrs[k].is_sentence_boundary = 1
        attrs[k].backspace_deletes_character = 1
        attrs[k].is_word_boundary = 1
        var analysis = PangoAnalysis()
        analysis.level = 0
        analysis.script = UInt8(PANGO_SCRIPT_THAI.rawValue)
        analysis.language = language
        utf8.withMemoryRebound(to: CChar.self) { p in
            pango_tailor_break(p.baseAddress, Int32(p.count), &analysis, -1, &attrs, Int32(attrs.count))
        }
        return attrs
    }

    /// Where the text may be cut with every attribute unchanged: after a run of spaces that
    /// follows a letter, Thai mark or Thai digit (or an ASCII digit when the stretch has a letter
    /// before it) and comes before a letter or Thai digit, with no paired punctuation open. No
    /// line-breaking rule looks across such spaces (none of opening or closing punctuation,
    /// quotes, dashes or ๆ and ฯ is on either side), and libthai's dictionary reads each run of
    /// Thai on its own. Pango gives a character of no script of its own (an ASCII digit,
    /// punctuation, a space) the script before it, or the one after it at the start of a text, and
    /// a closing bracket or quote the script of its opening one: so a stretch may not start with
    /// an ASCII digit, nor end with one unless a letter in it sets its script, nor be cut from the
    /// opening bracket of a closing one after the cut. ("Data 12การ" breaks after 12 as a stretch
    /// of its own, not after "Data ".)
    static func cuts(_ s: [Unicode.Scalar]) -> [Int] {
        var cuts = [Int]()
        var open = PairedPunctuation()
        var lettered = false
        var i = 1
        while i < s.count {
            let before = s[i - 1]
            open.read(before)
            if endsStretch(before) { lettered = true }
            if before == " ", s[i] != " ", open.isClosed, startsStretch(s[i]) {
                var j = i - 1
                while j > 0, s[j - 1] == " " { j -= 1 }
                let last = j > 0 ? s[j - 1] : " "
                let asciiDigit = last.value >= 0x30 && last.value <= 0x39
                if j > 0, endsStretch(last) || (asciiDigit && lettered) {
                    cuts.append(i)
                    lettered = false
                }
            }
            i += 1
        }
        return cuts
    }

    static func startsStretch(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0E01...0x0E2E, 0x0E40...0x0E44, 0x0E50...0x0E59, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    static func endsStretch(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0E01...0x0E2E, 0x0E30...0x0E3A, 0x0E40...0x0E45, 0x0E47...0x0E4E, 0x0E50...0x0E59,
             0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }
}

/// The brackets and quotes Pango's script itemizer pairs (its table, Pango 1.50), followed as it
/// follows them: an opening one is pushed; a closing one pops back to its opening one, or empties
/// the stack when none is open. Past 100 open at once the text counts as open to its end (Pango's
/// own stack wraps at 128).
struct PairedPunctuation {
    private static let pairs: [UInt32] = [
        0x0028, 0x0029, 0x003C, 0x003E, 0x005B, 0x005D, 0x007B, 0x007D, 0x00AB, 0x00BB,
        0x0F3A, 0x0F3B, 0x0F3C, 0x0F3D, 0x169B, 0x169C, 0x2018, 0x2019, 0x201C, 0x201D,
        0x2039, 0x203A, 0x2045, 0x2046, 0x207D, 0x207E, 0x208D, 0x208E, 0x27E6, 0x27E7,
        0x27E8, 0x27E9, 0x27EA, 0x27EB, 0x27EC, 0x27ED, 0x27EE, 0x27EF, 0x2983, 0x2984,
        0x2985, 0x2986, 0x2987, 0x2988, 0x2989, 0x298A, 0x298B, 0x298C, 0x298D, 0x298E,
        0x298F, 0x2990, 0x2991, 0x2992, 0x2993, 0x2994, 0x2995, 0x2996, 0x2997, 0x2998,
        0x29FC, 0x29FD, 0x2E02, 0x2E03, 0x2E04, 0x2E05, 0x2E09, 0x2E0A, 0x2E0C, 0x2E0D,
        0x2E1C, 0x2E1D, 0x2E20, 0x2E21, 0x2E22, 0x2E23, 0x2E24, 0x2E25, 0x2E26, 0x2E27,
        0x2E28, 0x2E29, 0x3008, 0x3009, 0x300A, 0x300B, 0x300C, 0x300D, 0x300E, 0x300F,
        0x3010, 0x3011, 0x3014, 0x3015, 0x3016, 0x3017, 0x3018, 0x3019, 0x301A, 0x301B,
        0xFE59, 0xFE5A, 0xFE5B, 0xFE5C, 0xFE5D, 0xFE5E, 0xFF08, 0xFF09, 0xFF3B, 0xFF3D,
        0xFF5B, 0xFF5D, 0xFF5F, 0xFF60, 0xFF62, 0xFF63,
    ]
    private var stack: [Int] = []
    private var overflowed = false

    /// Nothing is open: a cut here parts no pair.
    var isClosed: Bool { stack.isEmpty && !overflowed }

    mutating func read(_ c: Unicode.Scalar) {
        guard let k = Self.index(c.value) else { return }
        if k & 1 == 0 {
            if stack.count >= 100 { overflowed = true }
            stack.append(k)
            return
        }
        let opening = k - 1
        let match = stack.lastIndex(of: opening) ?? 0
        stack.removeSubrange(match...)
    }

    /// The character's place in the table (even: opening), nil for any other.
    static func index(_ v: UInt32) -> Int? {
        // Thai, letters and digits first: most text has no pair at all.
        if v < 0x28 || (v >= 0x0E00 && v <= 0x0E7F) { return nil }
        var low = 0
        var high = pairs.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if pairs[mid] == v { return mid }
            if pairs[mid] < v { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }
}
