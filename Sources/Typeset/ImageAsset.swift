import CPangoCairo
import CShims
import Foundation

/// A PNG or SVG picture (emblem, signature) loaded once and drawn at any size.
public final class ImageAsset {
    private var png: OpaquePointer?
    private var svg: UnsafeMutableRawPointer?
    /// Natural size in points (PNG pixels count as points at 72 dpi).
    public let width: Double, height: Double

    /// Loads a PNG or SVG file; throws a message naming the problem.
    public init(path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ImageError(message: "cannot read the file")
        }
        if path.lowercased().hasSuffix(".svg") {
            var err = [CChar](repeating: 0, count: 256)
            guard let h = saraban_svg_load(path, &err, 256) else {
                throw ImageError(message: String(cString: err).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            svg = h
            var w = 0.0, ht = 0.0
            saraban_svg_size(h, &w, &ht)
            width = w > 0 ? w : 100; height = ht > 0 ? ht : 100
        } else {
            let s = cairo_image_surface_create_from_png(path)
            guard cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else {
                let msg = String(cString: cairo_status_to_string(cairo_surface_status(s)))
                cairo_surface_destroy(s)
                throw ImageError(message: "not a readable PNG (\(msg))")
            }
            png = s
            width = Double(cairo_image_surface_get_width(s)); height = Double(cairo_image_surface_get_height(s))
        }
    }

    deinit {
        if let png { cairo_surface_destroy(png) }
        if let svg { saraban_svg_free(svg) }
    }

    func draw(on cr: OpaquePointer, x: Double, y: Double, width w: Double, height h: Double) {
        if let svg {
            _ = saraban_svg_render(svg, cr, x, y, w, h)
        } else if let png {
            cairo_save(cr)
            cairo_translate(cr, x, y)
            cairo_scale(cr, w / width, h / height)
            cairo_set_source_surface(cr, png, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
            cairo_paint(cr)
            cairo_restore(cr)
        }
    }
}

/// Why an image could not be used.
public struct ImageError: Error { public let message: String }
