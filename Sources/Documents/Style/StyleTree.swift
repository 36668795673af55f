import Yams

/// A style file's values with where each came from, so a bad value can be reported at its line.
indirect enum StyleTree {
    case value(String, Origin)
    case list([String], Origin)
    /// Entries, the mapping's own place, and each key's place (unknown keys are reported there).
    case map([String: StyleTree], Origin, keys: [String: Origin])

    struct Origin { var file: String; var line: Int; var column: Int }

    var origin: Origin {
        switch self { case let .value(_, o), let .list(_, o), let .map(_, o, _): return o }
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
            return .map(d, place(node), keys: keys)
        case let .sequence(s):
            return .list(s.compactMap { $0.string }, place(node))
        case let .scalar(s):
            return .value(s.string, place(node))
        case .alias:
            return .value("", place(node))
        }
    }

    /// Lays `override` over this tree; keys the base lacks are reported (with the nearest known key).
    func merged(with override: StyleTree, path: String, problems: inout [Problem]) -> StyleTree {
        guard case let .map(base, o, baseKeys) = self else { return override }
        guard case let .map(over, _, overKeys) = override else {
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
                let ko = overKeys[k] ?? v.origin
                problems.append(Problem(file: ko.file, line: ko.line, column: ko.column,
                                        message: "'\(full)' is not a style key\(hint)",
                                        thai: "ไม่มีหัวข้อรูปแบบ '\(full)'" + (near.map { " หมายถึง '\($0)' หรือไม่" } ?? "")))
                continue
            }
            if case .map = b { result[k] = b.merged(with: v, path: full, problems: &problems) } else { result[k] = v }
        }
        return .map(result, o, keys: baseKeys)
    }

    /// The same mapping with `key` set to `value` (the names file joins the style file's tree).
    func adding(_ key: String, _ value: StyleTree) -> StyleTree {
        guard case let .map(d, o, keys) = self else { return self }
        var entries = d
        var places = keys
        entries[key] = value
        places[key] = value.origin
        return .map(entries, o, keys: places)
    }

    subscript(_ key: String) -> StyleTree? {
        if case let .map(d, _, _) = self { return d[key] }
        return nil
    }
}
