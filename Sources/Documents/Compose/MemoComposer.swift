import Layout
import ThaiText
import Typeset

/// Lays a memo out as the regulation's form: header, body, signature and comment blocks.
struct MemoComposer {
    let text: TextComposer
    let style: Style
    let emblem: ImageAsset?
    let signatureImage: ImageAsset?

    var left: Double { style.marginLeft }
    var right: Double { style.pageSize.width - style.marginRight }
    var width: Double { style.textWidth }

    /// The memo's pages and its structure: a Part with the title as H1, the header fields, the
    /// body's headings, paragraphs and lists, the closing, the signature and the comments.
    func section(_ memo: Memo) -> Section {
        let tree = StructureTree(root: .part)
        var units = [FlowUnit]()
        units.append(.box(titleBox(tree)))
        units += header(memo, tree).map(FlowUnit.box)
        var body = [Box]()
        for block in memo.body { body += bodyBoxes(block, tree) }
        if let closing = memo.closing {
            body += text.boxes(text.lines(text.inline(closing), text.paragraphStyle(width: width, first: style.bodyIndent)),
                               x: left, spaceBefore: style.bodySpaceBefore, tag: tree.tag(.p, under: 0))
        }
        if let signature = memo.signature {
            // The signature never starts a page alone: the last two lines of text go with it.
            for k in body.indices.suffix(2) { body[k].keepWithNext = true }
            body.append(signatureBox(signature, tree))
        }
        units += body.map(FlowUnit.box)
        units += memo.comments.map { .box(commentBox($0, tree)) }
        return Section(geometry: geometry(), units: units, decoration: decoration(continuation: style.continuation), structure: tree,
                       wordCutLines: style.pageCutBetweenWordsLines)
    }

    func geometry() -> PageGeometry {
        let numberLine = text.layouter.singleLine(text.inline("๑", size: style.numberSize)).height
        return PageGeometry(size: style.pageSize, left: left, right: style.marginRight, firstTop: style.firstTop,
                            laterTop: style.numberTop + numberLine * Double(1 + style.linesAfterNumber),
                            bottom: style.pageSize.height - style.marginBottom)
    }

    func decoration(continuation: Bool, numbered: Bool = true) -> PageDecoration {
        let digits = style.digits, format = style.numberFormat, size = style.numberSize
        return PageDecoration(
            pageNumber: numbered ? { n in n < 2 ? nil : text.inline(format.replacingOccurrences(of: "{n}", with: ThaiDigits.number(n, digits)), size: size) } : nil,
            pageNumberTop: style.numberTop,
            continuation: continuation ? { word in InlineText(style.continuationFormat.replacingOccurrences(of: "{word}", with: word), font: text.font()) } : nil)
    }

    // MARK: - Header

    /// The emblem at the left margin and บันทึกข้อความ centred, its baseline in the emblem's lower half.
    func titleBox(_ tree: StructureTree) -> Box {
        var items = [PaintItem]()
        if let emblem {
            let w = style.emblemHeight * emblem.width / max(emblem.height, 1)
            items.append(.image(emblem, x: left, y: 0, width: w, height: style.emblemHeight,
                                tag: tree.tag(.figure, under: 0, alt: style.emblemAlt)))
        }
        var p = text.paragraphStyle(width: width, alignment: .center, lineHeight: style.titleLineHeight)
        p.alignment = .center
        let title = text.lines(text.inline(style.titleText, size: style.titleSize, bold: true), p)
        var y = style.titleBaseline - (title.first?.baseline ?? 0)
        let heading = tree.tag(.h1, under: 0)
        for line in title { items.append(PaintItem.text(line, x: left, y: y).tagged(heading)); y += line.height }
        return Box(height: max(style.emblemHeight, y) + style.spaceAfterTitle, keepWithNext: true, items: items)
    }

