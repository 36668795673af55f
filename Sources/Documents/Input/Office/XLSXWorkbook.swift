import Foundation

/// An .xlsx workbook: its sheets in tab order, shared strings, cell styles and date system.
struct XLSXWorkbook {
    struct Sheet { var name: String; var part: String?; var hidden: Bool; var isChart: Bool }

    let package: OfficePackage
    let sheets: [Sheet]
    let context: XLSXSheetReader.Context

    init(data: Data, name: String) throws {
        package = try OfficePackage(data: data, name: name, kind: .xlsx)
        let main = try Relationship.of("", in: package).first { $0.isType("officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbook = try package.tree(main), workbook.name == "workbook" else {
            if package.has("word/document.xml") {
                throw SourceFailure("'\(name)' is a Word document, not a workbook; name it .docx", "แฟ้ม '\(name)' เป็นเอกสาร Word ไม่ใช่สมุดงาน Excel ให้ตั้งชื่อเป็น .docx")
            }
            if package.has("content.xml") { throw SourceFailure.notOffice(name, .xlsx, "it is an OpenDocument file; name it .ods") }
            throw SourceFailure.notOffice(name, .xlsx, "it has no workbook part")
        }
        let rels = try Relationship.of(main, in: package)
        let target = Dictionary(rels.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        sheets = (workbook.child("sheets")?.all("sheet") ?? []).map { s in
            let rel = s["id"].flatMap { target[$0] }
            return Sheet(name: s["name"] ?? "", part: rel?.target, hidden: s["state"] == "hidden" || s["state"] == "veryHidden",
                         isChart: rel.map { !$0.isType("worksheet") } ?? false)
        }
        let date1904 = workbook.child("workbookPr").map { XLSXSheetReader.on($0["date1904"]) } ?? false
        var strings = [XLSXRuns]()
        if let sst = rels.first(where: { $0.isType("sharedStrings") }), let d = try package.part(sst.target) {
            strings = try XLSXSharedStrings.read(d, part: sst.target, file: name)
        }
        let pkg = package
        let styles = try XLSXStyles(rels.first { $0.isType("styles") }.flatMap { try pkg.tree($0.target) })
        context = XLSXSheetReader.Context(file: name, strings: strings, styles: styles, date1904: date1904)
    }

    /// The sheet `choice` names (a name, or a 1-based number counting the visible sheets), or the
    /// first visible sheet.
    func grid(_ choice: String?) throws -> SheetGrid {
        let sheet = try SheetChoice.pick(choice, names: sheets.map(\.name), hidden: sheets.map(\.hidden), file: package.name)
        let s = sheets[sheet]
        guard !s.isChart, let part = s.part else {
            throw SourceFailure("'\(package.name)': sheet '\(s.name)' is a chart, not a table of cells",
                                "แฟ้ม '\(package.name)': แผ่นงาน '\(s.name)' เป็นแผนภูมิ ไม่ใช่ตาราง", key: "sheet")
        }
        let data = try package.required(part)
        return try XLSXSheetReader.read(data, part: part, name: s.name, context: context)
    }
}

/// Picks a sheet by name or number, naming the sheets there are when it finds none.
enum SheetChoice {
    static func pick(_ choice: String?, names: [String], hidden: [Bool], file: String) throws -> Int {
        let visible = names.indices.filter { !hidden[$0] }
        guard let first = visible.first else {
            throw SourceFailure("'\(file)' has no sheet to read", "แฟ้ม '\(file)' ไม่มีแผ่นงาน")
        }
        guard let choice = choice?.trimmingCharacters(in: .whitespaces), !choice.isEmpty else { return first }
        if let k = names.firstIndex(of: choice) { return k }
        if let k = names.firstIndex(where: { $0.lowercased() == choice.lowercased() }) { return k }
        let list = visible.enumerated().map { "\($0.offset + 1) '\(names[$0.element])'" }.joined(separator: ", ")
        if let n = Int(choice) {
            if n >= 1, n <= visible.count { return visible[n - 1] }
            throw SourceFailure("'\(file)' has no sheet \(n); its sheets are \(list)",
                                "แฟ้ม '\(file)' ไม่มีแผ่นงานที่ \(n) แผ่นงานที่มีคือ \(list)", key: "sheet")
        }
        throw SourceFailure("'\(file)' has no sheet named '\(choice)'; its sheets are \(list)",
                            "แฟ้ม '\(file)' ไม่มีแผ่นงานชื่อ '\(choice)' แผ่นงานที่มีคือ \(list)", key: "sheet")
    }
}
