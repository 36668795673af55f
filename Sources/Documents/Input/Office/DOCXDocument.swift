import Foundation

/// A Word document's tables: the body's tables in order (not those nested in cells), read with
/// the document's styles and list numbering.
struct DOCXDocument {
    let package: OfficePackage
    let body: OfficeXML.Element
    let tables: [OfficeXML.Element]
    let styles: DOCXStyles
    let numbering: OfficeXML.Element?

    init(data: Data, name: String) throws {
        package = try OfficePackage(data: data, name: name, kind: .docx)
        let main = try Relationship.of("", in: package).first { $0.isType("officeDocument") }?.target ?? "word/document.xml"
        guard let document = try package.tree(main), document.name == "document" else {
            if package.has("xl/workbook.xml") {
                throw SourceFailure("'\(name)' is an Excel workbook, not a Word document; name it .xlsx", "แฟ้ม '\(name)' เป็นสมุดงาน Excel ไม่ใช่เอกสาร Word ให้ตั้งชื่อเป็น .xlsx")
            }
            if package.has("content.xml") { throw SourceFailure.notOffice(name, .docx, "it is an OpenDocument file, not .docx") }
            throw SourceFailure.notOffice(name, .docx, "it has no document part")
        }
        guard let body = document.child("body") else { throw SourceFailure.notOffice(name, .docx, "its document has no body") }
        self.body = body
        tables = DOCXDocument.tables(in: body)
        let rels = try Relationship.of(main, in: package)
        let pkg = package
        styles = DOCXStyles(try rels.first { $0.isType("styles") }.flatMap { try pkg.tree($0.target) })
        numbering = try rels.first { $0.isType("numbering") }.flatMap { try pkg.tree($0.target) }
    }

    static let wrappers: Set<String> = ["sdt", "sdtContent", "customXml"]

    /// Tables of the body in order, looking inside content controls but not inside cells.
    static func tables(in e: OfficeXML.Element) -> [OfficeXML.Element] {
        e.children.flatMap { c -> [OfficeXML.Element] in
            if c.name == "tbl" { return [c] }
            return wrappers.contains(c.name) ? tables(in: c) : []
        }
    }

    /// Table `number` (1-based) as a source table; `headerRows` nil: its repeated header rows
    /// (`tblHeader`), or its first row when none repeats.
    func table(_ number: Int, headerRows: Int?) throws -> SourceTable {
        guard !tables.isEmpty else {
            throw SourceFailure("'\(package.name)' has no table", "แฟ้ม '\(package.name)' ไม่มีตาราง", key: "table")
        }
        guard number >= 1, number <= tables.count else {
            let list = tables.count == 1 ? "1" : "1 to \(tables.count)"
            throw SourceFailure("'\(package.name)' has no table \(number); it has \(tables.count) (table: \(list))",
                                "แฟ้ม '\(package.name)' ไม่มีตารางที่ \(number) มีตารางทั้งหมด \(tables.count) ตาราง (ระบุ table: \(list))", key: "table")
        }
        let target = tables[number - 1]
        let paragraph = DOCXParagraph(styles: styles, numbering: DOCXNumbering(numbering))
        // Lists count through the whole document: number the paragraphs before the table first.
        _ = countParagraphs(body, until: target, paragraph)
        return try DOCXTable(target, file: package.name, paragraph: paragraph).table(headerRows: headerRows)
    }

    /// Reads every paragraph before `target` in document order; true once it is reached.
    private func countParagraphs(_ e: OfficeXML.Element, until target: OfficeXML.Element, _ paragraph: DOCXParagraph) -> Bool {
        for c in e.children {
            if c === target { return true }
            if c.name == "p" { _ = paragraph.runs(c); continue }
            if countParagraphs(c, until: target, paragraph) { return true }
        }
        return false
    }
}