    /// Each header field is a paragraph of its own (label and value; the leaders are artifacts).
    func header(_ memo: Memo, _ tree: StructureTree) -> [Box] {
        var boxes = [Box]()
        var agency = memo.agency
        if let phone = memo.phone { agency += " โทร. " + phone }
        boxes.append(field(label: "ส่วนราชการ", value: agency, x: left, end: right).box.tagged(tree.tag(.p, under: 0)))
        let split = left + width * style.dateColumn
        let ref = field(label: "ที่", value: memo.ref, x: left, end: split - style.leaderGapBeforeDate).box.tagged(tree.tag(.p, under: 0))
        let date = field(label: "วันที่", value: formattedDate(memo.date), x: split, end: right).box.tagged(tree.tag(.p, under: 0))
        boxes.append(Box(height: max(ref.height, date.height), keepWithNext: true, items: ref.items + date.items))
        boxes.append(field(label: "เรื่อง", value: memo.subject, x: left, end: right).box.tagged(tree.tag(.p, under: 0)))
        let to = labelled(label: style.toLabel, values: [memo.to])
        boxes += text.boxes(to, x: left, spaceBefore: style.toSpaceBefore, keepLastWithNext: true, tag: tree.tag(.p, under: 0))
        if !memo.references.isEmpty {
            boxes += text.boxes(labelled(label: style.referencesLabel, values: memo.references), x: left, spaceBefore: 0,
                                keepLastWithNext: true, tag: tree.tag(.p, under: 0))
        }
        if !memo.enclosures.isEmpty {
            boxes += text.boxes(labelled(label: style.enclosuresLabel, values: memo.enclosures), x: left, spaceBefore: 0,
                                keepLastWithNext: true, tag: tree.tag(.p, under: 0))
        }
        for k in boxes.indices { boxes[k].keepWithNext = true }
        boxes[boxes.count - 1].keepWithNext = false
        return boxes
    }

    func formattedDate(_ date: String?) -> String {
        guard let date else { return "" }
        return ThaiDate(iso: date)?.formatted(style.digits) ?? date
    }

    /// A bold label, its value wrapping under the value's first character, dotted leaders to `end`.
    func field(label: String, value: String, x: Double, end: Double) -> (box: Box, lines: [TextLine]) {
        let labelText = text.inline(label, size: style.labelSize, bold: true) + InlineText(" ", font: text.font(size: style.valueSize))
        let indent = text.layouter.singleLine(labelText).width
        let full = labelText + text.inline(value, size: style.valueSize)
        let lines = text.lines(full, text.paragraphStyle(width: end - x, rest: indent, alignment: .left))
        var items = [PaintItem]()
        var y = 0.0
        for line in lines {
            items.append(.text(line, x: x, y: y))
            items.append(text.leader(x + indent, end, y: y + line.baseline + style.leaderBelowBaseline))
            y += line.height
        }
        return (Box(height: y, keepWithNext: true, items: items, firstWord: lines.first?.firstWord), lines)
    }

    /// เรียน / อ้างถึง / สิ่งที่ส่งมาด้วย: a label and values aligned after it; several values are numbered.
    func labelled(label: String, values: [String]) -> [TextLine] {
        let labelText = text.inline(label) + InlineText(" ", font: text.font())
        let indent = text.layouter.singleLine(labelText).width
        let items = values.count == 1 ? values : values.enumerated().map { "\(ListMarker.numbered($0 + 1, style.digits)) \($1)" }
        var lines = [TextLine]()
        for (k, item) in items.enumerated() {
            let content = k == 0 ? labelText + text.inline(item) : text.inline(item)
            lines += text.lines(content, text.paragraphStyle(width: width, first: k == 0 ? 0 : indent, rest: indent, alignment: .left))
        }
        return lines
    }

    // MARK: - Body

    func bodyBoxes(_ block: BodyBlock, _ tree: StructureTree) -> [Box] {
        switch block {
        case .heading(let h):
            let lines = text.lines(text.inline(h, bold: style.headingBold),
                                   text.paragraphStyle(width: width, first: style.bodyIndent, rest: style.bodyIndent, alignment: .left))
            return text.boxes(lines, x: left, spaceBefore: style.bodySpaceBefore, keepLastWithNext: true, tag: tree.tag(.h2, under: 0))
        case .paragraph(let p):
            return text.boxes(text.lines(text.inline(p), text.paragraphStyle(width: width, first: style.bodyIndent)),
                              x: left, spaceBefore: style.bodySpaceBefore, tag: tree.tag(.p, under: 0))
        case .list(let items):
            return text.listBoxes(items, x: left, width: width, spaceBefore: style.bodySpaceBefore, tree: tree, parent: 0)
        case .table, .chart:
            // The decoder keeps tables and charts out of the memo's body.
            return []
        }
    }

    // MARK: - Signature and comments

