import Foundation
import ThaiText

/// The names file beside the style file (names.yaml): the titles that start people's names and
/// the words that begin like them but are not names. It joins the style as its `names` part.
enum NameLists {
    static let key = "names"
    static let fileName = "names.yaml"

    /// The names file's text, read from the style file's folder.
    static func text(besideStyle styleFile: String) throws -> String {
        let folder = (styleFile as NSString).deletingLastPathComponent
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Problems([Problem(file: path, line: 0, column: 0,
                                    message: "cannot read the names file (the titles of people's names)",
                                    thai: "อ่านแฟ้มคำนำหน้าชื่อบุคคล (names.yaml) ไม่ได้")])
        }
        return text
    }

    /// The names file as a style tree, so its values are checked and reported like the style's.
    static func tree(_ text: String) throws -> StyleTree {
        let reader = YAMLReader(file: fileName)
        guard let node = reader.parse(text) else { throw Problems(reader.problems) }
        return StyleTree.from(node, file: fileName)
    }
}

extension StyleLoader.Reader {
    /// The name finder: names.yaml's lists with the style's `name_titles` and `not_names` added.
    mutating func names() -> PersonNames {
        let rules = PersonNames.Rules(
            titles: requiredList("names.titles") + list("name_titles"),
            notNames: requiredList("names.not_names") + list("not_names"),
            surnameParticles: list("names.surname_particles"),
            maxGivenName: int("names.max_given_name"),
            maxSurname: int("names.max_surname"))
        return NameFinders.shared.finder(rules)
    }

    /// A list the names file must have (a misspelt key would otherwise find no names at all).
    mutating func requiredList(_ path: String) -> [String] {
        guard node(path) != nil else { return bad(path, "a list of text", "รายการข้อความ", []) }
        return list(path)
    }
}

/// Name finders made once per set of rules: a document with its own style values reads its style
/// again, and making the finder (its tables of titles) cost more than the rest of the style.
final class NameFinders: @unchecked Sendable {
    static let shared = NameFinders()
    private let lock = NSLock()
    private var kept: [[UInt8]: PersonNames] = [:]

    func finder(_ rules: PersonNames.Rules) -> PersonNames {
        let key = PersonNames.signature(rules)
        if let f = lock.withLock({ kept[key] }) { return f }
        let f = PersonNames(rules)
        // A few rule sets at most in practice (a style and its documents' additions); bounded anyway.
        lock.withLock {
            if kept.count >= 16 { kept.removeAll() }
            kept[key] = f
        }
        return f
    }
}
