import Typeset

/// Draws finished pages on any canvas: the PDF and the PNG previews go through this one painter.
public struct Painter {
    public init() {}

    public func paint(_ pages: [Page], on canvas: Canvas) {
        for page in pages {
            if page.startsSection, let structure = page.structure { canvas.beginSection(structure) }
            canvas.beginPage(page.size)
            if let title = page.bookmark { canvas.bookmark(title, level: 0) }
            if let area = page.signatureArea { canvas.markSignature(block: area.block, appearance: area.appearance) }
            // Fills first, then text, then rules on top: rules must not be hidden by cell shading.
            // Fills and rules are artifacts (shading, borders, leaders); text and images say what they are.
            canvas.setContent(.artifact(.layout))
            for case let .fill(x, y, w, h, gray) in page.items { canvas.fill(x: x, y: y, width: w, height: h, gray: gray) }
            for item in page.items {
                switch item {
                case let .text(line, x, y): draw(line, x: x, y: y, on: canvas)
                case let .image(img, x, y, w, h, tag):
                    canvas.setContent(tag)
                    canvas.draw(img, x: x, y: y, width: w, height: h)
                default: break
                }
            }
            canvas.setContent(.artifact(.layout))
            for r in Painter.joinedRules(page.items) {
                canvas.line(from: (r.x1, r.y1), to: (r.x2, r.y2), width: r.width, dash: r.dash, round: r.round)
            }
            canvas.endPage()
        }
    }

    func draw(_ line: TextLine, x: Double, y: Double, on canvas: Canvas) {
        let ox = x + line.xOffset, oy = y + line.baseline
        var labelLeft = line.label?.bytes ?? 0
        for run in line.runs {
            var glyphs = run.glyphs
            for i in glyphs.indices { glyphs[i].x += ox; glyphs[i].y += oy }
            let runBytes = run.text.utf8.count
            if let label = line.label, labelLeft > 0 {
                // The label's glyphs (at the start of the line) in a sequence of their own.
                let cut = min(labelLeft, runBytes)
                let split = glyphs.firstIndex { Int($0.textOffset) >= cut } ?? glyphs.count
                let text = Array(run.text.utf8)
                canvas.setContent(label.tag)
                canvas.drawGlyphs(run.font, Array(glyphs[..<split]), text: String(decoding: text[..<cut], as: UTF8.self), baseline: oy)
                labelLeft -= cut
                var rest = Array(glyphs[split...])
                for i in rest.indices { rest[i].textOffset -= Int32(cut) }
                canvas.setContent(line.tag)
                canvas.drawGlyphs(run.font, rest, text: String(decoding: text[cut...], as: UTF8.self), baseline: oy)
                continue
            }
            canvas.setContent(line.tag)
            canvas.drawGlyphs(run.font, glyphs, text: run.text, baseline: oy)
        }
        if !line.underlines.isEmpty { canvas.setContent(.artifact(.layout)) }
        for (a, b) in line.underlines {
            let uy = oy + line.height * 0.08
            canvas.line(from: (ox + a, uy), to: (ox + b, uy), width: 0.6)
        }
    }

    struct Rule { var x1, y1, x2, y2, width: Double; var dash: [Double]; var round: Bool }

    /// A page's rules with each line drawn once: a table draws every cell's four sides, so inner
    /// borders come twice and a row's edge in pieces. Solid horizontal and vertical rules of one
    /// width on one line are joined where they touch or overlap (the same ink, a third of the
    /// bytes); dashed and slanted rules stay as they are, in their order.
    static func joinedRules(_ items: [PaintItem]) -> [Rule] {
        struct Line: Hashable { let vertical: Bool; let at: Int64; let width: Double; let round: Bool }
        var lines = [Line: [(Double, Double)]]()
        var order = [Line]()
        var others = [Rule]()
        for case let .rule(x1, y1, x2, y2, w, dash, round) in items {
            let vertical = abs(x1 - x2) < 1e-6, horizontal = abs(y1 - y2) < 1e-6
            guard dash.isEmpty, vertical != horizontal else {
                others.append(Rule(x1: x1, y1: y1, x2: x2, y2: y2, width: w, dash: dash, round: round)); continue
            }
            let milli = ((vertical ? x1 : y1) * 1000).rounded()
            // Coordinates are bounded; one that is not (the PDF writer refuses it) must not trap here.
            let at = milli.isFinite && abs(milli) < 1e15 ? Int64(milli) : Int64.max
            let key = Line(vertical: vertical, at: at, width: w, round: round)
            let span = vertical ? (min(y1, y2), max(y1, y2)) : (min(x1, x2), max(x1, x2))
            if lines[key] == nil { order.append(key) }
            lines[key, default: []].append(span)
        }
        var out = [Rule]()
        for key in order {
            let at = Double(key.at) / 1000
            var spans = lines[key]!.sorted { $0.0 < $1.0 }
            var merged = [spans.removeFirst()]
            for s in spans {
                if s.0 <= merged[merged.count - 1].1 + 1e-3 { merged[merged.count - 1].1 = max(merged[merged.count - 1].1, s.1) } else { merged.append(s) }
            }
            for (a, b) in merged {
                out.append(key.vertical ? Rule(x1: at, y1: a, x2: at, y2: b, width: key.width, dash: [], round: key.round)
                                        : Rule(x1: a, y1: at, x2: b, y2: at, width: key.width, dash: [], round: key.round))
            }
        }
        return out + others
    }
}

