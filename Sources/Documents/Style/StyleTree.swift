import Yams

/// A style file's values with where each came from, so a bad value can be reported at its line.
/// A value, a list or a mapping. A class with optional parts rather than an enum with payloads:
/// the style cache lives as long as the process, and an enum keeps its case in the spare bits of
/// its payload's pointer, where valgrind cannot see the pointer and reports the tree lost.
final class StyleTree {
    struct Origin { var file: String; var line: Int; var column: Int }

    /// A scalar's text, a list's texts, or a mapping's entries with each key's place (unknown
    /// keys are reported there); exactly one is set.
    let value: String?
    let list: [String]?
    let entries: [String: StyleTree]?
    let keys: [String: Origin]
    let origin: Origin

    init(value: String? = nil, list: [String]? = nil, entries: [String: StyleTree]? = nil, keys: [String: Origin] = [:], origin: Origin) {
        self.value = value; self.list = list; self.entries = entries; self.keys = keys; self.origin = origin
    }

    static func from(_ node: Node, file: String) -> StyleTree {
        func place(_ n: Node) -> Origin { Origin(file: file, line: n.mark?.line ?? 0, column: n.mark?.column ?? 0) }
        switch node {
        case let .mapping(m):
            var d = [String: StyleTree](), keys = [String: Origin]()
            for (k, v) in m {
                d[k.string ?? ""] = from(v, file: file)
                keys[k.string ?? ""] = place(k)
            }
            return StyleTree(entries: d, keys: keys, origin: place(node))
        case let .sequence(s):
            return StyleTree(list: s.compactMap { $0.string }, origin: place(node))
        case let .scalar(s):
            return StyleTree(value: s.string, origin: place(node))
        case .alias:
            return StyleTree(value: "", origin: place(node))
        }
    }

    /// Lays `override` over this tree; keys the base lacks are reported (with the nearest known key).
    func merged(with override: StyleTree, path: String, problems: inout [Problem]) -> StyleTree {
        guard let base = entries else { return override }
        guard let over = override.entries else {
            let oo = override.origin
            problems.append(Problem(file: oo.file, line: oo.line, column: oo.column,
                                    message: "'\(path)' should be a mapping of style keys",
                                    thai: "'\(path)' ต้องเป็นชุดหัวข้อของรูปแบบ"))
            return self
        }
        var result = base
        for (k, v) in over.sorted(by: { $0.key < $1.key }) {
            let full = path.isEmpty ? k : "\(path).\(k)"
            guard let b = base[k] else {
                let near = nearestKey(k, in: Array(base.keys))
                let hint = near.map { " (did you mean '\($0)'?)" } ?? ""
                let ko = override.keys[k] ?? v.origin
                problems.append(Problem(file: ko.file, line: ko.line, column: ko.column,
                                        message: "'\(full)' is not a style key\(hint)",
                                        thai: "ไม่มีหัวข้อรูปแบบ '\(full)'" + (near.map { " หมายถึง '\($0)' หรือไม่" } ?? "")))
                continue
            }
            result[k] = b.entries != nil ? b.merged(with: v, path: full, problems: &problems) : v
        }
        return StyleTree(entries: result, keys: keys, origin: origin)
    }

    /// The same mapping with `key` set to `value` (the names file joins the style file's tree).
    func adding(_ key: String, _ value: StyleTree) -> StyleTree {
        guard var entries else { return self }
        var places = keys
        entries[key] = value
        places[key] = value.origin
        return StyleTree(entries: entries, keys: places, origin: origin)
    }

    subscript(_ key: String) -> StyleTree? { entries?[key] }
}
