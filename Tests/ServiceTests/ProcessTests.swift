import Foundation
import Testing

/// `saraban serve` as a process: the log, SIGTERM with a render in flight, `make install`.
@Suite(.serialized) struct ProcessTests {
    /// The command started with `args`; its port read from its start-up line.
    final class Served: @unchecked Sendable {
        let process = Process()
        let err = Pipe()
        var log = Data()
        var port = 0
        private let lock = NSLock()

        init(_ args: [String], exe: String = Repo.saraban) throws {
            process.executableURL = URL(fileURLWithPath: exe)
            process.arguments = ["serve", "--port", "0"] + args
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            err.fileHandleForReading.readabilityHandler = { [self] h in
                let d = h.availableData
                lock.withLock { log.append(d) }
            }
            for _ in 0..<600 where port == 0 {
                let text = logText
                if let r = text.range(of: #"listening on 127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                    port = Int(text[r].split(separator: ":").last ?? "") ?? 0
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }

        var logText: String { lock.withLock { String(decoding: log, as: UTF8.self) } }

        func stop() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test func oneLogLinePerRequest() async throws {
        let s = try Served(["--jobs", "1"])
        #expect(s.port > 0, "\(s.logText)")
        let doc = Repo.example("long-memo.yaml")
        let render = try #require(await HTTPClient.post(s.port, "/v1/render", doc, type: "application/yaml", headers: [("X-Request-Id", "req-render-1")]))
        _ = await HTTPClient.get(s.port, "/healthz", headers: [("X-Request-Id", "req-health-2")])
        _ = await HTTPClient.post(s.port, "/v1/check", Data("memo: 1".utf8), type: "application/yaml", headers: [("X-Request-Id", "req-check-3")])
        #expect(s.stop() == 0)
        let all = s.logText.split(separator: "\n")
        func lines(_ id: String) -> [Substring] { all.filter { $0.contains("id=" + id) } }
        #expect(lines("req-render-1").count == 1 && lines("req-health-2").count == 1 && lines("req-check-3").count == 1, "\(s.logText)")
        let r = String(lines("req-render-1").first ?? "")
        #expect(r.contains("POST /v1/render 200 \(render.body.count) B") && r.range(of: #" \d+\.\d ms "#, options: .regularExpression) != nil, "\(r)")
        #expect(lines("req-check-3").first?.contains("POST /v1/check 422") == true)
    }

    @Test func sigtermFinishesTheRenderInFlightAndExitsZero() async throws {
        let s = try Served(["--jobs", "1"])
        let port = s.port
        #expect(port > 0)
        // Long enough (seconds) that the render is still running when the test, sharing two busy cores
        // with the rest of the suite, gets round to polling /healthz.
        let doc = TestDocuments.longTable(rows: 6000)
        async let answer = HTTPClient.post(port, "/v1/render", doc, type: "application/yaml")
        try await LimitsTests.waitFor(port) { $0.running == 1 }
        kill(s.process.processIdentifier, SIGTERM)
        let r = try #require(await answer)
        #expect(r.status == 200)
        #expect(Repo.pages(r.body) > 10)
        s.process.waitUntilExit()
        #expect(s.process.terminationReason == .exit && s.process.terminationStatus == 0)
        #expect(HTTPClient.connect(port) == nil, "the port still accepts connections")
    }

    @Test func installedIntoAPrefixItRendersFromThere() throws {
        let prefix = Repo.tempDir() + "/prefix"
        let tool = Repo.root + "/.build/debug/generate-manual"
        try #require(FileManager.default.isExecutableFile(atPath: tool), "make test builds \(tool)")
        let install = Repo.run("/usr/bin/make", ["-s", "-C", Repo.root, "install-files", "SARABAN=" + Repo.saraban, "GENERATE_MANUAL=" + tool,
                                                 "PREFIX=" + prefix, "DOC=" + Repo.tempDir() + "/doc"])
        #expect(install.code == 0, "\(String(decoding: install.out, as: UTF8.self)) \(install.err)")
        let exe = prefix + "/bin/saraban"
        #expect(FileManager.default.isExecutableFile(atPath: exe))
        let unit = try String(contentsOfFile: prefix + "/lib/systemd/system/saraban.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=\(exe) serve"))
        // Away from the repository, with no SARABAN_HOME: Templates come from PREFIX/share/saraban.
        let away = Repo.tempDir()
        var env = ProcessInfo.processInfo.environment
        env["SARABAN_HOME"] = nil
        let fonts = Repo.run(exe, ["fonts"], cwd: away, env: env)
        #expect(String(decoding: fonts.out, as: UTF8.self).contains("Fonts/ folder: \(prefix)/share/saraban/Fonts"))
        let example = Repo.write(Repo.example("hinlekfai.yaml"), "memo.yaml", in: away)
        let r = Repo.run(exe, ["render", example, "-o", away + "/memo.pdf"], cwd: away, env: env)
        #expect(r.code == 0, "\(r.err)")
        #expect(FileManager.default.contents(atPath: away + "/memo.pdf") == Repo.cliPDF("hinlekfai.yaml"))
    }
}
