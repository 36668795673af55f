import Foundation

/// A PDF file being written object by object: numbers are reserved before their objects exist
/// (a page names its parent before the page tree is written). Streams go to the file at once;
/// the other objects (dictionaries: pages, fonts with their width arrays, outline items) are
/// gathered into compressed object streams, and the cross-reference table is a compressed
/// stream too (PDF 1.5): a fifth of a report's bytes were these dictionaries and the table.
final class PDFObjectWriter {
    private(set) var out = PDFBytes()
    /// Where each object is: in the file at an offset, or the k-th object of an object stream.
    private enum Place { case none, file(Int), packed(stream: Int, index: Int) }
    private var places: [Place] = [.none]
    private var pending: [(n: Int, body: [UInt8])] = []

    init() {
        out.append("%PDF-1.7\n%")
        out.append([0xE2, 0xE3, 0xCF, 0xD3])
        out.append("\n")
    }

    /// A new object number, to be written later.
    func reserve() -> Int {
        places.append(.none)
        return places.count - 1
    }

    /// Object `n` with the given body (a dictionary, array or other value); it is written into an
    /// object stream when the file is finished.
    func object(_ n: Int, _ body: [UInt8]) {
        pending.append((n, body))
    }

    /// Writes object `n` as a stream, deflated when that makes it smaller.
    func stream(_ n: Int, _ data: [UInt8], extra: String = "") {
        stream(n, PackedStream(data), extra: extra)
    }

    /// Writes object `n` as a stream packed earlier (the same data in many files is packed once).
    func stream(_ n: Int, _ packed: PackedStream, extra: String = "") {
        write(n, packed.bytes, filter: packed.deflated ? " /Filter /FlateDecode" : "", extra: extra)
    }

    /// Writes a stream as it is, never deflated (XMP metadata must stay readable as text).
    func rawStream(_ n: Int, _ data: [UInt8], extra: String) {
        write(n, data, filter: "", extra: extra)
    }

    /// Writes a stream whose data is already deflated.
    func deflatedStream(_ n: Int, _ data: [UInt8], extra: String) {
        write(n, data, filter: " /Filter /FlateDecode", extra: extra)
    }

    private func write(_ n: Int, _ data: [UInt8], filter: String, extra: String) {
        places[n] = .file(out.count)
        out.integer(n); out.append(" 0 obj\n")
        out.append("<< /Length "); out.integer(data.count); out.append(filter)
        if !extra.isEmpty { out.byte(0x20); out.append(extra) }
        out.append(" >>\nstream\n")
        out.append(data)
        // The end of line before endstream is not part of the data: after a data byte CR, a bare
        // LF would make the two read as one CRLF and the data one byte short (PDF/A checks it).
        out.append(data.last == 0x0D ? "\r\nendstream\nendobj\n" : "\nendstream\nendobj\n")
    }

    /// Writes the gathered objects into object streams, then the cross-reference stream; the
    /// file is complete after this.
    func finish(root: Int, info: Int) -> [UInt8] {
        let perStream = 200
        var start = 0
        while start < pending.count {
            let group = pending[start..<min(start + perStream, pending.count)]
            let container = reserve()
            var header = PDFBytes(), bodies = PDFBytes()
            for (k, o) in group.enumerated() {
                if k > 0 { header.byte(0x20) }
                header.integer(o.n); header.byte(0x20); header.integer(bodies.count)
                bodies.append(o.body); bodies.byte(0x0A)
                places[o.n] = .packed(stream: container, index: k)
            }
            header.byte(0x0A)
            stream(container, header.bytes + bodies.bytes, extra: "/Type /ObjStm /N \(group.count) /First \(header.count)")
            start += perStream
        }
        pending.removeAll()
        // The cross-reference stream: per object a type byte, four bytes of offset (or the object
        // stream's number) and two of generation (or the index in the object stream).
        let xref = reserve(), offset = out.count
        places[xref] = .file(offset)
        var rows = [UInt8]()
        rows.reserveCapacity(places.count * 7)
        func field(_ v: Int, _ width: Int) { for k in (0..<width).reversed() { rows.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        for place in places {
            switch place {
            case .none: rows.append(0); field(0, 4); field(0xFFFF, 2)
            case .file(let offset): rows.append(1); field(offset, 4); field(0, 2)
            case .packed(let stream, let index): rows.append(2); field(stream, 4); field(index, 2)
            }
        }
        let id = PDFObjectWriter.fileIdentifier(out.bytes)
        stream(xref, rows, extra: "/Type /XRef /Size \(places.count) /W [1 4 2] /Root \(root) 0 R /Info \(info) 0 R /ID [<\(id)> <\(id)>]")
        out.append("startxref\n"); out.integer(offset); out.append("\n%%EOF\n")
        return out.bytes
    }
}

extension PDFObjectWriter {
    /// The file identifier: 16 bytes hashed from everything written before the cross-reference
    /// stream, so the same document gives the same identifier (and the same bytes). Two 64-bit
    /// multiplicative hashes over 8-byte words: an identifier, not a security measure.
    static func fileIdentifier(_ bytes: [UInt8]) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { p in
            let words = p.count / 8
            for i in 0..<words {
                let w = p.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                a = (a ^ w) &* 0x0000_0100_0000_01b3
                b = (b &+ w) &* 0x9E37_79B9_7F4A_7C15
                b ^= b >> 29
            }
            for i in (words * 8)..<p.count { a = (a ^ UInt64(p[i])) &* 0x0000_0100_0000_01b3 }
        }
        var hex = PDFBytes()
        hex.hex4(Int(a >> 48 & 0xFFFF)); hex.hex4(Int(a >> 32 & 0xFFFF)); hex.hex4(Int(a >> 16 & 0xFFFF)); hex.hex4(Int(a & 0xFFFF))
        hex.hex4(Int(b >> 48 & 0xFFFF)); hex.hex4(Int(b >> 32 & 0xFFFF)); hex.hex4(Int(b >> 16 & 0xFFFF)); hex.hex4(Int(b & 0xFFFF))
        return String(decoding: hex.bytes, as: UTF8.self)
    }
}

/// A stream's data as written: deflated when that makes it smaller.
struct PackedStream: Sendable {
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
