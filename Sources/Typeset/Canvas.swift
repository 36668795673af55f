import CPangoCairo
import CShims
import Foundation

/// A glyph placed on the page, in points from the page's top-left corner.
public struct PlacedGlyph: Sendable {
    public var id: UInt32
    public var x: Double
    public var y: Double
    /// The shaper's advance (before justification), in points; zero for a mark.
    public var advance: Double
    /// Where the glyph's character starts in the run's text (UTF-8 bytes).
    public var textOffset: Int32
    public init(id: UInt32, x: Double, y: Double, advance: Double = 0, textOffset: Int32 = 0) {
        self.id = id; self.x = x; self.y = y; self.advance = advance; self.textOffset = textOffset
    }
}

/// Page size in points.
public struct PageSize: Sendable, Hashable {
    public var width: Double, height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
}

/// A drawing surface for pages. The same painter draws on the PDF and on image previews.
public class Canvas {
    var cr: OpaquePointer?
    init() {}
    deinit { if let cr { cairo_destroy(cr) } }

    public func beginPage(_ size: PageSize) {}
    public func endPage() {}

    /// Starts the pages of a section whose content tags name nodes of `structure` (tagged PDF only).
    public func beginSection(_ structure: StructureTree) {}

    /// What the content drawn from now on is (tagged PDF only): the same tag again continues it.
    public func setContent(_ tag: ContentTag) {}

    /// Draws glyphs of one font; `text` is what they stand for (each glyph says where its
    /// character starts in it) and `baseline` the run's baseline.
    public func drawGlyphs(_ font: ShapedFont, _ glyphs: [PlacedGlyph], text: String, baseline: Double? = nil) {
        guard let cr, !glyphs.isEmpty, let scaled = font.scaledFont else { return }
        cairo_set_scaled_font(cr, scaled)
        cairo_set_source_rgb(cr, 0, 0, 0)
        let cg = glyphs.map { cairo_glyph_t(index: UInt($0.id), x: $0.x, y: $0.y) }
        cairo_show_glyphs(cr, cg, Int32(cg.count))
    }

    /// A straight line; `dash` of [0, gap] with round caps draws dots.
    public func line(from a: (Double, Double), to b: (Double, Double), width: Double, dash: [Double] = [], round: Bool = false) {
        guard let cr else { return }
        cairo_save(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_set_line_width(cr, width)
        cairo_set_line_cap(cr, round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        if !dash.isEmpty { cairo_set_dash(cr, dash, Int32(dash.count), 0) }
        cairo_move_to(cr, a.0, a.1)
        cairo_line_to(cr, b.0, b.1)
        cairo_stroke(cr)
        cairo_restore(cr)
    }

    /// Fills a rectangle with a grey level (0 black, 1 white).
    public func fill(x: Double, y: Double, width: Double, height: Double, gray: Double) {
        guard let cr else { return }
        cairo_save(cr)
        cairo_set_source_rgb(cr, gray, gray, gray)
        cairo_rectangle(cr, x, y, width, height)
        cairo_fill(cr)
        cairo_restore(cr)
    }

    /// Draws an image scaled into the rectangle.
    public func draw(_ image: ImageAsset, x: Double, y: Double, width: Double, height: Double) {
        guard let cr else { return }
        image.draw(on: cr, x: x, y: y, width: width, height: height)
    }

    /// Adds a bookmark to the current page (PDF only).
    public func bookmark(_ title: String, level: Int) {}

    /// Marks the memo's signature block and the place for a signature's appearance on the
    /// current page (PDF only: written where `saraban sign` finds it).
    public func markSignature(block: PageRect, appearance: PageRect) {}
}

/// A rectangle in points: x from the page's left edge, y down from the top of its page or box.
public struct PageRect: Sendable, Hashable {
    public var x, y, width, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    /// The same rectangle moved down by `dy`.
    public func shifted(_ dy: Double) -> PageRect { PageRect(x: x, y: y + dy, width: width, height: height) }
}

/// Renders each page to a PNG image.
public final class ImageCanvas: Canvas {
    private let scale: Double
    private var surface: OpaquePointer?
    /// PNG bytes of each finished page.
    public private(set) var pages: [Data] = []

    public init(dpi: Double) { scale = dpi / 72; super.init() }

    /// The largest side of a page image (cairo's own limit).
    public static let maxPixels = 32_767

    /// A length in points as whole pixels at this resolution, within cairo's limit (the preview
    /// command refuses a resolution that needs more; this only keeps the conversion from trapping).
    func pixels(_ points: Double) -> Int32 {
        let v = (points * scale).rounded()
        return v.isFinite ? Int32(max(1, min(v, Double(ImageCanvas.maxPixels)))) : 1
    }

    public override func beginPage(_ size: PageSize) {
        let w = pixels(size.width), h = pixels(size.height)
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)
        cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
    }

    /// A dotted or dashed line as a solid one of the same mean grey: at a thumbnail's few dots per
    /// inch each dot is a fraction of a pixel, and cairo stroked every one as a polygon (2.7 M
    /// instructions, a fifth of a distinct document's thumbnail, for the memo's dotted lines).
    public override func line(from a: (Double, Double), to b: (Double, Double), width: Double, dash: [Double] = [], round: Bool = false) {
        guard let cr, dash.count == 2, dash[1] > 0, dash.allSatisfy({ $0 >= 0 }) else {
            super.line(from: a, to: b, width: width, dash: dash, round: round)
            return
        }
        // Ink per unit of length: a dash of dash[0] (and a round cap's disc of the line's width)
        // in every dash[0] + dash[1].
        let period = dash[0] + dash[1]
        let ink = (dash[0] * width + (round ? Double.pi * width * width / 4 : 0)) / (period * width)
        let grey = 1 - min(1, ink)
        cairo_save(cr)
        cairo_set_source_rgb(cr, grey, grey, grey)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, a.0, a.1)
        cairo_line_to(cr, b.0, b.1)
        cairo_stroke(cr)
        cairo_restore(cr)
    }

