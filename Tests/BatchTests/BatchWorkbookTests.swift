import Foundation
import Testing

/// `saraban batch --data units.xlsx [--sheet NAME]`: the header row names the keys, every
/// further row is a unit (hidden rows left out); the same from LibreOffice's .ods.
@Suite(.serialized) struct BatchWorkbookTests {
    static var python: String { BatchProbe.root + "/.build/office-venv/bin/python" }

    /// A workbook of `units` rows (with a hidden one after the fifth) in the sheet "หน่วยงาน",
    /// behind a first sheet that is not the units list.
    static func workbook(in dir: String, units: Int, unnamed: Bool = false) throws -> String {
        var rows: [[Any]] = [["unit", "file", unnamed ? NSNull() : "budget"]]
        for i in 1...units {
            rows.append([BatchRunTests.unit(i), "รายงาน-\(i)", 1000 * i])
            if i == 5 { rows.append(["ซ่อนไว้", "hidden", 0]) }
        }
        let job: [String: Any] = ["kind": "records", "xlsx": dir + "/units.xlsx", "rows": rows, "sheets_before": ["สรุป"], "hidden_rows": [6]]
        let spec = dir + "/jobs.json"
        try JSONSerialization.data(withJSONObject: ["jobs": [job]]).write(to: URL(fileURLWithPath: spec))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [BatchProbe.root + "/Scripts/office-fixtures.py", spec]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "office-fixtures.py (make test makes its venv)")
        return dir + "/units.xlsx"
    }

    /// LibreOffice saves the workbook as .ods beside it (a profile of its own under .build).
    static func ods(_ xlsx: String) throws -> String {
        let dir = (xlsx as NSString).deletingLastPathComponent
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/soffice")
        p.arguments = ["-env:UserInstallation=file://" + BatchProbe.root + "/.build/libreoffice-profile-batch", "--headless", "--norestore",
                       "--convert-to", "ods", "--outdir", dir, xlsx]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return dir + "/units.ods"
    }

    @Test func thirtyUnitsFromAWorkbookGiveThirtyNamedPDFs() throws {
        let dir = BatchProbe.tempDir()
        let xlsx = try Self.workbook(in: dir, units: 30)
        let template = BatchProbe.template(in: dir)
        for (data, out) in [(xlsx, dir + "/out"), (try Self.ods(xlsx), dir + "/out-ods")] {
            let r = BatchProbe.batch(["--data", data, "--sheet", "หน่วยงาน", "--template", template, "--out", out, "--jobs", "2", "--quiet"])
            #expect(r.code == 0, "\(data): \(r.err)")
            #expect(BatchProbe.files(out, ext: ".pdf") == (1...30).map { "รายงาน-\($0).pdf" }.sorted(), "\(data)")
            for i in 1...30 {
                #expect(BatchProbe.text(out + "/รายงาน-\(i).pdf").contains(BatchRunTests.unit(i)), "\(data): รายงาน-\(i).pdf lacks its unit")
            }
            #expect(!FileManager.default.fileExists(atPath: out + "/hidden.pdf"), "hidden rows are not units")
        }
    }

    @Test func theSheetIsChosenByNameOrNumberAndAMissingOneIsNamed() throws {
        let dir = BatchProbe.tempDir()
        let xlsx = try Self.workbook(in: dir, units: 2)
        let template = BatchProbe.template(in: dir)
        let byNumber = BatchProbe.batch(["--data", xlsx, "--sheet", "2", "--template", template, "--out", dir + "/n", "--quiet"])
        #expect(byNumber.code == 0 && BatchProbe.files(dir + "/n", ext: ".pdf") == ["รายงาน-1.pdf", "รายงาน-2.pdf"], "\(byNumber.err)")
        // The first sheet is not the units list: its columns are not the template's.
        let first = BatchProbe.batch(["--data", xlsx, "--template", template, "--out", dir + "/f", "--quiet"])
        #expect(first.code == 1 && first.err.contains("'unit'") && first.err.contains("ชื่อ, หมายเหตุ"), "\(first.err)")
        let missing = BatchProbe.batch(["--data", xlsx, "--sheet", "งบประมาณ", "--template", template, "--out", dir + "/m", "--quiet"])
        #expect(missing.code == 1, "\(missing.err)")
        #expect(missing.err.contains("'units.xlsx' has no sheet named 'งบประมาณ'; its sheets are 1 'สรุป', 2 'หน่วยงาน'"), "\(missing.err)")
        #expect(BatchProbe.files(dir + "/m", ext: ".pdf").isEmpty)
        let unnamedDir = BatchProbe.tempDir()
        let unnamed = try Self.workbook(in: unnamedDir, units: 2, unnamed: true)
        let noName = BatchProbe.batch(["--data", unnamed, "--sheet", "หน่วยงาน", "--template", template, "--out", dir + "/u", "--quiet"])
        #expect(noName.code == 1 && noName.err.contains("column C has values but no name in the header row (C1)"), "\(noName.err)")
        let csv = BatchProbe.csv(in: dir, ["unit,file", "ก,a"])
        let wrong = BatchProbe.batch(["--data", csv, "--sheet", "1", "--template", template, "--out", dir + "/c", "--quiet"])
        #expect(wrong.code == 1 && wrong.err.contains("--sheet applies to .xlsx and .ods data files only"), "\(wrong.err)")
    }
}
