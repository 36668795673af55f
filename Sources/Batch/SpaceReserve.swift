import Documents
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Disk space set aside while a batch runs and given back before its record is written: when
/// the disk fills up with PDFs, manifest.json, index.html and the journal still fit, so the batch
/// ends with its manifest of what was written. A file in the output folder, allocated (not
/// written) at the start and removed at the end; a run that is killed leaves it as a temporary
/// file, which the next run sweeps away.
final class SpaceReserve {
    static let fileName = ".saraban-reserve.tmp"
    private let path: String
    private var held: Bool

    /// About what the record takes per row (manifest, index and journal, the journal twice while
    /// it is replaced), and for the rest.
    static func bytes(rows: Int) -> Int { min(64 << 10 + 3 << 10 * rows, 64 << 20) }

    /// Sets `bytes` aside in `dir`. A disk without that much room refuses the batch before any
    /// row is rendered; a per-file size limit (which a reserve cannot help with) skips it.
    init(dir: String, bytes: Int) throws {
        path = dir + "/" + SpaceReserve.fileName
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StreamedFile.failure(path, errno) }
        let code = posix_fallocate(fd, 0, off_t(bytes))
        close(fd)
        held = code == 0
        guard code == 0 || code == EFBIG || code == EOPNOTSUPP || code == EINVAL else {
            unlink(path)
            let e = OutputFileError(path: dir, code: code)
            throw BatchError("\(dir): no room for the batch's record (\(bytes >> 10) KiB for manifest.json, index.html and the journal): \(e.reason)",
                             "\(dir): ไม่มีพื้นที่พอสำหรับบันทึกผลของงาน (\(bytes >> 10) KiB): \(e.thai)", diskFull: e.diskFull)
        }
        if !held { unlink(path) }
    }

    /// Gives the space back (before the record is written).
    func release() {
        if held { unlink(path) }
        held = false
    }

    deinit { release() }
}
