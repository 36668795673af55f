import Typeset

/// Draws finished pages on any canvas: the PDF and the PNG previews go through this one painter.
public struct Painter {
    public init() {}

    public func paint(_ pages: [Page], on canvas: Canvas) {
        for page in pages {
            canvas.beginPage(page.size)
            if let title = page.bookmark { canvas.bookmark(title, level: 0) }
            // Fills first, then text, then rules on top: rules must not be hidden by cell shading.
            for case let .fill(x, y, w, h, gray) in page.items { canvas.fill(x: x, y: y, width: w, height: h, gray: gray) }
            for item in page.items {
                switch item {
                case let .text(line, x, y): draw(line, x: x, y: y, on: canvas)
                case let .image(img, x, y, w, h): canvas.draw(img, x: x, y: y, width: w, height: h)
                default: break
                }
            }
            for case let .rule(x1, y1, x2, y2, w, dash, round) in page.items {
                canvas.line(from: (x1, y1), to: (x2, y2), width: w, dash: dash, round: round)
            }
            canvas.endPage()
        }
    }

    func draw(_ line: TextLine, x: Double, y: Double, on canvas: Canvas) {
        let ox = x + line.xOffset, oy = y + line.baseline
        for run in line.runs {
            var glyphs = run.glyphs
            for i in glyphs.indices { glyphs[i].x += ox; glyphs[i].y += oy }
            canvas.drawGlyphs(run.font, glyphs, text: run.text, baseline: oy)
        }
        for (a, b) in line.underlines {
            let uy = oy + line.height * 0.08
            canvas.line(from: (ox + a, uy), to: (ox + b, uy), width: 0.6)
        }
    }
}
