import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes output files whole or not at all: a temporary file in the same folder, then a rename.
/// Only a regular file is ever replaced: a device, a FIFO or a folder standing at the path is
/// refused (a rename would have put a regular file in its place).
public enum OutputFile {
    /// Writes `data` to `path`. With `flush`, the file's data reaches the disk before the rename
    /// (a single document). A batch passes false and flushes the folder once at its end
    /// (`flushAll`): a flush per file kept each worker waiting on the disk a fifth of the time.
    public static func write(_ data: Data, to path: String, flush: Bool = true) throws {
        let path = try target(path)
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            throw OutputFileError(path: path, reason: "its folder \(dir.path) cannot be made", thai: "สร้างโฟลเดอร์ \(dir.path) ไม่ได้")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputFileError(path: path, code: errno) }
        var code = writeAll(fd, data)
        if code == 0, flush, fsync(fd) != 0 { code = errno }
        if close(fd) != 0, code == 0 { code = errno }
        if code == 0, rename(tmp, path) != 0 { code = errno }
        if code != 0 {
            unlink(tmp)
            throw OutputFileError(path: path, code: code)
        }
    }

    /// Writes `data` to standard output (`-o -`); a reader that stops early is an error, not a signal.
    public static func writeStandardOutput(_ data: Data) throws {
        signal(SIGPIPE, SIG_IGN)
        let code = writeAll(STDOUT_FILENO, data)
        if code != 0 { throw OutputFileError(path: "-", code: code) }
    }

    /// Writes every byte to `fd`; 0, or the errno that stopped it (a write that makes no progress
    /// is a full disk, not a loop).
    public static func writeAll(_ fd: Int32, _ data: Data) -> Int32 {
        data.withUnsafeBytes { raw -> Int32 in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0, errno == EINTR { continue }
                if n < 0 { return errno }
                if n == 0 { return ENOSPC }
                done += n
            }
            return 0
        }
    }

    /// The path to write: a symbolic link to a regular file is written through (the link stays);
    /// anything that is not a regular file is refused.
    static func target(_ path: String) throws -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return path }
        var resolved = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &info) == 0 else { return path }
            resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: path))
                .map { ($0 as NSString).isAbsolutePath ? $0 : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent($0) } ?? path
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return resolved
        case S_IFDIR: throw OutputFileError(path: path, reason: "it is a folder", thai: "เป็นโฟลเดอร์")
        default: throw OutputFileError(path: path, reason: "it is a device or special file, not a regular file (write to standard output with -o -)",
                                       thai: "เป็นอุปกรณ์หรือแฟ้มพิเศษ ไม่ใช่แฟ้มธรรมดา")
        }
    }

    /// Flushes what was written to the disk (once, at the end of a batch).
    public static func flushAll() {
        sync()
    }
}

/// A file that could not be written, with the system's reason in English and Thai.
public struct OutputFileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public let thai: String
    /// The errno behind it (0 when the path itself was refused).
    public let code: Int32
    public var description: String { reason }
    /// Whether the disk (or the process's file size limit) took no more: nothing later can be written either.
    public var diskFull: Bool { code == ENOSPC || code == EFBIG || code == EDQUOT }

    init(path: String, reason: String, thai: String) {
        self.path = path; self.reason = reason; self.thai = thai; code = 0
    }

    /// The failure `code` (an errno) gave for `path`.
    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
        reason = String(cString: strerror(code))
        thai = OutputFileError.thaiReasons[code] ?? "ระบบแจ้งข้อผิดพลาดรหัส \(code)"
    }

    static let thaiReasons: [Int32: String] = [
        ENOSPC: "พื้นที่ในดิสก์เต็ม", EFBIG: "แฟ้มใหญ่เกินกว่าที่ระบบยอมให้เขียน", EDQUOT: "ใช้พื้นที่เกินโควตาที่ได้รับ",
        EACCES: "ไม่มีสิทธิ์เขียนในที่นั้น", EPERM: "ไม่ได้รับอนุญาตให้เขียน", EROFS: "ดิสก์นั้นอ่านได้อย่างเดียว",
        ENOENT: "ไม่พบโฟลเดอร์ที่จะเขียน", ENOTDIR: "ส่วนหนึ่งของเส้นทางไม่ใช่โฟลเดอร์", EISDIR: "เป็นโฟลเดอร์",
        EPIPE: "ผู้รับข้อมูลปิดการรับไปก่อน", EIO: "อุปกรณ์เก็บข้อมูลขัดข้อง", ENAMETOOLONG: "ชื่อแฟ้มยาวเกินไป",
        ELOOP: "ลิงก์ของแฟ้มวนซ้ำ", EMFILE: "เปิดแฟ้มพร้อมกันมากเกินไป", ENXIO: "ไม่มีอุปกรณ์ที่แฟ้มนั้นชี้ถึง",
    ]
}
