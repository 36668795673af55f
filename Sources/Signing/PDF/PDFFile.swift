import CShims
import CSigning
import Foundation

/// A PDF that Saraban wrote, read back: cross-reference streams (PDF 1.5) followed from the
/// newest section through /Prev, objects in the file or in object streams, and the revisions
/// that `sign` appended. Anything else (a classic xref table, a damaged file) is refused.
final class PDFFile {
    let bytes: [UInt8]
    /// The newest trailer (the last cross-reference stream's dictionary).
    let trailer: PDFDictionary
    /// Offset of the newest cross-reference stream (the next update's /Prev).
    let startxref: Int
    /// Each revision, oldest first: where it ends and the objects it defines.
    let revisions: [Revision]
    private var places: [Int: Place] = [:]
    private var objectStreams: [Int: [Int: [UInt8]]] = [:]
    private var cache: [Int: PDFObject] = [:]

    struct Revision {
        /// The byte after the revision's %%EOF line: a signature covering this much signs this revision.
        let end: Int
        let objects: Set<Int>
        let trailer: PDFDictionary
    }

    enum Place { case offset(Int), packed(stream: Int, index: Int) }

    static let maxStream = 256 << 20

    init(_ data: Data) throws {
        bytes = [UInt8](data)
        guard bytes.starts(with: Array("%PDF-".utf8)) else { throw PDFFile.notSaraban("it does not start with %PDF-") }
        let last = try PDFFile.startxref(in: bytes)
        startxref = last
        var sections = [(offset: Int, trailer: PDFDictionary, entries: [(Int, Place?)])]()
        var next: Int? = last
        var seen = Set<Int>()
        while let offset = next {
            guard seen.insert(offset).inserted, sections.count < 1000 else { throw PDFFile.notSaraban("its cross-reference sections loop") }
            let section = try PDFFile.xrefStream(bytes, at: offset)
            sections.append((offset, section.trailer, section.entries))
            next = section.trailer["Prev"]?.asInt
        }
        trailer = sections[0].trailer
        var revisions = [Revision]()
        for s in sections.reversed() {
            for (n, place) in s.entries { if let place { places[n] = place } else { places[n] = nil } }
            let end = PDFFile.endOfRevision(bytes, after: s.offset)
            revisions.append(Revision(end: end, objects: Set(s.entries.map(\.0)), trailer: s.trailer))
        }
        self.revisions = revisions
    }

    static func notSaraban(_ why: String) -> SigningError {
        SigningError("", "not a PDF that Saraban wrote: \(why)", thai: "ไม่ใช่แฟ้ม PDF ที่ Saraban สร้าง")
    }

    static func damaged(_ why: String) -> SigningError {
        SigningError("", "the PDF is damaged: \(why)", thai: "แฟ้ม PDF เสียหาย")
    }

    /// The offset after the last `startxref`.
    static func startxref(in bytes: [UInt8]) throws -> Int {
        let key = Array("startxref".utf8)
        var i = bytes.count - key.count
        let stop = max(0, bytes.count - 2048)
        while i >= stop {
            if bytes[i] == key[0], Array(bytes[i..<i + key.count]) == key {
                var p = PDFParser(bytes, at: i + key.count)
                guard let n = Int(p.word()), n >= 0, n < bytes.count else { throw notSaraban("its startxref is not a valid offset") }
                return n
            }
            i -= 1
        }
        throw notSaraban("no startxref at its end")
    }

    /// Where the %%EOF line after a cross-reference section ends.
    static func endOfRevision(_ bytes: [UInt8], after offset: Int) -> Int {
        let eof = Array("%%EOF".utf8)
        var i = offset
        while i + eof.count <= bytes.count {
            if bytes[i] == 0x25, Array(bytes[i..<i + eof.count]) == eof {
                var end = i + eof.count
                if end < bytes.count, bytes[end] == 0x0D { end += 1 }
                if end < bytes.count, bytes[end] == 0x0A { end += 1 }
                return end
            }
            i += 1
        }
        return bytes.count
    }

