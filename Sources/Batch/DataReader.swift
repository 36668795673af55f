import Documents
import Foundation
import ThaiText
import Yams

/// Reads the units file (CSV, TSV, YAML, JSON, or a workbook: .xlsx, .ods) into rows. What stops
/// the whole batch (a file that cannot be read, a quote that never closes) is a `BatchError`; what
/// concerns one row is that row's error or warning, so every other row is still rendered.
/// `read` takes the whole file at once; a batch reads through `DataSource`, which streams CSV,
/// TSV and JSON row by row and uses `read` for the rest.
public enum DataReader {
    /// The largest units file read whole (YAML, a workbook, UTF-16 text, JSON that is not plain),
    /// and the largest row of a file read row by row.
    public static let maxBytes = 128 << 20
    /// The most rows a batch takes (its plan keeps about half a kilobyte a row).
    public static let maxRows = 1_000_000

    public static func read(path: String, sheet: String? = nil) throws -> [DataRow] {
        let data: Data
        do { data = try DiskFile.read(path, limit: maxBytes) } catch {
            let hint = tooLarge(path) ? wholeHint : ("", "")
            throw BatchError("\(path): cannot read the data file: \(error.message)\(hint.0)", "อ่านแฟ้มข้อมูล \(path) ไม่ได้: \(error.thai)\(hint.1)")
        }
        return try read(data: data, name: path, sheet: sheet)
    }

    /// What to do with data too large to be read whole.
    static let wholeHint = ("; YAML, workbooks and UTF-16 text are read whole: save larger data as UTF-8 CSV, TSV or a JSON list of objects, which are read a row at a time",
                            " แฟ้ม YAML แฟ้มสมุดงาน และข้อความ UTF-16 ต้องอ่านทั้งแฟ้ม ข้อมูลที่ใหญ่กว่านี้ให้บันทึกเป็น CSV, TSV (UTF-8) หรือรายการ JSON ซึ่งอ่านทีละรายการ")

