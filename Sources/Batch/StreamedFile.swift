import Documents
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file written piece by piece into a temporary file beside it and renamed into place when
/// complete: large outputs (a 10,000-row manifest) never sit whole in memory, and a reader never
/// sees half a file. Every write that fails (a full disk) throws, and the temporary file goes.
final class StreamedFile {
    private let path: String
    private let temp: String
    private var fd: Int32
    private var buffer = Data()

    init(path: String) throws {
        self.path = path
        temp = (path as NSString).deletingLastPathComponent + "/." + (path as NSString).lastPathComponent + ".\(getpid()).tmp"
        fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StreamedFile.failure(path, errno) }
    }

    deinit {
        // Not committed: a failed write or an error on the way; nothing half-written stays.
        if fd >= 0 {
            close(fd)
            unlink(temp)
        }
    }

    func write(_ s: String) throws { try write(Data(s.utf8)) }

    func write(_ d: Data) throws {
        buffer.append(d)
        if buffer.count > 1 << 16 { try drain() }
    }

    /// Flushes, closes and renames the file into place.
    func commit() throws {
        try drain()
        let code = close(fd) == 0 ? 0 : errno
        fd = -1
        guard code == 0, rename(temp, path) == 0 else {
            let reason = code != 0 ? code : errno
            unlink(temp)
            throw StreamedFile.failure(path, reason)
        }
    }

    private func drain() throws {
        let code = OutputFile.writeAll(fd, buffer)
        buffer.removeAll(keepingCapacity: true)
        if code != 0 { throw StreamedFile.failure(path, code) }
    }

    static func failure(_ path: String, _ code: Int32) -> BatchError {
        let e = OutputFileError(path: path, code: code)
        return BatchError("\(path): cannot write the file: \(e.reason)", "เขียนแฟ้ม \(path) ไม่ได้: \(e.thai)", diskFull: e.diskFull)
    }
}
