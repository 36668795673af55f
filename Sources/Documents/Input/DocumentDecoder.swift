import Foundation
import ThaiText
import Yams

/// Turns a document file's YAML into a `Document`, reporting every problem with its line.
struct DocumentDecoder {
    let reader: YAMLReader
    let files: any DocumentFiles

    static let topKeys = ["memo", "attachments", "style"]
    static let memoKeys = ["agency", "phone", "ref", "date", "subject", "to", "references", "enclosures",
                           "body", "closing", "signature", "comments"]
    static let signatureKeys = ["name", "position", "image"]
    static let commentKeys = ["title", "lines", "name", "position"]
    static let attachmentKeys = ["title", "orientation", "content"]

    /// Decodes the root node; returns the document and the raw `style:` node for the style loader.
    func decode(_ root: Node) -> (Document, Node?)? {
        guard let top = reader.mapping(root, what: "document", known: DocumentDecoder.topKeys) else { return nil }
        guard let memoNode = top["memo"] else { reader.missing("memo", parent: root); return nil }
        let memo = decodeMemo(memoNode)
        var attachments = [Attachment]()
        var places = [Self.place(memoNode)]
        if let list = top["attachments"] {
            if case let .sequence(seq) = list {
                attachments = seq.compactMap(decodeAttachment)
                places += seq.map(Self.place)
            } else {
                reader.report(list, "'attachments' (สิ่งที่แนบ) should be a list", "'attachments' (สิ่งที่แนบ) ต้องเป็นรายการ")
            }
        }
        guard let memo else { return nil }
        var doc = Document(memo: memo, attachments: attachments, file: reader.file, files: files)
        doc.sectionPlaces = places
        return (doc, top["style"])
    }

    func decodeMemo(_ node: Node) -> Memo? {
        guard let m = reader.mapping(node, what: "memo", known: DocumentDecoder.memoKeys) else { return nil }
        let agency = reader.text(m, "agency", parent: node, required: true)
        let ref = reader.text(m, "ref", parent: node, required: true)
        let subject = reader.text(m, "subject", parent: node, required: true)
        let to = reader.text(m, "to", parent: node, required: true)
        var memo = Memo(agency: agency ?? "", phone: reader.text(m, "phone", parent: node), ref: ref ?? "",
                        date: reader.text(m, "date", parent: node), subject: subject ?? "", to: to ?? "")
        // A date written the ISO way but impossible (2026-13-45) is a typo, not text to print.
        if let d = memo.date, let dn = m["date"], ThaiDate(iso: d) == nil, Self.looksISO(d) {
            reader.report(dn, "'date' (วันที่) '\(d)' is not a valid date (write YYYY-MM-DD, e.g. 2026-03-05)",
                          "'date' (วันที่) '\(d)' ไม่ใช่วันที่ที่มีอยู่จริง (เขียนแบบ ปปปป-ดด-วว เช่น 2026-03-05)")
        }
        memo.references = reader.lines(m, "references") ?? []
        memo.enclosures = reader.lines(m, "enclosures") ?? []
        if let body = m["body"] { memo.body = decodeBlocks(body, key: "body") }
        memo.closing = reader.text(m, "closing", parent: node)
        if let s = m["signature"] { memo.signature = decodeSignature(s) }
        if let c = m["comments"] {
            if case let .sequence(seq) = c { memo.comments = seq.compactMap(decodeComment) } else {
                reader.report(c, "'comments' (ความเห็น) should be a list", "'comments' (ความเห็น) ต้องเป็นรายการ")
            }
        }
        return agency == nil || ref == nil || subject == nil || to == nil ? nil : memo
    }

    /// Body or content blocks: a bare string is a paragraph; otherwise a one-key mapping.
    func decodeBlocks(_ node: Node, key: String, extraKinds: [String] = []) -> [BodyBlock] {
        guard case let .sequence(seq) = node else {
            reader.report(node, "'\(key)' (\(FieldNames.of(key))) should be a list of blocks",
                          "'\(key)' (\(FieldNames.of(key))) ต้องเป็นรายการของย่อหน้า")
            return []
        }
        var blocks = [BodyBlock]()
        for item in seq {
            if case .scalar = item { if let t = reader.text(item, key: "paragraph") { blocks.append(.paragraph(t)) }; continue }
            guard let m = reader.mapping(item, what: "\(key) block", known: ["heading", "paragraph", "list"] + extraKinds) else { continue }
            guard m.count == 1, let (kind, value) = m.first else {
                let kinds = (["heading", "paragraph", "list"] + extraKinds).joined(separator: ", ")
                reader.report(item, "a \(key) block has exactly one kind (\(kinds))",
                              "แต่ละย่อหน้าต้องมีชนิดเดียว (\((["heading", "paragraph", "list"] + extraKinds).map { "'\($0)'" }.joined(separator: ", ")))")
                continue
            }
            switch kind {
            case "heading": if let t = reader.text(value, key: kind) { blocks.append(.heading(t)) }
            case "paragraph": if let t = reader.text(value, key: kind) { blocks.append(.paragraph(t)) }
            case "list":
                if case let .sequence(items) = value { blocks.append(.list(items.compactMap { reader.text($0, key: "list") })) } else {
                    reader.report(value, "'list' (รายการ) should be a list of texts", "'list' (รายการ) ต้องเป็นรายการข้อความ")
                }
            case "table": if let t = decodeTable(value) { blocks.append(.table(t)) }
            case "chart": if let c = decodeChart(value) { blocks.append(.chart(c)) }
            default: break
            }
        }
        return blocks
    }

    func decodeSignature(_ node: Node) -> Signature? {
        guard let m = reader.mapping(node, what: "signature", known: DocumentDecoder.signatureKeys) else { return nil }
        guard let name = reader.text(m, "name", parent: node, required: true) else { return nil }
        return Signature(name: name, position: reader.lines(m, "position") ?? [],
                         image: reader.text(m, "image", parent: node))
    }

    func decodeComment(_ node: Node) -> Comment? {
        guard let m = reader.mapping(node, what: "comment", known: DocumentDecoder.commentKeys) else { return nil }
        guard let title = reader.text(m, "title", parent: node, required: true) else { return nil }
        return Comment(title: title, lines: reader.int(m, "lines", range: 0...30) ?? -1,
                       name: reader.text(m, "name", parent: node), position: reader.lines(m, "position") ?? [])
    }

    func decodeAttachment(_ node: Node) -> Attachment? {
        guard let m = reader.mapping(node, what: "attachment", known: DocumentDecoder.attachmentKeys) else { return nil }
        let title = reader.text(m, "title", parent: node, required: true)
        var orientation = Attachment.Orientation.portrait
        if let o = m["orientation"], let s = reader.text(o, key: "orientation") {
            if let v = Attachment.Orientation(rawValue: s) { orientation = v } else {
                reader.report(o, "'orientation' (แนวกระดาษ) should be portrait or landscape, found '\(s)'",
                              "'orientation' (แนวกระดาษ) ต้องเป็น portrait หรือ landscape")
            }
        }
        let content = m["content"].map { decodeBlocks($0, key: "content", extraKinds: ["table", "chart"]) } ?? []
        guard let title else { return nil }
        return Attachment(title: title, orientation: orientation, content: content)
    }

    static func place(_ node: Node) -> (line: Int, column: Int) { (node.mark?.line ?? 0, node.mark?.column ?? 0) }

    static func looksISO(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
