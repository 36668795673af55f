import Documents
import Foundation
import Mustache
import ThaiText

/// One row's work, decided before anything is rendered: its file name, key, label and input
/// hash. The row's values are not kept (a 10,000-row plan is a few megabytes): the row is read
/// again from the data file when it is rendered.
struct Job: Sendable {
    var number: Int
    /// The data file's line where the row starts (0 when unknown).
    var line: Int
    /// What was done about a smaller mismatch (a short CSV row), reported beside the row.
    var warnings: [String]
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
    /// Plans every row of `data`, reading it once (twice when rows are named by their number,
    /// whose width the row count decides).
    static func jobs(data: DataSource, template: Template, keyColumns: [String], base: String) throws -> [Job] {
        while true {
            var planner = BatchPlanner(template: template, keyColumns: keyColumns, base: base)
            do {
                try data.forEach { try planner.add($0) }
                return try planner.finish(data)
            } catch is DataSource.Restart {
                continue
            }
        }
    }

    /// Plans rows already read (tests).
    static func jobs(rows: [DataRow], template: Template, keyColumns: [String], base: String) throws -> [Job] {
        var planner = BatchPlanner(template: template, keyColumns: keyColumns, base: base)
        for row in rows { try planner.add(row) }
        return try planner.finish(nil, rows: rows)
    }

    /// The up-to-date hash of a row: what every row shares, its file name and all its values.
    static func input(base: String, file: String, row: DataRow) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(base.utf8.count + file.utf8.count + 4096)
        bytes.append(contentsOf: base.utf8)
        bytes.append(0)
        bytes.append(contentsOf: file.utf8)
        bytes.append(0)
        row.canonical(into: &bytes)
        return SHA256.hex(bytes: bytes)
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
    static func defaultKey(_ first: DataRow) -> [String] {
        first.columns.first { $0.0 != "file" && $0.1.plain != nil }.map { [$0.0] } ?? []
    }

    /// The `file` column (itself a Mustache template) made safe; nil: the row is named by its number.
    static func fileName(_ row: DataRow) -> String? {
        guard let raw = row["file"]?.plain else { return nil }
        // Text without a tag is itself (and the row need not become Mustache's values).
        let plain = !raw.contains("{{") && !raw.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        let filled = plain ? raw
            : (try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + raw))?.render(row.mustache) ?? raw
        return FileName.pdf(filled)
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