    public override func endPage() {
        cairo_surface_flush(surface)
        pages.append(ImageCanvas.png(surface) ?? Data())
        cairo_destroy(cr); cr = nil
        cairo_surface_destroy(surface); surface = nil
    }

    /// The page as an RGB PNG, written here: libpng tries five filters on every row, which cost
    /// more than drawing the batch's page-1 thumbnails; one filter and deflate level 1 do as well on pages.
    static func png(_ surface: OpaquePointer?) -> Data? {
        guard let surface, let data = cairo_image_surface_get_data(surface) else { return nil }
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let rowBytes = w * 3 + 1
        // Written through a pointer: appending byte by byte cost half as much as drawing the page.
        let raw = [UInt8](unsafeUninitializedCapacity: rowBytes * h) { out, count in
            for y in 0..<h {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                let above = y == 0 ? row : UnsafeRawPointer(data + (y - 1) * stride).assumingMemoryBound(to: UInt32.self)
                pngRow(out.baseAddress! + y * rowBytes, row, above: above, first: y == 0, width: w)
            }
            count = rowBytes * h
        }
        guard let idat = deflate(raw, level: 1) else { return nil }
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 255), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)] }
        func chunk(_ type: String, _ body: [UInt8]) {
            out += be32(body.count)
            let typed = Array(type.utf8) + body
            out += typed
            out += be32(Int(typed.withUnsafeBufferPointer { saraban_crc32(0, $0.baseAddress, UInt($0.count)) }))
        }
        chunk("IHDR", be32(w) + be32(h) + [8, 2, 0, 0, 0])
        chunk("IDAT", idat)
        chunk("IEND", [])
        return Data(out)
    }

    /// One row of RGB24 pixels as PNG filter "Up" (each byte minus the one above; the first row
    /// unfiltered): white pages and text rows compress well.
    private static func pngRow(_ out: UnsafeMutablePointer<UInt8>, _ row: UnsafePointer<UInt32>, above: UnsafePointer<UInt32>,
                               first: Bool, width: Int) {
        out[0] = first ? 0 : 2
        var o = out + 1
        for x in 0..<width {
            let p = row[x]
            let q = first ? 0 : above[x]
            o[0] = UInt8(truncatingIfNeeded: p >> 16) &- UInt8(truncatingIfNeeded: q >> 16)
            o[1] = UInt8(truncatingIfNeeded: p >> 8) &- UInt8(truncatingIfNeeded: q >> 8)
            o[2] = UInt8(truncatingIfNeeded: p) &- UInt8(truncatingIfNeeded: q)
            o += 3
        }
    }
}


/// A drawing failure reported by cairo.
public struct CanvasError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "cairo: \(message)" }
}
