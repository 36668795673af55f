import Foundation

/// A PDF file being written object by object: numbers are reserved before their objects exist
/// (a page names its parent before the page tree is written), offsets are kept for the xref table.
final class PDFObjectWriter {
    private(set) var out = PDFBytes()
    private var offsets: [Int] = [0]

    init() {
        out.append("%PDF-1.7\n%")
        out.append([0xE2, 0xE3, 0xCF, 0xD3])
        out.append("\n")
    }

    /// A new object number, to be written later.
    func reserve() -> Int {
        offsets.append(-1)
        return offsets.count - 1
    }

    /// Writes object `n` with the given body (a dictionary, array or other value).
    func object(_ n: Int, _ body: [UInt8]) {
        begin(n)
        out.append(body)
        out.append("\nendobj\n")
    }

    /// Writes object `n` as a stream, deflated when that makes it smaller.
    func stream(_ n: Int, _ data: [UInt8], extra: String = "") {
        stream(n, PackedStream(data), extra: extra)
    }

    /// Writes object `n` as a stream packed earlier (the same data in many files is packed once).
    func stream(_ n: Int, _ packed: PackedStream, extra: String = "") {
        write(n, packed.bytes, filter: packed.deflated ? " /Filter /FlateDecode" : "", extra: extra)
    }

    /// Writes a stream whose data is already deflated.
    func deflatedStream(_ n: Int, _ data: [UInt8], extra: String) {
        write(n, data, filter: " /Filter /FlateDecode", extra: extra)
    }

    private func write(_ n: Int, _ data: [UInt8], filter: String, extra: String) {
        begin(n)
        out.append("<< /Length "); out.integer(data.count); out.append(filter)
        if !extra.isEmpty { out.byte(0x20); out.append(extra) }
        out.append(" >>\nstream\n")
        out.append(data)
        out.append("\nendstream\nendobj\n")
    }

    private func begin(_ n: Int) {
        offsets[n] = out.count
        out.integer(n); out.append(" 0 obj\n")
    }

    /// The cross-reference table and trailer; the file is complete after this.
    func finish(root: Int, info: Int) -> [UInt8] {
        let xref = out.count
        out.append("xref\n0 "); out.integer(offsets.count); out.append("\n0000000000 65535 f \n")
        for n in 1..<offsets.count {
            let o = max(offsets[n], 0)
            var digits = String(o)
            digits = String(repeating: "0", count: max(0, 10 - digits.count)) + digits
            out.append(digits); out.append(offsets[n] < 0 ? " 00000 f \n" : " 00000 n \n")
        }
        out.append("trailer\n<< /Size "); out.integer(offsets.count)
        out.append(" /Root "); out.integer(root); out.append(" 0 R /Info "); out.integer(info); out.append(" 0 R >>\nstartxref\n")
        out.integer(xref); out.append("\n%%EOF\n")
        return out.bytes
    }
}

/// A stream's data as written: deflated when that makes it smaller.
struct PackedStream {
    let bytes: [UInt8]
    let deflated: Bool

    init(_ data: [UInt8]) {
        if let packed = deflate(data), packed.count < data.count {
            bytes = packed; deflated = true
        } else {
            bytes = data; deflated = false
        }
    }
}
