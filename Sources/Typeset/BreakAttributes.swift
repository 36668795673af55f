import CPangoCairo

/// Pango's log attributes of a paragraph (libthai's Thai word breaks, UAX #14 elsewhere),
/// worked out stretch by stretch between spaces and kept by each stretch's bytes: in a batch the
/// same sentences come back in every document with only the unit's name changed, and this
/// analysis was a third of shaping. Belongs to one FontSystem (one thread).
final class BreakAttributes {
    private let kept = KeptValues<ByteKey, [PangoLogAttr]>(half: 1_000)
    private let language: OpaquePointer?

    init(language: OpaquePointer?) { self.language = language }

    /// The attributes of `utf8` (its scalars' byte offsets given, and the `cuts` of those scalars),
    /// one per scalar and one for the end, the same as one call over the whole text.
    func attributes(_ utf8: UnsafeBufferPointer<UInt8>, offsets: [Int], cuts: [Int]) -> [PangoLogAttr] {
        let count = offsets.count - 1
        var result = [PangoLogAttr]()
        result.reserveCapacity(count + 1)
        var start = 0
        for end in cuts + [count] {
            var part = stretch(UnsafeBufferPointer(rebasing: utf8[offsets[start]..<offsets[end]]), count: end - start)
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

    private func stretch(_ utf8: UnsafeBufferPointer<UInt8>, count: Int) -> [PangoLogAttr] {
        let key = ByteKey(UnsafeRawBufferPointer(utf8))
        if let a = kept[key] { return a }
        let a = whole(utf8, count: count)
        kept.insert(a, for: key)
        return a
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
