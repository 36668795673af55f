import Layout
import ThaiText
import Typeset

/// Turns markup strings into set lines and line boxes with the style's rules: Thai digits,
/// protected phrases, people's names found by their title, compounds, widows and orphans.
struct TextComposer {
    let layouter: ParagraphLayouter
    let style: Style
    /// Phrases never broken: the agency, people's names, the style's and document's list.
    let protected: ProtectedPhrases

    init(layouter: ParagraphLayouter, style: Style, phrases: [String]) {
        self.layouter = layouter
        self.style = style
        // Each space-separated part of a long phrase stays whole too, for when the whole is wider than a line.
        let parts = phrases.flatMap { $0.split(separator: " ").map(String.init) }
        // Keeping words together is a nicety of the line breaks, not content: past a few hundred
        // phrases (a pasted name of thousands of words) the rest are left to break freely.
        let all = (phrases + parts + style.keepTogether).prefix(TextComposer.mostPhrases)
        protected = ProtectedPhrases(phrases: all.map { ThaiDigits.applyToProse(style.digits, to: $0) })
    }

    /// The most phrases kept whole (names, the agency and their words, the style's list).
    static let mostPhrases = 500

    func font(size: Double? = nil, bold: Bool = false) -> FontSpec {
        FontSpec(family: style.font, size: size ?? style.textSize, bold: bold)
    }

    /// Markup to inline text, with the style's digits.
    func inline(_ markup: String, size: Double? = nil, bold: Bool = false) -> InlineText {
        InlineMarkup.parse(ThaiDigits.applyToProse(style.digits, to: markup), font: font(size: size, bold: bold))
    }

    func paragraphStyle(width: Double, first: Double = 0, rest: Double = 0, alignment: Alignment? = nil, lineHeight: Double? = nil) -> ParagraphStyle {
        var p = ParagraphStyle(width: width)
        p.firstIndent = first; p.restIndent = rest
        p.alignment = alignment ?? style.alignment
        p.maxClusterGap = style.maxClusterGap
        p.maxLatinLetterSpace = style.maxLatinLetterSpace
        p.lineHeight = lineHeight ?? style.lineHeight
        p.minLastLine = first > 0 ? first + style.minLastLineExtra : 0
        return p
    }

    /// Sets a paragraph, keeping protected phrases and names whole and avoiding compound splits.
    func lines(_ text: InlineText, _ p: ParagraphStyle) -> [TextLine] {
        // An abandoned render skips the phrase and compound scans too (the layouter returns at once).
        if let c = layouter.cancellation, c.isCancelled { return layouter.layout(text, p) }
        var p = p
        let scalars = Scalars.of(text.text)
        p.keepTogether = protected.ranges(in: scalars) + style.names.ranges(in: scalars)
        p.compounds = Compounds.ranges(in: scalars, extra: style.compounds)
        return layouter.layout(text, p)
    }

    /// One box per line; a page may break only where it leaves two lines on each side.
    /// `tag`: what the lines are in the document's structure.
    func boxes(_ lines: [TextLine], x: Double, spaceBefore: Double, keepLastWithNext: Bool = false, tag: ContentTag = .untagged) -> [Box] {
        let n = lines.count
        return lines.enumerated().map { k, line in
            let number = k + 1
            let keep = number == n ? keepLastWithNext : (number < 2 || n - number < 2)
            var line = line
            line.tag = tag
            return Box(height: line.height, spaceBefore: k == 0 ? spaceBefore : 0, keepWithNext: keep,
                       items: [.text(line, x: x, y: 0)], firstWord: line.firstWord, endsWord: line.endsWord)
        }
    }

    /// A numbered list: ๑. ๒. … at the body indent; wrapped lines go back to the margin, or hang
    /// under the item's text when the style says so.
    /// The list is an L under `parent` in `tree`: each item an LI with its marker as Lbl and its text as LBody.
    func listBoxes(_ items: [String], x: Double, width: Double, spaceBefore: Double, tree: StructureTree, parent: Int32) -> [Box] {
        var boxes = [Box]()
        let list = tree.add(.list, under: parent)
        for (k, item) in items.enumerated() {
            let markerText = ListMarker.numbered(k + 1, style.digits) + " "
            let marker = inline(markerText)
            let hang = style.listHanging ? style.bodyIndent + layouter.singleLine(marker).width : 0
            var set = lines(marker + inline(item), paragraphStyle(width: width, first: style.bodyIndent, rest: hang))
            let li = tree.add(.listItem, under: list)
            let label = tree.tag(.label, under: li)
            if !set.isEmpty { set[0].label = (label, ThaiDigits.applyToProse(style.digits, to: markerText).utf8.count) }
            boxes += self.boxes(set, x: x, spaceBefore: k == 0 ? spaceBefore : style.listSpaceBefore, tag: tree.tag(.listBody, under: li))
        }
        return boxes
    }

    /// Line height of the body font.
    var bodyLineHeight: Double {
        style.lineHeight ?? layouter.singleLine(InlineText("ก", font: font())).height
    }

    /// A line of text centred on a vertical axis, kept inside [minX, maxX].
    func centred(_ text: String, axis: Double, minX: Double, maxX: Double, y: Double, bold: Bool = false) -> (PaintItem, TextLine) {
        let line = layouter.singleLine(inline(text, bold: bold))
        let x = min(max(axis - line.width / 2, minX), maxX - line.width)
        return (.text(line, x: x, y: y), line)
    }

    /// A dotted leader (จุดไข่ปลา) from x1 to x2 at height y.
    func leader(_ x1: Double, _ x2: Double, y: Double) -> PaintItem {
        .rule(x1: x1, y1: y, x2: x2, y2: y, width: style.leaderDotSize, dash: [0, style.leaderDotGap], round: true)
    }
}
