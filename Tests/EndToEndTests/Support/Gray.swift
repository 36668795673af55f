import Foundation

/// A page rasterised by poppler as 8-bit grey (PGM), one pixel per point at 72 dpi.
struct GrayPage {
    let width, height: Int
    let pixels: [UInt8]

    /// Renders page `n` of a PDF at 72 dpi.
    static func load(_ pdf: String, page n: Int) -> GrayPage? {
        let dir = Probe.tempDir()
        run("/usr/bin/pdftoppm", ["-r", "72", "-gray", "-f", "\(n)", "-l", "\(n)", pdf, dir + "/p"])
        guard let file = try? FileManager.default.contentsOfDirectory(atPath: dir).first(where: { $0.hasSuffix(".pgm") }),
              let data = FileManager.default.contents(atPath: dir + "/" + file) else { return nil }
        let bytes = [UInt8](data)
        // Header: "P5\n<w> <h>\n255\n"
        var fields = [String](), i = 0, cur = ""
        while fields.count < 4, i < bytes.count {
            let c = Character(UnicodeScalar(bytes[i]))
            if c.isWhitespace { if !cur.isEmpty { fields.append(cur); cur = "" } } else { cur.append(c) }
            i += 1
        }
        guard fields.count == 4, let w = Int(fields[1]), let h = Int(fields[2]) else { return nil }
        return GrayPage(width: w, height: h, pixels: Array(bytes[i..<min(bytes.count, i + w * h)]))
    }

    /// How many pixels darker than mid-grey lie in the rectangle (points).
    func darkPixels(x: Double, y: Double, width w: Double, height h: Double) -> Int {
        var n = 0
        for yy in max(0, Int(y))..<min(height, Int(y + h)) {
            for xx in max(0, Int(x))..<min(width, Int(x + w)) where pixels[yy * width + xx] < 128 { n += 1 }
        }
        return n
    }
}
