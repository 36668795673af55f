/// Finds the stretches of Thai text that must not be broken across lines: given phrases (names,
/// the agency), dates, พ.ศ. with its year, and numbers with their units.
public struct ProtectedPhrases: Sendable {
    public var phrases: [String]

    /// Units that stay on the line of their number.
    public static let unitsAfter = ["บาท", "ราย", "คน", "คะแนน", "เดือน", "วัน", "ปี", "ครั้ง", "แห่ง", "ชั่วโมง",
                                    "นาที", "เปอร์เซ็นต์", "%", "หน่วย", "เล่ม", "ฉบับ", "เรื่อง", "โครงการ", "กิจกรรม", "ตำบล", "หมู่"]
    /// Words that stay on the line of the number after them.
    public static let unitsBefore = ["พ.ศ.", "ร้อยละ", "ข้อ", "ครั้งที่", "ฉบับที่", "ลำดับที่", "หมู่ที่", "ตัวชี้วัดที่", "จำนวน", "รอบ"]

    public init(phrases: [String]) {
        self.phrases = phrases.filter { $0.unicodeScalars.count > 1 }
    }

    /// Scalar-index ranges that must stay on one line.
    public func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result = [Range<Int>]()
        for phrase in phrases { result += occurrences(of: Array(phrase.unicodeScalars), in: scalars) }
        result += numberRanges(scalars)
        return result
    }

    func occurrences(of needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> [Range<Int>] {
        guard !needle.isEmpty, hay.count >= needle.count else { return [] }
        var out = [Range<Int>]()
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == needle[0], Array(hay[i..<(i + needle.count)]) == needle {
                out.append(i..<(i + needle.count)); i += needle.count
            } else { i += 1 }
        }
        return out
    }

    /// Dates (๕ มีนาคม ๒๕๖๙, มีนาคม ๒๕๖๖), พ.ศ. ๒๕๖๘, numbers with units, and " ๆ".
    func numberRanges(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out = [Range<Int>]()
        var i = 0
        while i < s.count {
            guard ThaiDigits.isDigit(s[i]) else {
                if s[i] == "ๆ", i >= 2, s[i - 1] == " " { out.append((i - 2)..<(i + 1)) }
                i += 1; continue
            }
            var j = i
            while j < s.count, ThaiDigits.isDigit(s[j]) || (j + 1 < s.count && ",./:".unicodeScalars.contains(s[j]) && ThaiDigits.isDigit(s[j + 1])) { j += 1 }
            var start = i, end = j
            // Month name and year after the day.
            if let (m, e) = word(after: end, in: s, from: ThaiDate.monthNames), e < s.count, s[e] == " ",
               e + 1 < s.count, ThaiDigits.isDigit(s[e + 1]) {
                var y = e + 1
                while y < s.count, ThaiDigits.isDigit(s[y]) { y += 1 }
                _ = m; end = y
            } else if let (_, e) = word(after: end, in: s, from: ProtectedPhrases.unitsAfter) {
                end = e
            }
            // Month name or unit word before the number.
            if let b = word(before: start, in: s, from: ThaiDate.monthNames + ProtectedPhrases.unitsBefore) { start = b }
            if end - start > j - i || start < i { out.append(start..<end) }
            i = j
        }
        return out
    }

    /// If one of `words` follows position p (after at most one space), its range end.
    func word(after p: Int, in s: [Unicode.Scalar], from words: [String]) -> (String, Int)? {
        var q = p
        if q < s.count, s[q] == " " { q += 1 }
        for w in words {
            let ws = Array(w.unicodeScalars)
            if q + ws.count <= s.count, Array(s[q..<(q + ws.count)]) == ws {
                // Only a whole word: the unit must not be the start of a longer word (ปี in ปีงบประมาณ).
                let next = q + ws.count
                if next < s.count, isThaiConsonant(s[next]) { continue }
                return (w, next)
            }
        }
        return nil
    }

    /// If one of `words` ends just before position p (with at most one space between), its start.
    func word(before p: Int, in s: [Unicode.Scalar], from words: [String]) -> Int? {
        var q = p
        if q > 0, s[q - 1] == " " { q -= 1 }
        for w in words {
            let ws = Array(w.unicodeScalars)
            if q - ws.count >= 0, Array(s[(q - ws.count)..<q]) == ws { return q - ws.count }
        }
        return nil
    }

    func isThaiConsonant(_ c: Unicode.Scalar) -> Bool { (0x0E01...0x0E2E).contains(c.value) }
}
