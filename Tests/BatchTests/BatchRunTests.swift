import Foundation
import Testing

/// The batch command end to end: many rows, failures, re-runs, names, determinism, interruption.
@Suite(.serialized) struct BatchRunTests {
    /// Thai digits, as the style prints them; the trailing word makes every name unique in the text.
    static func unit(_ i: Int) -> String {
        "ตำบล" + String(String(i).map { Character(Unicode.Scalar(0x0E50 + UInt32(String($0))!)!) }) + "ทดสอบ"
    }

    @Test func hundredRowsThenSkipThenForceWithOneJob() throws {
        let dir = BatchProbe.tempDir(), out = dir + "/out"
        let template = BatchProbe.template(in: dir)
        let data = BatchProbe.csv(in: dir, ["unit,file"] + (1...100).map { "\(Self.unit($0)),doc-\($0)" })

        let first = BatchProbe.batch(["--data", data, "--template", template, "--out", out, "--jobs", "2", "--quiet"])
        #expect(first.code == 0, "\(first.err)")
        #expect(BatchProbe.files(out, ext: ".pdf").count == 100)
        let m = BatchProbe.manifest(out)
        #expect(m.documents.count == 100 && m.documents.allSatisfy { $0.status == "ok" })
        for i in 1...100 {
            #expect(BatchProbe.text(out + "/doc-\(i).pdf").contains(Self.unit(i)), "doc-\(i).pdf lacks its unit name")
        }
        #expect(FileManager.default.fileExists(atPath: out + "/index.html"))

        let second = BatchProbe.batch(["--data", data, "--template", template, "--out", out, "--jobs", "2"])
        #expect(second.code == 0)
        #expect(second.out.contains("0 rendered, 100 up to date"), "\(second.out)")

        let bytesBefore = try (1...100).map { try Data(contentsOf: URL(fileURLWithPath: out + "/doc-\($0).pdf")) }
        let forced = BatchProbe.batch(["--data", data, "--template", template, "--out", out, "--jobs", "1", "--force"])
        #expect(forced.code == 0)
        #expect(forced.out.contains("100 rendered, 0 up to date"), "\(forced.out)")
        // --jobs 1 after --jobs 2: the same bytes.
        let bytesAfter = try (1...100).map { try Data(contentsOf: URL(fileURLWithPath: out + "/doc-\($0).pdf")) }
        #expect(bytesBefore == bytesAfter)
        #expect(BatchProbe.manifest(out).documents.map(\.sha256) == m.documents.map(\.sha256))
    }

    /// `--pdf-standard none` makes every unit PDF/UA-1 only (no PDF/A claim, no sRGB profile) and
    /// redoes what a PDF/A run made; a name it does not know is refused before any work.
    @Test func pdfStandardNoneForEveryUnit() throws {
        let dir = BatchProbe.tempDir(), out = dir + "/out"
        let template = BatchProbe.template(in: dir)
        let data = BatchProbe.csv(in: dir, ["unit,file"] + (1...3).map { "\(Self.unit($0)),doc-\($0)" })
        func claims(_ i: Int) throws -> Bool {
            let pdf = try Data(contentsOf: URL(fileURLWithPath: out + "/doc-\(i).pdf"))
            return pdf.range(of: Data("pdfaid:part".utf8)) != nil
        }
        let pdfa = BatchProbe.batch(["--data", data, "--template", template, "--out", out, "--quiet"])
        #expect(pdfa.code == 0, "\(pdfa.err)")
        #expect(try (1...3).allSatisfy(claims))
        let none = BatchProbe.batch(["--data", data, "--template", template, "--out", out, "--quiet", "--pdf-standard", "none"])
        #expect(none.code == 0, "\(none.err)")
        #expect(try (1...3).allSatisfy { try !claims($0) }, "every unit rendered again without the PDF/A claim")
        let bad = BatchProbe.batch(["--data", data, "--template", template, "--out", dir + "/other", "--pdf-standard", "pdfa-1b"])
        #expect(bad.code == 1 && bad.err.contains("--pdf-standard must be pdfa-3u or none"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/other"))
    }

    @Test func badRowIsReportedAndTheRestAreWritten() {
        let dir = BatchProbe.tempDir(), out = dir + "/out"
        let template = BatchProbe.template(in: dir) { $0.replacingOccurrences(of: "  to: นายก{{unit}}", with: "  to: \"{{to}}\"") }
        let rows = (1...6).map { "\(Self.unit($0)),\($0 == 4 ? "" : "นายก")" }
        let data = BatchProbe.csv(in: dir, ["unit,to"] + rows)
        let r = BatchProbe.batch(["--data", data, "--template", template, "--out", out, "--jobs", "2", "--quiet"])
        #expect(r.code == 1)
        #expect(BatchProbe.files(out, ext: ".pdf") == ["1.pdf", "2.pdf", "3.pdf", "5.pdf", "6.pdf"])
        let failed = BatchProbe.manifest(out).documents.filter { $0.status == "failed" }
        #expect(failed.map(\.row) == [4])
        #expect(failed.first?.error?.contains("row 4 (unit: \(Self.unit(4)))") == true)
        #expect(failed.first?.error?.contains("'to'") == true, "\(failed.first?.error ?? "")")
        #expect(r.out.contains("1 failed") && r.out.contains("row 4 (unit: \(Self.unit(4)))"), "\(r.out)")
    }

