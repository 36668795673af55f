import Documents
import Foundation

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
        try json(saraban: saraban, template: template, data: data, entries: entries) { file.write($0) }
        try file.commit()
    }

    /// The manifest's JSON in pieces, one entry at a time.
    static func json(saraban: String, template: String, data: String, entries: EntryStream, emit: (String) -> Void) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        func string(_ s: String) throws -> String { String(decoding: try e.encode(s), as: UTF8.self) }
        emit("{\n  \"data\" : \(try string(data)),\n  \"documents\" : [")
        var n = 0
        for i in 0..<entries.count {
            guard let entry = entries.entry(i) else { continue }
            let body = String(decoding: try e.encode(entry), as: UTF8.self).replacingOccurrences(of: "\n", with: "\n    ")
            emit((n == 0 ? "\n    " : ",\n    ") + body)
            n += 1
        }
        emit((n == 0 ? "" : "\n  ") + "],\n  \"saraban\" : \(try string(saraban)),\n  \"template\" : \(try string(template))\n}")
    }
}

/// A run's entries in row order, fetched one at a time (from the journal on disk in a batch, so a
/// 10,000-row run does not hold 10,000 entries in memory).
struct EntryStream {
    let count: Int
    let okCount: Int
    let entry: (Int) -> ManifestEntry?

    init(count: Int, okCount: Int, entry: @escaping (Int) -> ManifestEntry?) {
        self.count = count; self.okCount = okCount; self.entry = entry
    }

    init(_ entries: [ManifestEntry]) {
        self.init(count: entries.count, okCount: entries.filter { $0.status == .ok }.count) { entries[$0] }
    }
}

/// Where one entry's line sits in the journal, with what the summary needs from it.
struct EntryRef: Sendable {
    var offset: UInt64
    var length: Int32
    var ok: Bool
    var pages: Int32
}

/// Finished rows appended one JSON line at a time while the batch runs, so a run that is killed
/// before it writes manifest.json still knows which PDFs are complete when it resumes.
final class Journal: @unchecked Sendable {
    static let fileName = ".saraban-batch.journal"
    private let handle: FileHandle
    private let path: String
    private var end: UInt64 = 0

    init(dir: String) throws {
        path = dir + "/" + Journal.fileName
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw BatchError("\(dir): cannot write into the output folder", "เขียนแฟ้มลงในโฟลเดอร์ \(dir) ไม่ได้")
            }
        }
        guard let h = FileHandle(forWritingAtPath: path) else {
            throw BatchError("\(dir): cannot write into the output folder", "เขียนแฟ้มลงในโฟลเดอร์ \(dir) ไม่ได้")
        }
        handle = h
        end = handle.seekToEndOfFile()
    }

    /// Caller holds the batch's lock: lines never interleave. Returns where the line went.
    @discardableResult
    func append(_ entry: ManifestEntry) -> EntryRef? {
        guard var line = try? JSONEncoder().encode(entry) else { return nil }
        line.append(0x0A)
        handle.write(line)
        defer { end += UInt64(line.count) }
        return EntryRef(offset: end, length: Int32(line.count - 1), ok: entry.status == .ok, pages: Int32(entry.pages ?? 0))
    }

    /// Reads entries back by their place in the file.
    func reader() throws -> (EntryRef) -> ManifestEntry? {
        try handle.synchronize()
        guard let r = FileHandle(forReadingAtPath: path) else {
            throw BatchError("\(path): cannot read the batch journal", "อ่านแฟ้มบันทึกการทำงาน \(path) ไม่ได้")
        }
        let decoder = JSONDecoder()
        return { ref in
            r.seek(toFileOffset: ref.offset)
            return try? decoder.decode(ManifestEntry.self, from: r.readData(ofLength: Int(ref.length)))
        }
    }

    /// Entries of an earlier, unfinished run (a torn last line is ignored).
    static func read(dir: String) -> [ManifestEntry] {
        guard let d = FileManager.default.contents(atPath: dir + "/" + fileName) else { return [] }
        return d.split(separator: 0x0A).compactMap { try? JSONDecoder().decode(ManifestEntry.self, from: Data($0)) }
    }

    func remove() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Replaces the journal with the finished run's entries in row order, one JSON line each: the
    /// next run reads these line by line instead of decoding the whole manifest at once.
    func rewrite(_ entries: EntryStream) throws {
        let file = try StreamedFile(path: path)
        let e = JSONEncoder()
        for i in 0..<entries.count {
            guard let entry = entries.entry(i) else { continue }
            var line = try e.encode(entry); line.append(0x0A); file.write(line)
        }
        try? handle.close()
        try file.commit()
    }
}
