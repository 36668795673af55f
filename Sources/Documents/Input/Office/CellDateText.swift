import Foundation
import ThaiText

/// A date or time under a date format section, the Thai way: Thai month and day names and
/// Buddhist-Era years (a year typed as B.E. already, 2400 or later, is kept).
enum CellDateText {
    typealias Token = CellFormat.Token

    /// A serial date's calendar parts.
    struct Parts {
        var year = 1900, month = 1, day = 1, weekday = 0
        var hour = 0, minute = 0, second = 0, fraction = 0
        /// Whole days and the time of day, for elapsed-time tokens.
        var days = 0, secondsOfDay = 0
    }

    static func text(_ serial: Double, _ tokens: [Token], date1904: Bool) -> String {
        let decimals = fractionDigits(tokens)
        let p = parts(serial, date1904: date1904, decimals: decimals)
        let twelve = tokens.contains(.ampm)
        var out = ""
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            switch t {
            case .literal(let s): out += s
            case .ampm: out += p.hour < 12 ? "AM" : "PM"
            case .elapsed(let e): out += elapsed(e, p)
            case .date(let d): out += field(d, p, minute: isMinute(tokens, i), twelve: twelve)
            case .point where decimals > 0 && i + 1 < tokens.count && tokens[i + 1] == .digit("0"):
                out += "." + pad(p.fraction, decimals)
                while i + 1 < tokens.count, tokens[i + 1] == .digit("0") { i += 1 }
            case .digit(let c): out.append(c)
            case .point: out += "."
            case .comma: out += ","
            case .percent: out += "%"
            default: break
            }
            i += 1
        }
        return out
    }

    static func field(_ d: String, _ p: Parts, minute: Bool, twelve: Bool) -> String {
        let n = d.count
        let be = p.year >= 2400 ? p.year : p.year + 543
        switch d.first {
        case "y", "b": return n <= 2 ? pad(be % 100, 2) : String(be)
        case "e": return String(be)
        case "g": return "พ.ศ."
        case "d":
            switch n {
            case 1: return String(p.day)
            case 2: return pad(p.day, 2)
            case 3: return ThaiCalendarNames.dayAbbreviations[p.weekday]
            default: return ThaiCalendarNames.dayNames[p.weekday]
            }
        case "m" where minute: return n == 1 ? String(p.minute) : pad(p.minute, 2)
        case "m":
            switch n {
            case 1: return String(p.month)
            case 2: return pad(p.month, 2)
            case 3: return ThaiCalendarNames.monthAbbreviations[p.month - 1]
            case 4: return ThaiDate.monthNames[p.month - 1]
            default: return String(ThaiDate.monthNames[p.month - 1].prefix(1))
            }
        case "h":
            let h = twelve ? (p.hour % 12 == 0 ? 12 : p.hour % 12) : p.hour
            return n == 1 ? String(h) : pad(h, 2)
        case "s": return n == 1 ? String(p.second) : pad(p.second, 2)
        default: return d
        }
    }

    /// `m` means minutes after an hour or before a second, months elsewhere.
    static func isMinute(_ tokens: [Token], _ i: Int) -> Bool {
        guard case .date(let d) = tokens[i], d.first == "m", d.count <= 2 else { return false }
        for t in tokens[..<i].reversed() {
            if case .date(let p) = t { if p.first == "h" { return true }; break }
            if case .elapsed(let p) = t { if p.first == "h" { return true }; break }
        }
        for t in tokens[(i + 1)...] {
            if case .date(let n) = t { return n.first == "s" }
            if case .elapsed(let n) = t { return n.first == "s" }
        }
        return false
    }

    static func elapsed(_ e: String, _ p: Parts) -> String {
        let total = p.days * 86_400 + p.secondsOfDay
        switch e.first {
        case "h": return pad(total / 3600, e.count)
        case "m": return pad(total / 60, e.count)
        default: return pad(total, e.count)
        }
    }

    /// Decimal places of the seconds (`ss.00`).
    static func fractionDigits(_ tokens: [Token]) -> Int {
        guard let s = tokens.lastIndex(where: { if case .date(let d) = $0 { return d.first == "s" } else { return false } }),
              s + 1 < tokens.count, tokens[s + 1] == .point else { return 0 }
        var n = 0
        while s + 2 + n < tokens.count, tokens[s + 2 + n] == .digit("0") { n += 1 }
        // Excel shows at most thousandths of a second.
        return min(n, 3)
    }

    /// Excel's serial dates: days since 1899-12-30 (with its phantom 29 February 1900), or since
    /// 1904-01-01 in the 1904 date system.
    static func parts(_ serial: Double, date1904: Bool, decimals: Int) -> Parts {
        var days = Int(serial.rounded(.down))
        let scale = pow(10, Double(decimals))
        var units = Int(((serial - Double(days)) * 86_400 * scale).rounded())
        if units >= Int(86_400 * scale) { days += 1; units -= Int(86_400 * scale) }
        var p = Parts()
        p.days = days
        p.secondsOfDay = units / Int(scale)
        p.hour = p.secondsOfDay / 3600; p.minute = p.secondsOfDay / 60 % 60; p.second = p.secondsOfDay % 60
        p.fraction = units % Int(scale)
        if !date1904 && days == 60 {
            p.year = 1900; p.month = 2; p.day = 29; p.weekday = 3
            return p
        }
        let unix = date1904 ? days - 24_107 : (days < 60 ? days - 25_568 : days - 25_569)
        (p.year, p.month, p.day) = civil(unix)
        p.weekday = ((unix + 4) % 7 + 7) % 7
        return p
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01.
    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
