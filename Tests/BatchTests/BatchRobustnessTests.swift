import Foundation
import Testing

/// Issue 18 in a batch: one bad row fails alone and is named; the data file's rows are named by
/// their lines; a full disk stops the batch with its manifest of what was written.
@Suite(.serialized) struct BatchRobustnessTests {
    /// A one-page memo whose recipient, body and closing come from the row.
    static let template = """
    memo:
      agency: "{{unit}}"
      ref: ปข ๗๕๐๐๑/๓๘๙
      date: 2026-03-05
      subject: ทดสอบ
      to: "{{to}}"
      body:
        - "{{text}}"
      closing: "{{note}}"
    """

    static func folder(_ rows: [String], header: String = "unit,to,text,note") -> (dir: String, template: String, data: String) {
        let dir = BatchProbe.tempDir()
        let template = dir + "/template.yaml"
        try! writeTemplate(template)
        let data = dir + "/units.csv"
        FileManager.default.createFile(atPath: data, contents: Data(([header] + rows).joined(separator: "\n").utf8 + [0x0A]))
        return (dir, template, data)
    }

    static func writeTemplate(_ path: String) throws { try Self.template.write(toFile: path, atomically: true, encoding: .utf8) }

    static func row(_ i: Int, to: String = "นายก", text: String = "ข้อความ", note: String = "จึงเรียนมา") -> String {
        "\(BatchRunTests.unit(i)),\(to),\(text),\(note)"
    }

