/// Calendar dates printed the Thai official way: day, month name, Buddhist-Era year.
public struct ThaiDate: Sendable, Equatable {
    public let year: Int   // Common Era
    public let month: Int  // 1...12
    public let day: Int

    public static let monthNames = [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ]

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= ThaiDate.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses an ISO date `YYYY-MM-DD`; nil for anything else.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Buddhist-Era year.
    public var buddhistYear: Int { year + 543 }

    /// "๕ มีนาคม ๒๕๖๙"
    public func formatted(_ digits: DigitStyle = .thai) -> String {
        "\(ThaiDigits.number(day, digits)) \(ThaiDate.monthNames[month - 1]) \(ThaiDigits.number(buddhistYear, digits))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A Thai government fiscal year (ปีงบประมาณ), named by its Buddhist-Era year: 1 October of the year before to 30 September.
public struct FiscalYear: Sendable, Equatable {
    public let buddhistYear: Int
    public init(buddhistYear: Int) { self.buddhistYear = buddhistYear }

    public var start: ThaiDate { ThaiDate(year: buddhistYear - 544, month: 10, day: 1)! }
    public var end: ThaiDate { ThaiDate(year: buddhistYear - 543, month: 9, day: 30)! }

    /// "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘"
    public func formatted(_ digits: DigitStyle = .thai) -> String {
        "\(start.formatted(digits)) – \(end.formatted(digits))"
    }
}
