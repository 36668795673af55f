import CShims
import Foundation

/// A zip archive written front to back as its entries come, for a response that streams: each
/// entry is whole in memory when it is added (a PDF, a thumbnail, the manifest), so its CRC and
/// sizes go in its local header and no seek back is needed; only the central directory (about
/// 100 bytes an entry) is kept until the end. ZIP64 records are added when the archive needs
/// them (more than 65,535 entries or 4 GiB). Times are fixed (1980-01-01): the same batch gives
/// the same bytes. Names are UTF-8 (flag bit 11).
///
/// ZIPFoundation's Archive cannot do this: it writes through a seekable FILE and reads its own
/// central directory back as it adds entries. Its public pieces are a CRC-32 and a deflate, which
/// zlib (already linked for the PDF writer, through CShims) gives without a new dependency.
struct ZipStream {
    private var directory: [UInt8] = []
    private var offset: UInt64 = 0
    private(set) var count = 0

    /// The local header and the data of one entry; deflated when `compress` and smaller so.
    mutating func entry(_ name: String, _ data: Data, compress: Bool) -> [UInt8] {
        let nameBytes = Array(name.utf8)
        let crc = data.withUnsafeBytes { saraban_crc32(0, $0.bindMemory(to: UInt8.self).baseAddress, UInt($0.count)) }
        var body = Array(data)
        var method: UInt16 = 0
        if compress, let packed = ZipStream.rawDeflate(data), packed.count < data.count {
            body = packed
            method = 8
        }
        let size = UInt64(data.count), packedSize = UInt64(body.count)
        var head = [UInt8]()
        head.le32(0x0403_4B50)
        head.le16(20)
        head.le16(0x0800)
        head.le16(method)
        head.le16(0)
        head.le16(ZipStream.dosDate)
        head.le32(UInt32(truncatingIfNeeded: crc))
        head.le32(UInt32(min(packedSize, 0xFFFF_FFFF)))
        head.le32(UInt32(min(size, 0xFFFF_FFFF)))
        head.le16(UInt16(nameBytes.count))
        head.le16(0)
        head += nameBytes
        record(nameBytes, method: method, crc: UInt32(truncatingIfNeeded: crc), packed: packedSize, size: size)
        offset += UInt64(head.count) + packedSize
        count += 1
        return head + body
    }

    /// The central directory and the end records.
    func finish() -> [UInt8] {
        var out = directory
        let dirOffset = offset, dirSize = UInt64(directory.count)
        let needs64 = count >= 0xFFFF || dirOffset >= 0xFFFF_FFFF || dirSize >= 0xFFFF_FFFF
        if needs64 {
            let zip64End = dirOffset + dirSize
            out.le32(0x0606_4B50)
            out.le64(44)
            out.le16(45)
            out.le16(45)
            out.le32(0)
            out.le32(0)
            out.le64(UInt64(count))
            out.le64(UInt64(count))
            out.le64(dirSize)
            out.le64(dirOffset)
            out.le32(0x0706_4B50)
            out.le32(0)
            out.le64(zip64End)
            out.le32(1)
        }
        out.le32(0x0605_4B50)
        out.le16(0)
        out.le16(0)
        out.le16(UInt16(min(count, 0xFFFF)))
        out.le16(UInt16(min(count, 0xFFFF)))
        out.le32(UInt32(min(dirSize, 0xFFFF_FFFF)))
        out.le32(UInt32(min(dirOffset, 0xFFFF_FFFF)))
        out.le16(0)
        return out
    }

    private mutating func record(_ name: [UInt8], method: UInt16, crc: UInt32, packed: UInt64, size: UInt64) {
        let far = offset >= 0xFFFF_FFFF
        var d = [UInt8]()
        d.le32(0x0201_4B50)
        d.le16(0x0314)
        d.le16(far ? 45 : 20)
        d.le16(0x0800)
        d.le16(method)
        d.le16(0)
        d.le16(ZipStream.dosDate)
        d.le32(crc)
        d.le32(UInt32(min(packed, 0xFFFF_FFFF)))
        d.le32(UInt32(min(size, 0xFFFF_FFFF)))
        d.le16(UInt16(name.count))
        d.le16(far ? 12 : 0)
        d.le16(0)
        d.le16(0)
        d.le16(0)
        d.le32(0o100644 << 16)
        d.le32(far ? 0xFFFF_FFFF : UInt32(offset))
        d += name
        if far {
            d.le16(0x0001)
            d.le16(8)
            d.le64(offset)
        }
        directory += d
    }

    /// 1980-01-01, the first day a zip can name.
    static let dosDate: UInt16 = (1 << 5) | 1

    /// Raw deflate (what a zip stores): zlib's stream less its 2-byte header and 4-byte checksum.
    static func rawDeflate(_ data: Data) -> [UInt8]? {
        var length: UInt = 0
        let out = data.withUnsafeBytes { raw -> UnsafeMutablePointer<UInt8>? in
            saraban_deflate_level(raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count), 6, &length)
        }
        guard let out else { return nil }
        defer { saraban_free(out) }
        guard length > 6 else { return nil }
        return Array(UnsafeBufferPointer(start: out + 2, count: Int(length) - 6))
    }
}

extension Array where Element == UInt8 {
    mutating func le16(_ v: UInt16) {
        append(UInt8(v & 0xFF))
        append(UInt8(v >> 8))
    }

    mutating func le32(_ v: UInt32) {
        for k in 0..<4 { append(UInt8((v >> (8 * UInt32(k))) & 0xFF)) }
    }

    mutating func le64(_ v: UInt64) {
        for k in 0..<8 { append(UInt8((v >> (8 * UInt64(k))) & 0xFF)) }
    }
}
