import Foundation
import Layout
import Typeset
import Yams

/// Reads and validates a document file and its style, collecting every problem.
public struct DocumentLoader {
    public let resources: Resources
    public init(resources: Resources) { self.resources = resources }

    /// Loads a document file from disk; the files it names are read beside it.
    public func load(path: String) throws -> (Document, Style) {
        let name = (path as NSString).lastPathComponent
        let data: Data
        do { data = try DiskFile.read(path, limit: DocumentLoader.maxDocumentBytes) } catch {
            throw Problems([Problem(file: path, line: 0, column: 0, message: "cannot read the document file: \(error.message)",
                                    thai: "อ่านแฟ้มเอกสารไม่ได้: \(error.thai)")])
        }
        let text: String
        do { text = try TextFile.decode(data) } catch {
            throw Problems([Problem(file: path, line: error.line, column: error.column, message: "the document file \(error.message)",
                                    thai: "แฟ้มเอกสาร\(error.thai)")])
        }
        let dir = (path as NSString).deletingLastPathComponent
        return try load(text: text, name: name, files: FolderFiles(directory: dir))
    }

    /// The style file's style without a document's overrides (`saraban sign` draws a visible
    /// signature's appearance in it).
    public func defaultStyle() throws -> Style {
        var style = try StyleLoader.load(styleFile: resources.defaultStyle, overrides: nil, documentFile: "")
        style.font = FontCheck.shared.family(style.font) ?? style.font
        return style
    }

    /// The largest document file read (a document is text; its tables' sources are read apart).
    public static let maxDocumentBytes = InputLimits.documentBytes

    /// Loads a document from YAML text; the files it names come from `files`.
    public func load(text: String, name: String, files: any DocumentFiles) throws -> (Document, Style) {
        let reader = YAMLReader(file: name)
        guard let root = reader.parse(text) else { throw Problems(reader.problems) }
        return try load(root: root, reader: reader, files: files)
    }

    /// Loads a document from an already composed YAML tree (batch fills a parsed template per row,
    /// so problems keep the template's line and column).
    public func load(node root: Node, name: String, files: any DocumentFiles) throws -> (Document, Style) {
        try load(root: root, reader: YAMLReader(file: name), files: files)
    }

    private func load(root: Node, reader: YAMLReader, files: any DocumentFiles) throws -> (Document, Style) {
        reader.root = root
        let decoder = DocumentDecoder(reader: reader, files: files)
        let decoded = decoder.decode(root)
        var problems = reader.problems
        var style: Style?
        do {
            style = try StyleLoader.load(styleFile: resources.defaultStyle, overrides: decoded?.1, documentFile: reader.file)
        } catch let p as Problems { problems += p.all }
        var doc = decoded?.0
        if let s = style, doc != nil {
            problems += readPictures(&doc!, s, root: root, reader: reader)
            // Pango gets one installed family, never a name fontconfig would synthesise.
            style?.font = FontCheck.shared.family(s.font) ?? s.font
        }
        guard problems.isEmpty, let doc, let style else { throw Problems(problems) }
        return (doc, style)
    }

    /// Reads and decodes the emblem and the signature picture; the font chain must name at least
    /// one installed family. The style file's own emblem is the installation's, read from its
    /// folder; a document's emblem comes from the document's files like everything it names.
    func readPictures(_ doc: inout Document, _ style: Style, root: Node, reader: YAMLReader) -> [Problem] {
        var problems = [Problem]()
        func place(_ keys: [String]) -> (Int, Int) {
            var node: Node? = root
            for k in keys { node = node?[k] }
            return (node?.mark?.line ?? 0, node?.mark?.column ?? 0)
        }
        func picture(_ name: String, from files: any DocumentFiles, keys: [String], what: String, thai: String) -> Data? {
            let shown = files.display(name)
            do {
                let data = try files.read(name, limit: FileLimits.image)
                _ = try ImageAsset(data: data)
                return data
            } catch {
                let (l, c) = place(keys)
                let (message, thaiReason) = Self.reasons(error)
                problems.append(Problem(file: doc.file, line: l, column: c, message: "\(what) \(shown): \(message)",
                                        thai: "ใช้\(thai) \(shown) ไม่ได้: \(thaiReason)", key: keys.joined(separator: ".")))
                return nil
            }
        }
        if let img = doc.memo.signature?.image {
            doc.signatureImage = picture(img, from: doc.files, keys: ["memo", "signature", "image"],
                                         what: "signature 'image' (ภาพลายมือชื่อ)", thai: "ภาพลายมือชื่อ")
        }
        if let emblem = style.emblem {
            let files: any DocumentFiles = style.emblemFolder.map { FolderFiles(directory: $0) } ?? doc.files
            doc.emblemImage = picture(emblem, from: files, keys: ["style", "emblem"],
                                      what: "style 'emblem' (ตราครุฑ)", thai: "ภาพตราครุฑ")
        }
        if FontCheck.shared.family(style.font) == nil {
            let (l, c) = place(["style", "font"])
            problems.append(Problem(file: doc.file, line: l, column: c,
                                    message: "no font of '\(style.font)' is installed (put its files in Fonts/ or install it)",
                                    thai: "ไม่พบแบบอักษร '\(style.font)' ในเครื่อง (วางแฟ้มแบบอักษรในโฟลเดอร์ Fonts/)", key: "style.font"))
        }
        return problems
    }

    static func reasons(_ error: Error) -> (String, String) {
        if let r = error as? FileRefusal { return (r.message, r.thai) }
        if let e = error as? ImageError { return (e.message, e.thai) }
        return ("\(error)", "ใช้ภาพนี้ไม่ได้")
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
