import Foundation

/// Why a signature could not be made or read, in English and Thai, naming the file it concerns.
public struct SigningError: Error, CustomStringConvertible, Sendable {
    /// The file (or option) the problem is in; empty when none.
    public var place: String
    public var english: String
    public var thai: String

    public init(_ place: String, _ english: String, thai: String) {
        self.place = place; self.english = english; self.thai = thai
    }

    public var description: String { (place.isEmpty ? "" : place + ": ") + english + " / " + thai }

    /// The same problem said of `file` when it names no file or option of its own.
    public func located(_ file: String) -> SigningError { place.isEmpty ? SigningError(file, english, thai: thai) : self }
}
