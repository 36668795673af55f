import Foundation
import ThaiText

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
    /// `memo.yaml:3:3: 'subjct' is not a memo key (เรื่อง is 'subject') / ไม่มีหัวข้อ …`: always one
    /// line, however odd the values it quotes.
    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(place): \(Problem.oneLine(message))" + (thai.isEmpty ? "" : " / \(Problem.oneLine(thai))")
    }

    /// A message as one printable line: line breaks and other controls in a quoted value are
    /// written as escapes, and a quoted value longer than a line is cut short.
    static func oneLine(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += ControlCharacters.isRefused(c) || c == "\u{2028}" || c == "\u{2029}" ? "\\u{\(String(c.value, radix: 16))}" : String(c)
            }
        }
        guard out.count > 200 else { return out }
        return out.replacingOccurrences(of: "'([^']{60})[^']{20,}'", with: "'$1…'", options: .regularExpression)
    }
}

/// Every problem found in one input, reported together.
public struct Problems: Error, Sendable, CustomStringConvertible {
    public var all: [Problem]
    public init(_ all: [Problem]) { self.all = all }
    public var description: String { all.map(\.description).joined(separator: "\n") }
}
