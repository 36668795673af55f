import Documents
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One row's outcome as `manifest.json` records it.
public struct ManifestEntry: Codable, Sendable {
    public var row: Int
    public var file: String
    /// The key columns' values, naming the unit.
    public var key: [String: String]
    public var status: Status
    public var pages: Int?
    public var bytes: Int?
    public var sha256: String?
    public var thumbnail: String?
    /// Memo subject, agency and printed date, for index.html.
    public var title: String?
    public var unit: String?
    public var date: String?
    public var error: String?
    /// What was done about a row that did not quite match the data's header (cells filled in).
    public var warning: String?
    /// Hash of everything the output depends on; equal on a re-run means the file is up to date.
    public var input: String

    public enum Status: String, Codable, Sendable { case ok, failed }
}

/// `manifest.json`: the batch's record of every row, and what a re-run reads to skip finished rows.
public struct Manifest: Codable, Sendable {
    public var saraban: String
    public var template: String
    public var data: String
    public var documents: [ManifestEntry]

    public static let fileName = "manifest.json"

    public static func read(dir: String) -> Manifest? {
        guard let d = FileManager.default.contents(atPath: dir + "/" + fileName) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: d)
    }

    /// Writes manifest.json one entry at a time (the same JSON a single encode would give).
    public func write(dir: String) throws {
        try Manifest.write(dir: dir, saraban: saraban, template: template, data: data, entries: EntryStream(documents))
    }

    static func write(dir: String, saraban: String, template: String, data: String, entries: EntryStream) throws {
        let file = try StreamedFile(path: dir + "/" + Manifest.fileName)
        try json(saraban: saraban, template: template, data: data, entries: entries) { try file.write($0) }
        try file.commit()
    }

    /// The manifest's JSON in pieces, one entry at a time.
    static func json(saraban: String, template: String, data: String, entries: EntryStream, emit: (String) throws -> Void) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        func string(_ s: String) throws -> String { String(decoding: try e.encode(s), as: UTF8.self) }
        try emit("{\n  \"data\" : \(try string(data)),\n  \"documents\" : [")
        var n = 0
        for i in 0..<entries.count {
            guard let entry = entries.entry(i) else { continue }
            try emit((n == 0 ? "\n    " : ",\n    ") + indented(try e.encode(entry)))
            n += 1
        }
        try emit((n == 0 ? "" : "\n  ") + "],\n  \"saraban\" : \(try string(saraban)),\n  \"template\" : \(try string(template))\n}")
    }
}

