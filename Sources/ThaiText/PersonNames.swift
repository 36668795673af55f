/// Finds people's names by their title (นาย, นางสาว, ผศ.ดร., พ.ต.อ., ว่าที่ ร.ต. …) so that a line
/// never breaks inside one that fits on it.
///
/// The rule (Thai writes no spaces between words, but one between a given name and a surname):
/// - a title from the list, longest first; titles that end in "." may follow one another, with or
///   without one space (ผศ.ดร., พล.ต.อ. ดร.);
/// - then, after at most one space, the given name: Thai letters up to the next space,
///   punctuation, digit or end of text, at most `maxGivenName` of them (longer: not a name);
/// - then, after exactly one space, the surname: Thai letters up to the next space, punctuation,
///   digit or end of text. A name followed directly by more Thai text ("นายสมชาย ใจดีเป็นผู้…")
///   cannot be told from a long surname without a dictionary of names, so the surname is taken to
///   run on, but at most `maxSurname` letters; a particle (ณ) takes the next word too (ณ อยุธยา);
/// - with no surname (punctuation or the end after the given name), the title and given name
///   alone, unless a space stood after the title;
/// - a title inside one of `notNames` (นายกเทศมนตรี, นายอำเภอ, มิถุนายน …) starts no name, and a
///   title with a "." is not read after another "." (ศ. in พ.ศ.).
/// Each name gives three ranges: the whole, title and given name, and the surname, so a name
/// wider than a line still breaks at its space rather than inside a word.
public struct PersonNames: Sendable, Hashable {
    /// The lists and limits the finder is made from (Templates/styles/names.yaml).
    public struct Rules: Sendable, Hashable {
        public var titles: [String]
        public var notNames: [String]
        public var surnameParticles: [String]
        public var maxGivenName: Int
        public var maxSurname: Int

        public init(titles: [String], notNames: [String], surnameParticles: [String], maxGivenName: Int, maxSurname: Int) {
            self.titles = titles
            self.notNames = notNames
            self.surnameParticles = surnameParticles
            self.maxGivenName = maxGivenName
            self.maxSurname = maxSurname
        }
    }

    public let rules: Rules
    let titles: Needles
    let notNames: Needles
    let particles: [[Unicode.Scalar]]
    /// The rules as bytes, compared and hashed without String's Thai normalisation.
    let signature: [UInt8]
    let digest: Int

    public init(_ rules: Rules) {
        self.rules = rules
        // Longest first, so นางสาว wins over นาง (and falls back to it when no name follows).
        let sorted = rules.titles.map(Scalars.of).filter { $0.count > 1 }.sorted { $0.count > $1.count }
        titles = Needles(sorted, pairs: true)
        notNames = Needles(rules.notNames.map(Scalars.of).filter { !$0.isEmpty })
        particles = rules.surnameParticles.map(Scalars.of).filter { !$0.isEmpty }
        signature = PersonNames.signature(rules)
        var h = Hasher()
        h.combine(signature)
        digest = h.finalize()
    }

    /// The rules as bytes: equal bytes, equal finders (a cache of finders is keyed by them).
    public static func signature(_ rules: Rules) -> [UInt8] {
        var bytes = [UInt8]()
        for list in [rules.titles, rules.notNames, rules.surnameParticles] {
            for s in list {
                bytes += s.utf8
                bytes.append(0)
            }
            bytes.append(1)
        }
        bytes += "\(rules.maxGivenName),\(rules.maxSurname)".utf8
        return bytes
    }

    public static func == (a: PersonNames, b: PersonNames) -> Bool { a.digest == b.digest && a.signature == b.signature }

    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    /// Scalar ranges to keep on one line: for each name the whole, then its two parts.
    public func ranges(in s: [Unicode.Scalar]) -> [Range<Int>] {
        guard !titles.isEmpty else { return [] }
        var out = [Range<Int>]()
        var i = 0
        while i < s.count {
            guard titles.mayStart(s, at: i), let name = name(at: i, in: s) else {
                i += 1
                continue
            }
            out.append(name.whole)
            out.append(name.given)
            if let surname = name.surname { out.append(surname) }
            i = name.whole.upperBound
        }
        return out
    }

    /// One name found: the whole, the title with the given name, and the surname if any.
    struct Found {
        var whole: Range<Int>
        var given: Range<Int>
        var surname: Range<Int>?
    }

    /// The name starting with a title at `i`, trying the titles there longest first.
    func name(at i: Int, in s: [Unicode.Scalar]) -> Found? {
        for t in titles.pairBucket(s, at: i) where titles.matches(t, s, at: i) {
            let title = titles.items[t]
            if title.contains("."), i > 0, s[i - 1] == "." { continue }
            if isInsideNotName(i, in: s) { return nil }
            if let found = rest(from: i, afterTitle: i + title.count, endsWithDot: title.last == ".", in: s) { return found }
        }
        return nil
    }

