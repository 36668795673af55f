import Layout
import ThaiText
import Typeset

/// Reads the document's inline markup: `**bold**` and `__underline__`; everything else is literal.
enum InlineMarkup {
    static func parse(_ source: String, font: FontSpec) -> InlineText {
        // Most text has no markers at all: one span, no scalar-by-scalar copy.
        if !Scalars.hasByte(source, UInt8(ascii: "*"), or: UInt8(ascii: "_")) {
            return InlineText(source, font: font)
        }
        var text = String.UnicodeScalarView()
        var spans = [StyleSpan]()
        var bold = false, underline = false
        var runStart = 0
        let s = Scalars.of(source)
        // Where the last pair of each marker starts: a pair at or after a place closes it.
        let lastBold = lastPair(s, "*"), lastUnderline = lastPair(s, "_")
        // Scalars in `text` so far (the view's own count walks the whole string).
        var count = 0
        func close() {
            if count > runStart {
                spans.append(StyleSpan(range: runStart..<count, font: font.with(bold: font.bold || bold), underline: underline))
            }
            runStart = count
        }
        var i = 0
        while i < s.count {
            if i + 1 < s.count, s[i] == "*", s[i + 1] == "*", bold || lastBold >= i + 2 {
                close(); bold.toggle(); i += 2; continue
            }
            if i + 1 < s.count, s[i] == "_", s[i + 1] == "_", underline || lastUnderline >= i + 2 {
                close(); underline.toggle(); i += 2; continue
            }
            text.append(s[i])
            count += 1
            i += 1
        }
        close()
        if spans.isEmpty { spans = [StyleSpan(range: 0..<0, font: font)] }
        return InlineText(text: String(text), spans: spans)
    }

    /// Markers only count when a closing pair follows, so a lone `**` prints as typed: the start of
    /// the text's last pair of `c` (-1 if none), found once rather than searched for at every marker.
    private static func lastPair(_ s: [Unicode.Scalar], _ c: Unicode.Scalar) -> Int {
        var j = s.count - 2
        while j >= 0, s[j] != c || s[j + 1] != c { j -= 1 }
        return max(j, -1)
    }
}