    @Test(arguments: [
        ("นาย\u{0}ก", "ข้อความ", "row 4 (unit: \(BatchRunTests.unit(4))): column 'to' (data line 5) holds the invisible control character U+0000 (NUL) at character 4; delete it"),
        ("นายก", String(repeating: "ก", count: 400_000), "'paragraph' (ย่อหน้า) is 1171 KiB of text, more than one text may hold (1 MiB)"),
        ("", "ข้อความ", "'to' (เรียน)"),
    ])
    func onePoisonedRowFailsAloneAndIsNamed(to: String, text: String, message: String) throws {
        let f = Self.folder((1...6).map { $0 == 4 ? Self.row($0, to: to, text: text) : Self.row($0) })
        let out = f.dir + "/out"
        let r = BatchProbe.batch(["--data", f.data, "--template", f.template, "--out", out, "--jobs", "2", "--quiet"])
        #expect(r.code == 1, "\(r.err)")
        #expect(BatchProbe.files(out, ext: ".pdf") == ["1.pdf", "2.pdf", "3.pdf", "5.pdf", "6.pdf"])
        let m = BatchProbe.manifest(out)
        #expect(m.documents.map(\.row) == [1, 2, 3, 4, 5, 6])
        let failed = m.documents.filter { $0.status == "failed" }
        #expect(failed.map(\.row) == [4])
        #expect(failed.first?.error?.contains(message) == true, "\(failed.first?.error?.prefix(400) ?? "")")
        #expect(r.out.contains("5 rendered") && r.out.contains("1 failed") && r.out.contains("row 4 (unit: \(BatchRunTests.unit(4)))"), "\(r.out)")
        for n in [1, 2, 3, 5, 6] { #expect(BatchProbe.text(out + "/\(n).pdf").contains(BatchRunTests.unit(n))) }
    }

    @Test func raggedRowsAreNamedByTheirLines() throws {
        let f = Self.folder([
            Self.row(1),
            "\(BatchRunTests.unit(2)),นายก,ข้อความ",              // short: no note, filled in with a warning
            "\(BatchRunTests.unit(3)),นายก,ข้อความ,หมายเหตุ,เกิน", // long with text: fails
            Self.row(4) + ",,",                                    // long with empty cells: a warning
        ])
        let out = f.dir + "/out"
        let r = BatchProbe.batch(["--data", f.data, "--template", f.template, "--out", out, "--quiet"])
        #expect(r.code == 1)
        #expect(BatchProbe.files(out, ext: ".pdf") == ["1.pdf", "2.pdf", "4.pdf"])
        #expect(r.err.contains("warning: row 2 (units.csv line 3) has 3 cells, the header 4: 'note' left empty"), "\(r.err)")
        #expect(r.err.contains("warning: row 4 (units.csv line 5) has 2 empty cells past the header's 4; they are left out"), "\(r.err)")
        #expect(r.err.contains("row 3 (units.csv line 4) has 5 cells but the header has 4: 'เกิน' past the last column belong to no column"), "\(r.err)")
        let docs = BatchProbe.manifest(out).documents
        #expect(docs.first { $0.row == 2 }?.warning?.contains("'note' left empty") == true)
        #expect(docs.first { $0.row == 3 }?.status == "failed")
    }

    @Test func aQuoteThatNeverClosesStopsTheBatchAtItsLine() {
        let f = Self.folder([Self.row(1), "\(BatchRunTests.unit(2)),\"นายก,ข้อความ,จึงเรียนมา", Self.row(3), Self.row(4)])
        let r = BatchProbe.batch(["--data", f.data, "--template", f.template, "--out", f.dir + "/out", "--quiet"])
        #expect(r.code == 1)
        #expect(r.err.contains("units.csv:3: the data file cannot be read: the quote that opens a cell here is never closed"), "\(r.err)")
        #expect(BatchProbe.files(f.dir + "/out", ext: ".pdf").isEmpty)
    }

    @Test func aRowOfYAMLDataThatIsNotAnObjectFailsAlone() throws {
        let f = Self.folder([])
        let yaml = "- { unit: หนึ่ง, to: นายก, text: ก, note: ข }\n- just text\n- { unit: สาม, to: นายก, text: ก, note: ข }\n"
        try yaml.write(toFile: f.dir + "/units.yaml", atomically: true, encoding: .utf8)
        let out = f.dir + "/out"
        let r = BatchProbe.batch(["--data", f.dir + "/units.yaml", "--template", f.template, "--out", out, "--quiet"])
        #expect(r.code == 1)
        #expect(BatchProbe.files(out, ext: ".pdf") == ["1.pdf", "3.pdf"])
        #expect(r.err.contains("row 2 (units.yaml line 2) is not an object of columns"), "\(r.err)")
    }

    @Test func aFIFOAsTheDataOrTheTemplateIsRefusedNotWaitedOn() {
        let f = Self.folder([Self.row(1)])
        #expect(mkfifo(f.dir + "/pipe.csv", 0o644) == 0 && mkfifo(f.dir + "/pipe.yaml", 0o644) == 0)
        let data = BatchProbe.batch(["--data", f.dir + "/pipe.csv", "--template", f.template, "--out", f.dir + "/out"])
        #expect(data.code == 1 && data.err.contains("pipe.csv: cannot read the data file: 'pipe.csv' is not a regular file"), "\(data.err)")
        let template = BatchProbe.batch(["--data", f.data, "--template", f.dir + "/pipe.yaml", "--out", f.dir + "/out"])
        #expect(template.code == 1 && template.err.contains("pipe.yaml: cannot read the template: 'pipe.yaml' is not a regular file"), "\(template.err)")
    }

    /// Words that do not repeat (a repeated sentence deflates to nothing in the PDF).
    static func manyWords(_ n: Int) -> String {
        let syllables = ["กา", "ขิ", "คุ", "งู", "จะ", "ฉี", "ชา", "ซอ", "ดำ", "ตี", "ถุ", "ทอ", "นา", "บิ", "ปู", "ผา", "พอ", "มี", "ยา", "รู"]
        var x: UInt32 = 12345
        return (0..<n).map { _ in
            (0..<3).map { _ -> String in
                x = x &* 1_103_515_245 &+ 12_345
                return syllables[Int(x >> 16) % syllables.count]
            }.joined()
        }.joined(separator: " ")
    }

    /// Runs the batch with every file it writes limited to `bytes` (RLIMIT_FSIZE: a write past it
    /// fails as on a full disk).
    static func limitedBatch(_ bytes: Int, _ args: [String]) -> (out: String, err: String, code: Int32, signalled: Bool) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        p.arguments = ["--fsize=\(bytes)", "--", BatchProbe.saraban, "batch"] + args
        let o = Pipe(), e = Pipe()
        p.standardOutput = o
        p.standardError = e
        try! p.run()
        let od = o.fileHandleForReading.readDataToEndOfFile(), ed = e.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (String(decoding: od, as: UTF8.self), String(decoding: ed, as: UTF8.self), p.terminationStatus,
                p.terminationReason == .uncaughtSignal)
    }

