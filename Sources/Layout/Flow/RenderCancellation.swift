import Synchronization

/// A render that may be abandoned (the service's --timeout, or a client gone): a deadline and a
/// flag. The paragraph layouter and the page flow check it between paragraphs and between
/// blocks; once it is set they produce nothing more, so an abandoned render ends soon and its
/// thread is free again. What a cancelled render returns is meaningless and must be thrown away.
public final class RenderCancellation: Sendable {
    private let deadline: ContinuousClock.Instant?
    private let flag = Atomic<Bool>(false)

    /// A cancellation that also sets itself at `deadline` (nil: only by `cancel()`).
    public init(deadline: ContinuousClock.Instant?) {
        self.deadline = deadline
    }

    /// Abandons the render from any thread.
    public func cancel() {
        flag.store(true, ordering: .relaxed)
    }

    /// Whether the render is abandoned: cancelled, or past its deadline.
    public var isCancelled: Bool {
        if flag.load(ordering: .relaxed) { return true }
        guard let deadline, ContinuousClock.now >= deadline else { return false }
        flag.store(true, ordering: .relaxed)
        return true
    }
}
