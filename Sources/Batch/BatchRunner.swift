import Documents
import Foundation

/// What `saraban batch` was asked to do.
public struct BatchOptions: Sendable {
    public var data: String
    public var template: String
    public var out: String
    public var jobs: Int
    public var force = false
    /// Columns naming a unit in messages and the manifest (default: the first text column).
    public var keyColumns: [String] = []
    /// The sheet of a workbook data file (name or 1-based number); nil: the first.
    public var sheet: String?
    /// Resolution of the page-1 thumbnails for index.html; nil: no thumbnails.
    public var thumbnailDPI: Double? = 16
    /// Each unit's PDF signed (one PAdES signature per PDF); nil: unsigned.
    public var signing: SigningSetup?
    /// pdfa-3u or none for every unit, over the template's style (nil: the style's own).
    public var pdfStandard: String?
    public init(data: String, template: String, out: String, jobs: Int) {
        self.data = data; self.template = template; self.out = out; self.jobs = jobs
    }
}

/// How a batch went, for the summary line and the exit code.
public struct BatchSummary: Sendable {
    public var total = 0, rendered = 0, skipped = 0, pages = 0
    public var failed: [(label: String, error: String)] = []
    /// Rows rendered with something filled in (a short data row), and what.
    public var warnings: [(label: String, warning: String)] = []
    public var seconds = 0.0
    public var interrupted = false
    /// Why the batch stopped before every row was done (the disk took no more), if it did.
    public var stopped: String?
}

/// Progress after each finished row, for the terminal line.
public struct BatchProgress: Sendable {
    public var done: Int, total: Int, seconds: Double
    public var rate: Double { seconds > 0 ? Double(done) / seconds : 0 }
    public var eta: Double { rate > 0 ? Double(total - done) / rate : 0 }
}

/// Runs a batch: plans the rows, skips those already up to date, renders the rest on worker
/// threads (one renderer, hence one Pango font map, per thread), records everything.
public final class BatchRunner: @unchecked Sendable {
    let options: BatchOptions
    let resources: Resources

    public init(options: BatchOptions, resources: Resources) {
        self.options = options; self.resources = resources
    }

