import Foundation

/// Runs the built `saraban` and reads its output back; the batch tests drive the real command.
enum BatchProbe {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static var saraban: String { root + "/.build/debug/saraban" }
    static var example: String { root + "/Templates/examples/hinlekfai.yaml" }

    static func tempDir() -> String {
        let d = NSTemporaryDirectory() + "saraban-batch-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    /// The example memo with its agency's name replaced by `{{unit}}`.
    static func template(in dir: String, extra: (String) -> String = { $0 }) -> String {
        let text = try! String(contentsOfFile: example, encoding: .utf8)
            .replacingOccurrences(of: "องค์การบริหารส่วนตำบลหินเหล็กไฟ", with: "{{unit}}")
        let path = dir + "/template.yaml"
        try! extra(text).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func csv(in dir: String, _ lines: [String], name: String = "units.csv") -> String {
        let path = dir + "/" + name
        try! (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func start(_ args: [String]) -> (Process, Pipe, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: saraban)
        p.arguments = args
        let o = Pipe(), e = Pipe()
        p.standardOutput = o; p.standardError = e
        try! p.run()
        return (p, o, e)
    }

    @discardableResult
    static func batch(_ args: [String]) -> (out: String, err: String, code: Int32) {
        let (p, o, e) = start(["batch"] + args)
        let od = o.fileHandleForReading.readDataToEndOfFile(), ed = e.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (String(decoding: od, as: UTF8.self), String(decoding: ed, as: UTF8.self), p.terminationStatus)
    }

    struct Entry: Decodable { let row: Int; let file: String; let status: String; let sha256: String?; let error: String?; let pages: Int?; let warning: String? }
    struct Manifest: Decodable { let documents: [Entry] }

    static func manifest(_ dir: String) -> Manifest {
        try! JSONDecoder().decode(Manifest.self, from: FileManager.default.contents(atPath: dir + "/manifest.json")!)
    }

    static func text(_ pdf: String) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = ["-enc", "UTF-8", pdf, "-"]
        let o = Pipe()
        p.standardOutput = o; p.standardError = FileHandle.nullDevice
        try! p.run()
        let d = o.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: d, as: UTF8.self).filter { !$0.isWhitespace }
    }

    static func files(_ dir: String, ext: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(ext) }.sorted()
    }
}
