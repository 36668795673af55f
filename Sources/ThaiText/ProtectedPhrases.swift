/// Finds the stretches of Thai text that must not be broken across lines: given phrases (names,
/// the agency), dates, พ.ศ. with its year, and numbers with their units.
public struct ProtectedPhrases: Sendable {
    public var phrases: [String]
    /// The phrases as scalars, made once: this runs for every paragraph of every document.
    let needles: [[Unicode.Scalar]]
    static let unitsAfterScalars = unitsAfter.map { Array($0.unicodeScalars) }
    static let beforeScalars = (ThaiDate.monthNames + unitsBefore).map { Array($0.unicodeScalars) }
    static let monthScalars = ThaiDate.monthNames.map { Array($0.unicodeScalars) }

    /// Units that stay on the line of their number.
    public static let unitsAfter = ["บาท", "ราย", "คน", "คะแนน", "เดือน", "วัน", "ปี", "ครั้ง", "แห่ง", "ชั่วโมง",
                                    "นาที", "เปอร์เซ็นต์", "%", "หน่วย", "เล่ม", "ฉบับ", "เรื่อง", "โครงการ", "กิจกรรม", "ตำบล", "หมู่"]
    /// Words that stay on the line of the number after them.
    public static let unitsBefore = ["พ.ศ.", "ร้อยละ", "ข้อ", "ครั้งที่", "ฉบับที่", "ลำดับที่", "หมู่ที่", "ตัวชี้วัดที่", "จำนวน", "รอบ"]

    /// The needles by a byte mixed from their first two scalars (every needle has two), so that
    /// one pass over a text finds them all and each place tries only the few that may start there
    /// (by the first scalar alone, every ค tried the eight compounds that start with it). 256 of
    /// them, as before: Compounds makes a table of a document's own phrases at every call.
    let buckets: [[Int]]

    static func bucket(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int {
        Int((first.value &* 7 &+ second.value) & 0xFF)
    }

    public init(phrases: [String]) {
        // Each phrase once: a name of many equal words gave thousands of equal needles, each
        // matching everywhere the others do (millions of ranges, a gigabyte for one field).
        var seen = Set<[UInt8]>()
        self.phrases = phrases.filter { $0.unicodeScalars.count > 1 && seen.insert(Array($0.utf8)).inserted }
        needles = self.phrases.map { Scalars.of($0) }
        var buckets = [[Int]](repeating: [], count: 256)
        for (k, n) in needles.enumerated() { buckets[ProtectedPhrases.bucket(n[0], n[1])].append(k) }
        self.buckets = buckets
    }

    /// Scalar-index ranges that must stay on one line.
    public func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        occurrences(in: scalars) + numberRanges(scalars)
    }

    /// Each phrase's occurrences, left to right and not overlapping one another, phrase by phrase
    /// in the list's order; found in one pass over the text, whatever the number of phrases.
    public func occurrences(in hay: [Unicode.Scalar]) -> [Range<Int>] {
        guard !needles.isEmpty else { return [] }
        var found = [[Range<Int>]](repeating: [], count: needles.count)
        var next = [Int](repeating: 0, count: needles.count)
        var any = false
        for i in 0..<max(hay.count - 1, 0) {
            for k in buckets[ProtectedPhrases.bucket(hay[i], hay[i + 1])] where i >= next[k] && matches(needles[k], hay, at: i) {
                found[k].append(i..<(i + needles[k].count))
                next[k] = i + needles[k].count
                any = true
            }
        }
        return any ? found.flatMap { $0 } : []
    }

    /// The phrases that occur in the text, in the list's order.
    public func present(in hay: [Unicode.Scalar]) -> [String] {
        var seen = [Bool](repeating: false, count: needles.count)
        for i in 0..<max(hay.count - 1, 0) {
            for k in buckets[ProtectedPhrases.bucket(hay[i], hay[i + 1])] where !seen[k] && matches(needles[k], hay, at: i) { seen[k] = true }
        }
        return phrases.indices.filter { seen[$0] }.map { phrases[$0] }
    }

    /// Whether `needle` stands in `hay` at `i` (compared in place: no slice is made).
    func matches(_ needle: [Unicode.Scalar], _ hay: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + needle.count <= hay.count else { return false }
        for k in 1..<max(needle.count, 1) where hay[i + k] != needle[k] { return false }
        return needle.isEmpty || hay[i] == needle[0]
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
            if let e = word(after: end, in: s, from: ProtectedPhrases.monthScalars), e < s.count, s[e] == " ",
               e + 1 < s.count, ThaiDigits.isDigit(s[e + 1]) {
                var y = e + 1
                while y < s.count, ThaiDigits.isDigit(s[y]) { y += 1 }
                end = y
            } else if let e = word(after: end, in: s, from: ProtectedPhrases.unitsAfterScalars) {
                end = e
            }
            // Month name or unit word before the number.
            if let b = word(before: start, in: s, from: ProtectedPhrases.beforeScalars) { start = b }
            if end - start > j - i || start < i { out.append(start..<end) }
            i = j
        }
        return out
    }

    /// If one of `words` follows position p (after at most one space), its range end.
    func word(after p: Int, in s: [Unicode.Scalar], from words: [[Unicode.Scalar]]) -> Int? {
        var q = p
        if q < s.count, s[q] == " " { q += 1 }
        for ws in words where matches(ws, s, at: q) {
            // Only a whole word: the unit must not be the start of a longer word (ปี in ปีงบประมาณ).
            let next = q + ws.count
            if next < s.count, isThaiConsonant(s[next]) { continue }
            return next
        }
        return nil
    }

    /// If one of `words` ends just before position p (with at most one space between), its start.
    func word(before p: Int, in s: [Unicode.Scalar], from words: [[Unicode.Scalar]]) -> Int? {
        var q = p
        if q > 0, s[q - 1] == " " { q -= 1 }
        for ws in words where matches(ws, s, at: q - ws.count) { return q - ws.count }
        return nil
    }

    func isThaiConsonant(_ c: Unicode.Scalar) -> Bool { (0x0E01...0x0E2E).contains(c.value) }
}
