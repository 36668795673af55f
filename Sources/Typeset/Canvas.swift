import CPangoCairo
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
}

/// Renders each page to a PNG image.
public final class ImageCanvas: Canvas {
    private let scale: Double
    private var surface: OpaquePointer?
    /// PNG bytes of each finished page.
    public private(set) var pages: [Data] = []

    public init(dpi: Double) { scale = dpi / 72; super.init() }

    public override func beginPage(_ size: PageSize) {
        let w = Int32((size.width * scale).rounded()), h = Int32((size.height * scale).rounded())
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)
        cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
    }

    public override func endPage() {
        let sink = DataSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        cairo_surface_write_to_png_stream(surface, { closure, data, length in
            Unmanaged<DataSink>.fromOpaque(closure!).takeUnretainedValue().data.append(data!, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, closure)
        pages.append(sink.data)
        cairo_destroy(cr); cr = nil
        cairo_surface_destroy(surface); surface = nil
    }
}

final class DataSink { var data = Data() }

/// A drawing failure reported by cairo.
public struct CanvasError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "cairo: \(message)" }
}
