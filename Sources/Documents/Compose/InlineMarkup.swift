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
        func close() {
            if text.count > runStart {
                spans.append(StyleSpan(range: runStart..<text.count, font: font.with(bold: font.bold || bold), underline: underline))
            }
            runStart = text.count
        }
        var i = 0
        while i < s.count {
            if i + 1 < s.count, s[i] == "*", s[i + 1] == "*", bold || hasClosing(s, from: i + 2, "*") {
                close(); bold.toggle(); i += 2; continue
            }
            if i + 1 < s.count, s[i] == "_", s[i + 1] == "_", underline || hasClosing(s, from: i + 2, "_") {
                close(); underline.toggle(); i += 2; continue
            }
            text.append(s[i]); i += 1
        }
        close()
        if spans.isEmpty { spans = [StyleSpan(range: 0..<0, font: font)] }
        return InlineText(text: String(text), spans: spans)
    }

    /// Markers only count when a closing pair follows, so a lone `**` prints as typed.
    private static func hasClosing(_ s: [Unicode.Scalar], from: Int, _ c: Unicode.Scalar) -> Bool {
        var j = from
        while j + 1 < s.count { if s[j] == c, s[j + 1] == c { return true }; j += 1 }
        return false
    }
}
