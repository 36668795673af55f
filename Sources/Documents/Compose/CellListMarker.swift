import ThaiText

/// The list marker a cell's paragraph starts with, for its hanging indent: a number (๑. 1) ๑.๑),
/// a bullet (- • ◦ ▪ ➢ ❖ ✓ *) or a letter with a full stop or bracket (ก. ข) a. (b) i.).
enum CellListMarker {
    static let bullets: Set<Unicode.Scalar> = ["-", "•", "◦", "▪", "➢", "❖", "✓", "*", "–", "○", "●", "■", "□", "➤", "►"]

    static func of(_ paragraph: String) -> String? {
        if let m = TextSearch.listMarker(paragraph) { return m }
        let s = Array(paragraph.unicodeScalars)
        var i = 0
        if let first = s.first, bullets.contains(first) {
            i = 1
        } else {
            i = letterMarker(s)
            guard i > 0 else { return nil }
        }
        let end = i
        while i < s.count, s[i].properties.isWhitespace { i += 1 }
        // A marker is followed by a space and then the item's text.
        guard i > end, i < s.count else { return nil }
        return String(String.UnicodeScalarView(s[0..<i]))
    }

    /// `ก.` `ข)` `(ค)` `a.` `(b)` `iv.`: one Thai or Latin letter, or a roman number, closed by a
    /// full stop or a bracket; the length of the marker, 0 when there is none.
    static func letterMarker(_ s: [Unicode.Scalar]) -> Int {
        var i = 0
        let open = i < s.count && s[i] == "("
        if open { i += 1 }
        let start = i
        if i < s.count, (0x0E01...0x0E2E).contains(s[i].value) {
            i += 1
        } else {
            while i < s.count, i - start < 4, "ivxlcdmIVXLCDM".unicodeScalars.contains(s[i]) { i += 1 }
            if i == start, i < s.count, s[i].isASCII, s[i].properties.isAlphabetic { i += 1 }
        }
        guard i > start, i < s.count else { return 0 }
        if s[i] == ")" || (!open && s[i] == ".") { return i + 1 }
        return 0
    }
}
