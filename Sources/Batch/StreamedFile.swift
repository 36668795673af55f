import Foundation

/// A file written piece by piece into a temporary file beside it and renamed into place when
/// complete: large outputs (a 10,000-row manifest) never sit whole in memory, and a reader never
/// sees half a file.
final class StreamedFile {
    private let path: String
    private let temp: String
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String) throws {
        self.path = path
        temp = (path as NSString).deletingLastPathComponent + "/." + (path as NSString).lastPathComponent + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temp, contents: nil), let h = FileHandle(forWritingAtPath: temp) else {
            throw BatchError("\(path): cannot write the file", "เขียนแฟ้ม \(path) ไม่ได้")
        }
        handle = h
    }

    func write(_ s: String) { write(Data(s.utf8)) }

    func write(_ d: Data) {
        buffer.append(d)
        if buffer.count > 1 << 16 { handle.write(buffer); buffer.removeAll(keepingCapacity: true) }
    }

    /// Flushes, closes and renames the file into place.
    func commit() throws {
        handle.write(buffer)
        try handle.close()
        guard rename(temp, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temp)
            throw BatchError("\(path): cannot write the file", "เขียนแฟ้ม \(path) ไม่ได้")
        }
    }
}
