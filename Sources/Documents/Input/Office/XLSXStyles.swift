/// What a cell's style index (`s`) means for its text: its number format and whether its font is bold.
struct XLSXStyles {
    struct CellStyle { var format: String; var bold: Bool }
    var cells: [CellStyle] = []

    static let general = CellStyle(format: "General", bold: false)

    func style(_ index: Int?) -> CellStyle {
        guard let index, cells.indices.contains(index) else { return cells.first ?? XLSXStyles.general }
        return cells[index]
    }

    /// From `xl/styles.xml`: `cellXfs` entries with their `numFmts` codes and `fonts` bold.
    init(_ root: OfficeXML.Element?) {
        guard let root else { return }
        var custom = [Int: String]()
        for f in root.child("numFmts")?.all("numFmt") ?? [] {
            if let id = f["numFmtId"].flatMap({ Int($0) }), let code = f["formatCode"] { custom[id] = code }
        }
        let bold = (root.child("fonts")?.all("font") ?? []).map { f in f.child("b").map { XLSXRuns.on($0["val"]) } ?? false }
        cells = (root.child("cellXfs")?.all("xf") ?? []).map { xf in
            let id = xf["numFmtId"].flatMap { Int($0) } ?? 0
            let font = xf["fontId"].flatMap { Int($0) } ?? 0
            return CellStyle(format: custom[id] ?? XLSXStyles.builtin[id] ?? "General", bold: bold.indices.contains(font) && bold[font])
        }
    }

    /// Excel's built-in formats, as a Thai copy of Excel shows them (short dates day first;
    /// 59–81 are the Thai locale's own, whose `t` asks for Thai digits: the style decides digits).
    static let builtin: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
        12: "# ?/?", 13: "# ??/??", 14: "d/m/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
        19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "d/m/yyyy h:mm", 37: "#,##0 ;(#,##0)",
        38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss",
        46: "[h]:mm:ss", 47: "mm:ss.0", 48: "##0.0E+0", 49: "@",
        59: "0", 60: "0.00", 61: "#,##0", 62: "#,##0.00", 67: "0%", 68: "0.00%", 69: "# ?/?", 70: "# ??/??",
        71: "d/m/yyyy", 72: "d-mmm-yy", 73: "d-mmm", 74: "mmm-yy", 75: "h:mm", 76: "h:mm:ss", 77: "d/m/yyyy h:mm",
        78: "mm:ss", 79: "[h]:mm:ss", 80: "mm:ss.0", 81: "d/m/yyyy",
    ]
}
