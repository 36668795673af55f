import Documents
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The rows of a batch's units file, given one at a time and as often as the batch asks (once to
/// plan, once more for the rows to render), so that no more than one row is held: CSV, TSV and
/// JSON in UTF-8 are read a megabyte at a time from the file (or from the uploaded bytes). A
/// workbook, YAML, UTF-16 text and JSON that is not plain JSON (see `JSONRows`) are read whole by
/// `DataReader.read`, as before, up to 128 MiB. Rows and messages are those of `DataReader.read`.
public final class DataSource: @unchecked Sendable {
    /// The file as the user named it (messages start with it).
    public let name: String
    private let origin: Origin
    private let kind: Kind
    private let sheet: String?
    /// The rows, when the file is read whole.
    private var whole: [DataRow]?
    /// Size, time and inode of the file at the first reading: a file changed between readings stops the batch.
    private var identity: [Int]?

    enum Origin {
        case file(String)
        case memory(Data)
    }

    enum Kind {
        case delimited(Unicode.Scalar)
        case json
        case whole
    }

    /// Asked to read the file again from the start (JSON found not plain: it is read whole now).
    public struct Restart: Error {}

    static let pieceBytes = 1 << 20

    /// A units file on disk: refused at once if it is missing, not a regular file, or (read whole) too large.
    public convenience init(path: String, sheet: String? = nil) throws {
        try self.init(origin: .file(path), name: path, sheet: sheet)
    }

    /// A units file's bytes (an upload); `name`'s extension says its kind.
    public convenience init(data: Data, name: String, sheet: String? = nil) throws {
        try self.init(origin: .memory(data), name: name, sheet: sheet)
    }

    private init(origin: Origin, name: String, sheet: String?) throws {
        self.origin = origin
        self.name = name
        self.sheet = sheet
        let ext = (name as NSString).pathExtension.lowercased()
        let office = OfficeKind.of(name) == .xlsx || OfficeKind.of(name) == .ods
        switch ext {
        case _ where office: kind = .whole
        case "csv": kind = .delimited(",")
        case "tsv", "tab": kind = .delimited("\t")
        case "json": kind = .json
        default: kind = .whole
        }
        if case .whole = kind {
            whole = try readWhole()
            return
        }
        let head = try firstBytes(2)
        if sheet != nil {
            throw BatchError("--sheet applies to .xlsx and .ods data files only", "--sheet ใช้ได้กับแฟ้มข้อมูล .xlsx และ .ods เท่านั้น")
        }
        if head == [0xFF, 0xFE] || head == [0xFE, 0xFF] { whole = try readWhole() }
    }

    /// Every row in file order, each handed to `body` and then let go. Throws `Restart` when a
    /// JSON file turns out not to be plain after some rows were given: the caller forgets them
    /// and reads again (the file is then read whole).
    public func forEach(_ body: (DataRow) throws -> Void) throws {
        let reader = try rows()
        while let row = try reader.next() { try body(row) }
    }

    /// Every row, in a list (tests and small files).
    public func all() throws -> [DataRow] {
        while true {
            var rows = [DataRow]()
            do {
                try forEach { rows.append($0) }
                return rows
            } catch is Restart {
                continue
            }
        }
    }

    /// A reading from the start, row by row.
    public func rows() throws -> RowReader {
        if let whole { return RowReader(rows: whole) }
        guard case .file(let path) = origin else { return RowReader(source: self, file: nil) }
        let file = try DataFile(path: path)
        do { try same(file.identity) } catch {
            file.close()
            throw error
        }
        return RowReader(source: self, file: file)
    }

    private func readWhole() throws -> [DataRow] {
        switch origin {
        case .file(let path): return try DataReader.read(path: path, sheet: sheet)
        case .memory(let data): return try DataReader.read(data: data, name: name, sheet: sheet)
        }
    }

    /// A JSON file found not plain: read whole from now on; the reading asks to start again.
    func readWholeInstead() throws -> Never {
        whole = try readWhole()
        throw Restart()
    }

    var noRows: BatchError { BatchError("\(name): the data file has no rows", "แฟ้มข้อมูล \(name) ไม่มีรายการ") }

    /// Bytes of the upload from `at`, at most `n`.
    func memory(from at: Int, count n: Int) -> [UInt8] {
        guard case .memory(let data) = origin, at < data.count else { return [] }
        return Array(data[data.startIndex + at ..< data.startIndex + min(data.count, at + n)])
    }

    var isDelimited: Unicode.Scalar? {
        if case .delimited(let d) = kind { return d }
        return nil
    }

    /// The file's size (the bytes given, for an upload).
    var size: Int {
        switch origin {
        case .memory(let data): return data.count
        case .file: return identity?.first ?? 0
        }
    }

    /// Remembers the file's identity at the first reading and refuses a changed file after.
    private func same(_ now: [Int]) throws {
        guard let identity else {
            identity = now
            return
        }
        guard identity == now else {
            throw BatchError("\(name): the data file changed while the batch ran; run the batch again",
                             "แฟ้มข้อมูล \(name) ถูกแก้ไขระหว่างที่งานชุดทำงาน ให้สั่งงานชุดใหม่อีกครั้ง")
        }
    }

    private func firstBytes(_ n: Int) throws -> [UInt8] {
        switch origin {
        case .memory(let data): return Array(data.prefix(n))
        case .file(let path):
            let file = try DataFile(path: path)
            defer { file.close() }
            return try file.read(n)
        }
    }
}

/// A data file opened for reading: refused at once when it is missing or not a regular file (a
/// FIFO is never waited on), with the messages of `DiskFile`.
struct DataFile {
    private let fd: Int32
    let path: String
    /// Size, modification time (ns) and inode.
    let identity: [Int]

    init(path: String) throws {
        self.path = path
        let shown = (path as NSString).lastPathComponent
        fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? ("'\(shown)' not found", "ไม่พบแฟ้มข้อมูล '\(shown)'")
                : ("'\(shown)' cannot be opened: \(OutputFileError(path: path, code: errno).reason)", "เปิดแฟ้ม '\(shown)' ไม่ได้ (\(OutputFileError(path: path, code: errno).thai))")
            throw DataFile.refusal(path, reason.0, reason.1)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            Glibc.close(fd)
            throw DataFile.refusal(path, "'\(shown)' is not a regular file", "'\(shown)' ไม่ใช่แฟ้มข้อมูลธรรมดา")
        }
        identity = [Int(info.st_size), Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec), Int(info.st_ino)]
    }

    static func refusal(_ path: String, _ message: String, _ thai: String) -> BatchError {
        BatchError("\(path): cannot read the data file: \(message)", "อ่านแฟ้มข้อมูล \(path) ไม่ได้: \(thai)")
    }

    func close() { Glibc.close(fd) }

    /// Up to `n` bytes (fewer only at the end).
    func read(_ n: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: n)
        var got = 0
        while got < n {
            let r = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + got, n - got) }
            if r < 0, errno == EINTR || errno == EAGAIN { continue }
            guard r >= 0 else {
                let e = OutputFileError(path: path, code: errno)
                let shown = (path as NSString).lastPathComponent
                throw DataFile.refusal(path, "'\(shown)' cannot be read: \(e.reason)", "อ่านแฟ้ม '\(shown)' ไม่ได้ (\(e.thai))")
            }
            if r == 0 { break }
            got += r
        }
        out.removeLast(n - got)
        return out
    }
}
