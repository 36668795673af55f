import ArgumentParser
import Batch
import CShims
import Documents
import Foundation

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render one PDF per data row from a Mustache template document.")
    @Option(help: "The units file: CSV, TSV, YAML or JSON (a list of objects), or a workbook (.xlsx, .ods).", completion: .file(extensions: ["csv", "tsv", "yaml", "yml", "json", "xlsx", "ods"])) var data: String
    @Option(help: "The workbook's sheet: its name or 1-based number (default: the first).") var sheet: String?
    @Option(help: "The template document (YAML whose strings may use Mustache tags).", completion: .file(extensions: ["yaml", "yml"])) var template: String
    @Option(help: "The output folder.", completion: .directory) var out: String
    @Option(help: "Worker threads (default: all cores).") var jobs: Int?
    @Flag(help: "Render every row, even those already up to date.") var force = false
    @Flag(help: "No progress line.") var quiet = false
    @Option(help: "A column naming the unit in messages and the manifest (repeatable; default: the first column).") var key: [String] = []
    @Option(help: "pdfa-3u (PDF/A-3u and PDF/UA-1, the default) or none (PDF/UA-1 only), for every unit.")
    var pdfStandard: String?
    @OptionGroup(title: "Signing (PAdES): each unit's PDF signed") var signing: BatchSigningOptions

    func run() throws {
        // glibc hands freed memory back as soon as 128 KiB sit free at the top of a heap, and each
        // document then faults the same pages in again (~800 faults, a few ms of system time per
        // document); a batch reuses that memory for the next document. Peak RSS is unchanged.
        saraban_keep_freed_memory()
        let signer = try signing.setup()
        let r = try setUp()
        var options = BatchOptions(data: data, template: template, out: out,
                                   jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        guard options.jobs >= 1 else { printError("--jobs must be at least 1 / จำนวนงานต้องอย่างน้อย ๑"); throw ExitCode(1) }
        options.force = force
        options.keyColumns = key
        options.sheet = sheet
        options.signing = signer
        if let s = pdfStandard {
            guard ["pdfa-3u", "none"].contains(s) else {
                printError("--pdf-standard must be pdfa-3u or none / --pdf-standard ต้องเป็น pdfa-3u หรือ none")
                throw ExitCode(1)
            }
            options.pdfStandard = s
        }
        let live = !quiet && isatty(STDERR_FILENO) == 1
        let summary: BatchSummary
        do {
            let show: @Sendable (BatchProgress) -> Void = { p in if live { ProgressLine.show(p) } }
            summary = try BatchRunner(options: options, resources: r).run(progress: show)
        } catch let e as BatchError {
            printError(e.description)
            throw ExitCode(1)
        }
        if live { printError("\r\u{1B}[K", newline: false) }
        for w in summary.warnings { printError("warning: \(w.warning)") }
        for f in summary.failed { printError(f.error) }
        let rate = summary.seconds > 0 ? Double(summary.rendered) / summary.seconds : 0
        var line = "\(summary.total) rows: \(summary.rendered) rendered, \(summary.skipped) up to date, \(summary.failed.count) failed"
            + String(format: " (%.1f s, %.1f documents/s) / สร้าง %d ข้ามที่เป็นปัจจุบัน %d ผิดพลาด %d",
                     summary.seconds, rate, summary.rendered, summary.skipped, summary.failed.count)
        if summary.interrupted { line += "\ninterrupted: run the same command again to resume / ถูกหยุดกลางคัน สั่งซ้ำเพื่อทำต่อ" }
        if let why = summary.stopped {
            line += "\nstopped before the last rows: \(why)\nfree space and run the same command again to finish / หยุดก่อนครบทุกรายการ ให้เพิ่มพื้นที่ว่างแล้วสั่งซ้ำเพื่อทำต่อ"
        }
        if !quiet || !summary.failed.isEmpty || summary.stopped != nil { print(line) }
        if summary.stopped != nil { throw ExitCode(1) }
        if !summary.failed.isEmpty {
            print("failed: " + summary.failed.map(\.label).joined(separator: "; "))
            throw ExitCode(1)
        }
        if summary.interrupted { throw ExitCode(130) }
    }
}

/// The terminal's progress line, redrawn at most ten times a second.
enum ProgressLine {
    nonisolated(unsafe) static var last = 0.0

    static func show(_ p: BatchProgress) {
        guard p.done == p.total || p.seconds - last >= 0.1 else { return }
        last = p.seconds
        let eta = Int(p.eta.rounded())
        let line = String(format: "\r\u{1B}[K%d/%d  %.1f documents/s  ETA %d:%02d", p.done, p.total, p.rate, eta / 60, eta % 60)
        printError(line, newline: false)
    }
}
