/// A Word paragraph's text as runs, with its list marker: runs, hyperlinks, fields' results,
/// insertions and content controls read in order; deletions and field codes left out; a line
/// break starts a new line (a new paragraph of the cell).
struct DOCXParagraph {
    let styles: DOCXStyles
    let numbering: DOCXNumbering

    /// The paragraph's runs, its marker first when it is numbered. Call once per paragraph, in
    /// document order: numbering counts on.
    func runs(_ p: OfficeXML.Element) -> [TextRun] {
        let pStyle = p.child("pPr")?.child("pStyle")?["val"] ?? styles.defaultParagraph
        var out = [TextRun]()
        if let marker = marker(p, style: pStyle) { out.append(TextRun(text: marker, bold: false)) }
        collect(p, paragraphStyle: pStyle, into: &out)
        return out
    }

    /// The marker Word prints before a numbered paragraph.
    func marker(_ p: OfficeXML.Element, style: String?) -> String? {
        let direct = p.child("pPr")?.child("numPr")
        let level = direct?.child("ilvl")?["val"].flatMap { Int($0) }
        if let numId = direct?.child("numId")?["val"] {
            return numbering.next(numId: numId, level: level ?? styles.numbering(style)?.level ?? 0)
        }
        guard let fromStyle = styles.numbering(style) else { return nil }
        return numbering.next(numId: fromStyle.numId, level: level ?? fromStyle.level ?? 0)
    }

    static let containers: Set<String> = ["hyperlink", "smartTag", "ins", "sdt", "sdtContent", "customXml", "fldSimple", "moveTo", "bdo", "dir"]

    private func collect(_ e: OfficeXML.Element, paragraphStyle: String?, into out: inout [TextRun]) {
        for c in e.children {
            if c.name == "r" {
                run(c, paragraphStyle: paragraphStyle, into: &out)
            } else if DOCXParagraph.containers.contains(c.name) {
                collect(c, paragraphStyle: paragraphStyle, into: &out)
            }
        }
    }

    private func run(_ r: OfficeXML.Element, paragraphStyle: String?, into out: inout [TextRun]) {
        let rPr = r.child("rPr")
        let bold = DOCXStyles.bold(rPr) ?? styles.bold(rPr?.child("rStyle")?["val"]) ?? styles.bold(paragraphStyle) ?? false
        var text = ""
        for c in r.children {
            switch c.name {
            case "t": text += c.allText
            case "tab", "ptab": text += " "
            case "br" where c["type"] == nil || c["type"] == "textWrapping": text += "\n"
            case "cr": text += "\n"
            case "noBreakHyphen": text += "-"
            case "sym":
                if let code = c["char"].flatMap({ UInt32($0, radix: 16) }), let s = Unicode.Scalar(code) {
                    text += DOCXNumbering.bullet(String(Character(s)))
                }
            default: break
            }
        }
        if !text.isEmpty { out.append(TextRun(text: text, bold: bold)) }
    }
}