    static func tooLarge(_ path: String) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        return size > maxBytes
    }

    /// Rows of a units file's bytes; the extension of `path` says its kind.
    public static func read(data: Data, name path: String, sheet: String? = nil) throws -> [DataRow] {
        if OfficeKind.of(path) == .xlsx || OfficeKind.of(path) == .ods { return try nonEmpty(workbook(data, path: path, sheet: sheet), path) }
        if sheet != nil {
            throw BatchError("--sheet applies to .xlsx and .ods data files only", "--sheet ใช้ได้กับแฟ้มข้อมูล .xlsx และ .ods เท่านั้น")
        }
        let text: String
        do { text = try TextFile.decode(data) } catch { throw notUTF8(error, path: path) }
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

    /// A header row, then one unit per row. A short row is filled with empty cells and warned
    /// about; a long row whose extra cells hold text fails (its cells have no column to go to).
    static func csv(_ text: String, delimiter: Unicode.Scalar, path: String) throws -> [DataRow] {
        let records: [CSVRecord]
        do { records = try CSVReader.records(text, delimiter: delimiter) } catch { throw failure(error, path: path) }
        let filled = records.filter { !$0.isBlank }
        guard let first = filled.first else { return [] }
        let header = try header(first, path: path)
        return filled.dropFirst().enumerated().map { k, record in
            row(record, number: k + 1, header: header, path: path)
        }
    }

    /// The header record's column names; a name twice stops the batch.
    static func header(_ first: CSVRecord, path: String) throws -> [String] {
        let header = first.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        if let dup = duplicate(header) {
            throw BatchError("\(path):\(first.line): column '\(dup)' appears twice in the header", "หัวตาราง \(path) มีคอลัมน์ '\(dup)' ซ้ำ")
        }
        return header
    }

    /// Why delimited data cannot be read, as the batch says it.
    static func failure(_ error: CSVFailure, path: String) -> BatchError {
        BatchError("\(path):\(error.line): the data file cannot be read: \(error.message)",
                   "อ่านแฟ้มข้อมูล \(path) ไม่ได้ที่บรรทัด \(error.line): \(error.thai)")
    }

    /// A data file that is not UTF-8, as the batch says it.
    static func notUTF8(_ error: TextFile.NotUTF8, path: String) -> BatchError {
        BatchError("\(path):\(error.line):\(error.column): the data file \(error.message)", "แฟ้มข้อมูล \(path) \(error.thai)")
    }

    /// One CSV record as a row, with its problem or warning when it does not match the header.
    static func row(_ record: CSVRecord, number: Int, header: [String], path: String) -> DataRow {
        var cells = record.cells
        var row = DataRow(number: number, columns: [], line: record.line)
        let place = "\((path as NSString).lastPathComponent) line \(record.line)"
        if cells.count < header.count {
            let missing = header[cells.count...].map { "'\($0)'" }.joined(separator: ", ")
            row.warnings.append("row \(number) (\(place)) has \(cells.count) cells, the header \(header.count): \(missing) left empty"
                                + " / รายการที่ \(number) (บรรทัดที่ \(record.line)) มี \(cells.count) ช่อง หัวตารางมี \(header.count) ช่อง จึงเว้นว่าง \(missing)")
            cells += Array(repeating: "", count: header.count - cells.count)
        } else if cells.count > header.count {
            let extra = Array(cells[header.count...])
            if extra.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                row.warnings.append("row \(number) (\(place)) has \(cells.count - header.count) empty cells past the header's \(header.count); they are left out"
                                    + " / รายการที่ \(number) (บรรทัดที่ \(record.line)) มีช่องว่างเกินหัวตาราง \(cells.count - header.count) ช่อง ซึ่งไม่ได้ใช้")
            } else {
                let shown = extra.filter { !$0.isEmpty }.prefix(3).map { "'\($0.prefix(40))'" }.joined(separator: ", ")
                row.error = "row \(number) (\(place)) has \(cells.count) cells but the header has \(header.count): \(shown) past the last column belong to no column; check the delimiters and quotes"
                    + " / รายการที่ \(number) (บรรทัดที่ \(record.line)) มี \(cells.count) ช่อง แต่หัวตารางมี \(header.count) ช่อง ข้อมูลที่เกินไม่มีคอลัมน์รองรับ ให้ตรวจเครื่องหมายจุลภาคและเครื่องหมายคำพูด"
            }
            cells = Array(cells[..<header.count])
        }
        row.columns = zip(header, cells.map { DataValue.text(ControlCharacters.unixLineBreaks($0)) }).map { ($0, $1) }
        return row
    }

    /// YAML or JSON (JSON is read as YAML): a list of objects, or an object holding one such list.
    static func tree(_ text: String, path: String) throws -> [DataRow] {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            let p = YAMLSyntax.problem(error, file: path)
            throw BatchError(p.line > 0 ? "\(path):\(p.line):\(p.column): \(p.message)" : "\(path): \(p.message)", "แฟ้มข้อมูล \(path): \(p.thai)")
        }
        guard let root else { return [] }
        var list = root
        if case let .mapping(m) = root, m.count == 1, let only = m.first, case .sequence = only.value { list = only.value }
        guard case let .sequence(items) = list else {
            throw BatchError("\(path): the data should be a list of objects (one per unit)",
                             "แฟ้มข้อมูล \(path) ต้องเป็นรายการของหน่วยงาน (รายการของชุดหัวข้อ)")
        }
        return items.enumerated().map { k, node in
            let line = node.mark?.line ?? 0
            guard case let .mapping(m) = node else {
                var row = DataRow(number: k + 1, columns: [], line: line)
                row.error = notAnObject(k + 1, line: line, file: (path as NSString).lastPathComponent)
                return row
            }
            return DataRow(number: k + 1, columns: m.map { ($0.key.string ?? "", value($0.value)) }, line: line)
        }
    }

    /// Why an item of a YAML or JSON list that is not an object fails alone.
    static func notAnObject(_ number: Int, line: Int, file: String) -> String {
        "row \(number) (\(file) line \(line)) is not an object of columns (key: value)"
            + " / รายการที่ \(number) (บรรทัดที่ \(line)) ไม่ใช่ชุดหัวข้อ (key: value)"
    }

    static func value(_ node: Node) -> DataValue {
        switch node {
        case .scalar(let s):
            if s.style == .plain, s.tag.description == Tag.Name.bool.rawValue || ["true", "false"].contains(s.string) {
                return .bool(s.string.lowercased() == "true")
            }
            if s.style == .plain, s.string == "null" || s.string == "~" { return .text("") }
            return .text(ControlCharacters.unixLineBreaks(s.string))
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
