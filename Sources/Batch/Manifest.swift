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

    public func write(dir: String) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try OutputFile.write(try e.encode(self), to: dir + "/" + Manifest.fileName)
    }
}

/// Finished rows appended one JSON line at a time while the batch runs, so a run that is killed
/// before it writes manifest.json still knows which PDFs are complete when it resumes.
final class Journal: @unchecked Sendable {
    static let fileName = ".saraban-batch.journal"
    private let handle: FileHandle
    private let path: String

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
        handle.seekToEndOfFile()
    }

    /// Caller holds the batch's lock: lines never interleave.
    func append(_ entry: ManifestEntry) {
        guard var line = try? JSONEncoder().encode(entry) else { return }
        line.append(0x0A)
        handle.write(line)
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
}
