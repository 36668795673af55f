import Documents
import Foundation
import Mustache
import ThaiText

/// One row's work, decided before anything is rendered: its file name, key, label and input hash.
struct Job: Sendable {
    var row: DataRow
    var file: String
    var key: [String: String]
    /// `row 7 (unit: เทศบาลตำบลหนองแก)`, used in every message about the row.
    var label: String
    var input: String
    /// A problem found while planning (duplicate name, missing column): the row fails without rendering.
    var error: String?
}

/// Turns data rows into jobs, catching what can be caught before rendering: columns the data
/// lacks, names that collide.
enum BatchPlan {
    static func jobs(rows: [DataRow], template: Template, keyColumns: [String], base: String) throws -> [Job] {
        let known = Set(rows.flatMap { $0.columns.map(\.0) })
        let absent = template.columns.filter { !known.contains($0.name) }
        if !absent.isEmpty {
            let list = absent.map { "'\($0.name)' (\(template.name) line \($0.line))" }.joined(separator: ", ")
            let have = (rows.first?.columns.map(\.0) ?? []).joined(separator: ", ")
            throw BatchError("the template uses \(list), which the data file does not have; its columns are: \(have)",
                             "แม่แบบใช้คอลัมน์ \(absent.map(\.name).joined(separator: ", ")) ซึ่งไม่มีในแฟ้มข้อมูล (มี: \(have))")
        }
        let keys = keyColumns.isEmpty ? defaultKey(rows) : keyColumns
        var jobs = rows.map { row -> Job in
            let key = Dictionary(keys.compactMap { k in row[k]?.plain.map { (k, $0) } }, uniquingKeysWith: { a, _ in a })
            let keyText = keys.compactMap { k in key[k].map { "\(k): \($0)" } }.joined(separator: ", ")
            let label = "row \(row.number)" + (keyText.isEmpty ? "" : " (\(keyText))")
            let file = fileName(row, total: rows.count)
            var job = Job(row: row, file: file, key: key, label: label,
                          input: SHA256.hex(base + "\u{0}" + file + "\u{0}" + row.canonical))
            let missing = template.columns.filter { row[$0.name] == nil }.map(\.name)
            if let error = row.error {
                job.error = error
            } else if let bad = controlCharacter(in: row, columns: template.columns.map(\.name) + ["file"]) {
                job.error = "\(label): column '\(bad.column)' (data line \(row.line)) holds the invisible control character \(ControlCharacters.name(bad.scalar)) at character \(bad.at); delete it"
                    + " / คอลัมน์ '\(bad.column)' ของรายการนี้ (บรรทัดที่ \(row.line) ของแฟ้มข้อมูล) มีอักขระควบคุม \(ControlCharacters.code(bad.scalar)) ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ที่อักขระที่ \(bad.at) ให้ลบออก"
            } else if !missing.isEmpty {
                job.error = "\(label): the template uses \(missing.map { "'\($0)'" }.joined(separator: ", ")), which this row does not have"
                    + " / รายการนี้ไม่มีคอลัมน์ \(missing.joined(separator: ", ")) ที่แม่แบบใช้"
            }
            return job
        }
        markDuplicates(&jobs)
        return jobs
    }

    /// The first control character in the columns the template prints (a NUL in a cell would
    /// otherwise be refused only once filled in, at the template's line rather than the data's).
    static func controlCharacter(in row: DataRow, columns: [String]) -> (column: String, scalar: Unicode.Scalar, at: Int)? {
        func first(_ v: DataValue) -> (Unicode.Scalar, Int)? {
            switch v {
            case .text(let s): return ControlCharacters.firstRefused(in: s).map { ($0.scalar, $0.position) }
            case .bool: return nil
            case .list(let l): return l.lazy.compactMap(first).first
            case .object(let o): return o.lazy.compactMap { first($0.1) }.first
            }
        }
        for name in columns {
            if let v = row[name], let (c, at) = first(v) { return (name, c, at) }
        }
        return nil
    }

    /// The first column holding plain text other than `file`: usually the unit's name.
    static func defaultKey(_ rows: [DataRow]) -> [String] {
        guard let first = rows.first else { return [] }
        return first.columns.first { $0.0 != "file" && $0.1.plain != nil }.map { [$0.0] } ?? []
    }

    /// The `file` column (itself a Mustache template) made safe, else the row number.
    static func fileName(_ row: DataRow, total: Int) -> String {
        if let raw = row["file"]?.plain {
            let filled = (try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + raw))?.render(row.mustache) ?? raw
            if let safe = FileName.pdf(filled) { return safe }
        }
        return FileName.number(row.number, of: total)
    }

    /// Two rows writing one file would overwrite each other: both fail, each naming the other.
    static func markDuplicates(_ jobs: inout [Job]) {
        var byName = [String: [Int]]()
        for (i, j) in jobs.enumerated() { byName[j.file, default: []].append(i) }
        for (name, indices) in byName where indices.count > 1 {
            let labels = indices.map { jobs[$0].label }.joined(separator: " and ")
            for i in indices where jobs[i].error == nil {
                jobs[i].error = "\(labels) would all write '\(name)'; give each row its own file name"
                    + " / มีหลายรายการใช้ชื่อแฟ้ม '\(name)' ซ้ำกัน"
            }
        }
    }

    /// Hash of what every row shares: Saraban's version, the template, the style file and the fonts.
    static func baseHash(template: Template, resources: Resources, thumbnailDPI: Double?) -> String {
        var parts = ["saraban " + DocumentRenderer.version, template.text, template.files.identity]
        parts.append((try? String(contentsOfFile: resources.defaultStyle, encoding: .utf8)) ?? "")
        parts.append(fontsFingerprint(resources.fonts))
        parts.append("thumbnail \(thumbnailDPI ?? 0)")
        return SHA256.hex(parts.joined(separator: "\u{0}"))
    }

    /// Names, sizes and modification times of the font files: a changed font re-renders everything.
    static func fontsFingerprint(_ dir: String) -> String {
        let fm = FileManager.default
        let files = (fm.enumerator(atPath: dir)?.allObjects as? [String] ?? []).sorted()
        return files.map { f -> String in
            let a = try? fm.attributesOfItem(atPath: dir + "/" + f)
            let size = (a?[.size] as? NSNumber)?.intValue ?? 0
            let time = (a?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(f) \(size) \(time)"
        }.joined(separator: "\n")
    }
}
