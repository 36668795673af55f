import Documents
import Foundation
import Logging

/// What `saraban serve` was asked to do: where to listen, how many renderers, the limits.
public struct ServiceOptions: Sendable {
    public var host = "127.0.0.1"
    /// 0: any free port (tests read it from `onListening`).
    public var port = 8080
    /// Renderer threads.
    public var jobs: Int
    /// Renders that may wait for a renderer; more are refused with 503.
    public var queue: Int
    /// The largest request body, in bytes.
    public var maxBody = 20 << 20
    /// The longest a render may take (waiting included), in seconds.
    public var timeout = 60.0
    /// The bearer token /v1/* require (nil: none).
    public var token: String?
    public var resources: Resources
    public var logLevel = Logger.Level.info
    /// Idle keep-alive connections are closed after this many seconds.
    public var idleTimeout = 75.0
    /// The agency's own signer: `POST /v1/render?sign=true` signs with it (nil: the server signs nothing).
    public var signing: SigningSetup?
    /// Called once the socket is bound, with its port.
    public var onListening: (@Sendable (Int) -> Void)?

    public init(resources: Resources, jobs: Int? = nil, queue: Int? = nil) {
        self.resources = resources
        let j = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.jobs = j
        self.queue = max(0, queue ?? 4 * j)
    }

    /// The folder served at `/` (the web editor), when there is one.
    public var webFolder: String? {
        let dir = resources.templates + "/web"
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) && isDir.boolValue ? dir : nil
    }

    /// The OpenAPI description served at /openapi.yaml.
    public var openAPIFile: String { resources.templates + "/service/openapi.yaml" }

    /// Reads the bearer token from a file: its first line, without surrounding white space.
    public static func token(fromFile path: String) throws -> String {
        let data: Data
        do { data = try DiskFile.read(path, limit: 64 << 10) } catch {
            throw ServiceSetupError("\(path): cannot read the token file: \(error.message)",
                                    "อ่านแฟ้มรหัสผ่าน (token) \(path) ไม่ได้: \(error.thai)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let token = line.trimmingCharacters(in: .whitespaces)
        guard token.count >= 16, token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw ServiceSetupError("\(path): the token must be at least 16 printable ASCII characters on the first line",
                                    "\(path): รหัสผ่าน (token) ต้องเป็นอักขระ ASCII อย่างน้อย ๑๖ ตัวในบรรทัดแรก")
        }
        return token
    }
}

/// Why the service cannot start, in English and Thai.
public struct ServiceSetupError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var thai: String
    public init(_ message: String, _ thai: String) {
        self.message = message
        self.thai = thai
    }
    public var description: String { "\(message) / \(thai)" }
}
