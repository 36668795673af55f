/// A problem that stops the whole batch before any row is rendered, in English and Thai.
public struct BatchError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var thai: String
    public init(_ message: String, _ thai: String) { self.message = message; self.thai = thai }
    public var description: String { "\(message) / \(thai)" }
}