    /// A cross-reference stream: its dictionary and rows (nil place: a free entry).
    static func xrefStream(_ bytes: [UInt8], at offset: Int) throws -> (trailer: PDFDictionary, entries: [(Int, Place?)]) {
        var p = PDFParser(bytes, at: offset)
        if p.accept("xref") { throw notSaraban("it has a cross-reference table (Saraban writes cross-reference streams)") }
        guard let object = try? PDFFile.indirect(bytes, at: offset, resolveLength: nil),
              case .stream(let d, let raw) = object.object, d["Type"]?.asName == "XRef" else {
            throw notSaraban("no cross-reference stream at offset \(offset)")
        }
        let data = try decode(d, raw)
        guard let w = d["W"]?.asArray?.compactMap(\.asInt), w.count == 3, w.allSatisfy({ (0...8).contains($0) }) else {
            throw damaged("its cross-reference stream has no valid /W")
        }
        guard let size = d["Size"]?.asInt, size >= 0, size < 10_000_000 else { throw damaged("bad /Size") }
        let index = d["Index"]?.asArray?.compactMap(\.asInt) ?? [0, size]
        let row = w.reduce(0, +)
        guard row > 0, index.count % 2 == 0 else { throw damaged("bad /Index") }
        var entries = [(Int, Place?)]()
        var at = 0
        for k in stride(from: 0, to: index.count, by: 2) {
            let first = index[k], count = index[k + 1]
            guard first >= 0, first < 10_000_000, count >= 0, count <= size else { throw damaged("bad /Index") }
            for n in first..<first + count {
                guard at + row <= data.count else { throw damaged("its cross-reference stream is short") }
                func field(_ i: Int, _ start: Int) -> Int { data[start..<start + w[i]].reduce(0) { $0 << 8 | Int($1) } }
                let type = w[0] == 0 ? 1 : field(0, at), a = field(1, at + w[0]), b = field(2, at + w[0] + w[1])
                at += row
                switch type {
                case 1: entries.append((n, .offset(a)))
                case 2: entries.append((n, .packed(stream: a, index: b)))
                default: entries.append((n, nil))
                }
            }
        }
        return (d, entries)
    }

    /// An indirect object "n g obj ... endobj" at `offset`: its number and content.
    static func indirect(_ bytes: [UInt8], at offset: Int, resolveLength: ((Int) -> Int?)?) throws -> (number: Int, object: PDFObject) {
        var p = PDFParser(bytes, at: offset)
        guard let n = Int(p.word()), Int(p.word()) != nil, p.accept("obj") else { throw p.fail("no object header") }
        let v = try p.value()
        guard case .dictionary(let d) = v, p.accept("stream") else { return (n, .value(v)) }
        if p.at < bytes.count, bytes[p.at] == 0x0D { p.at += 1 }
        if p.at < bytes.count, bytes[p.at] == 0x0A { p.at += 1 }
        var length = d["Length"]?.asInt
        if length == nil, let r = d["Length"]?.asReference { length = resolveLength?(r) }
        guard let length, length >= 0, length <= bytes.count - p.at else { throw p.fail("bad stream length") }
        return (n, .stream(d, Array(bytes[p.at..<p.at + length])))
    }

    /// A stream's data without its filter (FlateDecode or none; Saraban writes nothing else).
    static func decode(_ d: PDFDictionary, _ raw: [UInt8]) throws -> [UInt8] {
        let filter = d["Filter"]?.asName ?? d["Filter"]?.asArray?.first?.asName
        guard d["DecodeParms"] == nil || d["DecodeParms"] == .null else { throw notSaraban("a stream has /DecodeParms") }
        switch filter {
        case nil: return raw
        case "FlateDecode"?:
            var length: UInt = 0
            guard let out = raw.withUnsafeBufferPointer({ saraban_inflate($0.baseAddress, UInt($0.count), UInt(maxStream), &length) }) else {
                throw damaged("a compressed stream cannot be read")
            }
            defer { saraban_free(out) }
            return Array(UnsafeBufferPointer(start: out, count: Int(length)))
        default: throw notSaraban("a stream has filter \(filter ?? "")")
        }
    }

