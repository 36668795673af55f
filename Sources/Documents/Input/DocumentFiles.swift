import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a file a document names cannot be used, in English and Thai.
public struct FileRefusal: Error, Sendable {
    public var message: String
    public var thai: String
    public init(_ message: String, _ thai: String) {
        self.message = message
        self.thai = thai
    }
}

/// Where the files a document names (emblem, signature image, table sources) come from: the
/// folder beside the document for the command line, the parts uploaded with a request for the
/// service. A document can read no file but through one of these.
public protocol DocumentFiles: Sendable {
    /// The bytes of the file the document names `name`, at most `limit` of them.
    func read(_ name: String, limit: Int) throws(FileRefusal) -> Data
    /// How messages call the file (the document's folder joined, or the part's name).
    func display(_ name: String) -> String
    /// What the files are, for keys of caches that must not mix two sources.
    var identity: String { get }
}

/// How large a file a document names may be.
public enum FileLimits {
    /// An emblem or a signature picture.
    public static let image = 16 << 20
    /// A table's source file (a document's text is at most InputLimits.documentTextBytes anyway).
    public static let source = 16 << 20
}

/// Files on the disk: names relative to `directory`, or absolute. Only regular files are read,
/// and never more than the limit: a FIFO or a device named as a picture would block or run on.
public struct FolderFiles: DocumentFiles {
    public let directory: String
    public init(directory: String) { self.directory = directory.isEmpty ? "." : directory }

    public var identity: String { "folder:" + directory }

    public func display(_ name: String) -> String {
        (name as NSString).isAbsolutePath ? name : (directory as NSString).appendingPathComponent(name)
    }

    public func read(_ name: String, limit: Int) throws(FileRefusal) -> Data {
        try DiskFile.read(display(name), limit: limit)
    }
}

/// Reads one regular file from the disk with a size limit.
public enum DiskFile {
    public static func read(_ path: String, limit: Int) throws(FileRefusal) -> Data {
        let shown = (path as NSString).lastPathComponent
        // Non-blocking: opening a FIFO for reading must not wait for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw FileRefusal("'\(shown)' not found", "ไม่พบแฟ้มข้อมูล '\(shown)'") }
            let e = OutputFileError(path: path, code: errno)
            throw FileRefusal("'\(shown)' cannot be opened: \(e.reason)", "เปิดแฟ้ม '\(shown)' ไม่ได้ (\(e.thai))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw FileRefusal("'\(shown)' is not a regular file", "'\(shown)' ไม่ใช่แฟ้มข้อมูลธรรมดา")
        }
        guard Int(info.st_size) <= limit else {
            throw tooLarge(shown, limit)
        }
        return try readAll(fd, shown, limit)
    }

    /// Reads until the end; a file that grows past the limit while read is refused too.
    private static func readAll(_ fd: Int32, _ shown: String, _ limit: Int) throws(FileRefusal) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR || errno == EAGAIN { continue }
            guard n >= 0 else {
                let e = OutputFileError(path: shown, code: errno)
                throw FileRefusal("'\(shown)' cannot be read: \(e.reason)", "อ่านแฟ้ม '\(shown)' ไม่ได้ (\(e.thai))")
            }
            if n == 0 { return data }
            data.append(buffer, count: n)
            if data.count > limit { throw tooLarge(shown, limit) }
        }
    }

    static func tooLarge(_ shown: String, _ limit: Int) -> FileRefusal {
        let mib = limit >> 20
        return FileRefusal("'\(shown)' is larger than \(mib) MiB", "แฟ้ม '\(shown)' ใหญ่เกิน \(mib) MiB")
    }
}

/// Files uploaded with a request, by file name. A name that leaves its folder, an absolute path
/// or a name no part carries is refused: a request can never read a file of the server.
public struct UploadedFiles: DocumentFiles {
    public let parts: [String: Data]
    public init(parts: [String: Data]) { self.parts = parts }

    public var identity: String {
        let names = parts.keys.sorted()
        return "uploaded:" + names.map { "\($0)=\(parts[$0]?.count ?? 0)" }.joined(separator: ",")
    }

    public func display(_ name: String) -> String { name }

    public func read(_ name: String, limit: Int) throws(FileRefusal) -> Data {
        let file = try Self.partName(name)
        guard let data = parts[file] else {
            let known = parts.keys.sorted().joined(separator: ", ")
            let list = known.isEmpty ? "none" : known
            throw FileRefusal("'\(name)' is not among the uploaded files (uploaded: \(list)); upload it as a part with that file name",
                              "ไม่พบแฟ้ม '\(name)' ในแฟ้มที่ส่งมา (ที่ส่งมา: \(known.isEmpty ? "ไม่มี" : known)) ส่งแฟ้มนี้มาพร้อมกันด้วยชื่อเดียวกัน")
        }
        guard data.count <= limit else { throw DiskFile.tooLarge(file, limit) }
        return data
    }

    /// The file name a document's name stands for; absolute paths and `..` are refused.
    static func partName(_ name: String) throws(FileRefusal) -> String {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.hasPrefix("/") || name.contains("\\") || parts.contains("..") || name.contains("\0") {
            throw FileRefusal("'\(name)' is a path; name an uploaded file by its file name only",
                              "'\(name)' เป็นเส้นทางแฟ้ม ให้ระบุเพียงชื่อแฟ้มที่ส่งมา")
        }
        guard let last = parts.last, !last.isEmpty, last != "." else {
            throw FileRefusal("'\(name)' names no file", "'\(name)' ไม่ใช่ชื่อแฟ้ม")
        }
        return String(last)
    }
}
