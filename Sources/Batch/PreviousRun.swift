import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What an earlier run recorded, by file name: enough of each entry to tell whether its row is
/// up to date, and where the whole entry is (its line in the journal, read back only for the
/// rows skipped), so a 10,000-row re-run does not hold 10,000 entries.
struct PreviousRun {
    /// One recorded row.
    struct Entry {
        var file: String
        var input: String
        var ok: Bool
        var bytes: Int?
        var thumbnail: String?
        var place: Place
    }

    enum Place {
        /// Bytes of the journal's line.
        case line(offset: Int, length: Int)
        /// The entry itself (read from manifest.json when there was no journal).
        case kept(ManifestEntry)
    }

    /// The parts of an entry the up-to-date check reads.
    private struct Brief: Decodable {
        var file: String
        var input: String
        var status: ManifestEntry.Status
        var bytes: Int?
        var thumbnail: String?
    }

    private(set) var entries: [String: Entry] = [:]
    private var journal = Data()

    init() {}

    init(dir: String) {
        let decoder = JSONDecoder()
        journal = FileManager.default.contents(atPath: dir + "/" + Journal.fileName) ?? Data()
        var start = 0
        journal.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            while start < raw.count {
                let end = raw[start...].firstIndex(of: 0x0A) ?? raw.count
                // A torn last line (a killed run) does not decode and is ignored.
                if let b = try? decoder.decode(Brief.self, from: Data(raw[start..<end])) {
                    entries[b.file] = Entry(file: b.file, input: b.input, ok: b.status == .ok, bytes: b.bytes, thumbnail: b.thumbnail,
                                            place: .line(offset: start, length: end - start))
                }
                start = end + 1
            }
        }
        // The journal holds the last finished run and anything since; the manifest is only read
        // when the journal is gone (it costs a whole-file decode).
        guard entries.isEmpty else { return }
        journal = Data()
        for e in Manifest.read(dir: dir)?.documents ?? [] {
            entries[e.file] = Entry(file: e.file, input: e.input, ok: e.status == .ok, bytes: e.bytes, thumbnail: e.thumbnail, place: .kept(e))
        }
    }

    /// The whole entry, with the row's number and key as they are now; nil if its line does not
    /// decode whole (an entry edited by hand: the row is rendered again).
    func entry(_ e: Entry, row: Int, key: [String: String]) -> ManifestEntry? {
        var full: ManifestEntry
        switch e.place {
        case .kept(let kept): full = kept
        case .line(let offset, let length):
            guard let decoded = try? JSONDecoder().decode(ManifestEntry.self, from: journal.subdata(in: offset..<offset + length)) else { return nil }
            full = decoded
        }
        full.row = row
        full.key = key
        return full
    }
}
