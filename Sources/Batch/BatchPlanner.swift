import Documents
import Foundation
import ThaiText

/// Plans a batch a row at a time: each row becomes its `Job` and is let go. What needs every
/// row (columns the template uses that no row has, names that collide, the width of numbered
/// names) is settled in `finish`, before anything is rendered.
struct BatchPlanner {
    let template: Template
    let keyColumns: [String]
    let base: String
    private(set) var jobs: [Job] = []
    /// Every column name any row has.
    private var known = Set<String>()
    private var firstColumns: [String] = []
    private var keys: [String] = []
    /// Jobs named by their row number: named, and hashed, once the count is known.
    private var numbered: [Int] = []
    private let templateColumns: [String]

    init(template: Template, keyColumns: [String], base: String) {
        self.template = template
        self.keyColumns = keyColumns
        self.base = base
        templateColumns = template.columns.map(\.name)
    }

    mutating func add(_ row: DataRow) throws {
        guard jobs.count < DataReader.maxRows else {
            throw BatchError("the data file has more than \(DataReader.maxRows) rows; split it into several batches",
                             "แฟ้มข้อมูลมีเกิน \(DataReader.maxRows) รายการ ให้แบ่งเป็นหลายงานชุด")
        }
        if jobs.isEmpty {
            firstColumns = row.columns.map(\.0)
            keys = keyColumns.isEmpty ? BatchPlan.defaultKey(row) : keyColumns
        }
        for (name, _) in row.columns where !known.contains(name) { known.insert(name) }
        let key = Dictionary(keys.compactMap { k in row[k]?.plain.map { (k, $0) } }, uniquingKeysWith: { a, _ in a })
        let keyText = keys.compactMap { k in key[k].map { "\(k): \($0)" } }.joined(separator: ", ")
        let label = "row \(row.number)" + (keyText.isEmpty ? "" : " (\(keyText))")
        let file = BatchPlan.fileName(row)
        if file == nil { numbered.append(jobs.count) }
        var job = Job(number: row.number, line: row.line, warnings: row.warnings, file: file ?? "", key: key, label: label,
                      input: file.map { BatchPlan.input(base: base, file: $0, row: row) } ?? "")
        job.error = problem(row, label: label)
        jobs.append(job)
    }

    /// Why the row cannot be rendered, found before rendering.
    private func problem(_ row: DataRow, label: String) -> String? {
        if let error = row.error { return error }
        if let bad = BatchPlan.controlCharacter(in: row, columns: templateColumns + ["file"]) {
            return "\(label): column '\(bad.column)' (data line \(row.line)) holds the invisible control character \(ControlCharacters.name(bad.scalar)) at character \(bad.at); delete it"
                + " / คอลัมน์ '\(bad.column)' ของรายการนี้ (บรรทัดที่ \(row.line) ของแฟ้มข้อมูล) มีอักขระควบคุม \(ControlCharacters.code(bad.scalar)) ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ที่อักขระที่ \(bad.at) ให้ลบออก"
        }
        let missing = templateColumns.filter { row[$0] == nil }
        guard missing.isEmpty else {
            return "\(label): the template uses \(missing.map { "'\($0)'" }.joined(separator: ", ")), which this row does not have"
                + " / รายการนี้ไม่มีคอลัมน์ \(missing.joined(separator: ", ")) ที่แม่แบบใช้"
        }
        return nil
    }

    /// The jobs, once every row is in: numbered names given (their rows read again to hash
    /// them, from `data` or `rows`), collisions marked. Throws when the template uses a column
    /// no row has.
    mutating func finish(_ data: DataSource?, rows: [DataRow]? = nil) throws -> [Job] {
        let absent = template.columns.filter { !known.contains($0.name) }
        if !absent.isEmpty {
            let list = absent.map { "'\($0.name)' (\(template.name) line \($0.line))" }.joined(separator: ", ")
            let have = firstColumns.joined(separator: ", ")
            throw BatchError("the template uses \(list), which the data file does not have; its columns are: \(have)",
                             "แม่แบบใช้คอลัมน์ \(absent.map(\.name).joined(separator: ", ")) ซึ่งไม่มีในแฟ้มข้อมูล (มี: \(have))")
        }
        if !numbered.isEmpty { try nameByNumber(data, rows: rows) }
        BatchPlan.markDuplicates(&jobs)
        return jobs
    }

    private mutating func nameByNumber(_ data: DataSource?, rows: [DataRow]?) throws {
        var jobs = self.jobs
        let numbered = self.numbered, base = self.base
        for i in numbered { jobs[i].file = FileName.number(jobs[i].number, of: jobs.count) }
        var next = 0
        var index = 0
        func hash(_ row: DataRow) {
            defer { index += 1 }
            guard next < numbered.count, numbered[next] == index else { return }
            jobs[index].input = BatchPlan.input(base: base, file: jobs[index].file, row: row)
            next += 1
        }
        if let rows { rows.forEach(hash) } else { try data?.forEach { hash($0) } }
        self.jobs = jobs
    }
}