    var axis: Double { left + width * style.signatureAxis }

    /// Signing space, then (name) and the position lines centred on the signature axis.
    /// A Div: the signature image as a Figure (its /Alt names the signer), then a paragraph per line.
    func signatureBox(_ s: Signature, _ tree: StructureTree) -> Box {
        let lh = text.bodyLineHeight
        var items = [PaintItem]()
        let space = Double(style.signingLines) * lh
        let block = tree.add(.div, under: 0)
        var picture: PageRect?
        if let img = signatureImage {
            let h = min(style.signatureImageHeight, space)
            let w = h * img.width / max(img.height, 1)
            let alt = style.signatureAlt.replacingOccurrences(of: "{name}", with: s.name)
            items.append(.image(img, x: axis - w / 2, y: space - h, width: w, height: h, tag: tree.tag(.figure, under: block, alt: alt)))
            picture = PageRect(x: axis - w / 2, y: space - h, width: w, height: h)
        }
        let y = signerLines(name: s.name, position: s.position, top: space, into: &items, tree: tree, parent: block)
        var box = Box(height: y, spaceBefore: style.signatureSpaceBefore, items: items, firstWord: "(" + firstWordOf(s.name))
        box.signatureArea = signatureArea(items: items, height: y, signingSpace: space, picture: picture)
        return box
    }

    /// The block's extent and where a visible electronic signature goes: the signing space
    /// centred on the axis, or beside the signature picture (the wider side) when there is one.
    func signatureArea(items: [PaintItem], height: Double, signingSpace: Double, picture: PageRect?) -> SignatureArea {
        var x0 = axis, x1 = axis
        for case let .text(line, x, _) in items {
            x0 = min(x0, x + line.xOffset); x1 = max(x1, x + line.xOffset + line.width)
        }
        let block = PageRect(x: x0, y: 0, width: x1 - x0, height: height)
        guard let p = picture else {
            // Centred on the axis, as the name under it is.
            let half = min(axis - x0, x1 - axis)
            return SignatureArea(block: block, appearance: PageRect(x: axis - half, y: 0, width: 2 * half, height: signingSpace))
        }
        let leftWidth = p.x - left, rightWidth = right - (p.x + p.width)
        let appearance = leftWidth >= rightWidth ? PageRect(x: left, y: 0, width: leftWidth, height: signingSpace)
                                                 : PageRect(x: p.x + p.width, y: 0, width: rightWidth, height: signingSpace)
        return SignatureArea(block: block, appearance: appearance)
    }

    func signerLines(name: String?, position: [String], top: Double, into items: inout [PaintItem],
                     tree: StructureTree, parent: Int32) -> Double {
        var y = top
        let lines = (name.map { ["(\($0))"] } ?? []) + position
        for l in lines {
            let (item, line) = text.centred(l, axis: axis, minX: left, maxX: right, y: y)
            items.append(item.tagged(tree.tag(.p, under: parent))); y += line.height
        }
        return y
    }

    /// A ความเห็น block: its title, dotted lines for handwriting, signing space, (name) and position.
    func commentBox(_ c: Comment, _ tree: StructureTree) -> Box {
        let lh = text.bodyLineHeight
        var items = [PaintItem]()
        let titleLines = text.lines(text.inline(c.title, bold: style.commentTitleBold), text.paragraphStyle(width: width, alignment: .left))
        var y = 0.0
        let block = tree.add(.div, under: 0)
        let title = tree.tag(.p, under: block)
        for line in titleLines { items.append(PaintItem.text(line, x: left, y: y).tagged(title)); y += line.height }
        let baseline = titleLines.first?.baseline ?? lh * 0.75
        let dotted = c.lines >= 0 ? c.lines : style.commentDottedLines
        for _ in 0..<dotted {
            items.append(text.leader(left, right, y: y + baseline + style.leaderBelowBaseline)); y += lh
        }
        if c.name != nil || !c.position.isEmpty {
            y = signerLines(name: c.name, position: c.position, top: y + Double(style.commentSigningLines) * lh, into: &items,
                            tree: tree, parent: block)
        }
        return Box(height: y, spaceBefore: style.commentSpaceBefore, items: items, firstWord: titleLines.first?.firstWord)
    }

    func firstWordOf(_ s: String) -> String { String(s.prefix { !$0.isWhitespace }) }
}
