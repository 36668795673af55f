import CPangoCairo
import Documents
import Foundation
import Testing

/// The PDF is written by Saraban itself (marks as outlines, text by code), so what a PDF viewer
/// shows is checked against what cairo draws from the same layout: the preview renderer.
@Suite struct PDFDrawingTests {
    /// Ink of a PNG (cairo's preview) as a grey page at the same resolution.
    static func gray(png: Data) -> GrayPage? {
        let dir = Probe.tempDir(), path = dir + "/p.png"
        guard (try? png.write(to: URL(fileURLWithPath: path))) != nil else { return nil }
        let s = cairo_image_surface_create_from_png(path)
        defer { cairo_surface_destroy(s) }
        guard cairo_surface_status(s) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(s) else { return nil }
        let w = Int(cairo_image_surface_get_width(s)), h = Int(cairo_image_surface_get_height(s))
        let stride = Int(cairo_image_surface_get_stride(s))
        var pixels = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<w {
                let p = row[x]
                let r = Int((p >> 16) & 255), g = Int((p >> 8) & 255), b = Int(p & 255)
                pixels[y * w + x] = UInt8((r + g + b) / 3)
            }
        }
        return GrayPage(width: w, height: h, pixels: pixels)
    }

    /// Ink pixels of `a` with no ink of `b` within one pixel, and the ink of `a`. Ink in `b` is
    /// anything darker than light grey: a 0.5 pt rule at 72 dpi is two quarter-covered pixels in
    /// cairo's anti-aliasing but one solid pixel in poppler's.
    static func unmatchedInk(_ a: GrayPage, _ b: GrayPage) -> (unmatched: Int, ink: Int) {
        var unmatched = 0, ink = 0
        for y in 0..<min(a.height, b.height) {
            for x in 0..<min(a.width, b.width) where a.pixels[y * a.width + x] < 100 {
                ink += 1
                var found = false
                for dy in -1...1 where !found {
                    for dx in -1...1 {
                        let yy = y + dy, xx = x + dx
                        if yy >= 0, xx >= 0, yy < b.height, xx < b.width, b.pixels[yy * b.width + xx] < 210 { found = true; break }
                    }
                }
                if !found { unmatched += 1 }
            }
        }
        return (unmatched, ink)
    }

    /// Every page of the Thai corpus (marks stacked on marks, ำ after tones) and of the example
    /// with its table: the PDF's ink lies where cairo's does, both ways, within a pixel at 72 dpi.
    @Test(arguments: ["corpus", "hinlekfai"])
    func pdfShowsWhatCairoDraws(document: String) throws {
        _ = Probe.setUpOnce
        let path: String
        if document == "corpus" {
            let dir = Probe.tempDir()
            path = dir + "/doc.yaml"
            try TextExtractionTests.corpusDocument().write(toFile: path, atomically: true, encoding: .utf8)
        } else {
            path = Probe.root + "/Templates/examples/hinlekfai.yaml"
        }
        let (doc, style) = try DocumentLoader(resources: Probe.resources).load(path: path)
        let pdf = Probe.tempDir() + "/out.pdf"
        try DocumentRenderer().pdf(doc, style).write(to: URL(fileURLWithPath: pdf))
        let previews = try DocumentRenderer().previews(doc, style, dpi: 72)
        #expect(!previews.isEmpty)
        for (i, png) in previews.enumerated().prefix(4) {
            let drawn = try #require(Self.gray(png: png)), shown = try #require(GrayPage.load(pdf, page: i + 1))
            let missing = Self.unmatchedInk(drawn, shown), extra = Self.unmatchedInk(shown, drawn)
            #expect(missing.ink > 2000, "page \(i + 1) has text")
            #expect(Double(missing.unmatched) < 0.01 * Double(missing.ink), "page \(i + 1): cairo's ink missing from the PDF: \(missing)")
            #expect(Double(extra.unmatched) < 0.01 * Double(extra.ink), "page \(i + 1): ink in the PDF that cairo does not draw: \(extra)")
        }
    }
}
