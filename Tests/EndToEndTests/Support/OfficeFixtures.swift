import Foundation
@testable import Documents

/// Office files made for a test by Scripts/office-fixtures.py (openpyxl, python-docx and
/// msoffcrypto-tool, in the venv `make test` makes under .build/) and by LibreOffice headless.
enum OfficeFixtures {
    static var python: String { Probe.root + "/.build/office-venv/bin/python" }
    static var script: String { Probe.root + "/Scripts/office-fixtures.py" }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Runs the generator on `jobs` (see the script's doc string for their keys).
    static func make(_ jobs: [[String: Any]], in dir: String) throws {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Failure(description: "\(python) is missing: `make test` (or `make office-venv`) makes it")
        }
        let spec = dir + "/jobs-\(UUID().uuidString).json"
        try JSONSerialization.data(withJSONObject: ["jobs": jobs]).write(to: URL(fileURLWithPath: spec))
        let (_, err, code) = run(python, [script, spec])
        if code != 0 { throw Failure(description: "office-fixtures.py failed: \(err)") }
    }

    static let lock = NSLock()

    /// LibreOffice converts `files` to `format` (ods, xlsx, docx, xls) into `outdir`; one start for all.
    static func libreOffice(_ files: [String], to format: String, outdir: String) throws {
        try FileManager.default.createDirectory(atPath: outdir, withIntermediateDirectories: true)
        // One conversion at a time, with a profile of its own under .build (kept: later starts
        // take a second instead of seven): a second soffice on a profile in use hands its work to
        // the first and returns before it is done.
        lock.lock()
        defer { lock.unlock() }
        let profile = "file://" + Probe.root + "/.build/libreoffice-profile-tests"
        let (out, err, code) = run("/usr/bin/soffice", ["-env:UserInstallation=" + profile, "--headless", "--norestore",
                                                        "--convert-to", format, "--outdir", outdir] + files)
        let made = files.map { outdir + "/" + (($0 as NSString).lastPathComponent as NSString).deletingPathExtension + "." + format }
        if code != 0 || !made.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            throw Failure(description: "soffice --convert-to \(format) failed (\(code)): \(out) \(err)")
        }
    }

    /// A table spec cell at grid row `r`, column `c`.
    static func cell(_ r: Int, _ c: Int, _ paragraphs: [String], rowspan: Int = 1, colspan: Int = 1) -> [String: Any] {
        ["r": r, "c": c, "rs": rowspan, "cs": colspan, "p": paragraphs]
    }

    /// A document table as a spec: its column titles as the header row, then its rows at their
    /// grid places (group rows as one cell across the table).
    static func spec(_ table: Table) -> [String: Any] {
        var cells = table.columns.enumerated().map { k, c in cell(0, k, c.title.split(separator: "\n").map(String.init)) }
        for (r, row) in table.rows.enumerated() {
            switch row {
            case .group(let g): cells.append(cell(r + 1, 0, [g], colspan: table.columns.count))
            case .cells(let cs):
                cells += cs.filter { !$0.paragraphs.isEmpty }.map { cell(r + 1, $0.column, $0.paragraphs, rowspan: $0.rowspan, colspan: $0.colspan) }
            }
        }
        return ["kind": "table", "widths": table.columns.map(\.width), "header_rows": 1, "cells": cells]
    }
}
