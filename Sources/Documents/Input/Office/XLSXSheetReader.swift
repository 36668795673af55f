import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a worksheet part (`xl/worksheets/sheetN.xml`) as events into a `SheetGrid`: each cell's
/// text as its format shows it, merged areas, hidden rows and columns, column widths.
final class XLSXSheetReader: NSObject, XMLParserDelegate, FailingDelegate {
    struct Context {
        var file: String
        var strings: [XLSXRuns]
        var styles: XLSXStyles
        var date1904: Bool
    }

    private let context: Context
    private(set) var grid: SheetGrid
    var failure: SourceFailure?

    private var row = -1, column = -1
    private var cellStyle: Int?
    private var cellType: String?
    private var value: String?
    private var inValue = false
    private var inline: XLSXRuns?

    init(context: Context, name: String) {
        self.context = context
        grid = SheetGrid(name: name)
    }

    static func read(_ data: Data, part: String, name: String, context: Context) throws -> SheetGrid {
        let reader = XLSXSheetReader(context: context, name: name)
        try OfficeXML.parse(data, part: part, file: context.file, kind: .xlsx, delegate: reader)
        return reader.grid
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes raw: [String: String]) {
        if inline != nil { inline?.start(name, OfficeXML.localAttributes(raw)); return }
        let a = OfficeXML.localAttributes(raw)
        switch name {
        case "sheetFormatPr": sheetFormat(a)
        case "col": columns(a)
        case "row":
            row = a["r"].flatMap { Int($0) }.map { $0 - 1 } ?? row + 1
            column = -1
            if XLSXSheetReader.on(a["hidden"]) { grid.hiddenRows.insert(row) }
        case "c":
            column = a["r"].flatMap { CellRange.cell($0)?.column } ?? column + 1
            cellStyle = a["s"].flatMap { Int($0) }
            cellType = a["t"]
            value = nil
        case "v": inValue = true; value = ""
        case "is": inline = XLSXRuns()
        case "mergeCell":
            if let ref = a["ref"], let r = CellRange(ref) { grid.merges.append(r) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "is" { return }
        if inline != nil, name != "c" { inline?.end(name); return }
        switch name {
        case "v": inValue = false
        case "c":
            do { try finishCell() } catch let f as SourceFailure { failure = f; parser.abortParsing() } catch {}
            inline = nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inline != nil { inline?.characters(string); return }
        if inValue { value? += string }
    }

    private func finishCell() throws {
        guard row >= 0, column >= 0 else { return }
        let style = context.styles.style(cellStyle)
        let place = CellRange.name(row, column)
        switch cellType {
        case "s":
            guard let v = value else { return }
            guard let k = Int(v.trimmingCharacters(in: .whitespaces)), context.strings.indices.contains(k) else {
                throw SourceFailure("'\(context.file)' cell \(place) (sheet '\(grid.name)') refers to text \(v), which the file does not have",
                                    "แฟ้ม '\(context.file)' ช่อง \(place) (แผ่นงาน '\(grid.name)') อ้างถึงข้อความที่ไม่มีในแฟ้ม ให้บันทึกแฟ้มใหม่ด้วย Excel")
            }
            grid.set(row, column, context.strings[k].resolved(cellBold: style.bold))
        case "inlineStr":
            grid.set(row, column, inline?.resolved(cellBold: style.bold) ?? [])
        case "str", "e":
            grid.set(row, column, [TextRun(text: XLSXRuns.unescape(value ?? ""), bold: style.bold)])
        case "b":
            grid.set(row, column, [TextRun(text: value == "1" ? "TRUE" : "FALSE", bold: style.bold)])
        default:
            guard let v = value?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return }
            guard let number = Double(v) else {
                throw SourceFailure("'\(context.file)' cell \(place) (sheet '\(grid.name)') holds '\(v)', which is not a number",
                                    "แฟ้ม '\(context.file)' ช่อง \(place) (แผ่นงาน '\(grid.name)') มีค่า '\(v)' ซึ่งไม่ใช่ตัวเลข")
            }
            grid.set(row, column, [TextRun(text: CellFormat.text(number, code: style.format, date1904: context.date1904), bold: style.bold)])
        }
    }

    /// Excel's default column is 8.43 characters wide.
    private func sheetFormat(_ a: [String: String]) {
        if let w = a["defaultColWidth"].flatMap(Double.init), w > 0, w.isFinite { grid.defaultWidth = w }
        else if let b = a["baseColWidth"].flatMap(Double.init), b > 0, b < 256 { grid.defaultWidth = b + 0.43 }
    }

    private func columns(_ a: [String: String]) {
        guard let lo = a["min"].flatMap({ Int($0) }), let hi = a["max"].flatMap({ Int($0) }), lo >= 1, hi >= lo, lo <= CellRange.maxColumn + 1 else { return }
        let last = min(hi, CellRange.maxColumn + 1)
        let width = a["width"].flatMap(Double.init).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        // A <col> may cover every column to XFD; only the widths that differ need keeping.
        for c in (lo - 1)..<min(last, lo - 1 + 1024) {
            if XLSXSheetReader.on(a["hidden"]) || width == 0 { grid.hiddenColumns.insert(c) }
            if let width { grid.widths[c] = width }
        }
    }

    static func on(_ v: String?) -> Bool { v == "1" || v?.lowercased() == "true" }
}