    public func run(progress: @escaping @Sendable (BatchProgress) -> Void = { _ in }) throws -> BatchSummary {
        let start = Date()
        let data = try DataSource(path: options.data, sheet: options.sheet)
        let template = try BatchRunner.template(options.template, data: data)
        var base = BatchPlan.baseHash(template: template, resources: resources, thumbnailDPI: options.thumbnailDPI)
        // A signed run redoes what an unsigned run (or another signer) made, and the reverse.
        if let signing = options.signing { base = SHA256.hex(base + "\u{0}signed\u{0}" + SHA256.hex(signing.identity.certificate.der) + (signing.visible ? "+visible" : "")) }
        if let standard = options.pdfStandard { base = SHA256.hex(base + "\u{0}standard\u{0}" + standard) }
        let jobs = try BatchPlan.jobs(data: data, template: template, keyColumns: options.keyColumns, base: base)
        let out = options.out
        try OutputFolder.prepare(out)
        let previous = options.force ? PreviousRun() : OutputFolder.previousRun(out)
        let journal = try Journal(dir: out)
        let reserve = try SpaceReserve(dir: out, bytes: SpaceReserve.bytes(rows: jobs.count))
        Interrupt.install()

        // Entries live in the journal on disk; memory keeps only where each one is.
        var results = [EntryRef?](repeating: nil, count: jobs.count)
        var todo = [Int]()
        var summary = BatchSummary(total: jobs.count)
        for (i, job) in jobs.enumerated() {
            if job.error == nil, let p = previous.entries[job.file], OutputFolder.upToDate(p, input: job.input, dir: out),
               let e = previous.entry(p, row: job.number, key: job.key) {
                do { results[i] = try journal.append(e) } catch { throw error.error }
                summary.skipped += 1
            } else { todo.append(i) }
        }
        let render = RowRenderer(template: template, resources: resources, out: out, thumbnailDPI: options.thumbnailDPI,
                                 signing: options.signing, pdfStandard: options.pdfStandard)
        let state = WorkState(results: results, done: summary.skipped)
        let workers = max(1, min(options.jobs, todo.count))
        let queue = RowQueue(capacity: 2 * workers) { Interrupt.requested || state.halted }
        let total = jobs.count
        let group = DispatchGroup()
        for _ in 0..<(todo.isEmpty ? 0 : workers) {
            group.enter()
            let thread = Thread {
                let renderer = DocumentRenderer()
                renderer.sharedLayouts = SharedLayouts()
                while let (i, row) = queue.take() {
                    let result = render.entry(jobs[i], row: row, renderer: renderer)
                    let entry = result.entry
                    state.finish(i) { done in
                        progress(BatchProgress(done: done, total: total, seconds: Date().timeIntervalSince(start)))
                        if entry.status == .failed { state.failed(i, entry.error ?? "failed") }
                        if let w = entry.warning { state.warned(i, w) }
                        if result.diskFull { state.stop(entry.error ?? "the disk is full") }
                        do throws(Journal.JournalFull) { return try journal.append(entry) } catch {
                            state.stop(error.error.description)
                            return error.ref
                        }
                    }
                }
                group.leave()
            }
            // Deep enough for the layout code's recursion on large tables; the default secondary stack is small.
            thread.stackSize = 8 << 20
            thread.start()
        }
        // The rows to render are read again, one at a time, and handed to the workers as they free up.
        var reading: Error?
        if !todo.isEmpty {
            do { try queue.feed(data, todo: todo) } catch { reading = error }
        }
        queue.close()
        group.wait()
        if let reading { throw reading }
        // The documents were written without a flush each; they reach the disk before the manifest says so.
        OutputFile.flushAll()
        reserve.release()
        results = state.results

        for (i, error) in state.failures.sorted(by: { $0.0 < $1.0 }) { summary.failed.append((jobs[i].label, error)) }
        for (i, warning) in state.warnings.sorted(by: { $0.0 < $1.0 }) { summary.warnings.append((jobs[i].label, warning)) }
        let refs = results.compactMap { $0 }
        summary.rendered = refs.count - summary.skipped - summary.failed.count
        summary.pages = refs.reduce(0) { $0 + ($1.ok ? Int($1.pages) : 0) }
        summary.interrupted = Interrupt.requested
        summary.stopped = state.stopped
        let read = journal.reader()
        var entries = EntryStream(count: refs.count, okCount: refs.filter(\.ok).count) { read(refs[$0]) }
        let line = journal.lineReader()
        entries.line = { line(refs[$0]) }
        do {
            try Manifest.write(dir: out, saraban: DocumentRenderer.version, template: options.template, data: options.data, entries: entries)
            try IndexPage(entries: entries).write(dir: out)
            try journal.rewrite(entries)
        } catch let e as BatchError {
            // The journal on disk still lists what it took: a run after space is freed resumes from it.
            throw BatchError("\(e.message); \(summary.rendered) PDFs were written before this; free space and run the same command again to finish",
                             "\(e.thai) สร้าง PDF ได้แล้ว \(summary.rendered) ฉบับ ให้เพิ่มพื้นที่ว่างแล้วสั่งซ้ำเพื่อทำต่อ", diskFull: e.diskFull)
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// The template; when it cannot be read, a data file that cannot be read either is named
    /// first (the data was read before the template when it was read whole).
    static func template(_ path: String, data: DataSource) throws -> Template {
        do { return try Template(path: path) } catch {
            do { try data.forEach { _ in } } catch is DataSource.Restart {}
            throw error
        }
    }
}

/// The results so far, shared by the worker threads under one lock.
final class WorkState: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var results: [EntryRef?]
    private(set) var failures: [(Int, String)] = []
    private(set) var warnings: [(Int, String)] = []
    /// Why no more rows are handed out (the disk is full), once something said so.
    private(set) var stopped: String?
    private var done: Int

    init(results: [EntryRef?], done: Int) {
        self.results = results; self.done = done
    }

    /// Whether the batch stopped handing out rows.
    var halted: Bool { lock.withLock { stopped != nil } }

    /// Called inside `finish`'s closure (the lock is held).
    func failed(_ i: Int, _ error: String) { failures.append((i, error)) }

    /// Called inside `finish`'s closure.
    func warned(_ i: Int, _ warning: String) { warnings.append((i, warning)) }

    /// Called inside `finish`'s closure: no further row is handed out.
    func stop(_ reason: String) { if stopped == nil { stopped = reason } }

    /// Records a result; `then` runs under the lock (journal lines and progress stay in order)
    /// and says where the entry went.
    func finish(_ i: Int, then: (Int) -> EntryRef?) {
        lock.withLock {
            done += 1
            results[i] = then(done)
        }
    }
}

/// The rows to render, read from the data file by one thread and taken by the workers: a few
/// rows ahead of them at most, so the rows in memory are about twice the workers.
final class RowQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var rows: [(Int, DataRow)] = []
    private var closed = false
    private let capacity: Int
    /// Whether to hand out no more rows (an interrupt, a full disk).
    private let halted: @Sendable () -> Bool

