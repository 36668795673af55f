import Foundation
import Hummingbird

/// Runs the service until SIGTERM or SIGINT has stopped it gracefully (it stops accepting,
/// finishes the requests in flight and returns). The command line is synchronous; the service
/// runs on Swift's executor while this thread waits.
func runUntilStopped<App: ApplicationProtocol>(_ app: App) throws {
    let done = DispatchSemaphore(value: 0)
    let outcome = Outcome()
    Task {
        do { try await app.runService() } catch { outcome.error = error }
        done.signal()
    }
    done.wait()
    if let e = outcome.error {
        printError("the service stopped: \(e) / บริการหยุดทำงานเพราะข้อผิดพลาด")
        throw e
    }
}

/// What the service's task ended with, handed to the waiting thread.
final class Outcome: @unchecked Sendable {
    var error: Error?
}
