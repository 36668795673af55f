import Documents
import Foundation
import Mustache
import Yams

/// A document file whose strings are Mustache templates, parsed and compiled once, filled per row.
/// Filling works on the YAML tree, not the text, so a unit's value can never break the YAML
/// and problems keep the template's own line and column.
public final class Template: @unchecked Sendable {
    /// The template file's text (part of every row's up-to-date hash).
    public let text: String
    public let name: String
    /// Where the files the template names are read.
    public let files: any DocumentFiles
    /// Columns the template reads outside any section, with the line of first use.
    public private(set) var columns: [(name: String, line: Int)] = []
    private let root: Node
    private var compiled: [String: MustacheTemplate] = [:]
    /// For each compiled string that is exactly one tag, the tag's name (looked up once, not per row).
    private var whole: [String: String] = [:]

    /// Reads a template file from disk; the files it names are read beside it.
    public convenience init(path: String) throws {
        let data: Data
        do { data = try DiskFile.read(path, limit: DocumentLoader.maxDocumentBytes) } catch {
            throw BatchError("\(path): cannot read the template: \(error.message)", "อ่านแฟ้มแม่แบบ \(path) ไม่ได้: \(error.thai)")
        }
        let text: String
        do { text = try TextFile.decode(data) } catch {
            throw BatchError("\(path):\(error.line):\(error.column): the template \(error.message)", "แฟ้มแม่แบบ \(path) \(error.thai)")
        }
        let dir = (path as NSString).deletingLastPathComponent
        try self.init(text: text, name: path, files: FolderFiles(directory: dir))
    }

