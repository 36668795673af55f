import Foundation

/// Pictures made byte by byte for the tests, and what poppler says of a PDF's images.
enum TestPictures {
    /// A grey RGB PNG (stored, not deflated: its bytes are all the test's own).
    static func png(width: Int, height: Int) -> Data {
        var raw = [UInt8]()
        for _ in 0..<height {
            raw.append(0)
            for _ in 0..<width { raw += [40, 40, 40] }
        }
        var ihdr = be32(UInt32(width)) + be32(UInt32(height))
        ihdr += [8, 2, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr) + chunk("IDAT", zlibStored(raw)) + chunk("IEND", []))
    }

    /// The width and height of a PNG's IHDR.
    static func pngSize(_ png: Data) -> (Int, Int)? {
        let b = [UInt8](png.prefix(24))
        guard b.count == 24, b[12...15] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func u32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        return (u32(16), u32(20))
    }

    /// `pdfimages -list`: each image's width and height.
    static func imageList(_ pdf: Data) -> [(width: Int, height: Int)] {
        let path = Repo.write(pdf, "i.pdf", in: Repo.tempDir())
        let text = String(decoding: Repo.run("/usr/bin/pdfimages", ["-list", path]).out, as: UTF8.self)
        return text.split(separator: "\n").dropFirst(2).compactMap { line in
            let f = line.split(separator: " ")
            guard f.count > 4, let w = Int(f[3]), let h = Int(f[4]) else { return nil }
            return (w, h)
        }
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return be32(UInt32(data.count)) + typed + be32(crc32(typed))
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65535, data.count - i)
            out.append(i + n == data.count ? 1 : 0)
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for x in data {
            a = (a + UInt32(x)) % 65521
            b = (b + a) % 65521
        }
        return out + be32(b << 16 | a)
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for x in data {
            c ^= UInt32(x)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return ~c
    }

    static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
