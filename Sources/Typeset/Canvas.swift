import CPangoCairo
import Foundation

/// A glyph placed on the page, in points from the page's top-left corner.
public struct PlacedGlyph: Sendable {
    public var id: UInt32
    public var x: Double
    public var y: Double
    public init(id: UInt32, x: Double, y: Double) { self.id = id; self.x = x; self.y = y }
}

/// How a run of glyphs maps back to its text, for copy and search (one entry per cluster).
public struct TextCluster: Sendable {
    public var bytes: Int
    public var glyphs: Int
    public init(bytes: Int, glyphs: Int) { self.bytes = bytes; self.glyphs = glyphs }
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

    /// Draws glyphs of one font; `text` and `clusters` say which characters they stand for.
    public func drawGlyphs(_ font: ShapedFont, _ glyphs: [PlacedGlyph], text: String, clusters: [TextCluster]) {
        guard let cr, !glyphs.isEmpty, let scaled = font.scaledFont else { return }
        cairo_set_scaled_font(cr, scaled)
        cairo_set_source_rgb(cr, 0, 0, 0)
        let cg = glyphs.map { cairo_glyph_t(index: UInt($0.id), x: $0.x, y: $0.y) }
        let cc = clusters.map { cairo_text_cluster_t(num_bytes: Int32($0.bytes), num_glyphs: Int32($0.glyphs)) }
        var bytes = Array(text.utf8)
        if clusters.isEmpty {
            cairo_show_glyphs(cr, cg, Int32(cg.count))
        } else {
            bytes.withUnsafeMutableBufferPointer { b in
                b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { p in
                    cairo_show_text_glyphs(cr, p, Int32(b.count), cg, Int32(cg.count), cc, Int32(cc.count),
                                           cairo_text_cluster_flags_t(rawValue: 0))
                }
            }
        }
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

/// Writes pages into a PDF held in memory.
public final class PDFCanvas: Canvas {
    private let sink = DataSink()
    private var surface: OpaquePointer?
    private var started = false
    private var pageNumber = 0
    private var parents: [Int32] = [0]

    /// Metadata written into the file's information dictionary.
    public struct Metadata: Sendable {
        public var title, author, creator, subject: String
        /// ISO 8601 date, e.g. 2026-03-05T00:00:00Z; fixed so the same input gives the same bytes.
        public var date: String
        public init(title: String, author: String, creator: String, subject: String = "", date: String) {
            self.title = title; self.author = author; self.creator = creator; self.subject = subject; self.date = date
        }
    }

    public init(metadata: Metadata) {
        super.init()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            let sink = Unmanaged<DataSink>.fromOpaque(closure!).takeUnretainedValue()
            sink.data.append(data!, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, closure, 595.28, 841.89)
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        if !metadata.subject.isEmpty { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, metadata.date)
        cr = cairo_create(surface)
    }

    deinit {
        if let cr { cairo_destroy(cr) }
        cr = nil
        if let surface { cairo_surface_destroy(surface) }
    }

    public override func beginPage(_ size: PageSize) {
        cairo_pdf_surface_set_size(surface, size.width, size.height)
        pageNumber += 1
    }

    public override func endPage() { cairo_show_page(cr) }

    public override func bookmark(_ title: String, level: Int) {
        let link = "page=\(pageNumber) pos=[0 0]"
        let parent = level < parents.count ? parents[level] : parents.last!
        let id = cairo_pdf_surface_add_outline(surface, parent, title, link, cairo_pdf_outline_flags_t(rawValue: 0))
        if parents.count > level + 1 { parents[level + 1] = id } else { parents.append(id) }
    }

    /// Finishes the document and returns the PDF bytes.
    public func finish() throws -> Data {
        cairo_destroy(cr); cr = nil
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface); surface = nil
        guard status == CAIRO_STATUS_SUCCESS else {
            throw CanvasError(message: String(cString: cairo_status_to_string(status)))
        }
        return ToUnicodeRepair.apply(sink.data)
    }
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
