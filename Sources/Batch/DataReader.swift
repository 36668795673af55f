import Documents
import Foundation
import SwiftCSV
import Yams

/// Reads the units file (CSV, TSV, YAML, JSON, or a workbook: .xlsx, .ods) into rows; anything it
/// cannot use is a `BatchError`.
public enum DataReader {
    /// The largest units file read.
    public static let maxBytes = 512 << 20

    public static func read(path: String, sheet: String? = nil) throws -> [DataRow] {
        let data: Data
        do { data = try DiskFile.read(path, limit: maxBytes) } catch {
            throw BatchError("\(path): cannot read the data file: \(error.message)", "อ่านแฟ้มข้อมูล \(path) ไม่ได้: \(error.thai)")
        }
        return try read(data: data, name: path, sheet: sheet)
    }

    /// Rows of a units file's bytes; the extension of `path` says its kind.
    public static func read(data: Data, name path: String, sheet: String? = nil) throws -> [DataRow] {
        if OfficeKind.of(path) == .xlsx || OfficeKind.of(path) == .ods { return try nonEmpty(workbook(data, path: path, sheet: sheet), path) }
        if sheet != nil {
            throw BatchError("--sheet applies to .xlsx and .ods data files only", "--sheet ใช้ได้กับแฟ้มข้อมูล .xlsx และ .ods เท่านั้น")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BatchError("\(path): the data file is not UTF-8 text", "แฟ้มข้อมูล \(path) ไม่ใช่ข้อความ UTF-8")
        }
        let ext = (path as NSString).pathExtension.lowercased()
        let rows: [DataRow]
        switch ext {
        case "csv": rows = try csv(text, delimiter: ",", path: path)
        case "tsv", "tab": rows = try csv(text, delimiter: "\t", path: path)
        default: rows = try tree(text, path: path)
        }
        return try nonEmpty(rows, path)
    }

    static func nonEmpty(_ rows: [DataRow], _ path: String) throws -> [DataRow] {
        if rows.isEmpty {
            throw BatchError("\(path): the data file has no rows", "แฟ้มข้อมูล \(path) ไม่มีรายการ")
        }
        return rows
    }

    /// A header row, then one unit per row; every row must have the header's number of fields.
    static func csv(_ text: String, delimiter: Character, path: String) throws -> [DataRow] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let table: EnumeratedCSV
        do {
            table = try EnumeratedCSV(string: body, delimiter: .character(delimiter), loadColumns: false)
        } catch {
            throw BatchError("\(path): the CSV does not parse: \(error)", "อ่านแฟ้ม CSV \(path) ไม่ได้: \(error)")
        }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
        if let dup = duplicate(header) {
            throw BatchError("\(path): column '\(dup)' appears twice in the header", "หัวตาราง \(path) มีคอลัมน์ '\(dup)' ซ้ำ")
        }
        var rows = [DataRow]()
        for (k, fields) in table.rows.enumerated() {
            if fields.count == 1, fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard fields.count == header.count else {
                throw BatchError("\(path): row \(k + 1) has \(fields.count) fields, the header has \(header.count)",
                                 "\(path): รายการที่ \(k + 1) มี \(fields.count) ช่อง แต่หัวตารางมี \(header.count) ช่อง")
            }
            rows.append(DataRow(number: rows.count + 1, columns: zip(header, fields.map(DataValue.text)).map { ($0, $1) }))
        }
        return rows
    }

    /// YAML or JSON (JSON is read as YAML): a list of objects, or an object holding one such list.
    static func tree(_ text: String, path: String) throws -> [DataRow] {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw BatchError("\(path): the data file does not parse: \(error)", "อ่านแฟ้มข้อมูล \(path) ไม่ได้: \(error)")
        }
        guard let root else { return [] }
        var list = root
        if case let .mapping(m) = root, m.count == 1, let only = m.first, case .sequence = only.value { list = only.value }
        guard case let .sequence(items) = list else {
            throw BatchError("\(path): the data should be a list of objects (one per unit)",
                             "แฟ้มข้อมูล \(path) ต้องเป็นรายการของหน่วยงาน (list of objects)")
        }
        return try items.enumerated().map { k, node in
            guard case let .mapping(m) = node else {
                throw BatchError("\(path): row \(k + 1) (line \((node.mark?.line ?? 0))) is not an object of columns",
                                 "\(path): รายการที่ \(k + 1) ไม่ใช่ชุดหัวข้อ (key: value)")
            }
            return DataRow(number: k + 1, columns: m.map { ($0.key.string ?? "", value($0.value)) })
        }
    }

    static func value(_ node: Node) -> DataValue {
        switch node {
        case .scalar(let s):
            if s.style == .plain, s.tag.description == Tag.Name.bool.rawValue || ["true", "false"].contains(s.string) {
                return .bool(s.string.lowercased() == "true")
            }
            if s.style == .plain, s.string == "null" || s.string == "~" { return .text("") }
            return .text(s.string)
        case .sequence(let seq): return .list(seq.map(value))
        case .mapping(let m): return .object(m.map { ($0.key.string ?? "", value($0.value)) })
        case .alias: return .text("")
        }
    }

    static func duplicate(_ names: [String]) -> String? {
        var seen = Set<String>()
        for n in names where !seen.insert(n).inserted { return n }
        return nil
    }
}
