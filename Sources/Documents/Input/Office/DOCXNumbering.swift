import ThaiText

/// Word's list numbering (`word/numbering.xml`), counted through the document in order so each
/// numbered paragraph gets the marker Word prints: ๑. ๒. (thaiNumbers), ก. ข. (thaiLetters),
/// 1. 1.1 a) i. and bullets. Paragraphs of instances (`w:num`) of one abstract list go on with
/// one count, as in Word; an instance's `startOverride` starts it again.
final class DOCXNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
        var suffix = "tab"
        var legal = false
    }

    private var abstracts: [String: [Int: Level]] = [:]
    private var instances: [String: (abstract: String, starts: [Int: Int], levels: [Int: Level])] = [:]
    private var counters: [String: [Int?]] = [:]
    private var started: Set<String> = []

    init(_ root: OfficeXML.Element?) {
        guard let root else { return }
        for a in root.all("abstractNum") {
            guard let id = a["abstractNumId"] else { continue }
            abstracts[id] = DOCXNumbering.levels(a.all("lvl"))
        }
        for n in root.all("num") {
            guard let id = n["numId"], let abstract = n.child("abstractNumId")?["val"] else { continue }
            var starts = [Int: Int](), levels = [Int: Level]()
            for o in n.all("lvlOverride") {
                guard let l = o["ilvl"].flatMap({ Int($0) }) else { continue }
                if let s = o.child("startOverride")?["val"].flatMap({ Int($0) }) { starts[l] = s }
                if let lvl = o.child("lvl") { levels.merge(DOCXNumbering.levels([lvl])) { _, b in b } }
            }
            instances[id] = (abstract, starts, levels)
        }
    }

    static func levels(_ elements: [OfficeXML.Element]) -> [Int: Level] {
        var out = [Int: Level]()
        for l in elements {
            guard let k = l["ilvl"].flatMap({ Int($0) }), (0...8).contains(k) else { continue }
            var level = Level()
            if let s = l.child("start")?["val"].flatMap({ Int($0) }) { level.start = s }
            // Word 2010+ may wrap the format in mc:AlternateContent; its Fallback is the plain one.
            let fmt = l.child("numFmt") ?? l.child("AlternateContent")?.child("Fallback")?.child("numFmt")
            if let f = fmt?["val"] { level.format = f }
            if let t = l.child("lvlText")?["val"] { level.text = t }
            if let s = l.child("suff")?["val"] { level.suffix = s }
            level.legal = l.child("isLgl").map { XLSXRuns.on($0["val"]) } ?? false
            out[k] = level
        }
        return out
    }

    /// The next marker of list `numId` at `level`, with the space after it; nil when the
    /// paragraph is not numbered after all.
    func next(numId: String, level: Int) -> String? {
        guard numId != "0", let inst = instances[numId], let defs = abstracts[inst.abstract] else { return nil }
        let level = min(max(level, 0), 8)
        func def(_ l: Int) -> Level? { inst.levels[l] ?? defs[l] }
        guard let lvl = def(level) else { return nil }
        var count = counters[inst.abstract] ?? [Int?](repeating: nil, count: 9)
        if !started.contains(numId) {
            started.insert(numId)
            for (l, s) in inst.starts where (0...8).contains(l) { count[l] = s - 1 }
        }
        count[level] = (count[level] ?? ((def(level)?.start ?? 1) - 1)) + 1
        for deeper in (level + 1)..<9 { count[deeper] = nil }
        counters[inst.abstract] = count
        var marker = lvl.format == "bullet" ? DOCXNumbering.bullet(lvl.text) : lvl.text
        if lvl.format != "bullet" {
            for l in (0...level).reversed() {
                let n = count[l] ?? def(l)?.start ?? 1
                let format = lvl.legal && l < level ? "decimal" : (def(l)?.format ?? "decimal")
                marker = marker.replacingOccurrences(of: "%\(l + 1)", with: DOCXNumbering.number(n, format))
            }
        }
        if lvl.format == "none" { marker = lvl.text.contains("%") ? "" : lvl.text }
        guard !marker.isEmpty else { return nil }
        return marker + (lvl.suffix == "nothing" ? "" : " ")
    }

    /// A list number in Word's format.
    static func number(_ n: Int, _ format: String) -> String {
        switch format {
        case "thaiNumbers", "thaiCounting": return ThaiDigits.number(n, .thai)
        case "thaiLetters": return letters(n, thaiLetters)
        case "lowerLetter": return letters(n, latin).lowercased()
        case "upperLetter": return letters(n, latin)
        case "lowerRoman": return roman(n).lowercased()
        case "upperRoman": return roman(n)
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "none": return ""
        default: return String(n)
        }
    }

    /// Word's Thai letter sequence leaves out the obsolete ฃ and ฅ.
    static let thaiLetters = Array("กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ").map(String.init)
    static let latin = (65...90).map { String(UnicodeScalar(UInt8($0))) }

    /// a … z, then aa … zz: the letter repeated, as Word counts on.
    static func letters(_ n: Int, _ alphabet: [String]) -> String {
        guard n >= 1 else { return String(n) }
        let letter = alphabet[(n - 1) % alphabet.count]
        return String(repeating: letter, count: (n - 1) / alphabet.count + 1)
    }

    static func roman(_ n: Int) -> String {
        guard n >= 1, n < 4000 else { return String(n) }
        let values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                      (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, s = ""
        for (v, r) in values { while n >= v { s += r; n -= v } }
        return s
    }

    /// Bullets drawn from the Symbol and Wingdings fonts sit in the private use area; print the
    /// Unicode character that looks like each.
    static func bullet(_ text: String) -> String {
        String(text.unicodeScalars.map { s -> Character in
            switch s.value {
            case 0xF0B7, 0xF0B2: return "•"
            case 0xF0A7, 0xF06E: return "▪"
            case 0xF0D8: return "➢"
            case 0xF076: return "❖"
            case 0xF0FC: return "✓"
            case 0xF0E0...0xF0FF, 0xF000...0xF0DF: return "•"
            case 0x6F where text.count == 1: return "◦"
            default: return Character(s)
            }
        })
    }
}
