import Typeset
/// One set line of a table cell and the space above it (a paragraph gap, dropped at the top of a fragment).
public struct CellLine {
    public var line: TextLine
    public var spaceBefore: Double
    public init(_ line: TextLine, spaceBefore: Double = 0) { self.line = line; self.spaceBefore = spaceBefore }
}

/// A cell placed on the table's grid: its first column, spans and set lines.
public struct TableCell {
    public var column: Int
    public var colspan: Int
    public var rowspan: Int
    public var lines: [CellLine]
    /// The cell's structure element (TH or TD).
    public var tag: ContentTag
    public init(column: Int, colspan: Int = 1, rowspan: Int = 1, lines: [CellLine], tag: ContentTag = .untagged) {
        self.column = column; self.colspan = max(1, colspan); self.rowspan = max(1, rowspan); self.lines = lines
        self.tag = tag
    }
}

/// One row of cells; `fill` shades it (group rows, the header).
public struct TableRow {
    public var cells: [TableCell]
    /// Grey level of the row's background (0 black, 1 white); nil draws none.
    public var fill: Double?
    public init(cells: [TableCell], fill: Double? = nil) { self.cells = cells; self.fill = fill }
}

/// The measurements a table is drawn with; every value comes from the style file.
public struct TableStyle: Sendable {
    public var paddingTop: Double, paddingBottom: Double, paddingX: Double
    public var ruleWidth: Double
    /// How many lines a row cut by a page may give to the next page so that each cell is cut
    /// between words; 0 cuts wherever the page ends.
    public var wordCutLines: Int

    public init(paddingTop: Double, paddingBottom: Double, paddingX: Double, ruleWidth: Double, wordCutLines: Int = 0) {
        self.paddingTop = paddingTop; self.paddingBottom = paddingBottom; self.paddingX = paddingX; self.ruleWidth = ruleWidth
        self.wordCutLines = wordCutLines
    }
    var paddingY: Double { paddingTop + paddingBottom }
}

/// Column edges fixed before paginating, so columns never shift between pages.
public enum TableColumns {
    /// Left edges of each column and the table's right edge, from relative widths over `width` starting at `x`.
    public static func edges(relative: [Double], x: Double, width: Double) -> [Double] {
        let total = relative.reduce(0, +)
        var edges = [x]
        var acc = 0.0
        for w in relative {
            acc += total > 0 ? w / total * width : width / Double(max(relative.count, 1))
            edges.append(x + acc)
        }
        return edges
    }
}

/// Vertical positions of a cell's lines, to cut it between lines and measure any run of them.
struct CellText {
    let lines: [CellLine]
    /// Top and bottom of each line when the cell is set from its first line.
    let tops: [Double], bottoms: [Double]

    init(_ lines: [CellLine]) {
        self.lines = lines
        var t = [Double](), b = [Double]()
        var y = 0.0
        for (k, l) in lines.enumerated() {
            let top = y + (k == 0 ? 0 : l.spaceBefore)
            t.append(top); b.append(top + l.line.height); y = top + l.line.height
        }
        tops = t; bottoms = b
    }

    var count: Int { lines.count }

    /// Height of lines a..<b set from line a (its space above dropped).
    func height(_ a: Int, _ b: Int) -> Double { b > a ? bottoms[b - 1] - tops[a] : 0 }

    /// Whether a cut after line `k` falls between words (see `TextLine.endsWord`).
    func cutsBetweenWords(after k: Int) -> Bool { lines[k].line.endsWord }

    /// How many lines from `a` fit in `space` points.
    func fitting(from a: Int, in space: Double) -> Int {
        var b = a
        while b < count, bottoms[b] - tops[a] <= space + 0.001 { b += 1 }
        return b - a
    }
}