    /// A template from its text; `name` is what messages call it, `files` where the files it names are read.
    public init(text: String, name path: String, files: any DocumentFiles) throws {
        self.text = text
        name = (path as NSString).lastPathComponent
        self.files = files
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw BatchError("\(path): the template is empty", "แฟ้มแม่แบบ \(path) ว่างเปล่า")
            }
            root = node
        } catch let e as BatchError { throw e } catch {
            throw TemplateSyntax.error(error, path: path, text: text)
        }
        try compile(root)
    }

    /// A Mustache string in the template, or the same text unquoted (`{{x}}` that YAML read as a
    /// mapping whose one key is a mapping; Yams' composer does not keep the flow style to tell).
    static func tagText(_ node: Node) -> String? {
        switch node {
        case .scalar(let s): return hasTag(s.string) ? s.string : nil
        case .mapping(let m) where m.count == 1:
            guard let (k, v) = m.first.map({ ($0.key, $0.value) }), v.null != nil,
                  case let .mapping(inner) = k, inner.count == 1, let name = inner.first?.key.string,
                  inner.first?.value.null != nil else { return nil }
            return "{{\(name)}}"
        default: return nil
        }
    }

    /// Whether a string holds "{{": a byte scan, since this runs on every string of every row
    /// (Foundation's `contains` costs a hundred times more on Linux).
    static func hasTag(_ s: String) -> Bool {
        var previous: UInt8 = 0
        for b in s.utf8 {
            if b == 0x7B, previous == 0x7B { return true }
            previous = b
        }
        return false
    }

    private func compile(_ node: Node) throws {
        if let t = Template.tagText(node) {
            guard compiled[t] == nil else { return }
            whole[t] = Template.wholeTag(t)
            do { compiled[t] = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + t) } catch {
                throw BatchError("\(name):\(node.mark?.line ?? 0):\(node.mark?.column ?? 0): Mustache error: \(error)",
                                 "\(name) บรรทัดที่ \(node.mark?.line ?? 0): แท็ก Mustache ({{…}}) ไม่ถูกต้อง ตรวจว่าเปิดและปิดครบคู่")
            }
            for c in Template.topLevelNames(t) where !columns.contains(where: { $0.name == c }) {
                columns.append((c, node.mark?.line ?? 0))
            }
            return
        }
        switch node {
        case .mapping(let m): for (k, v) in m { try compile(k); try compile(v) }
        case .sequence(let s): for v in s { try compile(v) }
        default: break
        }
    }

    /// Names used outside any section: the row itself must have them (inside a section they may
    /// come from the section's item, so they cannot be checked against the row).
    static func topLevelNames(_ t: String) -> [String] {
        var names = [String]()
        var depth = 0
        var rest = Substring(t)
        while let open = rest.range(of: "{{") {
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
            var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if tag.hasPrefix("{") { tag.removeFirst(); if rest.hasPrefix("}") { rest = rest.dropFirst() } }
            let sigil = tag.first ?? " "
            if "!%>=<$".contains(sigil) { continue }
            if sigil == "/" { depth = max(0, depth - 1); continue }
            let opens = sigil == "#" || sigil == "^"
            if opens || sigil == "&" { tag.removeFirst() }
            let head = tag.trimmingCharacters(in: .whitespaces).split(separator: ".").first.map(String.init) ?? ""
            if depth == 0, !head.isEmpty, head != "." { names.append(head) }
            if opens { depth += 1 }
        }
        return names
    }

    /// The template's tree with every string filled from the row. A string that is exactly one
    /// tag naming a list or object column takes that value whole (a unit's own table rows).
    func fill(_ row: DataRow) -> Node {
        let context = row.mustache
        return fill(root, row, context)
    }

    private func fill(_ node: Node, _ row: DataRow, _ context: [String: Any]) -> Node {
        if let t = Template.tagText(node), let template = compiled[t] {
            let mark = node.mark
            if let name = whole[t], let v = row[name] {
                switch v {
                case .list, .object: return Template.node(v, mark: mark)
                default: break
                }
            }
            let filled = Template.simple(t, row) ?? template.render(context)
            if filled.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                return .scalar(Node.Scalar("", Tags.null, .plain, mark))
            }
            return .scalar(Node.Scalar(filled, Tags.str, .doubleQuoted, mark))
        }
        switch node {
        case .mapping(var m):
            // A key whose template filled to nothing is left out, so validation says it is missing.
            let pairs = m.compactMap { pair -> (Node, Node)? in
                let v = fill(pair.value, row, context)
                if Template.tagText(pair.value) != nil, v.null != nil { return nil }
                return (fill(pair.key, row, context), v)
            }
            m = Node.Mapping(pairs, m.tag, m.style, m.mark)
            return .mapping(m)
        case .sequence(let s):
            return .sequence(Node.Sequence(s.map { fill($0, row, context) }, s.tag, s.style, s.mark))
        default:
            return node
        }
    }

    /// Fills a string whose tags are all plain `{{name}}` of text columns without Mustache, whose
    /// dynamic lookups cost about a millisecond per string; nil when it needs Mustache proper.
    static func simple(_ t: String, _ row: DataRow) -> String? {
        let bytes = Array(t.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            guard i + 1 < bytes.count, bytes[i] == 0x7B, bytes[i + 1] == 0x7B else { out.append(bytes[i]); i += 1; continue }
            var j = i + 2
            while j + 1 < bytes.count, !(bytes[j] == 0x7D && bytes[j + 1] == 0x7D) { j += 1 }
            guard j + 1 < bytes.count else { return nil }
            let name = String(decoding: bytes[(i + 2)..<j], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard let first = name.first, first.isLetter || first == "_",
                  !name.unicodeScalars.contains(where: { $0 == "." || $0 == "{" || $0 == "}" }),
                  case let .text(value)? = row[name] else { return nil }
            out.append(contentsOf: value.utf8)
            i = j + 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func wholeTag(_ t: String) -> String? {
        let s = t.trimmingCharacters(in: .whitespacesAndNewlines)
        guard s.hasPrefix("{{"), s.hasSuffix("}}"), s.count > 4 else { return nil }
        let inner = s.dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespaces)
        guard !inner.contains("{"), !inner.contains("}"), let c = inner.first, c.isLetter || c == "_" else { return nil }
        return inner
    }

    static func node(_ v: DataValue, mark: Mark?) -> Node {
        switch v {
        case .text(let s): return .scalar(Node.Scalar(s, Tags.str, .doubleQuoted, mark))
        case .bool(let b): return .scalar(Node.Scalar(b ? "true" : "false", Tags.bool, .plain, mark))
        case .list(let l): return .sequence(Node.Sequence(l.map { node($0, mark: mark) }, Tags.seq, .any, mark))
        case .object(let o):
            return .mapping(Node.Mapping(o.map { (Node.scalar(Node.Scalar($0.0, Tags.str, .plain, mark)), node($0.1, mark: mark)) },
                                         Tags.map, .any, mark))
        }
    }
}

/// The tags of filled nodes, made once: `Tag(name)` builds a new default Constructor (its three
/// maps) each time, ~9,000 instructions, and a unit's table rows are hundreds of nodes. Sharing
/// is safe: Yams changes a tag only while resolving an implicit or non-specific name, and these
/// names are explicit.
private enum Tags {
    nonisolated(unsafe) static let str = Tag(.str)
    nonisolated(unsafe) static let null = Tag(.null)
    nonisolated(unsafe) static let bool = Tag(.bool)
    nonisolated(unsafe) static let seq = Tag(.seq)
    nonisolated(unsafe) static let map = Tag(.map)
}
