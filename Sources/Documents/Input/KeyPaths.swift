import Yams

/// The key path of every node of a YAML tree (`memo.body.2`, `attachments.0.content.1.table`),
/// found by where the node starts and what kind it is: a mapping starts where its first key does,
/// so the kind tells the two apart. Problems carry these paths so a caller (the service, the
/// editor) can point at the field they concern.
public struct KeyPaths {
    private struct Place: Hashable {
        var line: Int
        var column: Int
        var kind: Int
    }

    private var paths: [Place: String] = [:]

    init(_ root: Node) {
        walk(root, "")
    }

    /// The paths of a document's text (nil when it does not parse).
    public init?(yaml text: String) {
        guard let root = try? Yams.compose(yaml: text) else { return nil }
        self.init(root)
    }

    /// The path of the text value or key that starts at a line and column (1-based), if any.
    public func path(line: Int, column: Int) -> String? {
        let p = paths[Place(line: line, column: column, kind: 0)]
        return p?.isEmpty == false ? p : nil
    }

    func path(of node: Node) -> String? {
        guard let place = KeyPaths.place(node), let p = paths[place], !p.isEmpty else { return nil }
        return p
    }

    private static func place(_ node: Node) -> Place? {
        guard let m = node.mark else { return nil }
        let kind: Int
        switch node {
        case .scalar: kind = 0
        case .mapping: kind = 1
        case .sequence: kind = 2
        case .alias: kind = 3
        }
        return Place(line: m.line, column: m.column, kind: kind)
    }

    /// The first path wins: an alias's target keeps the place where it was written. False when
    /// the place was seen: an alias repeats its target's subtree, which is not walked again (an
    /// alias bomb stays as small as its text).
    @discardableResult
    private mutating func record(_ node: Node, _ path: String) -> Bool {
        guard let place = KeyPaths.place(node), paths[place] == nil else { return false }
        paths[place] = path
        return true
    }

    private mutating func walk(_ node: Node, _ path: String) {
        guard record(node, path) else { return }
        switch node {
        case .mapping(let m):
            for (k, v) in m {
                let name = k.string ?? "?"
                let inner = path.isEmpty ? name : path + "." + name
                record(k, inner)
                walk(v, inner)
            }
        case .sequence(let s):
            for (i, v) in s.enumerated() {
                walk(v, path.isEmpty ? String(i) : path + "." + String(i))
            }
        default:
            break
        }
    }
}
