import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes output files whole or not at all: a temporary file in the same folder, then a rename.
public enum OutputFile {
    /// Writes `data` to `path`. With `flush`, the file's data reaches the disk before the rename
    /// (a single document). A batch passes false and flushes the folder once at its end
    /// (`flushAll`): a flush per file kept each worker waiting on the disk a fifth of the time.
    public static func write(_ data: Data, to path: String, flush: Bool = true) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path, errno) }
        var ok = data.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0, errno == EINTR { continue }
                // Nothing written for a non-empty request: the disk is full.
                if n <= 0 { if n == 0 { errno = ENOSPC }; return false }
                done += n
            }
            return true
        }
        var code = ok ? 0 : errno
        if ok, flush, fsync(fd) != 0 { ok = false; code = errno }
        if close(fd) != 0, ok { ok = false; code = errno }
        if ok, rename(tmp, path) != 0 { ok = false; code = errno }
        if !ok {
            unlink(tmp)
            throw failure(path, code)
        }
    }

    /// Flushes what was written to the disk (once, at the end of a batch).
    public static func flushAll() {
        sync()
    }

    private static func failure(_ path: String, _ code: Int32) -> Error {
        OutputFileError(path: path, reason: String(cString: strerror(code)))
    }
}

/// A file that could not be written, with the system's reason.
public struct OutputFileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { reason }
}
