import CShims
import CSigning
import Foundation

/// Objects appended to a PDF as an incremental update: the original bytes stay as they are, the
/// new and changed objects follow, then a cross-reference stream (Saraban's files use them, and
/// PDF/A forbids mixing them with tables) whose /Prev is the file's last one.
struct IncrementalUpdate {
    let file: PDFFile
    private(set) var next: Int
    private var objects: [(number: Int, body: [UInt8])] = []

    init(_ file: PDFFile) throws {
        self.file = file
        guard let size = file.trailer["Size"]?.asInt, size > 0 else { throw PDFFile.damaged("its trailer has no /Size") }
        next = size
    }

    /// A new object number.
    mutating func reserve() -> Int {
        next += 1
        return next - 1
    }

    /// Object `n` (new, or replacing the file's) with a value.
    mutating func set(_ n: Int, _ v: PDFValue) {
        objects.append((n, PDFSerializer.bytes(v)))
    }

    /// Object `n` as a stream; the data is stored as given, `dictionary` saying how.
    mutating func set(_ n: Int, stream dictionary: PDFDictionary, _ data: [UInt8]) {
        var d = dictionary
        d["Length"] = .integer(data.count)
        var body = [UInt8]()
        PDFSerializer.write(d, into: &body)
        body += Array("\nstream\n".utf8) + data + Array("\nendstream".utf8)
        objects.append((n, body))
    }

    /// Object `n` with bytes written as they are (the signature dictionary and its placeholders).
    mutating func set(_ n: Int, raw body: [UInt8]) {
        objects.append((n, body))
    }

    /// The whole file: the original, the objects and the cross-reference stream. Returns where
    /// each object's body starts, to fill in placeholders.
    func bytes() -> (data: [UInt8], bodies: [Int: Int]) {
        var out = file.bytes
        if out.last != 0x0A { out.append(0x0A) }
        var offsets = [Int: Int](), bodies = [Int: Int]()
        for o in objects {
            offsets[o.number] = out.count
            out += Array("\(o.number) 0 obj\n".utf8)
            bodies[o.number] = out.count
            out += o.body + Array("\nendobj\n".utf8)
        }
        let xref = next
        let xrefOffset = out.count
        offsets[xref] = xrefOffset
        out += crossReference(offsets, number: xref)
        out += Array("startxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return (out, bodies)
    }

    /// The cross-reference stream object listing the update's objects (itself included).
    private func crossReference(_ offsets: [Int: Int], number: Int) -> [UInt8] {
        let numbers = offsets.keys.sorted()
        var rows = [UInt8](), index = [PDFValue]()
        var runStart = -1, runLength = 0
        for n in numbers {
            rows.append(1)
            let o = offsets[n] ?? 0
            for k in (0..<4).reversed() { rows.append(UInt8(truncatingIfNeeded: o >> (8 * k))) }
            rows += [0, 0]
            if n == runStart + runLength { runLength += 1 } else {
                if runLength > 0 { index += [.integer(runStart), .integer(runLength)] }
                runStart = n; runLength = 1
            }
        }
        if runLength > 0 { index += [.integer(runStart), .integer(runLength)] }
        var d = PDFDictionary()
        d["Type"] = .name("XRef")
        d["Size"] = .integer(number + 1)
        d["Index"] = .array(index)
        d["W"] = .array([.integer(1), .integer(4), .integer(2)])
        for key in ["Root", "Info", "ID"] { d[key] = file.trailer[key] }
        d["Prev"] = .integer(file.startxref)
        let packed = IncrementalUpdate.deflate(rows)
        if packed != nil { d["Filter"] = .name("FlateDecode") }
        let data = packed ?? rows
        d["Length"] = .integer(data.count)
        var out = Array("\(number) 0 obj\n".utf8)
        PDFSerializer.write(d, into: &out)
        out += Array("\nstream\n".utf8) + data + Array("\nendstream\nendobj\n".utf8)
        return out
    }

    static func deflate(_ data: [UInt8]) -> [UInt8]? {
        var length: UInt = 0
        guard let p = data.withUnsafeBufferPointer({ saraban_deflate_level($0.baseAddress, UInt($0.count), 6, &length) }) else { return nil }
        defer { saraban_free(p) }
        return Array(UnsafeBufferPointer(start: p, count: Int(length)))
    }
}
