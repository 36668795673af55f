/// Shows a cell's number the way its format code does (`#,##0.00`, `0%`, `d mmmm yyyy`, `General`),
/// with dates as Thai dates (Thai month and day names, Buddhist-Era years) and Arabic digits: the
/// document's style turns them into Thai digits when it says so. Fractions show as decimals.
enum CellFormat {
    /// A piece of a format section.
    enum Token: Equatable {
        case literal(String)
        case digit(Character)          // 0 # ?
        case point, comma, percent
        case exponent(Character)       // E+ or E-
        case date(String)              // y… m… d… h… s… b… e… g…, lower-cased
        case elapsed(String)           // [h] [mm] [ss]
        case ampm
        case general
        case text                      // @
    }

    /// The text of `value` under `code`; `date1904` is the workbook's date system.
    static func text(_ value: Double, code: String, date1904: Bool = false) -> String {
        guard value.isFinite else { return "#NUM!" }
        let sections = split(code)
        let (section, shownNegative) = pick(sections, value)
        let tokens = tokenize(section)
        let v = shownNegative ? value : abs(value)
        if tokens.contains(where: isDateToken) {
            guard value >= 0, value < 2_958_466 else { return general(value) }
            return CellDateText.text(value, tokens, date1904: date1904)
        }
        if tokens.contains(.general) || !tokens.contains(where: { if case .digit = $0 { return true } else { return false } }) {
            // `General`, or a section of literals only (`"nil"` for zero).
            if tokens.isEmpty || tokens == [.text] { return general(value) }
            return tokens.map { t -> String in
                switch t {
                case .general: return general(v)
                case .literal(let s): return s
                default: return ""
                }
            }.joined()
        }
        // Beyond 15 digits a sheet holds no exact number; Excel's own digits run out there too.
        if isFraction(tokens) || abs(v) >= 1e15 { return (v < 0 ? "-" : "") + general(abs(v)) }
        return CellNumberText.text(abs(v), tokens, negative: v < 0)
    }

    /// The section for the value: one for all; positive-and-zero, negative; positive, negative,
    /// zero. Returns whether the value's sign must still be printed (only the first section of a
    /// one-section code prints a minus; the others carry their own sign or brackets).
    static func pick(_ sections: [String], _ value: Double) -> (String, Bool) {
        let numeric = sections.count == 4 ? Array(sections.prefix(3)) : sections
        if value < 0, numeric.count >= 2 { return (numeric[1], false) }
        if value == 0, numeric.count >= 3 { return (numeric[2], false) }
        return (numeric.first ?? "General", true)
    }

    /// Sections split at `;` outside quotes, brackets and escapes.
    static func split(_ code: String) -> [String] {
        var sections = [String](), current = ""
        var quoted = false, bracket = false, escaped = false
        for ch in code {
            if escaped { current.append(ch); escaped = false; continue }
            switch ch {
            case "\\" where !quoted: escaped = true; current.append(ch)
            case "\"": quoted.toggle(); current.append(ch)
            case "[" where !quoted: bracket = true; current.append(ch)
            case "]" where !quoted: bracket = false; current.append(ch)
            case ";" where !quoted && !bracket: sections.append(current); current = ""
            default: current.append(ch)
            }
        }
        sections.append(current)
        return sections
    }

    static func tokenize(_ section: String) -> [Token] {
        let s = Array(section)
        var tokens = [Token]()
        var i = 0
        func literal(_ t: String) {
            if case .literal(let prev)? = tokens.last { tokens[tokens.count - 1] = .literal(prev + t) } else { tokens.append(.literal(t)) }
        }
        while i < s.count {
            let c = s[i]
            let lower = Character(c.lowercased())
            if c == "\"" {
                var j = i + 1, t = ""
                while j < s.count, s[j] != "\"" { t.append(s[j]); j += 1 }
                literal(t); i = j + 1
            } else if c == "\\", i + 1 < s.count {
                literal(String(s[i + 1])); i += 2
            } else if c == "_" {
                literal(" "); i += 2
            } else if c == "*" {
                i += 2
            } else if c == "[" {
                var j = i + 1, t = ""
                while j < s.count, s[j] != "]" { t.append(s[j]); j += 1 }
                i = j + 1
                switch bracket(t) {
                case .literal(let l)?: literal(l)
                case let token?: tokens.append(token)
                case nil: break
                }
            } else if "0#?".contains(c) {
                tokens.append(.digit(c)); i += 1
            } else if c == "." {
                tokens.append(.point); i += 1
            } else if c == "," {
                tokens.append(.comma); i += 1
            } else if c == "%" {
                tokens.append(.percent); i += 1
            } else if c == "@" {
                tokens.append(.text); i += 1
            } else if lower == "e", i + 1 < s.count, s[i + 1] == "+" || s[i + 1] == "-" {
                tokens.append(.exponent(s[i + 1])); i += 2
            } else if section.dropFirst(i).lowercased().hasPrefix("general") {
                tokens.append(.general); i += 7
            } else if section.dropFirst(i).lowercased().hasPrefix("am/pm") {
                tokens.append(.ampm); i += 5
            } else if section.dropFirst(i).lowercased().hasPrefix("a/p") {
                tokens.append(.ampm); i += 3
            } else if "ymdhsbeg".contains(lower) {
                var j = i
                while j < s.count, Character(s[j].lowercased()) == lower { j += 1 }
                tokens.append(.date(String(repeating: lower, count: j - i))); i = j
            } else {
                literal(String(c)); i += 1
            }
        }
        return tokens
    }

    /// `[Red]`, `[>=100]` and `[$-th-TH]` say nothing about the text; `[$฿-41E]` prints ฿;
    /// `[h]`, `[mm]`, `[ss]` count elapsed time.
    private static func bracket(_ t: String) -> Token? {
        let lower = t.lowercased()
        if let first = lower.first, "hms".contains(first), lower.allSatisfy({ $0 == first }) { return .elapsed(lower) }
        guard t.hasPrefix("$") else { return nil }
        let symbol = t.dropFirst().prefix { $0 != "-" }
        return symbol.isEmpty ? nil : .literal(String(symbol))
    }

    static func isDateToken(_ t: Token) -> Bool {
        switch t {
        case .date, .elapsed, .ampm: return true
        default: return false
        }
    }

    /// `# ?/?`: digits, a slash, digits.
    static func isFraction(_ tokens: [Token]) -> Bool {
        guard let slash = tokens.firstIndex(where: { if case .literal(let s) = $0 { return s.contains("/") } else { return false } }) else { return false }
        let isDigit: (Token) -> Bool = { if case .digit = $0 { return true } else { return false } }
        return tokens[..<slash].contains(where: isDigit) && tokens[(slash + 1)...].contains(where: isDigit)
    }

    /// Excel's `General`: whole numbers as they are, others to ten significant digits, very large
    /// or very small ones in scientific notation.
    static func general(_ v: Double) -> String {
        if v == 0 { return "0" }
        let a = abs(v)
        if v == v.rounded(), a < 1e11 { return String(Int64(v)) }
        if a >= 1e11 || a < 1e-9 {
            let s = String(format: "%.5E", v)
            let parts = s.split(separator: "E")
            var mantissa = String(parts[0])
            while mantissa.contains("."), mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
            return mantissa + "E" + (parts.count > 1 ? String(parts[1]) : "")
        }
        let s = String(format: "%.10g", v)
        return s.contains("e") ? s.replacingOccurrences(of: "e", with: "E") : s
    }
}