    /// Stops the reading once every row to render is in the queue.
    private struct Enough: Error {}

    init(capacity: Int, halted: @escaping @Sendable () -> Bool) {
        self.capacity = capacity
        self.halted = halted
    }

    /// Reads `data` and queues the rows whose index is in `todo` (ascending), until all are queued
    /// or the batch halts.
    func feed(_ data: DataSource, todo: [Int]) throws {
        var index = 0
        var next = 0
        do {
            try data.forEach { row in
                defer { index += 1 }
                guard todo[next] == index else { return }
                guard put((index, row)) else { throw Enough() }
                next += 1
                if next == todo.count { throw Enough() }
            }
        } catch is Enough {
            return
        }
        guard next == todo.count else {
            throw BatchError("\(data.name): the data file changed while the batch ran (it has fewer rows); run the batch again",
                             "แฟ้มข้อมูล \(data.name) ถูกแก้ไขระหว่างที่งานชุดทำงาน ให้สั่งงานชุดใหม่อีกครั้ง")
        }
    }

    /// Waits for room; false when the batch halted.
    private func put(_ row: (Int, DataRow)) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        // Timed waits: an interrupt cannot signal the condition.
        while rows.count >= capacity && !halted() { _ = condition.wait(until: Date(timeIntervalSinceNow: 0.2)) }
        guard !halted() else { return false }
        rows.append(row)
        condition.broadcast()
        return true
    }

    /// The next row, or nil once the reading is over and the queue empty, or the batch halted.
    func take() -> (Int, DataRow)? {
        condition.lock()
        defer { condition.unlock() }
        while rows.isEmpty && !closed && !halted() { _ = condition.wait(until: Date(timeIntervalSinceNow: 0.2)) }
        guard !halted(), !rows.isEmpty else { return nil }
        let row = rows.removeFirst()
        condition.broadcast()
        return row
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Ctrl-C and kill: stop handing out rows, let the ones in progress finish and record them.
/// A second signal ends the process at once (every PDF is still whole: they are renamed into place).
enum Interrupt {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0
    static var requested: Bool { flag != 0 }

    static func install() {
        // A parent may have left these blocked (test runners do); the threads made later inherit this mask.
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, SIGINT); sigaddset(&mask, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        for s in [SIGINT, SIGTERM] {
            signal(s) { sig in Interrupt.flag = 1; signal(sig, SIG_DFL) }
        }
    }
}
