import Foundation
import Testing

/// A folder holding one document and the files it names, and the `saraban` command run on it
/// with a timeout (a hang fails the test instead of stalling the suite).
struct CaseFolder {
    let dir = Probe.tempDir()

    init(_ yaml: String, files: [String: Data] = [:], name: String = "doc.yaml") {
        write(name, Data(yaml.utf8))
        for (n, d) in files { write(n, d) }
    }

    init(bytes: [UInt8], files: [String: Data] = [:], name: String = "doc.yaml") {
        write(name, Data(bytes))
        for (n, d) in files { write(n, d) }
    }

    func write(_ name: String, _ data: Data) {
        FileManager.default.createFile(atPath: dir + "/" + name, contents: data)
    }

    var path: String { dir + "/doc.yaml" }

    /// Runs the command in the folder; nil code when killed by a signal or the timeout.
    func saraban(_ args: [String], timeout: Double = 120) -> RunResult {
        FuzzRunner(exe: Probe.saraban, timeout: timeout, memoryKiB: 4_000_000).launch(args, cwd: dir)
    }

    /// `check` and `render` both refuse the document with the same message, and no PDF appears.
    func refused() -> String {
        let c = saraban(["check", "doc.yaml"])
        let r = saraban(["render", "doc.yaml", "-o", "out.pdf"])
        #expect(c.code == 1 && r.code == 1, "check \(String(describing: c.code)), render \(String(describing: r.code)): \(r.err)")
        #expect(c.err == r.err, "check and render say the same")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"), "no PDF")
        #expect(r.err.split(separator: "\n").allSatisfy { FuzzRunner.hasPlace(String($0)) }, "every line names file and line: \(r.err)")
        #expect(r.err.split(separator: "\n").allSatisfy { ThaiHalf.englishWords(String($0)) == nil }, "Thai halves are Thai: \(r.err)")
        return r.err
    }

    /// `check` accepts the document and `render` writes a PDF poppler reads; its path.
    func rendered() -> String {
        let c = saraban(["check", "doc.yaml"])
        let r = saraban(["render", "doc.yaml", "-o", "out.pdf"])
        #expect(c.code == 0 && r.code == 0, "check \(String(describing: c.code)) \(c.err), render \(String(describing: r.code)) \(r.err)")
        #expect(FuzzRunner.validPDF(dir + "/out.pdf"))
        return dir + "/out.pdf"
    }
}
