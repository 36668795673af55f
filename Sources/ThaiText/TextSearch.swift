/// Substring search on UTF-8 bytes. On Linux, `String.contains` and `range(of:)` go through
/// Foundation's NSString and cost a hundred times more; these run for every paragraph.
public enum TextSearch {
    /// Whether `needle` occurs in `haystack`.
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.utf8), n = Array(needle.utf8)
        return contains(h, n)
    }

    /// Whether `needle` occurs in `haystack` (bytes).
    public static func contains(_ h: [UInt8], _ n: [UInt8]) -> Bool {
        n.isEmpty || firstIndex(of: n, in: h, from: 0) != nil
    }

    /// Where `needle` first occurs in `haystack` at or after `from`.
    public static func firstIndex(of n: [UInt8], in h: [UInt8], from: Int) -> Int? {
        guard !n.isEmpty, h.count >= n.count, from >= 0, from <= h.count - n.count else { return nil }
        let first = n[0]
        var i = from
        while i <= h.count - n.count {
            if h[i] == first {
                var j = 1
                while j < n.count, h[i + j] == n[j] { j += 1 }
                if j == n.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// A list-item marker at the start of a paragraph — ๑. / 1) / (๒) / ๑.๒ / ๑.๑) — with the
    /// space after it; nil when the paragraph is only a marker or has none.
    public static func listMarker(_ paragraph: String) -> String? {
        let s = Scalars.of(paragraph)
        let scan = markerScan(s)
        guard scan.found, scan.reached < s.count else { return nil }
        return String(String.UnicodeScalarView(s[0..<scan.reached]))
    }

    /// Whether the scalars start with a marker, and how far the scan read (the marker's end with
    /// its spaces when found).
    static func markerScan(_ s: [Unicode.Scalar]) -> (found: Bool, reached: Int) {
        var i = 0
        if i < s.count, s[i] == "(" { i += 1 }
        let digitsStart = i
        func digits() -> Bool {
            let from = i
            while i < s.count, ThaiDigits.isDigit(s[i]) { i += 1 }
            return i > from
        }
        guard digits() else { return (false, i) }
        var dottedGroups = 0
        while i + 1 < s.count, s[i] == ".", ThaiDigits.isDigit(s[i + 1]) { i += 1; _ = digits(); dottedGroups += 1 }
        var closers = 0
        while i < s.count, s[i] == "." || s[i] == ")" { i += 1; closers += 1 }
        guard closers > 0 || dottedGroups > 0, i > digitsStart else { return (false, i) }
        while i < s.count, s[i].properties.isWhitespace { i += 1 }
        return (true, i)
    }
}
