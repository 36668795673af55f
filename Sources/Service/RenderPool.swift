import Documents
import Foundation
import Layout
import ServiceLifecycle

/// The renderers: `jobs` threads, each owning one DocumentRenderer (one Pango font map), fed in
/// order from one queue. Handlers await their results through continuations, so nothing is ever
/// rendered on NIO's event loops or Swift's cooperative pool. At most `jobs + queue` renders run
/// or wait; more are refused at once (503). Every render has a deadline: past it the handler
/// answers 504 and the render is abandoned (layout checks the deadline), so its thread is soon free.
final class RenderPool: @unchecked Sendable {
    let jobs: Int
    let capacity: Int
    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private var reserved = 0
    private var active = 0
    private var stopping = false
    /// Seconds a render took lately (a moving average), for Retry-After.
    private var recentSeconds = 0.0
    private let timers = DispatchQueue(label: "saraban.render-deadlines")

    /// One piece of work, run on a renderer thread.
    private struct Item {
        var slotted: Bool
        var run: (DocumentRenderer) -> Void
    }

    init(jobs: Int, queue: Int) {
        self.jobs = jobs
        capacity = jobs + queue
        for n in 0..<jobs { startThread(n) }
    }

    /// Renders running now, and renders waiting for a thread.
    var load: (running: Int, waiting: Int) {
        condition.withLock { (active, items.count - head) }
    }

    /// Whether a render would be refused now (checked before a body is read; `run` decides).
    var isFull: Bool { condition.withLock { reserved >= capacity } }

    /// Holds `n` places for work that is enqueued later without places of its own (a batch's rows).
    func reserve(_ n: Int) throws(ServiceError) {
        let ok = condition.withLock { () -> Bool in
            guard !stopping, reserved + n <= capacity else { return false }
            reserved += n
            return true
        }
        if !ok { throw stopping ? ServiceError.shuttingDown : ServiceError.overloaded(retryAfter: retryAfter) }
    }

    func release(_ n: Int) {
        condition.withLock { reserved -= n }
    }

    /// Seconds a refused client should wait: the time the renders held now take to clear at
    /// the recent pace (at least 1, at most 60).
    var retryAfter: Int {
        condition.withLock { retryAfterHeld }
    }

    /// `retryAfter`, for callers that hold the lock already.
    private var retryAfterHeld: Int {
        let wait = Double(reserved) / Double(jobs) * recentSeconds
        return Int(min(60, max(1, wait.rounded(.up))))
    }

    /// Runs `work` on a renderer thread and returns its result, or throws 504 once `timeout` has
    /// passed (the render is abandoned), or 503 when the pool is full (`slotted`: the work takes
    /// a place of its own; otherwise it uses one its caller reserved).
    func run<T: Sendable>(timeout: Double, slotted: Bool = true,
                          _ work: @escaping @Sendable (DocumentRenderer) throws -> T) async throws -> T {
        let cancellation = RenderCancellation(deadline: .now + .milliseconds(Int64(timeout * 1000)))
        let done = Completion<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, Error>) in
                done.set(c)
                let item = Item(slotted: slotted) { renderer in
                    guard !cancellation.isCancelled else { return done.resume(.failure(ServiceError.timeout(timeout))) }
                    renderer.cancellation = cancellation
                    let result = Result { try work(renderer) }
                    renderer.cancellation = nil
                    done.resume(cancellation.isCancelled ? .failure(ServiceError.timeout(timeout)) : result)
                }
                do { try enqueue(item) } catch { return done.resume(.failure(error)) }
                let timer = DispatchWorkItem {
                    cancellation.cancel()
                    done.resume(.failure(ServiceError.timeout(timeout)))
                }
                done.onResume { timer.cancel() }
                timers.asyncAfter(deadline: .now() + timeout, execute: timer)
            }
        } onCancel: {
            // The client went away: nobody waits for this render any more.
            cancellation.cancel()
            done.resume(.failure(CancellationError()))
        }
    }

    private func enqueue(_ item: Item) throws(ServiceError) {
        let refusal: ServiceError? = condition.withLock {
            if stopping { return ServiceError.shuttingDown }
            if item.slotted {
                guard reserved < capacity else { return ServiceError.overloaded(retryAfter: retryAfterHeld) }
                reserved += 1
            }
            items.append(item)
            condition.signal()
            return nil
        }
        if let refusal { throw refusal }
    }

    /// The next item, or nil once the pool stops and nothing is left.
    private func next() -> Item? {
        condition.withLock {
            while head == items.count && !stopping { condition.wait() }
            guard head < items.count else { return nil }
            let item = items[head]
            head += 1
            // Drop the finished prefix now and then, so the array does not grow for ever.
            if head >= 64 && head * 2 >= items.count {
                items.removeFirst(head)
                head = 0
            }
            active += 1
            return item
        }
    }

    private func finished(_ item: Item, seconds: Double) {
        condition.withLock {
            active -= 1
            recentSeconds = recentSeconds == 0 ? seconds : 0.8 * recentSeconds + 0.2 * seconds
            if item.slotted { reserved -= 1 }
        }
    }

    private func startThread(_ n: Int) {
        let thread = Thread { [self] in
            let renderer = DocumentRenderer()
            while let item = next() {
                let start = Date()
                item.run(renderer)
                finished(item, seconds: Date().timeIntervalSince(start))
            }
        }
        thread.name = "saraban-render-\(n)"
        // The layout code recurses deeply on large tables; the default secondary stack is small.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// No new work; the threads end once the queue is empty.
    func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
        }
    }
}

extension RenderPool: ServiceLifecycle.Service {
    /// Lives as long as the service; stops the threads at shutdown, after the HTTP server (which
    /// shuts down first and waits for the requests in flight).
    func run() async throws {
        try? await gracefulShutdown()
        stop()
    }
}

/// A continuation resumed once, by whichever comes first: the result, the deadline or the
/// client going away. A result that comes before the continuation is kept for it.
final class Completion<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Error>?
    private var early: Result<T, Error>?
    private var resumed = false
    private var cleanup: (() -> Void)?

    func set(_ c: CheckedContinuation<T, Error>) {
        let pending: Result<T, Error>? = lock.withLock {
            if let e = early {
                early = nil
                return e
            }
            continuation = c
            return nil
        }
        if let pending { c.resume(with: pending) }
    }

    func onResume(_ f: @escaping () -> Void) {
        let now = lock.withLock { () -> Bool in
            if resumed { return true }
            cleanup = f
            return false
        }
        if now { f() }
    }

    func resume(_ r: Result<T, Error>) {
        let (c, f): (CheckedContinuation<T, Error>?, (() -> Void)?) = lock.withLock {
            guard !resumed else { return (nil, nil) }
            resumed = true
            let c = continuation
            continuation = nil
            if c == nil { early = r }
            let f = cleanup
            cleanup = nil
            return (c, f)
        }
        f?()
        c?.resume(with: r)
    }
}
