import Layout
import ThaiText
import Typeset

/// Lays out an attachment: a new page (portrait or landscape), a centred title, its content blocks.
struct AttachmentComposer {
    let text: TextComposer
    let style: Style
    let memo: MemoComposer

    func section(_ a: Attachment) -> Section {
        let landscape = a.orientation == .landscape
        let size = landscape ? PageSize(width: style.pageSize.height, height: style.pageSize.width) : style.pageSize
        var g = memo.geometry()
        g.size = size
        if landscape {
            let m = style.landscapeMargin
            g.left = m; g.right = m; g.bottom = size.height - m
            g.firstTop = m
            g.laterTop = max(g.laterTop, m)
        } else {
            g.firstTop = g.laterTop
        }
        var units = [FlowUnit]()
        var p = text.paragraphStyle(width: g.textWidth, alignment: .center)
        p.alignment = .center
        let titleLines = a.title.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
            text.lines(text.inline(String($0), size: style.attachmentTitleSize, bold: style.attachmentTitleBold), p)
        }
        let tree = StructureTree(root: .part)
        var titleBoxes = text.boxes(titleLines, x: g.left, spaceBefore: 0, keepLastWithNext: true, tag: tree.tag(.h1, under: 0))
        for k in titleBoxes.indices { titleBoxes[k].keepWithNext = true }
        units += titleBoxes.map(FlowUnit.box)
        for (k, block) in a.content.enumerated() {
            units += blockUnits(block, left: g.left, width: g.textWidth, first: k == 0, tree: tree)
        }
        let deco = memo.decoration(continuation: style.attachmentContinuation, numbered: style.attachmentNumbered)
        return Section(geometry: g, units: units, decoration: deco,
                       bookmark: a.title.replacingOccurrences(of: "\n", with: " "), structure: tree,
                       wordCutLines: style.pageCutBetweenWordsLines)
    }

    /// A block's units, its structure added to the attachment's part in `tree`.
    func blockUnits(_ block: BodyBlock, left: Double, width: Double, first: Bool, tree: StructureTree) -> [FlowUnit] {
        let after = first ? style.attachmentTitleSpaceAfter : nil
        let spaceBefore = after ?? style.bodySpaceBefore
        switch block {
        case .table(let t):
            let block = TableComposer(text: text, style: style)
                .block(t, left: left, width: width, spaceBefore: after ?? style.table.spaceBefore, tree: tree)
            return [.breakable(block)]
        case .chart(let c):
            return ChartComposer(text: text, style: style)
                .boxes(c, left: left, width: width, spaceBefore: after ?? style.chart.spaceBefore, tree: tree)
                .map(FlowUnit.box)
        case .heading(let h):
            let lines = text.lines(text.inline(h, bold: style.headingBold), text.paragraphStyle(width: width, alignment: .left))
            return text.boxes(lines, x: left, spaceBefore: spaceBefore, keepLastWithNext: true, tag: tree.tag(.h2, under: 0))
                .map(FlowUnit.box)
        case .paragraph(let s):
            return text.boxes(text.lines(text.inline(s), text.paragraphStyle(width: width, first: style.bodyIndent)),
                              x: left, spaceBefore: spaceBefore, tag: tree.tag(.p, under: 0)).map(FlowUnit.box)
        case .list(let items):
            return text.listBoxes(items, x: left, width: width, spaceBefore: spaceBefore, tree: tree, parent: 0).map(FlowUnit.box)
        }
    }
}