    @Test func namesNeverLeaveTheOutputFolder() {
        let dir = BatchProbe.tempDir(), out = dir + "/deep/out"
        let template = BatchProbe.template(in: dir)
        let data = BatchProbe.csv(in: dir, ["unit,file", "ก,../../escaped", "ข,/tmp/abs", "ค,..", "ง,\"a/../../b\"", "จ,{{unit}}/รายงาน"])
        let r = BatchProbe.batch(["--data", data, "--template", template, "--out", out, "--jobs", "2", "--quiet"])
        #expect(r.code == 0, "\(r.err)")
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: dir + "/escaped.pdf") && !fm.fileExists(atPath: dir + "/deep/escaped.pdf"))
        #expect(!fm.fileExists(atPath: "/tmp/abs.pdf"))
        let pdfs = BatchProbe.files(out, ext: ".pdf")
        #expect(pdfs.count == 5, "\(pdfs)")
        #expect(pdfs.contains("จ_รายงาน.pdf"))
        #expect(pdfs.allSatisfy { !$0.hasPrefix(".") && !$0.contains("/") })
    }

    @Test func duplicateNamesAndMissingColumns() {
        let dir = BatchProbe.tempDir(), out = dir + "/out"
        let template = BatchProbe.template(in: dir)
        let dup = BatchProbe.csv(in: dir, ["unit,file", "ก,same", "ข,other", "ค,same"])
        let r = BatchProbe.batch(["--data", dup, "--template", template, "--out", out, "--quiet"])
        #expect(r.code == 1)
        #expect(r.err.contains("row 1 (unit: ก) and row 3 (unit: ค)"), "\(r.err)")
        #expect(BatchProbe.files(out, ext: ".pdf") == ["other.pdf"])

        let missing = BatchProbe.csv(in: dir, ["name", "ก"], name: "missing.csv")
        let m = BatchProbe.batch(["--data", missing, "--template", template, "--out", dir + "/out2", "--quiet"])
        #expect(m.code == 1 && m.err.contains("'unit'"), "\(m.err)")
        let empty = BatchProbe.csv(in: dir, ["unit"], name: "empty.csv")
        #expect(BatchProbe.batch(["--data", empty, "--template", template, "--out", dir + "/out3"]).err.contains("no rows"))
    }

    @Test func yamlDataWithNestedValues() throws {
        let dir = BatchProbe.tempDir(), out = dir + "/out"
        let template = BatchProbe.template(in: dir) {
            $0.replacingOccurrences(of: "  closing: จึงเรียนมาเพื่อโปรดทราบ", with: "  references: \"{{refs}}\"\n  closing: \"{{#notes}}{{.}} {{/notes}}จึงเรียนมาเพื่อโปรดทราบ\"")
        }
        let yaml = """
        - unit: หน่วยหนึ่ง
          refs: [หนังสือที่ ๑, หนังสือที่ ๒]
          notes: [หมายเหตุก, หมายเหตุข]
        - unit: หน่วยสอง
          refs: [หนังสือที่ ๓]
          notes: []
        """
        try yaml.write(toFile: dir + "/units.yaml", atomically: true, encoding: .utf8)
        let r = BatchProbe.batch(["--data", dir + "/units.yaml", "--template", template, "--out", out, "--quiet"])
        #expect(r.code == 0, "\(r.err)")
        let one = BatchProbe.text(out + "/1.pdf")
        #expect(one.contains("หนังสือที่๒") && one.contains("หมายเหตุข"))
        #expect(BatchProbe.text(out + "/2.pdf").contains("หนังสือที่๓"))
    }

    @Test func interruptedRunLeavesWholeFilesAndResumes() throws {
        let dir = BatchProbe.tempDir(), out = dir + "/out"
        let template = BatchProbe.template(in: dir)
        let data = BatchProbe.csv(in: dir, ["unit"] + (1...40).map { Self.unit($0) })
        let (p, _, _) = BatchProbe.start(["batch", "--data", data, "--template", template, "--out", out, "--jobs", "1", "--quiet"])
        let journal = out + "/.saraban-batch.journal"
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, p.isRunning {
            let lines = (try? String(contentsOfFile: journal, encoding: .utf8))?.split(separator: "\n").count ?? 0
            if lines >= 3 { p.interrupt(); break }
            usleep(10_000)
        }
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        let done = BatchProbe.manifest(out).documents
        #expect(done.count >= 3 && done.count < 40)
        let pdfs = BatchProbe.files(out, ext: ".pdf")
        #expect(pdfs.count == done.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).allSatisfy { !$0.hasSuffix(".tmp") })
        for f in pdfs { #expect(BatchProbe.text(out + "/" + f).contains("ทดสอบ")) }

        let rest = BatchProbe.batch(["--data", data, "--template", template, "--out", out, "--jobs", "2"])
        #expect(rest.code == 0)
        #expect(rest.out.contains("\(40 - done.count) rendered, \(done.count) up to date"), "\(rest.out)")
    }
}
