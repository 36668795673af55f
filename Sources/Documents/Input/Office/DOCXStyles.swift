/// What Word's styles (`word/styles.xml`) say about a paragraph or run: bold, and a paragraph
/// style's list numbering; each style may be based on another.
struct DOCXStyles {
    struct Style {
        var basedOn: String?
        var bold: Bool?
        var numId: String?
        var level: Int?
    }

    private var styles: [String: Style] = [:]
    /// The paragraph style of paragraphs that name none (Normal).
    private(set) var defaultParagraph: String?

    init(_ root: OfficeXML.Element?) {
        guard let root else { return }
        for s in root.all("style") {
            guard let id = s["styleId"] else { continue }
            let numPr = s.child("pPr")?.child("numPr")
            styles[id] = Style(basedOn: s.child("basedOn")?["val"], bold: DOCXStyles.bold(s.child("rPr")),
                               numId: numPr?.child("numId")?["val"], level: numPr?.child("ilvl")?["val"].flatMap { Int($0) })
            if s["type"] == "paragraph", XLSXRuns.on(s["default"]), s["default"] != nil { defaultParagraph = id }
        }
    }

    /// Bold set in run properties: `w:b` or, for Thai and other complex scripts, `w:bCs`.
    static func bold(_ rPr: OfficeXML.Element?) -> Bool? {
        guard let rPr else { return nil }
        let b = rPr.child("b").map { XLSXRuns.on($0["val"]) }
        let cs = rPr.child("bCs").map { XLSXRuns.on($0["val"]) }
        if b == nil && cs == nil { return nil }
        return (b ?? false) || (cs ?? false)
    }

    /// The first answer along a style's `basedOn` chain (cycles stop after 20 steps).
    func lookup<T>(_ id: String?, _ value: (Style) -> T?) -> T? {
        var id = id
        for _ in 0..<20 {
            guard let i = id, let s = styles[i] else { return nil }
            if let v = value(s) { return v }
            id = s.basedOn
        }
        return nil
    }

    func bold(_ id: String?) -> Bool? { lookup(id) { $0.bold } }

    /// A paragraph style's list and level.
    func numbering(_ id: String?) -> (numId: String, level: Int?)? {
        lookup(id) { s in s.numId.map { ($0, s.level) } }
    }
}
