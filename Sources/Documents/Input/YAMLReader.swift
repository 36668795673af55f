import Foundation
import ThaiText
import Yams

/// Walks a YAML tree and collects problems with file, line, column, key and Thai field name.
final class YAMLReader {
    let file: String
    private(set) var problems: [Problem] = []
    /// Bytes and count of the texts read so far, against the document's limits.
    private(set) var textBytes = 0, textCount = 0
    private var overLimit = false
    /// The document's tree, for the key paths problems name.
    var root: Node? { didSet { paths = nil } }
    private var paths: KeyPaths?

    init(file: String) { self.file = file }

    /// Parses YAML text; a syntax error becomes a problem at its line. Plain scalars keep their
    /// tags unresolved, as they always were here: Yams' default resolver would only compile its
    /// seven regular expressions at the first parse (9 M instructions at every start), unused.
    func parse(_ text: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else {
                report(line: 1, column: 1, "the file is empty", "แฟ้มว่างเปล่า ไม่มีเนื้อหา")
                return nil
            }
            root = node
            return node
        } catch {
            problems.append(YAMLSyntax.problem(error, file: file))
        }
        return nil
    }

    func report(_ node: Node?, _ message: String, _ thai: String, key: String? = nil) {
        report(line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message, thai, key: key ?? node.flatMap(keyPath))
    }

    func report(line: Int, column: Int, _ message: String, _ thai: String, key: String? = nil) {
        problems.append(Problem(file: file, line: line, column: column, message: message, thai: thai, key: key))
    }

    /// Where a node of the document sits, as a key path (nil for the root or a node of another tree).
    func keyPath(_ node: Node) -> String? {
        guard let root else { return nil }
        if paths == nil { paths = KeyPaths(root) }
        return paths?.path(of: node)
    }

    /// A mapping's entries by key, reporting keys not in `known` (naming the nearest known key).
    func mapping(_ node: Node, what: String, known: [String]) -> [String: Node]? {
        guard case let .mapping(map) = node else {
            report(node, "\(what) should be a mapping of keys, found \(describe(node))",
                   "\(FieldNames.thing(what)) ต้องเป็นชุดหัวข้อ (key: value)")
            return nil
        }
        var result = [String: Node]()
        for (k, v) in map {
            let key = k.string ?? ""
            if !known.contains(key) {
                if let near = nearestKey(key, in: known) {
                    report(k, "'\(key)' is not a \(what) key (\(FieldNames.of(near)) is '\(near)')",
                           "ไม่มีหัวข้อ '\(key)' ใน\(FieldNames.thing(what)) หมายถึง \(FieldNames.named(near)) หรือไม่")
                } else {
                    report(k, "'\(key)' is not a \(what) key; known keys: \(known.joined(separator: ", "))",
                           "ไม่มีหัวข้อ '\(key)' ใน\(FieldNames.thing(what)) หัวข้อที่ใช้ได้: \(known.map { "'\($0)'" }.joined(separator: ", "))")
                }
                continue
            }
            result[key] = v
        }
        return result
    }

    /// A text value; reports a missing required key against the parent node, and an empty one at its place.
    func text(_ map: [String: Node], _ key: String, parent: Node, required: Bool = false) -> String? {
        guard let node = map[key] else {
            if required { missing(key, parent: parent) }
            return nil
        }
        let reported = problems.count
        var value = text(node, key: key)
        // A required text of nothing but spaces ("" or "  ") is as empty as none at all.
        if required, let v = value, v.unicodeScalars.allSatisfy(\.properties.isWhitespace) { value = nil }
        if required, value == nil, problems.count == reported {
            report(node, "\(FieldNames.named(key)) is empty; write its text after the colon",
                   "\(FieldNames.named(key)) ว่างอยู่ ต้องเขียนข้อความต่อจากเครื่องหมาย :")
        }
        return value
    }

    /// A scalar's text: nil for null or nothing; a non-scalar or a text with a control character is reported.
    /// `kind` says what the value should be, for the message when it is not a scalar.
    func text(_ node: Node, key: String, kind: ValueKind = .text) -> String? {
        guard case let .scalar(s) = node else {
            report(node, "\(FieldNames.named(key)) should be \(kind.english), found \(describe(node))",
                   "\(FieldNames.named(key)) ต้องเป็น\(kind.thai)")
            return nil
        }
        if s.tag.description == Tag.Name.null.rawValue || (s.string.isEmpty && s.style == .plain) { return nil }
        let scan = ControlCharacters.scan(s.string)
        if scan.controls, let (c, at) = ControlCharacters.firstRefused(in: s.string) {
            report(node, "\(FieldNames.named(key)) holds the invisible control character \(ControlCharacters.name(c)) at character \(at); delete it",
                   "\(FieldNames.named(key)) มีอักขระควบคุม \(ControlCharacters.code(c)) ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ที่อักขระที่ \(at) ให้ลบออก")
            return nil
        }
        let value = scan.carriageReturn ? ControlCharacters.unixLineBreaks(s.string) : s.string
        return account(value, node: node, what: "\(FieldNames.named(key))", thai: "\(FieldNames.named(key))") ? value : nil
    }

    /// Counts a text towards the document's limits (InputLimits); false, with a problem, when the
    /// text alone is too long. `what` names it in messages.
    func account(_ text: String, node: Node?, what: String, thai: String) -> Bool {
        let n = text.utf8.count
        guard n <= InputLimits.textBytes else {
            report(node, "\(what) is \(n >> 10) KiB of text, more than one text may hold (\(InputLimits.mib(InputLimits.textBytes))); split it into several paragraphs",
                   "\(thai) ยาว \(n >> 10) KiB เกินกว่าข้อความเดียวจะมีได้ (\(InputLimits.mib(InputLimits.textBytes))) ให้แบ่งเป็นหลายย่อหน้า")
            return false
        }
        textBytes += n
        textCount += 1
        if !overLimit, textBytes > InputLimits.documentTextBytes || textCount > InputLimits.texts {
            overLimit = true
            report(node, "the document holds more text than Saraban sets in one document (\(InputLimits.mib(InputLimits.documentTextBytes)) or \(InputLimits.texts) texts, its tables' sources included) from here on; split it into several documents",
                   "เอกสารมีข้อความมากเกินกว่าจะจัดในเอกสารเดียว (\(InputLimits.mib(InputLimits.documentTextBytes)) หรือ \(InputLimits.texts) ข้อความ รวมแฟ้มข้อมูลของตาราง) ตั้งแต่ตรงนี้ ให้แบ่งเป็นหลายเอกสาร")
        }
        return true
    }

    /// What a value should be, for messages.
    enum ValueKind {
        case text, number, wholeNumber
        var english: String { self == .text ? "text" : self == .number ? "a number" : "a whole number" }
        var thai: String { self == .text ? "ข้อความ" : self == .number ? "ตัวเลข" : "จำนวนเต็ม" }
    }

    /// A text or a list of texts (position lines, references).
    func lines(_ map: [String: Node], _ key: String) -> [String]? {
        guard let node = map[key] else { return nil }
        if case let .sequence(seq) = node { return seq.compactMap { text($0, key: key) } }
        return text(node, key: key).map { [$0] }
    }

    func int(_ map: [String: Node], _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node = map[key], let s = text(node, key: key, kind: .wholeNumber) else { return nil }
        guard let n = Int(s.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
            report(node, "\(FieldNames.named(key)) should be a whole number from \(range.lowerBound) to \(range.upperBound), found '\(s)'",
                   "\(FieldNames.named(key)) ต้องเป็นจำนวนเต็ม \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return n
    }

    func missing(_ key: String, parent: Node) {
        let path = keyPath(parent).map { $0 + "." + key } ?? key
        report(parent, "missing '\(key)' (\(FieldNames.of(key))), which is required",
               "ขาดหัวข้อ '\(key)' (\(FieldNames.of(key))) ซึ่งต้องมี", key: path)
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar: return "text"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
