/// One thing wrong with an input file, with where it is and what to do, in English and Thai.
public struct Problem: Error, Sendable, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var thai: String
    /// The key path the problem is about (`memo.signature.image`, `memo.body.2`), when known.
    public var key: String?
    public init(file: String, line: Int, column: Int, message: String, thai: String, key: String? = nil) {
        self.file = file; self.line = line; self.column = column; self.message = message; self.thai = thai
        self.key = key
    }
    /// `memo.yaml:3:3: 'subjct' is not a memo key (เรื่อง is 'subject') / ไม่มีหัวข้อ …`
    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(place): \(message)" + (thai.isEmpty ? "" : " / \(thai)")
    }
}

/// Every problem found in one input, reported together.
public struct Problems: Error, Sendable, CustomStringConvertible {
    public var all: [Problem]
    public init(_ all: [Problem]) { self.all = all }
    public var description: String { all.map(\.description).joined(separator: "\n") }
}
