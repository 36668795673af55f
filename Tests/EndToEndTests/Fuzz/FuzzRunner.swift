import Foundation

/// How one run of the command ended.
enum Outcome: String, CaseIterable, Codable {
    /// Exit 0 and a PDF that poppler reads.
    case pdf
    /// Exit 1 and a message whose every line names the file and line.
    case message
    // Everything below is a bug.
    case signal, hang, emptyMessage = "empty message", placelessMessage = "message without file:line"
    case englishInThai = "English in the Thai half", badPDF = "exit 0 without a valid PDF", otherExit = "other exit code"
    case disagree = "check and render disagree"

    var isBug: Bool { self != .pdf && self != .message }
}

/// A finished command: exit code (nil when killed by a signal), output, and whether it ran out of time.
struct RunResult {
    var code: Int32?
    var signal: Int32?
    var err: String
    var timedOut: Bool
}

/// Runs `saraban` on fuzz cases under a wall-clock timeout and an address-space limit (ulimit -v
/// in the shell that execs it), and sorts each case into an outcome.
struct FuzzRunner {
    let exe: String
    /// Seconds before the process is killed, and its address-space limit in KiB.
    var timeout: Double = 60
    var memoryKiB = 2_000_000

    /// Runs `args` with the limits; stderr is kept, stdout dropped.
    func launch(_ args: [String], cwd: String) -> RunResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "ulimit -v \(memoryKiB); exec \"$0\" \"$@\"", exe] + args
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        let errPipe = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = errPipe
        do { try p.run() } catch { return RunResult(code: nil, signal: nil, err: "cannot start: \(error)", timedOut: false) }
        let killed = Flag()
        let watchdog = DispatchWorkItem {
            guard p.isRunning else { return }
            killed.set()
            kill(p.processIdentifier, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        watchdog.cancel()
        let bySignal = p.terminationReason == .uncaughtSignal
        return RunResult(code: bySignal ? nil : p.terminationStatus, signal: bySignal ? p.terminationStatus : nil,
                         err: String(decoding: err, as: UTF8.self), timedOut: killed.value)
    }

    /// Writes the case into `dir`, runs `check` and `render`, and says how it ended.
    func outcome(_ c: FuzzCase, dir: String) -> (Outcome, String) {
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/doc.yaml", contents: Data(c.document))
        for (name, bytes) in c.files { FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes)) }
        let check = launch(["check", "doc.yaml"], cwd: dir)
        let render = launch(["render", "doc.yaml", "-o", "out.pdf"], cwd: dir)
        let checked = classify(check, pdf: nil)
        let rendered = classify(render, pdf: dir + "/out.pdf")
        if rendered.0.isBug { return rendered }
        if checked.0.isBug { return (checked.0, "check: " + checked.1) }
        if checked.0 != rendered.0 || (checked.0 == .message && check.err != render.err) {
            return (.disagree, "check \(checked.0.rawValue): \(check.err.prefix(300)) | render \(rendered.0.rawValue): \(render.err.prefix(300))")
        }
        return rendered
    }

    func classify(_ r: RunResult, pdf: String?) -> (Outcome, String) {
        if r.timedOut { return (.hang, "killed after \(Int(timeout)) s") }
        if let s = r.signal { return (.signal, "signal \(s): \(r.err.suffix(400))") }
        switch r.code {
        case 0:
            guard let pdf else { return (.pdf, "") }
            return FuzzRunner.validPDF(pdf) ? (.pdf, "") : (.badPDF, r.err)
        case 1:
            let lines = r.err.split(separator: "\n").map(String.init)
            if lines.isEmpty { return (.emptyMessage, "") }
            if let bare = lines.first(where: { !FuzzRunner.hasPlace($0) }) { return (.placelessMessage, bare) }
            if let english = lines.lazy.compactMap(ThaiHalf.englishWords).first { return (.englishInThai, english) }
            return (.message, lines[0])
        default:
            return (.otherExit, "exit \(r.code ?? -1): \(r.err.prefix(400))")
        }
    }

    /// `doc.yaml:12:5: …`, `doc.yaml:12: …` or a style file's `memo.yaml:40:3: …`.
    static func hasPlace(_ line: String) -> Bool {
        line.range(of: "^[^ :]+:[0-9]+(:[0-9]+)?: ", options: .regularExpression) != nil
    }

    /// A whole PDF that poppler opens.
    static func validPDF(_ path: String) -> Bool {
        guard let d = FileManager.default.contents(atPath: path), d.starts(with: Array("%PDF-".utf8)),
              d.suffix(6) == Data("%%EOF\n".utf8) else { return false }
        return run("/usr/bin/pdfinfo", [path]).code == 0
    }
}

/// A flag set from one thread and read from another.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var set_ = false
    func set() { lock.withLock { set_ = true } }
    var value: Bool { lock.withLock { set_ } }
}

/// The Thai half of a message ("English / ไทย") must be Thai: a clerk who reads only Thai gets
/// the whole message. Quoted names (keys, values, file names), codes and the names of formats
/// and values the file must hold stay as they are written.
enum ThaiHalf {
    static let allowed: Set<String> = ["UTF", "PNG", "SVG", "CSV", "TSV", "YAML", "PDF", "MiB", "KiB", "TIS", "Windows",
                                       "thai", "arabic", "left", "distributed", "true", "false", "portrait", "landscape",
                                       "bar", "Mustache", "Fonts", "Templates", "key", "value", "dpi", "pt", "cm", "mm", "in"]

    /// The English words of a line's Thai half, or nil when it has none (or no Thai half).
    static func englishWords(_ line: String) -> String? {
        guard let r = line.range(of: " / ") else { return nil }
        var thai = String(line[r.upperBound...])
        for pattern in ["'[^']*'", "\"[^\"]*\"", "--[a-z]+", "[^ ]*[./\\\\][^ ]*", "U\\+[0-9A-F]+", "0x[0-9A-F]+"] {
            thai = thai.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let words = thai.components(separatedBy: CharacterSet.letters.inverted.union(CharacterSet(charactersIn: "-")))
            .filter { $0.count >= 3 && $0.unicodeScalars.allSatisfy { $0.isASCII } && !allowed.contains($0) }
        return words.isEmpty ? nil : "\(words) in: \(line)"
    }
}
