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

    private let lock = NSLock()
    private var pdfCache: [Int: PDFPixels] = [:]

    /// The picture as PDF image data, made once: a PNG at its own pixels, an SVG drawn at
    /// 300 dpi for the size it is placed at.
    func pdfPixels(width w: Double, height h: Double) -> PDFPixels? {
        let pw = svg != nil ? max(1, Int((w * 300 / 72).rounded(.up))) : Int(width)
        let ph = svg != nil ? max(1, Int((h * 300 / 72).rounded(.up))) : Int(height)
        lock.lock(); defer { lock.unlock() }
        if let p = pdfCache[pw * 100_003 + ph] { return p }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pw), Int32(ph))
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        draw(on: cr, x: 0, y: 0, width: Double(pw), height: Double(ph))
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var rgb = [UInt8](), alpha = [UInt8]()
        rgb.reserveCapacity(pw * ph * 3); alpha.reserveCapacity(pw * ph)
        var opaque = true
        for y in 0..<ph {
            let row = (data + y * stride).withMemoryRebound(to: UInt32.self, capacity: pw) { $0 }
            for x in 0..<pw {
                let p = row[x]
                let a = Int(p >> 24)
                var r = Int((p >> 16) & 255), g = Int((p >> 8) & 255), b = Int(p & 255)
                // cairo keeps colour premultiplied by alpha; PDF wants it straight.
                if a > 0, a < 255 { r = min(255, r * 255 / a); g = min(255, g * 255 / a); b = min(255, b * 255 / a) }
                if a == 0 { r = 255; g = 255; b = 255 }
                rgb.append(UInt8(r)); rgb.append(UInt8(g)); rgb.append(UInt8(b))
                alpha.append(UInt8(a))
                if a != 255 { opaque = false }
            }
        }
        guard let packedRGB = deflate(rgb) else { return nil }
        let p = PDFPixels(width: pw, height: ph, rgb: packedRGB, alpha: opaque ? nil : deflate(alpha))
        pdfCache[pw * 100_003 + ph] = p
        return p
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

/// An image's pixels for a PDF: deflated RGB and, when not opaque, deflated alpha.
struct PDFPixels {
    let width: Int, height: Int
    let rgb: [UInt8]
    let alpha: [UInt8]?
}

/// Why an image could not be used.
public struct ImageError: Error { public let message: String }
