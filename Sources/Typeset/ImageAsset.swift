import CPangoCairo
import CShims
import Foundation

/// A PNG or SVG picture (emblem, signature) loaded once and drawn at any size.
public final class ImageAsset {
    private var png: OpaquePointer?
    private var svg: UnsafeMutableRawPointer?
    /// Natural size in points (PNG pixels count as points at 72 dpi).
    public let width: Double, height: Double

    /// The most pixels a PNG may have: a header may claim any size, and cairo would allocate it.
    public static let maxPixels = 40_000_000

    /// Decodes a PNG or an SVG (by its bytes, whatever its name); throws a message naming the problem.
    public init(data: Data) throws {
        if ImageAsset.isPNG(data) {
            try ImageAsset.checkPNGSize(data)
            let s = data.withUnsafeBytes { saraban_png_load_data($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
            guard cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else {
                cairo_surface_destroy(s)
                throw ImageError(message: "a PNG whose data is damaged or cut short", thai: "แฟ้ม PNG เสียหายหรือไม่ครบ")
            }
            png = s
            width = Double(cairo_image_surface_get_width(s))
            height = Double(cairo_image_surface_get_height(s))
            try ImageAsset.checkShape(width, height)
            return
        }
        guard ImageAsset.looksSVG(data) else {
            throw ImageError(message: "neither a PNG nor an SVG picture", thai: "ไม่ใช่ภาพ PNG หรือ SVG")
        }
        var err = [CChar](repeating: 0, count: 256)
        let h = data.withUnsafeBytes { saraban_svg_load_data($0.bindMemory(to: UInt8.self).baseAddress, $0.count, &err, 256) }
        guard let h else {
            let reason = String(cString: err).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ImageError(message: "an SVG that cannot be read (\(reason))", thai: "อ่านภาพ SVG ไม่ได้ (เนื้อหาของแฟ้มไม่ใช่ SVG ที่ถูกต้อง)")
        }
        svg = h
        var w = 0.0
        var ht = 0.0
        saraban_svg_size(h, &w, &ht)
        width = w > 0 && w.isFinite ? w : 100
        height = ht > 0 && ht.isFinite ? ht : 100
        try ImageAsset.checkShape(width, height)
    }

    /// The most one side of a picture may exceed the other: drawn at the emblem's height, a
    /// picture thousands of times wider runs off any page.
    public static let maxAspect = 1000.0

    static func checkShape(_ w: Double, _ h: Double) throws {
        guard w / h <= maxAspect, h / w <= maxAspect else {
            let size = String(format: "%g×%g", w, h)
            throw ImageError(message: "a picture of \(size), one side over \(Int(maxAspect)) times the other",
                             thai: "ภาพขนาด \(size) ด้านหนึ่งยาวเกิน \(Int(maxAspect)) เท่าของอีกด้าน")
        }
    }

    static func isPNG(_ data: Data) -> Bool {
        data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    /// SVG is XML: after an optional byte-order mark and white space, a `<`.
    static func looksSVG(_ data: Data) -> Bool {
        let head = data.prefix(4096)
        guard let text = String(data: head, encoding: .utf8) ?? String(data: head.dropLast(3), encoding: .utf8) else { return false }
        let trimmed = text.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
        return trimmed.hasPrefix("<") && text.contains("<svg")
    }

    /// The size the PNG header (IHDR, right after the signature) declares, checked before decoding.
    static func checkPNGSize(_ data: Data) throws {
        let ihdr: [UInt8] = [0x49, 0x48, 0x44, 0x52]
        guard data.count >= 24, data.dropFirst(12).prefix(4).elementsEqual(ihdr) else {
            throw ImageError(message: "a PNG whose data is damaged or cut short", thai: "แฟ้ม PNG เสียหายหรือไม่ครบ")
        }
        let bytes = [UInt8](data[data.startIndex + 16 ..< data.startIndex + 24])
        let w = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
        let h = bytes[4..<8].reduce(0) { $0 << 8 | Int($1) }
        guard w > 0, h > 0, w <= 1 << 20, h <= 1 << 20, w * h <= maxPixels else {
            throw ImageError(message: "a PNG of \(w)×\(h) pixels, more than \(maxPixels / 1_000_000) million",
                             thai: "ภาพ PNG ขนาด \(w)×\(h) จุด ใหญ่เกิน \(maxPixels / 1_000_000) ล้านจุด")
        }
    }

    private let lock = NSLock()
    private var pdfCache: [Int: PDFPixels] = [:]

    /// The picture as PDF image data, made once: a PNG at its own pixels, an SVG drawn at
    /// 300 dpi for the size it is placed at.
    func pdfPixels(width w: Double, height h: Double) -> PDFPixels? {
        guard w.isFinite, h.isFinite, w > 0, h > 0 else { return nil }
        // An SVG is drawn at 300 dpi, but never larger than a PNG may be (a picture placed huge
        // is drawn at fewer dots per inch).
        let dpi = min(300, 72 * (Double(ImageAsset.maxPixels) / (w * h)).squareRoot(), 72 * Double(1 << 14) / max(w, h))
        let pw = svg != nil ? max(1, Int((w * dpi / 72).rounded(.up))) : Int(width)
        let ph = svg != nil ? max(1, Int((h * dpi / 72).rounded(.up))) : Int(height)
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

/// Why an image could not be used, in English and Thai.
public struct ImageError: Error {
    public let message: String
    public let thai: String
}