    @Test func aWriteThatFailsStopsTheBatchWithItsManifest() throws {
        // Rows 1, 2, 4, 5 make small PDFs; row 3's is larger than any file may be.
        let f = Self.folder((1...5).map { $0 == 3 ? Self.row($0, text: Self.manyWords(6_000)) : Self.row($0) })
        let args = ["--data", f.data, "--template", f.template, "--jobs", "1"]
        #expect(BatchProbe.batch(args + ["--out", f.dir + "/sizes", "--quiet"]).code == 0)
        let sizes = try (1...5).map { try FileManager.default.attributesOfItem(atPath: f.dir + "/sizes/\($0).pdf")[.size] as! NSNumber }.map(\.intValue)
        let limit = (sizes.enumerated().filter { $0.offset != 2 }.map(\.element).max()! + sizes[2]) / 2
        #expect(sizes[2] > limit + 10_000)
        let out = f.dir + "/out"
        let r = Self.limitedBatch(limit, args + ["--out", out])
        #expect(!r.signalled && r.code == 1, "\(r.err)")
        #expect(r.out.contains("stopped before the last rows") && r.out.contains("File too large"), "\(r.out)")
        #expect(r.out.contains("free space and run the same command again to finish"))
        let m = BatchProbe.manifest(out)
        #expect(m.documents.map(\.row) == [1, 2, 3], "rows 4 and 5 were not started")
        #expect(m.documents.map(\.status) == ["ok", "ok", "failed"])
        #expect(BatchProbe.files(out, ext: ".pdf") == ["1.pdf", "2.pdf"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).allSatisfy { !$0.hasSuffix(".tmp") })

        let rest = BatchProbe.batch(args + ["--out", out])
        #expect(rest.code == 0, "\(rest.err)")
        #expect(rest.out.contains("3 rendered, 2 up to date"), "\(rest.out)")
    }

    @Test func aJournalThatTakesNoMoreStopsTheBatchAndTheManifestListsWhatWasWritten() throws {
        let f = Self.folder((1...60).map { Self.row($0) })
        let out = f.dir + "/out"
        let args = ["--data", f.data, "--template", f.template, "--out", out, "--jobs", "1"]
        #expect(BatchProbe.batch(args + ["--quiet"]).code == 0)
        let journal = try FileManager.default.attributesOfItem(atPath: out + "/.saraban-batch.journal")[.size] as! NSNumber
        let pdf = try FileManager.default.attributesOfItem(atPath: out + "/01.pdf")[.size] as! NSNumber
        #expect(journal.intValue > pdf.intValue + 4096, "the journal of 60 rows outgrows one PDF")

        // Every PDF fits; the journal is already past the limit, so its next line fails.
        let r = Self.limitedBatch(pdf.intValue + 4096, args + ["--force"])
        #expect(!r.signalled && r.code == 1, "\(r.err)")
        #expect(r.out.contains("stopped before the last rows") && r.out.contains(".saraban-batch.journal: cannot write the file: File too large"), "\(r.out)")
        let m = BatchProbe.manifest(out)
        #expect(m.documents.map(\.row) == [1], "\(m.documents.map(\.row))")
        #expect(m.documents.allSatisfy { $0.status == "ok" && FileManager.default.fileExists(atPath: out + "/" + $0.file) })

        let again = BatchProbe.batch(args)
        #expect(again.code == 0 && again.out.contains("59 rendered, 1 up to date"), "\(again.out)")
    }
}
