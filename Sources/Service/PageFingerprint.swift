import Documents
import Foundation
import Layout
import Typeset

/// What decides a page's picture, hashed: its size, the resolution, and every item the painter
/// draws (glyphs by font file, size and id at their positions; rules, fills, pictures by their
/// bytes). Two pages with one fingerprint paint the same pixels, so the editor keeps the picture
/// it has and the service paints only the pages that changed. Hasher is seeded per process: a
/// fingerprint means something only to the process that made it (after a restart every page is
/// new, never wrong).
struct PageFingerprints {
    private var fonts: [ObjectIdentifier: String] = [:]
    private let pictures: Int

    init(_ doc: Document) {
        var h = Hasher()
        h.combine(doc.emblemImage)
        h.combine(doc.signatureImage)
        pictures = h.finalize()
    }

    /// Sixteen hex digits.
    mutating func of(_ page: Page, dpi: Double) -> String {
        var h = Hasher()
        h.combine(page.size)
        h.combine(dpi)
        for item in page.items { combine(item, into: &h) }
        let v = UInt64(bitPattern: Int64(h.finalize()))
        let hex = String(v, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private mutating func combine(_ item: PaintItem, into h: inout Hasher) {
        switch item {
        case let .text(line, x, y):
            h.combine(0)
            combine(line, x: x, y: y, into: &h)
        case let .rule(x1, y1, x2, y2, w, dash, round):
            h.combine(1)
            for v in [x1, y1, x2, y2, w] + dash { h.combine(v) }
            h.combine(round)
        case let .image(img, x, y, w, h2, _):
            h.combine(2)
            for v in [x, y, w, h2, img.width, img.height] { h.combine(v) }
            h.combine(pictures)
        case let .fill(x, y, w, h2, gray):
            h.combine(3)
            for v in [x, y, w, h2, gray] { h.combine(v) }
        }
    }

    private mutating func combine(_ line: TextLine, x: Double, y: Double, into h: inout Hasher) {
        for v in [x, y, line.xOffset, line.baseline, line.height, line.width] { h.combine(v) }
        for (a, b) in line.underlines {
            h.combine(a)
            h.combine(b)
        }
        for run in line.runs {
            h.combine(font(run.font))
            h.combine(run.glyphs.count)
            for g in run.glyphs {
                h.combine(g.id)
                h.combine(g.x)
                h.combine(g.y)
            }
        }
    }

    /// A font by what Pango loaded: its file, family and size (the object differs per renderer).
    private mutating func font(_ f: ShapedFont) -> String {
        let id = ObjectIdentifier(f)
        if let known = fonts[id] { return known }
        let key = "\(f.file ?? "?")|\(f.family ?? "?")|\(f.size)|\(f.ascent)|\(f.descent)"
        fonts[id] = key
        return key
    }
}

/// One line of a preview page's text and where it is, in points from the page's top left: the
/// editor finds the line being edited on its page.
struct PreviewLine: Encodable, Sendable {
    var text: String
    var x: Double, y: Double, width: Double, height: Double

    static func lines(_ page: Page) -> [PreviewLine] {
        page.items.compactMap { item in
            guard case let .text(line, x, y) = item, !line.text.isEmpty else { return nil }
            return PreviewLine(text: line.text, x: round(x + line.xOffset), y: round(y), width: round(line.width),
                               height: round(line.height))
        }
    }

    private static func round(_ v: Double) -> Double { (v * 10).rounded() / 10 }
}