    /// The given name and surname after a title ending at `end`.
    func rest(from start: Int, afterTitle end: Int, endsWithDot: Bool, in s: [Unicode.Scalar]) -> Found? {
        var g = end
        var dot = endsWithDot
        // More titles: after one ending in ".", or an abbreviated one after any title.
        while let next = followingTitle(at: g, afterDot: dot, in: s) {
            g = next.end
            dot = next.dot
        }
        var spaced = false
        if g < s.count, s[g] == " " {
            g += 1
            spaced = true
        }
        let givenEnd = PersonNames.run(from: g, in: s)
        guard givenEnd > g, givenEnd - g <= rules.maxGivenName else { return nil }
        let given = start..<givenEnd
        guard let surname = surname(after: givenEnd, in: s) else {
            return spaced ? nil : Found(whole: given, given: given, surname: nil)
        }
        return Found(whole: start..<surname.upperBound, given: given, surname: surname)
    }

    /// A title right at `g` (or after one space) that may follow the title before it.
    func followingTitle(at g: Int, afterDot: Bool, in s: [Unicode.Scalar]) -> (end: Int, dot: Bool)? {
        var p = g
        if p < s.count, s[p] == " " { p += 1 }
        guard titles.mayStart(s, at: p) else { return nil }
        for t in titles.pairBucket(s, at: p) where titles.matches(t, s, at: p) {
            let title = titles.items[t]
            let dot = title.last == "."
            if afterDot || dot { return (p + title.count, dot) }
        }
        return nil
    }

    /// The surname after a given name ending at `e`: one space, then a run of letters (capped),
    /// with the word after a particle (ณ) included.
    func surname(after e: Int, in s: [Unicode.Scalar]) -> Range<Int>? {
        guard e + 1 < s.count, s[e] == " " else { return nil }
        let start = e + 1
        var end = PersonNames.run(from: start, in: s)
        guard end > start else { return nil }
        if particles.contains(where: { $0.count == end - start && Needles.same($0, s, at: start) }),
           end + 1 < s.count, s[end] == " " {
            let after = PersonNames.run(from: end + 1, in: s)
            if after > end + 1 { end = after }
        }
        return start..<min(end, start + rules.maxSurname)
    }

    /// Whether one of the words that are not names covers position `i`.
    func isInsideNotName(_ i: Int, in s: [Unicode.Scalar]) -> Bool {
        guard !notNames.isEmpty else { return false }
        for p in stride(from: i, through: max(0, i - notNames.longest + 1), by: -1) {
            for k in notNames.bucket(s[p]) where p + notNames.items[k].count > i && notNames.matches(k, s, at: p) { return true }
        }
        return false
    }

    /// End of the run of Thai letters starting at `p` (p itself when none starts there).
    static func run(from p: Int, in s: [Unicode.Scalar]) -> Int {
        guard p < s.count, isBase(s[p]) else { return p }
        var q = p + 1
        while q < s.count, isLetter(s[q]) { q += 1 }
        return q
    }

    /// A letter a name may start with: a consonant or a leading vowel.
    static func isBase(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0E01...0x0E2E, 0x0E40...0x0E44: return true
        default: return false
        }
    }

    /// A letter of a name: consonants, vowels, tone marks and signs (not ฯ, ๆ, ฿ or digits).
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0E01...0x0E2E, 0x0E30...0x0E3A, 0x0E40...0x0E45, 0x0E47...0x0E4E: return true
        default: return false
        }
    }
}

/// Words as scalars, by the low byte of their first scalar, so a scan asks only the few that may
/// start at a place; with `pairs`, also by the low bytes of their first two scalars (for words of
/// two scalars or more), since the first letters of titles (น พ ร ส เ …) start a third of Thai text.
struct Needles: Sendable {
    let items: [[Unicode.Scalar]]
    let buckets: [[Int]]
    /// Words by their first two scalars' low bytes (empty without `pairs`).
    let pairs: [[Int]]
    let longest: Int

    init(_ items: [[Unicode.Scalar]], pairs usePairs: Bool = false) {
        self.items = items
        var buckets = [[Int]](repeating: [], count: 256)
        for (k, n) in items.enumerated() { buckets[Int(n[0].value & 0xFF)].append(k) }
        self.buckets = buckets
        var pairs = [[Int]](repeating: [], count: usePairs ? 65_536 : 0)
        if usePairs {
            for (k, n) in items.enumerated() { pairs[Needles.pair(n[0], n[1])].append(k) }
        }
        self.pairs = pairs
        longest = items.map(\.count).max() ?? 0
    }

    var isEmpty: Bool { items.isEmpty }

    static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int { Int(a.value & 0xFF) << 8 | Int(b.value & 0xFF) }

    func bucket(_ c: Unicode.Scalar) -> [Int] { buckets[Int(c.value & 0xFF)] }

    /// The words (made with `pairs`) whose first two scalars may be those at `i`.
    func pairBucket(_ s: [Unicode.Scalar], at i: Int) -> [Int] {
        i + 1 < s.count ? pairs[Needles.pair(s[i], s[i + 1])] : []
    }

    /// Whether a word (made with `pairs`) may start at `i`.
    func mayStart(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        i + 1 < s.count && !pairs[Needles.pair(s[i], s[i + 1])].isEmpty
    }

    func matches(_ k: Int, _ s: [Unicode.Scalar], at i: Int) -> Bool { Needles.same(items[k], s, at: i) }

    /// Whether `needle` stands in `s` at `i` (compared in place).
    static func same(_ needle: [Unicode.Scalar], _ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + needle.count <= s.count else { return false }
        for k in needle.indices where s[i + k] != needle[k] { return false }
        return true
    }
}
