extension ThaiDigits {
    /// Like `apply`, but leaves web addresses, e-mail addresses and file names as typed.
    /// Works on scalars: this runs on every string of every document.
    public static func applyToProse(_ style: DigitStyle, to text: String) -> String {
        // Arabic keeps what was typed: only numbers Saraban generates (dates, pages) switch.
        guard style == .thai, Scalars.hasByte(text, in: 0x30, 0x39) else { return text }
        let scalars = Scalars.of(text)
        var out = String.UnicodeScalarView()
        var start = 0
        while start < scalars.count {
            var end = start
            while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
            let token = scalars[start..<end]
            if isAddress(token) { out.append(contentsOf: token) } else {
                for s in token {
                    out.append((0x30...0x39).contains(s.value) ? Unicode.Scalar(thaiZero + s.value - 0x30)! : s)
                }
            }
            while end < scalars.count, scalars[end].properties.isWhitespace { out.append(scalars[end]); end += 1 }
            start = end
        }
        return String(out)
    }

    /// A web or e-mail address or a file name: its digits are part of a name, not a number.
    static func isAddress(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
        guard token.count > 4, token.contains(where: { $0 == "." || $0 == "@" || $0 == "/" }) else { return false }
        let s = String(String.UnicodeScalarView(token))
        return ["://", "@", ".go.th", ".com", ".or.th", ".ac.th"].contains { TextSearch.contains(s, $0) }
            || s.hasPrefix("www.") || s.hasSuffix(".pdf")
    }
}
