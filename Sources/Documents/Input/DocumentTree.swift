import Foundation
import Yams

/// A document as the plain tree the web editor edits: every scalar a string (or null, where the
/// loader reads nothing), mappings in the order they were written. Read from YAML or JSON, and
/// written back as block-style YAML that reads back as the same tree, so `saraban render` of the
/// YAML the editor saves renders what the editor previewed. Both directions use Yams (libyaml),
/// the parser the loader uses: no second YAML implementation to disagree with it.
public enum DocumentTree {
    /// The most JSON one document's tree may expand to (aliases repeat their subtrees).
    public static let maxJSONBytes = 2 * InputLimits.documentBytes
    /// The most values (keys, scalars, lists, mappings) a tree written as YAML may have.
    public static let maxNodes = 4_000_000

    /// The tree of a YAML or JSON document as JSON text; problems when it cannot be read or is not
    /// a mapping of keys.
    public static func json(fromYAML text: String, file: String) throws -> [UInt8] {
        let root = try compose(text, file: file)
        var writer = TreeJSON(limit: maxJSONBytes)
        guard writer.write(root) else {
            throw Problems([Problem(file: file, line: 1, column: 1,
                                    message: "the document's aliases expand to more than \(InputLimits.mib(maxJSONBytes)); write the repeated parts out",
                                    thai: "ชื่ออ้างอิง (alias) ในเอกสารขยายเกิน \(InputLimits.mib(maxJSONBytes)) ให้เขียนส่วนที่ซ้ำออกมาตรง ๆ")])
        }
        return writer.out
    }

    /// The document as block-style YAML (Thai unescaped, no line folding); the text is read back
    /// and compared, and every string is double-quoted if the plain text would read differently.
    public static func yaml(from text: String, file: String) throws -> String {
        let root = try compose(text, file: file)
        guard TreeSize.nodes(root, limit: maxNodes) != nil else {
            throw Problems([Problem(file: file, line: 1, column: 1,
                                    message: "the document's aliases expand to too many values; write the repeated parts out",
                                    thai: "ชื่ออ้างอิง (alias) ในเอกสารขยายเป็นค่าจำนวนมากเกินไป ให้เขียนส่วนที่ซ้ำออกมาตรง ๆ")])
        }
        for quoteAll in [false, true] {
            let yaml = try Yams.serialize(node: TreeYAML.node(root, quoteAll: quoteAll), indent: 2, width: -1, allowUnicode: true)
            if let back = try? Yams.compose(yaml: yaml), TreeYAML.same(back, root) { return yaml }
        }
        throw Problems([Problem(file: file, line: 0, column: 0, message: "the document cannot be written as YAML that reads back the same",
                                thai: "เขียนเอกสารเป็น YAML ที่อ่านกลับได้เหมือนเดิมไม่ได้")])
    }

    /// The root, which must be a mapping; a syntax error is a problem at its line.
    static func compose(_ text: String, file: String) throws -> Node {
        let reader = YAMLReader(file: file)
        guard let root = reader.parse(text) else { throw Problems(reader.problems) }
        guard case .mapping = root else {
            throw Problems([Problem(file: file, line: root.mark?.line ?? 1, column: root.mark?.column ?? 1,
                                    message: "a document should be a mapping of keys (memo:, attachments:, style:), found \(reader.describe(root))",
                                    thai: "เอกสารต้องเป็นชุดหัวข้อ (memo:, attachments:, style:)")])
        }
        return root
    }

    /// Whether the loader reads a scalar as nothing (`~`, `null`, an empty plain value).
    static func isNull(_ s: Node.Scalar) -> Bool {
        s.tag.description == Tag.Name.null.rawValue || (s.string.isEmpty && s.style == .plain)
    }
}

/// Counts a tree's nodes, giving up past a limit (an alias bomb is small text, a huge tree).
enum TreeSize {
    static func nodes(_ node: Node, limit: Int) -> Int? {
        var count = 0
        func walk(_ n: Node) -> Bool {
            count += 1
            if count > limit { return false }
            switch n {
            case .mapping(let m): return m.allSatisfy { walk($0.key) && walk($0.value) }
            case .sequence(let s): return s.allSatisfy(walk)
            default: return true
            }
        }
        return walk(node) ? count : nil
    }
}

/// Writes a tree as JSON in its written order (JSONSerialization would sort or shuffle keys).
struct TreeJSON {
    let limit: Int
    var out: [UInt8] = []

    init(limit: Int) {
        self.limit = limit
        out.reserveCapacity(1 << 14)
    }

    /// False once the text passes the limit.
    mutating func write(_ node: Node) -> Bool {
        switch node {
        case .scalar(let s):
            if DocumentTree.isNull(s) { out += Array("null".utf8) } else { string(s.string) }
        case .sequence(let seq):
            out.append(UInt8(ascii: "["))
            for (i, item) in seq.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                guard write(item) else { return false }
            }
            out.append(UInt8(ascii: "]"))
        case .mapping(let map):
            out.append(UInt8(ascii: "{"))
            for (i, pair) in map.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                string(pair.key.string ?? "")
                out.append(UInt8(ascii: ":"))
                guard write(pair.value) else { return false }
            }
            out.append(UInt8(ascii: "}"))
        case .alias:
            out += Array("null".utf8)
        }
        return out.count <= limit
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    mutating func string(_ s: String) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [92, 34]
            case UInt8(ascii: "\\"): out += [92, 92]
            case 0x0A: out += [92, UInt8(ascii: "n")]
            case 0x0D: out += [92, UInt8(ascii: "r")]
            case 0x09: out += [92, UInt8(ascii: "t")]
            case 0..<0x20, 0x7F: out += Array(String(format: "\\u%04x", b).utf8)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// The tree as Yams nodes in block style, each scalar in the plainest style that reads back as
/// the same string.
enum TreeYAML {
    /// Strings a plain scalar would turn into null, which the loader reads as no value.
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    static func node(_ node: Node, quoteAll: Bool) -> Node {
        switch node {
        case .scalar(let s):
            if DocumentTree.isNull(s) { return .scalar(.init("", Tag(.null), .plain)) }
            return .scalar(.init(s.string, Tag(.str), style(s.string, quoteAll: quoteAll)))
        case .sequence(let seq):
            return .sequence(.init(seq.map { self.node($0, quoteAll: quoteAll) }, Tag(.seq), .block))
        case .mapping(let map):
            let pairs: [(Node, Node)] = map.map { pair in
                let key = pair.key.string ?? ""
                return (Node.scalar(.init(key, Tag(.str), style(key, quoteAll: quoteAll))), self.node(pair.value, quoteAll: quoteAll))
            }
            return .mapping(.init(pairs, Tag(.map), .block))
        case .alias:
            return .scalar(.init("", Tag(.null), .plain))
        }
    }

    /// Plain where libyaml allows it (it quotes what plain cannot hold), a literal block for
    /// several lines, double quotes for words plain would read as null.
    static func style(_ s: String, quoteAll: Bool) -> Node.Scalar.Style {
        if quoteAll || nullWords.contains(s) { return .doubleQuoted }
        return s.contains("\n") ? .literal : .plain
    }

    /// The same tree as the loader reads it: the same keys in the same order, the same strings,
    /// null in the same places.
    static func same(_ a: Node, _ b: Node) -> Bool {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)):
            let nx = DocumentTree.isNull(x), ny = DocumentTree.isNull(y)
            return nx == ny && (nx || x.string == y.string)
        case let (.sequence(x), .sequence(y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (.mapping(x), .mapping(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key.string == $1.key.string && same($0.value, $1.value) }
        default:
            return false
        }
    }
}
