import Foundation
import Layout
import Typeset
import Yams

/// Reads and validates a document file and its style, collecting every problem.
public struct DocumentLoader {
    public let resources: Resources
    public init(resources: Resources) { self.resources = resources }

    /// Loads a document file from disk.
    public func load(path: String) throws -> (Document, Style) {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Problems([Problem(file: path, line: 0, column: 0, message: "cannot read the document file",
                                    thai: "อ่านแฟ้มเอกสารไม่ได้")])
        }
        let dir = (path as NSString).deletingLastPathComponent
        return try load(text: text, name: name, directory: dir.isEmpty ? "." : dir)
    }

    /// Loads a document from YAML text (batch fills templates in memory).
    public func load(text: String, name: String, directory: String) throws -> (Document, Style) {
        let reader = YAMLReader(file: name)
        guard let root = reader.parse(text) else { throw Problems(reader.problems) }
        return try load(root: root, reader: reader, directory: directory)
    }

    /// Loads a document from an already composed YAML tree (batch fills a parsed template per row,
    /// so problems keep the template's line and column).
    public func load(node root: Node, name: String, directory: String) throws -> (Document, Style) {
        try load(root: root, reader: YAMLReader(file: name), directory: directory)
    }

    private func load(root: Node, reader: YAMLReader, directory: String) throws -> (Document, Style) {
        let decoder = DocumentDecoder(reader: reader, directory: directory)
        let decoded = decoder.decode(root)
        var problems = reader.problems
        var style: Style?
        do {
            style = try StyleLoader.load(styleFile: resources.defaultStyle, overrides: decoded?.1, documentFile: reader.file, documentDir: directory)
        } catch let p as Problems { problems += p.all }
        if let s = style, let doc = decoded?.0 {
            problems += checkAssets(doc, s, root: root, reader: reader)
            // Pango gets one installed family, never a name fontconfig would synthesise.
            style?.font = FontCheck.shared.family(s.font) ?? s.font
        }
        guard problems.isEmpty, let doc = decoded?.0, let style else { throw Problems(problems) }
        return (doc, style)
    }

    /// Images must load; the font chain must name at least one installed family.
    func checkAssets(_ doc: Document, _ style: Style, root: Node, reader: YAMLReader) -> [Problem] {
        var problems = [Problem]()
        func place(_ keys: [String]) -> (Int, Int) {
            var node: Node? = root
            for k in keys { node = node?[k] }
            return (node?.mark?.line ?? 0, node?.mark?.column ?? 0)
        }
        if let img = doc.memo.signature?.image {
            do { _ = try ImageAsset(path: img) } catch let e as ImageError {
                let (l, c) = place(["memo", "signature", "image"])
                problems.append(Problem(file: doc.file, line: l, column: c,
                                        message: "signature 'image' (ภาพลายมือชื่อ) \(img): \(e.message)",
                                        thai: "ใช้ภาพลายมือชื่อ \(img) ไม่ได้")) } catch {}
        }
        if let emblem = style.emblem {
            do { _ = try ImageAsset(path: emblem) } catch let e as ImageError {
                let (l, c) = place(["style", "emblem"])
                problems.append(Problem(file: doc.file, line: l, column: c,
                                        message: "style 'emblem' (ตราครุฑ) \(emblem): \(e.message)",
                                        thai: "ใช้ภาพตราครุฑ \(emblem) ไม่ได้")) } catch {}
        }
        if FontCheck.shared.family(style.font) == nil {
            let (l, c) = place(["style", "font"])
            problems.append(Problem(file: doc.file, line: l, column: c,
                                    message: "no font of '\(style.font)' is installed (put its files in Fonts/ or install it)",
                                    thai: "ไม่พบแบบอักษร '\(style.font)' ในเครื่อง (วางแฟ้มแบบอักษรในโฟลเดอร์ Fonts/)"))
        }
        return problems
    }
}

/// Remembers which font chains resolve: the answer cannot change while the process runs, and a
/// font map per check would cost a batch more than the rest of loading.
final class FontCheck: @unchecked Sendable {
    static let shared = FontCheck()
    private let lock = NSLock()
    private var known: [String: String?] = [:]

    /// The first installed family of a chain (cached: a font map is costly to make per document).
    func family(_ chain: String) -> String? {
        if let k = lock.withLock({ known[chain] }) { return k }
        let resolved = FontSystem().installedFamily(chain)
        lock.withLock { known[chain] = resolved }
        return resolved
    }
}
