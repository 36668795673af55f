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
    /// follows a letter, digit or Thai mark and comes before a letter or digit. No line-breaking
    /// rule looks across such spaces (none of opening or closing punctuation, quotes, dashes or
    /// ๆ and ฯ is on either side), and libthai's dictionary reads each run of Thai on its own.
    static func cuts(_ s: [Unicode.Scalar]) -> [Int] {
        var cuts = [Int]()
        var i = 1
        while i < s.count {
            if s[i - 1] == " ", s[i] != " ", startsStretch(s[i]) {
                var j = i - 1
                while j > 0, s[j - 1] == " " { j -= 1 }
                if j > 0, endsStretch(s[j - 1]) { cuts.append(i) }
            }
            i += 1
        }
        return cuts
    }

    static func startsStretch(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0E01...0x0E2E, 0x0E40...0x0E44, 0x0E50...0x0E59, 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    static func endsStretch(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0E01...0x0E2E, 0x0E30...0x0E3A, 0x0E40...0x0E45, 0x0E47...0x0E4E, 0x0E50...0x0E59,
             0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }
}
