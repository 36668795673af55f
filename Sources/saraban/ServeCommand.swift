import ArgumentParser
import CShims
import Documents
import Foundation
import Logging
import Service

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the render API over HTTP (POST /v1/render, /v1/check, /v1/preview, /v1/batch).")
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port).") var port = 8080
    @Option(help: "Renderer threads (default: all cores).") var jobs: Int?
    @Option(help: "Renders that may wait for a renderer (default: 4 × jobs); more get 503.") var queue: Int?
    @Option(name: .customLong("max-body"), help: "The largest request body in bytes; larger gets 413.") var maxBody = 20 << 20
    @Option(help: "The longest a render may take in seconds; longer gets 504.") var timeout = 60.0
    @Option(name: .customLong("token-file"), help: "A file holding the bearer token /v1/* require.") var tokenFile: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.") var logLevel = "info"
    @OptionGroup(title: "Signing (PAdES) of POST /v1/render?sign=true") var signing: BatchSigningOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 / จำนวนงานต้องอย่างน้อย ๑") }
        if let queue, queue < 0 { throw ValidationError("--queue must be 0 or more / ความยาวคิวต้องไม่ติดลบ") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535 / หมายเลขพอร์ตต้องอยู่ระหว่าง 0–65535") }
        guard maxBody >= 1024 else { throw ValidationError("--max-body must be at least 1024 / ต้องอย่างน้อย 1024 ไบต์") }
        guard timeout > 0, timeout <= 86_400 else { throw ValidationError("--timeout must be 0–86400 seconds / ต้องไม่เกิน 86400 วินาที") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level '\(logLevel)'") }
    }

    func run() throws {
        // As the batch does: keep freed memory for the next document instead of faulting it back in.
        saraban_keep_freed_memory()
        let signer = try signing.setup()
        let r = try setUp()
        var options = ServiceOptions(resources: r, jobs: jobs, queue: queue)
        options.signing = signer
        options.host = host
        options.port = port
        options.maxBody = maxBody
        options.timeout = timeout
        options.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        // Always said, whatever the log level: scripts started on --port 0 read the port here.
        let shown = host
        options.onListening = { port in printError("saraban serve: listening on \(shown):\(port)") }
        do {
            options.token = try tokenFile.map { try ServiceOptions.token(fromFile: $0) }
            try runUntilStopped(try buildApplication(options))
        } catch let e as ServiceSetupError {
            printError(e.description)
            throw ExitCode(1)
        }
    }
}
