/// A problem that stops the whole batch before any row is rendered, in English and Thai.
public struct BatchError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var thai: String
    /// Whether it is the disk (or the file size limit) taking no more bytes.
    public var diskFull = false
    public init(_ message: String, _ thai: String, diskFull: Bool = false) {
        self.message = message; self.thai = thai; self.diskFull = diskFull
    }
    public var description: String { "\(message) / \(thai)" }
}
