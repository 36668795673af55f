import Yams

/// Walks a YAML tree and collects problems with file, line, column, key and Thai field name.
final class YAMLReader {
    let file: String
    private(set) var problems: [Problem] = []
    /// The document's tree, for the key paths problems name.
    var root: Node? { didSet { paths = nil } }
    private var paths: KeyPaths?

    init(file: String) { self.file = file }

    /// Parses YAML text; a syntax error becomes a problem at its line.
    func parse(_ text: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                report(line: 1, column: 1, "the file is empty", "แฟ้มว่างเปล่า ไม่มีเนื้อหา")
                return nil
            }
            root = node
            return node
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                report(line: mark.line, column: mark.column, "YAML syntax error: \(problem)", "รูปแบบ YAML ไม่ถูกต้อง: \(problem)")
            default:
                report(line: 0, column: 0, "YAML error: \(error)", "อ่านแฟ้ม YAML ไม่ได้")
            }
        } catch {
            report(line: 0, column: 0, "YAML error: \(error)", "อ่านแฟ้ม YAML ไม่ได้")
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
                   "\(what) ต้องเป็นชุดหัวข้อ (key: value)")
            return nil
        }
        var result = [String: Node]()
        for (k, v) in map {
            let key = k.string ?? ""
            if !known.contains(key) {
                if let near = nearestKey(key, in: known) {
                    report(k, "'\(key)' is not a \(what) key (\(FieldNames.of(near)) is '\(near)')",
                           "ไม่มีหัวข้อ '\(key)' ใน\(what) หมายถึง '\(near)' (\(FieldNames.of(near))) หรือไม่")
                } else {
                    report(k, "'\(key)' is not a \(what) key; known keys: \(known.joined(separator: ", "))",
                           "ไม่มีหัวข้อ '\(key)' ใน\(what)")
                }
                continue
            }
            result[key] = v
        }
        return result
    }

    /// A text value; reports a missing required key against the parent node.
    func text(_ map: [String: Node], _ key: String, parent: Node, required: Bool = false) -> String? {
        guard let node = map[key] else {
            if required { missing(key, parent: parent) }
            return nil
        }
        return text(node, key: key)
    }

    func text(_ node: Node, key: String) -> String? {
        guard case let .scalar(s) = node else {
            report(node, "'\(key)' (\(FieldNames.of(key))) should be text, found \(describe(node))",
                   "'\(key)' (\(FieldNames.of(key))) ต้องเป็นข้อความ")
            return nil
        }
        if s.tag.description == Tag.Name.null.rawValue || (s.string.isEmpty && s.style == .plain) { return nil }
        return s.string
    }

    /// A text or a list of texts (position lines, references).
    func lines(_ map: [String: Node], _ key: String) -> [String]? {
        guard let node = map[key] else { return nil }
        if case let .sequence(seq) = node { return seq.compactMap { text($0, key: key) } }
        return text(node, key: key).map { [$0] }
    }

    func int(_ map: [String: Node], _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node = map[key], let s = text(node, key: key) else { return nil }
        guard let n = Int(s), range.contains(n) else {
            report(node, "'\(key)' (\(FieldNames.of(key))) should be a whole number from \(range.lowerBound) to \(range.upperBound), found '\(s)'",
                   "'\(key)' (\(FieldNames.of(key))) ต้องเป็นจำนวนเต็ม \(range.lowerBound)–\(range.upperBound)")
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
