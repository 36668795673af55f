import Documents
import Foundation
import Hummingbird
import Logging
import Service
import ServiceLifecycle

/// The service started in this process on a free port, the way `saraban serve` starts it.
final class TestServer: @unchecked Sendable {
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, Error>

    private init(port: Int, group: ServiceGroup, task: Task<Void, Error>) {
        self.port = port; self.group = group; self.task = task
    }

    static func start(_ configure: (inout ServiceOptions) -> Void = { _ in }) async throws -> TestServer {
        var options = ServiceOptions(resources: Resources(root: Repo.root), jobs: 2)
        options.port = 0
        options.logLevel = .warning
        configure(&options)
        let bound = PortBox()
        options.onListening = { bound.set($0) }
        let app = try buildApplication(options)
        let group = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "test")))
        let task = Task { try await group.run() }
        let port = try await bound.wait()
        return TestServer(port: port, group: group, task: task)
    }

    /// Graceful shutdown: in-flight requests finish, then the group returns.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

/// The bound port, handed from the server's start to the test.
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?

    func set(_ p: Int) { lock.withLock { port = p } }

    func wait() async throws -> Int {
        for _ in 0..<600 {
            if let p = lock.withLock({ port }) { return p }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServiceSetupError("the test server did not start", "")
    }
}

/// The repository, its examples and the tools the tests read output with.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static var saraban: String { root + "/.build/debug/saraban" }

    static func example(_ name: String) -> Data {
        FileManager.default.contents(atPath: root + "/Templates/examples/" + name) ?? Data()
    }

    static func tempDir() -> String {
        let d = NSTemporaryDirectory() + "saraban-service-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    /// Runs a program; its standard output and exit status.
    @discardableResult
    static func run(_ exe: String, _ args: [String], input: Data? = nil, cwd: String? = nil,
                    env: [String: String]? = nil) -> (out: Data, err: String, code: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        if let env { p.environment = env }
        let o = Pipe(), e = Pipe(), i = Pipe()
        p.standardOutput = o; p.standardError = e; p.standardInput = i
        do { try p.run() } catch { return (Data(), "\(error)", -1) }
        if let input { i.fileHandleForWriting.write(input) }
        try? i.fileHandleForWriting.close()
        let errReader = Reader(e.fileHandleForReading)
        let out = o.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (out, errReader.finish(), p.terminationStatus)
    }

    /// The CLI's PDF of an example, for comparison.
    static func cliPDF(_ example: String) -> Data {
        let out = tempDir() + "/cli.pdf"
        run(saraban, ["render", root + "/Templates/examples/" + example, "-o", out])
        return FileManager.default.contents(atPath: out) ?? Data()
    }

    static func write(_ data: Data, _ name: String, in dir: String) -> String {
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: data)
        return path
    }

    /// pdfinfo's page count.
    static func pages(_ pdf: Data) -> Int {
        let path = write(pdf, "p.pdf", in: tempDir())
        let info = String(decoding: run("/usr/bin/pdfinfo", [path]).out, as: UTF8.self)
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }

    /// pdftotext's text without white space.
    static func text(_ pdf: Data) -> String {
        let path = write(pdf, "t.pdf", in: tempDir())
        return String(decoding: run("/usr/bin/pdftotext", ["-enc", "UTF-8", path, "-"]).out, as: UTF8.self)
            .filter { !$0.isWhitespace }
    }
}

/// Reads a pipe on its own thread so a chatty child never blocks on a full pipe.
final class Reader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs `body` against a server started for it, and stops the server whatever happens.
func withServer(_ configure: (inout ServiceOptions) -> Void = { _ in }, _ body: (TestServer) async throws -> Void) async throws {
    let server = try await TestServer.start(configure)
    do {
        try await body(server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}
