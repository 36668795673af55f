import Foundation
import Testing
@testable import Batch

/// Data read as a stream (DataSource: CSV, TSV and JSON a megabyte at a time) gives exactly the
/// rows, lines and messages of reading the whole file (DataReader.read), over files of several
/// pieces, and the batch makes the same PDFs from a JSON list as from the same data in CSV.
@Suite(.serialized) struct BatchStreamingTests {
    /// Rows compared field by field: number, line, columns in order, error and warnings.
    static func same(_ a: [DataRow], _ b: [DataRow]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            guard x.number == y.number, x.line == y.line, x.error == y.error, x.warnings == y.warnings,
                  x.columns.map(\.0) == y.columns.map(\.0), x.columns.map(\.1) == y.columns.map(\.1) else { return false }
        }
        return true
    }

    /// A unit's long text (about 300 bytes), so that 10,000 rows span several of the reader's pieces.
    static func prose(_ i: Int) -> String {
        String(repeating: "งานของหน่วยที่ \(i) ", count: 8)
    }

    static func write(_ text: String, _ path: String) -> String {
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// 10,000 rows with CR LF line ends, cells quoted across lines, a short row, a long row
    /// with text past the header and blank lines: the streamed rows are the whole reading's.
    @Test func tenThousandCSVRowsStreamedAreTheRowsOfTheWholeFile() throws {
        let dir = BatchProbe.tempDir()
        var lines = ["unit,file,note"]
        for i in 1...10_000 {
            switch i {
            case 2_500: lines.append("ตำบล\(i),f\(i)")
            case 5_000: lines.append("ตำบล\(i),f\(i),\"หลาย\r\nบรรทัด \"\"อ้าง\"\"\",เกิน")
            case 7_500: lines.append("")
            default: lines.append("ตำบล\(i),f\(i),\"\(Self.prose(i))\"")
            }
        }
        let path = Self.write(lines.joined(separator: "\r\n") + "\r\n", dir + "/units.csv")
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0) > 3 * DataSource.pieceBytes)
        let streamed = try DataSource(path: path).all()
        let whole = try DataReader.read(path: path)
        #expect(streamed.count == 9_999)
        #expect(Self.same(streamed, whole))
        #expect(streamed[2_499].warnings.count == 1 && streamed[4_999].error != nil)
        #expect(streamed.last?.line == 10_002, "the last row's line counts the quoted line break and the blank line")
    }

    /// A quote that never closes at row 9,000 stops the batch at that row's line, before any PDF.
    @Test func aQuoteThatNeverClosesAtRow9000IsNamedByItsLine() throws {
        let dir = BatchProbe.tempDir()
        var lines = ["unit,note"]
        for i in 1...10_000 { lines.append(i == 9_000 ? "ตำบล\(i),\"เปิดไว้" : "ตำบล\(i),\(Self.prose(i))") }
        let path = BatchProbe.csv(in: dir, lines)
        let r = BatchProbe.batch(["--data", path, "--template", BatchProbe.template(in: dir), "--out", dir + "/out", "--quiet"])
        #expect(r.code == 1)
        #expect(r.err.contains("units.csv:9001: the data file cannot be read"), "\(r.err)")
        #expect(r.err.contains("บรรทัด 9001"), "\(r.err)")
        #expect(BatchProbe.files(dir + "/out", ext: ".pdf").isEmpty)
    }

    /// A byte that is not UTF-8 in row 9,000 is named by its line and column, as the whole reading names it.
    @Test func aBadByteAtRow9000IsNamedByLineAndColumn() throws {
        let dir = BatchProbe.tempDir()
        var text = Data("unit,note\n".utf8)
        for i in 1...10_000 {
            text.append(Data("ตำบล\(i),\(Self.prose(i))".utf8))
            if i == 9_000 { text.append(Data([0xFF])) }
            text.append(0x0A)
        }
        let path = dir + "/units.csv"
        try text.write(to: URL(fileURLWithPath: path))
        let column = 1 + "ตำบล9000,\(Self.prose(9_000))".unicodeScalars.count
        var messages = [String]()
        for read in [{ _ = try DataSource(path: path).all() }, { _ = try DataReader.read(path: path) }] {
            do { try read() } catch let e as BatchError { messages.append(e.message) }
        }
        #expect(messages.count == 2 && messages[0] == messages[1], "\(messages)")
        #expect(messages.first?.contains("units.csv:9001:\(column):") == true, "\(messages)")
    }

    /// JSON values of every kind, escapes and Thai, in a list of 10,000 items and in an object
    /// holding the list: the streamed rows are the rows reading the file as YAML gives.
    @Test func aJSONListStreamedGivesTheRowsOfTheWholeReading() throws {
        let dir = BatchProbe.tempDir()
        var items = [String]()
        for i in 1...10_000 {
            var item = "{\"unit\": \"ตำบล\(i)\", \"n\": \(i), \"x\": -\(i).5e2, \"ok\": \(i % 2 == 0), \"none\": null,"
            item += " \"note\": \"\(Self.prose(i))\\n\\t\\\"q\\\" \\u0e01\\/\","
            item += "\n  \"list\": [\"ก\", [1, 2], {\"a\": \"ข\"}], \"o\": {\"k\": [], \"e\": {}}}"
            items.append(i == 6_000 ? "\"not an object\"" : item)
        }
        for (name, text) in [("list.json", "[\n" + items.joined(separator: ",\n") + "\n]\n"),
                             ("wrapped.json", "{\"units\": [" + items.joined(separator: ", ") + "]}")] {
            let path = Self.write(text, dir + "/" + name)
            #expect((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0) > 3 * DataSource.pieceBytes)
            let streamed = try DataSource(path: path).all()
            let whole = try DataReader.read(path: path)
            #expect(streamed.count == 10_000, "\(name)")
            #expect(Self.same(streamed, whole), "\(name)")
            #expect(streamed[5_999].error?.contains("row 6000") == true, "\(name)")
        }
    }

    /// JSON that YAML reads otherwise (a duplicate key, a comment) is read whole, as before:
    /// the same rows or the same message.
    @Test func unusualJSONIsReadWholeWithTheSameResult() throws {
        let dir = BatchProbe.tempDir()
        let comment = Self.write("[{\"unit\": \"ก\"}, # a note\n {\"unit\": \"ข\"}]\n", dir + "/comment.json")
        let tab = Self.write("\t[{\"unit\": \"ก\"}]\n", dir + "/tab.json")
        for path in [comment, tab] {
            var results = [String]()
            for read in [{ try DataSource(path: path).all() }, { try DataReader.read(path: path) }] {
                do { results.append(try read().map(\.canonical).joined(separator: "|")) } catch let e as BatchError { results.append(e.message) }
            }
            #expect(results.count == 2 && results[0] == results[1], "\(path): \(results)")
        }
    }

    /// YAML data is read whole: over 128 MiB it is refused, and the message says which formats stream.
    @Test func yamlDataOver128MiBIsRefusedWithTheFormatsThatStream() throws {
        let dir = BatchProbe.tempDir()
        let path = dir + "/units.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("- unit: ก\n".utf8)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(DataReader.maxBytes) + 1)
        try handle.close()
        let r = BatchProbe.batch(["--data", path, "--template", BatchProbe.template(in: dir), "--out", dir + "/out", "--quiet"])
        #expect(r.code == 1)
        #expect(r.err.contains("larger than 128 MiB") && r.err.contains("CSV, TSV or a JSON list"), "\(r.err)")
        #expect(r.err.contains("รายการ JSON"), "\(r.err)")
    }

    /// The same four units as CSV and as a JSON list: the same PDFs, byte for byte, and the same manifest entries.
    @Test func aJSONListGivesTheSamePDFsAsTheSameDataInCSV() throws {
        let dir = BatchProbe.tempDir()
        let units = (1...4).map { BatchRunTests.unit($0) }
        let csv = BatchProbe.csv(in: dir, ["unit,file"] + units.enumerated().map { "\($1),ฉบับ-\($0 + 1)" })
        let json = Self.write("[\n" + units.enumerated().map { "  {\"unit\": \"\($1)\", \"file\": \"ฉบับ-\($0 + 1)\"}" }
            .joined(separator: ",\n") + "\n]\n", dir + "/units.json")
        let template = BatchProbe.template(in: dir)
        for (data, out) in [(csv, "/csv"), (json, "/json")] {
            let r = BatchProbe.batch(["--data", data, "--template", template, "--out", dir + out, "--jobs", "2", "--quiet"])
            #expect(r.code == 0, "\(r.err)")
        }
        let pdfs = BatchProbe.files(dir + "/csv", ext: ".pdf")
        #expect(pdfs == (1...4).map { "ฉบับ-\($0).pdf" })
        #expect(BatchProbe.files(dir + "/json", ext: ".pdf") == pdfs)
        for f in pdfs {
            let a = FileManager.default.contents(atPath: dir + "/csv/" + f), b = FileManager.default.contents(atPath: dir + "/json/" + f)
            #expect(a != nil && a == b, "\(f) differs")
        }
        let a = BatchProbe.manifest(dir + "/csv").documents, b = BatchProbe.manifest(dir + "/json").documents
        #expect(a.map(\.file) == b.map(\.file) && a.map(\.sha256) == b.map(\.sha256) && a.map(\.row) == b.map(\.row))
    }
}
