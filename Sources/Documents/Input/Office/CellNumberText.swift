import Foundation

/// A number under a numeric format section: digit placeholders (0 # ?), thousands separators,
/// scaling commas, percent, decimals and exponents, with the section's literals in place.
enum CellNumberText {
    typealias Token = CellFormat.Token

    static func text(_ value: Double, _ tokens: [Token], negative: Bool) -> String {
        var v = value
        let expAt = tokens.firstIndex { if case .exponent = $0 { return true } else { return false } }
        let mantissaEnd = expAt ?? tokens.count
        let pointAt = tokens[..<mantissaEnd].firstIndex(of: .point)
        let intEnd = pointAt ?? mantissaEnd
        let intPlaces = placeholders(tokens, 0..<intEnd)
        let fracPlaces = pointAt.map { placeholders(tokens, ($0 + 1)..<mantissaEnd) } ?? []
        for t in tokens where t == .percent { v *= 100 }
        let (grouping, scale) = commas(tokens, intPlaces)
        v /= pow(1000, Double(scale))
        var exponent = 0
        if expAt != nil, v > 0 {
            exponent = Int(floor(log10(v)))
            // `##0.0E+0` keeps exponents in steps of the integer digits (engineering notation).
            if intPlaces.count > 1, tokens[intPlaces[0]] == .digit("#") {
                exponent -= ((exponent % intPlaces.count) + intPlaces.count) % intPlaces.count
            }
            v /= pow(10, Double(exponent))
        }
        let (intDigits, fracDigits) = rounded(v, decimals: min(fracPlaces.count, 30))
        var out = [Int: String]()
        fillInteger(intDigits, tokens, intPlaces, grouping: grouping, into: &out)
        fillFraction(fracDigits, tokens, fracPlaces, into: &out)
        var result = negative && (intDigits != "0" || fracDigits.contains { $0 != "0" }) ? "-" : ""
        for (i, t) in tokens.enumerated() {
            switch t {
            case .literal(let s): result += s
            case .digit where i < mantissaEnd: result += out[i] ?? ""
            case .point: if i == pointAt { result += "." }
            case .percent: result += "%"
            case .exponent(let sign):
                let digits = placeholders(tokens, (i + 1)..<tokens.count).count
                let e = String(abs(exponent))
                result += "E" + (exponent < 0 ? "-" : sign == "+" ? "+" : "") + String(repeating: "0", count: max(0, digits - e.count)) + e
            default: break
            }
        }
        return result
    }

    static func placeholders(_ tokens: [Token], _ range: Range<Int>) -> [Int] {
        range.filter { if case .digit = tokens[$0] { return true } else { return false } }
    }

    /// A comma between integer placeholders groups thousands; commas right after the last one
    /// divide by a thousand each.
    static func commas(_ tokens: [Token], _ intPlaces: [Int]) -> (Bool, Int) {
        guard let first = intPlaces.first, let last = intPlaces.last else { return (false, 0) }
        let grouping = (first..<last).contains { tokens[$0] == .comma }
        var scale = 0, i = last + 1
        while i < tokens.count, tokens[i] == .comma { scale += 1; i += 1 }
        return (grouping, scale)
    }

    /// Digits of the value rounded half away from zero to `decimals` places, read at 15
    /// significant digits as Excel does (so 2.675 rounds to 2.68).
    static func rounded(_ v: Double, decimals: Int) -> (String, String) {
        var d = Decimal(string: String(format: "%.15g", v)) ?? Decimal(v)
        var r = Decimal()
        NSDecimalRound(&r, &d, decimals, .plain)
        let s = NSDecimalNumber(decimal: r).stringValue
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let int = parts.first.map(String.init) ?? "0"
        var frac = parts.count > 1 ? String(parts[1]) : ""
        frac += String(repeating: "0", count: max(0, decimals - frac.count))
        return (int.isEmpty ? "0" : int, String(frac.prefix(decimals)))
    }

    /// Integer digits go right to left into the placeholders; the leftmost takes what is left.
    static func fillInteger(_ digits: String, _ tokens: [Token], _ places: [Int], grouping: Bool, into out: inout [Int: String]) {
        guard !places.isEmpty else { return }
        let zeros = places.filter { tokens[$0] == .digit("0") }.count
        var d = Array(digits == "0" && zeros == 0 ? "" : digits)
        if grouping {
            while d.count < zeros { d.insert("0", at: 0) }
            out[places[0]] = group(String(d))
            return
        }
        for (k, p) in places.enumerated().reversed() {
            if k == 0 {
                out[p] = d.isEmpty ? empty(tokens[p]) : String(d)
            } else if let last = d.popLast() {
                out[p] = String(last)
            } else {
                out[p] = empty(tokens[p])
            }
        }
    }

    /// Decimal digits left to right; trailing zeros under `#` vanish and under `?` turn to spaces.
    static func fillFraction(_ digits: String, _ tokens: [Token], _ places: [Int], into out: inout [Int: String]) {
        let d = Array(digits)
        var keep = d.count
        while keep > 0, d[keep - 1] == "0", tokens[places[keep - 1]] != .digit("0") { keep -= 1 }
        for (k, p) in places.enumerated() {
            out[p] = k < keep ? String(d[k]) : empty(tokens[p])
        }
    }

    static func empty(_ t: Token) -> String {
        switch t {
        case .digit("0"): return "0"
        case .digit("?"): return " "
        default: return ""
        }
    }

    static func group(_ s: String) -> String {
        var out = ""
        for (k, ch) in s.reversed().enumerated() {
            if k > 0, k % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return String(out.reversed())
    }
}
