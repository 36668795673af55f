import Foundation
import Testing

/// What the signing tests share: the test PKI (made once by the openssl CLI), a memo rendered
/// once, the CLI, and the independent checkers (pyHanko and page-validation in .build/signvenv,
/// which `make test` installs).
enum SigningProbe {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = root + "/Tests/SigningTests/Fixtures"
    static var saraban: String { root + "/.build/debug/saraban" }
    static var python: String { root + "/.build/signvenv/bin/python" }

    /// The folder with the test CA, signers, .p12 files and the TSA (see make-test-pki.sh).
    static let pki: String = {
        let dir = tempDir() + "/pki"
        let made = shell("/bin/bash", [fixtures + "/make-test-pki.sh", dir])
        if made.code != 0 { Issue.record("the test PKI was not made: \(made.err)") }
        return dir
    }()

    /// Templates/examples/long-memo.yaml rendered by the CLI: the memo every test signs.
    static let memo: String = {
        let out = tempDir() + "/memo.pdf"
        let r = shell(saraban, ["render", root + "/Templates/examples/long-memo.yaml", "-o", out])
        if r.code != 0 { Issue.record("the memo was not rendered: \(r.err)") }
        return out
    }()

    static func tempDir() -> String {
        let d = NSTemporaryDirectory() + "saraban-sign-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    /// The signer options for the RSA or P-256 signer of the test PKI, by PEM files.
    static func pem(_ name: String) -> [String] {
        ["--cert", pki + "/\(name).pem", "--key", pki + "/\(name).key", "--chain", pki + "/chain.pem"]
    }

    /// `saraban sign` on `input` with the given options; returns the output path and the result.
    static func sign(_ input: String, _ options: [String], env: [String: String] = [:]) -> (path: String, out: String, err: String, code: Int32) {
        let out = tempDir() + "/signed.pdf"
        let r = shell(saraban, ["sign", input, "-o", out] + options, env: env)
        return (out, r.out, r.err, r.code)
    }

    /// pyHanko's verdict on each signature (Fixtures/pyhanko-validate.py), trusting the test CA.
    static func pyhanko(_ pdf: String) -> [[String: Any]] {
        let r = shell(python, [fixtures + "/pyhanko-validate.py", pdf, pki + "/ca.pem"])
        guard r.code == 0, let data = r.out.data(using: .utf8),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            Issue.record("pyHanko did not run: \(r.err)")
            return []
        }
        return list
    }

    /// The PDF/A-3u rules page-validation finds broken.
    static func pdfaFailures(_ pdf: String) -> Set<String> {
        let script = "import page, sys\nr = page.validate_pdf(sys.argv[1], profile='3u')\nprint('\\n'.join(sorted({f.rule_id for f in r.failures})))"
        let r = shell(python, ["-c", script, pdf])
        if r.code != 0 { Issue.record("page-validation did not run: \(r.err)") }
        return Set(r.out.split(separator: "\n").map(String.init))
    }

    /// Runs a program; `input` goes to its standard input.
    @discardableResult
    static func shell(_ exe: String, _ args: [String], env: [String: String] = [:], input: String? = nil) -> (out: String, err: String, code: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        var e = ProcessInfo.processInfo.environment
        e["SARABAN_SIGN_PASSWORD"] = nil
        for (k, v) in env { e[k] = v }
        p.environment = e
        let o = Pipe(), r = Pipe(), i = Pipe()
        p.standardOutput = o; p.standardError = r; p.standardInput = i
        do { try p.run() } catch { return ("", "cannot run \(exe): \(error)", -1) }
        if let input { i.fileHandleForWriting.write(Data(input.utf8)) }
        try? i.fileHandleForWriting.close()
        let od = o.fileHandleForReading.readDataToEndOfFile()
        let rd = r.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (String(decoding: od, as: UTF8.self), String(decoding: rd, as: UTF8.self), p.terminationStatus)
    }
}

extension SigningProbe {
    /// Runs a program and, once `prompt` shows on its standard output, types `reply`; returns
    /// everything it printed and its exit code.
    static func answering(_ exe: String, _ args: [String], prompt: String, reply: String) -> (out: String, code: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        var e = ProcessInfo.processInfo.environment
        e["SARABAN_SIGN_PASSWORD"] = nil
        p.environment = e
        let o = Pipe(), i = Pipe()
        p.standardOutput = o; p.standardError = o; p.standardInput = i
        do { try p.run() } catch { return ("cannot run \(exe): \(error)", -1) }
        var seen = Data()
        var replied = false
        // availableData returns what has arrived; read(upToCount:) would wait for the whole count.
        while case let chunk = o.fileHandleForReading.availableData, !chunk.isEmpty {
            seen.append(chunk)
            if !replied, String(decoding: seen, as: UTF8.self).contains(prompt) {
                i.fileHandleForWriting.write(Data(reply.utf8))
                replied = true
            }
        }
        try? i.fileHandleForWriting.close()
        p.waitUntilExit()
        return (String(decoding: seen, as: UTF8.self), p.terminationStatus)
    }
}

/// The loopback RFC 3161 server of Fixtures/tsa-server.py (openssl ts behind Python's HTTP
/// server), stopped by closing its standard input.
final class TimeStampServer {
    let process = Process()
    let input = Pipe()
    private(set) var port = 0

    init?(pki: String) {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [SigningProbe.fixtures + "/tsa-server.py", pki]
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch { return nil }
        var line = Data()
        while case let chunk = output.fileHandleForReading.availableData, !chunk.isEmpty {
            line.append(chunk)
            if chunk.contains(0x0A) { break }
        }
        line = line.prefix { $0 != 0x0A }
        guard let n = Int(String(decoding: line, as: UTF8.self)) else { stop(); return nil }
        port = n
    }

    var url: String { "http://127.0.0.1:\(port)/tsa" }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