/// An entry's pretty JSON indented by four more spaces (a byte loop: Foundation's
/// `replacingOccurrences` was a tenth of a 10,000-row re-run).
func indented(_ json: Data) -> String {
    var out = [UInt8]()
    out.reserveCapacity(json.count + json.count / 8)
    for b in json {
        out.append(b)
        if b == 0x0A { out.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
    }
    return String(decoding: out, as: UTF8.self)
}

/// A run's entries in row order, fetched one at a time (from the journal on disk in a batch, so a
/// 10,000-row run does not hold 10,000 entries in memory).
struct EntryStream {
    let count: Int
    let okCount: Int
    let entry: (Int) -> ManifestEntry?
    /// The entry's journal line as written (nil when it has none), copied as it is into the next journal.
    var line: (Int) -> Data? = { _ in nil }

    init(count: Int, okCount: Int, entry: @escaping (Int) -> ManifestEntry?) {
        self.count = count; self.okCount = okCount; self.entry = entry
    }

    init(_ entries: [ManifestEntry]) {
        self.init(count: entries.count, okCount: entries.filter { $0.status == .ok }.count) { entries[$0] }
    }
}

/// Where one entry's line sits in the journal, with what the summary needs from it; the entry
/// itself when the journal could not take it (a full disk), so the manifest still lists it.
struct EntryRef: Sendable {
    var offset: UInt64
    var length: Int32
    var ok: Bool
    var pages: Int32
    var kept: ManifestEntry? = nil
}

/// Finished rows appended one JSON line at a time while the batch runs, so a run that is killed
/// before it writes manifest.json still knows which PDFs are complete when it resumes. Every
/// write is checked: a full disk is an error the batch stops on, never a trap.
final class Journal: @unchecked Sendable {
    static let fileName = ".saraban-batch.journal"
    private var fd: Int32
    private let path: String
    private var end: UInt64 = 0

    init(dir: String) throws {
        path = dir + "/" + Journal.fileName
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw BatchError("\(dir): cannot write into the output folder", "เขียนแฟ้มลงในโฟลเดอร์ \(dir) ไม่ได้")
        }
        let size = lseek(fd, 0, SEEK_END)
        end = size > 0 ? UInt64(size) : 0
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Caller holds the batch's lock: lines never interleave. Returns where the line went; throws
    /// when the disk takes it no more (the returned place is then the entry itself, in the error).
    func append(_ entry: ManifestEntry) throws(JournalFull) -> EntryRef {
        var ref = EntryRef(offset: end, length: 0, ok: entry.status == .ok, pages: Int32(clamping: entry.pages ?? 0))
        guard var line = try? JSONEncoder().encode(entry) else {
            ref.kept = entry
            return ref
        }
        line.append(0x0A)
        let code = pwriteAll(line, at: end)
        guard code == 0 else {
            ref.kept = entry
            throw JournalFull(ref: ref, error: StreamedFile.failure(path, code))
        }
        ref.length = Int32(clamping: line.count - 1)
        end += UInt64(line.count)
        return ref
    }

    /// The journal refused a line: the entry is kept in `ref`, and the batch stops.
    struct JournalFull: Error {
        var ref: EntryRef
        var error: BatchError
    }

    private func pwriteAll(_ data: Data, at offset: UInt64) -> Int32 {
        data.withUnsafeBytes { raw -> Int32 in
            var done = 0
            while done < raw.count {
                let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset) + off_t(done))
                if n < 0, errno == EINTR { continue }
                if n < 0 { return errno }
                if n == 0 { return ENOSPC }
                done += n
            }
            return 0
        }
    }

    /// Reads entries back by their place in the file (or the entry kept in the place).
    func reader() -> (EntryRef) -> ManifestEntry? {
        let decoder = JSONDecoder()
        return { [fd] ref in
            if let kept = ref.kept { return kept }
            var bytes = [UInt8](repeating: 0, count: Int(ref.length))
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(ref.offset)) }
            guard n == Int(ref.length) else { return nil }
            return try? decoder.decode(ManifestEntry.self, from: Data(bytes))
        }
    }

    /// An entry's line as it is in the file (nil for an entry kept in its place).
    func lineReader() -> (EntryRef) -> Data? {
        { [fd] ref in
            guard ref.kept == nil else { return nil }
            var bytes = Data(count: Int(ref.length))
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(ref.offset)) }
            return n == Int(ref.length) ? bytes : nil
        }
    }

    /// Entries of an earlier, unfinished run (a torn last line is ignored).
    static func read(dir: String) -> [ManifestEntry] {
        guard let d = FileManager.default.contents(atPath: dir + "/" + fileName) else { return [] }
        return d.split(separator: 0x0A).compactMap { try? JSONDecoder().decode(ManifestEntry.self, from: Data($0)) }
    }

    /// Replaces the journal with the finished run's entries in row order, one JSON line each: the
    /// next run reads these line by line instead of decoding the whole manifest at once.
    func rewrite(_ entries: EntryStream) throws {
        let file = try StreamedFile(path: path)
        let e = JSONEncoder()
        for i in 0..<entries.count {
            // A line already in the journal is copied, not decoded and encoded again.
            if var line = entries.line(i) {
                line.append(0x0A)
                try file.write(line)
                continue
            }
            guard let entry = entries.entry(i) else { continue }
            var line = try e.encode(entry)
            line.append(0x0A)
            try file.write(line)
        }
        try file.commit()
    }
}