    /// Object `n` as the newest revision has it.
    func object(_ n: Int) throws -> PDFObject {
        if let o = cache[n] { return o }
        guard let place = places[n] else { throw PDFFile.damaged("object \(n) is missing") }
        let o: PDFObject
        switch place {
        case .offset(let offset):
            guard offset < bytes.count else { throw PDFFile.damaged("object \(n) is past the end") }
            let read = try PDFFile.indirect(bytes, at: offset) { [weak self] r in
                guard let self, r != n, case .value(let v)? = try? self.object(r) else { return nil }
                return v.asInt
            }
            guard read.number == n else { throw PDFFile.damaged("object \(n) is not where the cross-reference says") }
            o = read.object
        case .packed(let stream, let index):
            o = .value(try packed(n, in: stream, index: index))
        }
        cache[n] = o
        return o
    }

    private func packed(_ n: Int, in stream: Int, index: Int) throws -> PDFValue {
        if objectStreams[stream] == nil {
            guard case .stream(let d, let raw) = try object(stream), d["Type"]?.asName == "ObjStm",
                  let count = d["N"]?.asInt, let first = d["First"]?.asInt else {
                throw PDFFile.damaged("object stream \(stream) is not one")
            }
            let data = try PDFFile.decode(d, raw)
            guard first >= 0, first <= data.count else { throw PDFFile.damaged("object stream \(stream) has a bad /First") }
            var header = PDFParser(data)
            var objects = [Int: [UInt8]]()
            var pairs = [(Int, Int)]()
            for _ in 0..<max(0, min(count, 100_000)) {
                guard let number = Int(header.word()), let offset = Int(header.word()), offset >= 0, offset <= data.count else {
                    throw PDFFile.damaged("object stream \(stream) has a bad header")
                }
                pairs.append((number, offset))
            }
            for (k, pair) in pairs.enumerated() {
                let start = first + pair.1, end = k + 1 < pairs.count ? first + pairs[k + 1].1 : data.count
                guard start >= 0, start <= end, end <= data.count else { throw PDFFile.damaged("object stream \(stream) has a bad offset") }
                objects[pair.0] = Array(data[start..<end])
            }
            objectStreams[stream] = objects
        }
        guard let body = objectStreams[stream]?[n] else { throw PDFFile.damaged("object \(n) is not in object stream \(stream)") }
        var p = PDFParser(body)
        return try p.value()
    }

    /// A value with references followed (at most 32 deep).
    func resolve(_ v: PDFValue?) throws -> PDFValue? {
        var v = v, hops = 0
        while case .reference(let n, _)? = v {
            hops += 1
            guard hops < 32 else { throw PDFFile.damaged("references loop") }
            switch try object(n) {
            case .value(let inner): v = inner
            case .stream(let d, _): v = .dictionary(d)
            }
        }
        return v
    }

    func dictionary(_ v: PDFValue?) throws -> PDFDictionary? { try resolve(v)?.asDictionary }

    /// The catalog's object number.
    func catalog() throws -> (number: Int, dictionary: PDFDictionary) {
        guard let n = trailer["Root"]?.asReference, let d = try dictionary(.reference(n, 0)), d["Type"]?.asName == "Catalog" else {
            throw PDFFile.notSaraban("it has no catalog")
        }
        return (n, d)
    }

    /// The pages' object numbers in order.
    func pages() throws -> [Int] {
        let root = try catalog().dictionary
        guard let tree = root["Pages"]?.asReference else { throw PDFFile.notSaraban("it has no page tree") }
        var out = [Int](), visited = Set<Int>()
        func walk(_ n: Int, depth: Int) throws {
            guard depth < 32, visited.insert(n).inserted, out.count < 100_000 else { throw PDFFile.damaged("the page tree loops") }
            guard let d = try dictionary(.reference(n, 0)) else { throw PDFFile.damaged("page object \(n) is missing") }
            if d["Type"]?.asName == "Page" { out.append(n); return }
            for kid in d["Kids"]?.asArray ?? [] { if let k = kid.asReference { try walk(k, depth: depth + 1) } }
        }
        try walk(tree, depth: 0)
        return out
    }
}
