import Foundation
import Layout
import ThaiText
import Typeset

/// A visible electronic signature's appearance: the signer's name, the date and time in Thai and
/// the style's words, centred in a thin frame, as a one-page PDF with its fonts embedded (the
/// signer copies the page into the memo as the widget's appearance).
struct SignatureAppearance {
    let renderer: DocumentRenderer
    let style: Style

    init(renderer: DocumentRenderer, style: Style) { self.renderer = renderer; self.style = style }

    func pdf(name: String, date: Date, width: Double, height: Double) throws -> Data {
        let text = TextComposer(layouter: renderer.layouter, style: style, phrases: [name])
        let s = style.signing
        let lines = [name, thaiDateTime(date), s.words].map { renderer.layouter.singleLine(text.inline($0, size: s.size)) }
        let textWidth = lines.map(\.width).max() ?? 0
        let w = min(width, textWidth + 2 * s.padding + 2 * s.ruleWidth)
        let h = lines.reduce(0) { $0 + $1.height } + 2 * s.padding + 2 * s.ruleWidth
        var items = [PaintItem]()
        var y = s.padding + s.ruleWidth
        for line in lines {
            items.append(.text(line, x: max(0, (w - line.width) / 2), y: y))
            y += line.height
        }
        let r = s.ruleWidth / 2
        for (a, b) in [((r, r), (w - r, r)), ((w - r, r), (w - r, h - r)), ((w - r, h - r), (r, h - r)), ((r, h - r), (r, r))] {
            items.append(.rule(x1: a.0, y1: a.1, x2: b.0, y2: b.1, width: s.ruleWidth, dash: [], round: false))
        }
        let geometry = PageGeometry(size: PageSize(width: w, height: h), left: 0, right: 0, firstTop: 0, laterTop: 0, bottom: h)
        let section = Section(geometry: geometry, units: [.box(Box(height: h, items: items))], decoration: PageDecoration())
        let pages = Flow(layouter: renderer.layouter).pages(section)
        let canvas = PDFCanvas(metadata: PDFCanvas.Metadata(title: "ลายมือชื่ออิเล็กทรอนิกส์", author: name,
                                                            creator: "Saraban \(DocumentRenderer.version)", date: "2000-01-01T00:00:00Z",
                                                            standard: .none))
        Painter().paint(pages, on: canvas)
        return try canvas.finish()
    }

    /// "๒ ธันวาคม ๒๕๖๙ เวลา ๑๔.๓๐ น." in the machine's time zone and the style's digits.
    func thaiDateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = ThaiDate(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1)?.formatted(style.digits) ?? ""
        let time = String(format: "%02d.%02d", c.hour ?? 0, c.minute ?? 0)
        return day + " " + style.signing.timeFormat.replacingOccurrences(of: "{time}", with: ThaiDigits.apply(style.digits, to: time))
    }
}
