import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 client over a socket, so tests control every byte: one request per
/// connection (Connection: close), Content-Length and chunked answers both read.
struct HTTPResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? { headers[name.lowercased()] }
    var text: String { String(decoding: body, as: UTF8.self) }
    func json() -> Any? { try? JSONSerialization.jsonObject(with: body) }
}

enum HTTPClient {
    /// A connected socket to 127.0.0.1:port, or nil when nothing listens.
    static func connect(_ port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if ok != 0 { close(fd); return nil }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func send(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + done, raw.count - done, Int32(MSG_NOSIGNAL))
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }

    static func head(_ method: String, _ path: String, _ headers: [(String, String)]) -> Data {
        var s = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (k, v) in headers { s += "\(k): \(v)\r\n" }
        return Data((s + "\r\n").utf8)
    }

    /// One request; nil when the connection fails or the answer is cut.
    static func request(_ port: Int, _ method: String, _ path: String, headers: [(String, String)] = [],
                        body: Data? = nil) -> HTTPResponse? {
        guard let fd = connect(port) else { return nil }
        defer { close(fd) }
        var all = headers
        if let body { all.append(("Content-Length", String(body.count))) }
        guard send(fd, head(method, path, all)) else { return nil }
        if let body, !body.isEmpty { _ = send(fd, body) }
        return read(fd)
    }

    static func get(_ port: Int, _ path: String, headers: [(String, String)] = []) -> HTTPResponse? {
        request(port, "GET", path, headers: headers)
    }

    static func post(_ port: Int, _ path: String, _ body: Data, type: String, headers: [(String, String)] = []) -> HTTPResponse? {
        request(port, "POST", path, headers: [("Content-Type", type)] + headers, body: body)
    }

    /// Reads the answer until the connection closes.
    static func read(_ fd: Int32) -> HTTPResponse? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            data.append(buffer, count: n)
        }
        return parse(data)
    }

    static func parse(_ data: Data) -> HTTPResponse? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.split(separator: " ").count >= 2,
              let status = Int(statusLine.split(separator: " ")[1]) else { return nil }
        var headers = [String: String]()
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let rest = Data(data[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            guard let body = dechunk(rest) else { return nil }
            return HTTPResponse(status: status, headers: headers, body: body)
        }
        if let n = headers["content-length"].flatMap(Int.init), rest.count < n { return nil }
        return HTTPResponse(status: status, headers: headers, body: rest)
    }

    /// A chunked body; nil when its last chunk never came (the stream was cut).
    static func dechunk(_ data: Data) -> Data? {
        var out = Data()
        var i = data.startIndex
        while true {
            guard let lineEnd = data[i...].range(of: Data("\r\n".utf8)) else { return nil }
            let sizeText = String(decoding: data[i..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
            let start = lineEnd.upperBound
            if size == 0 { return out }
            guard data.endIndex - start >= size + 2 else { return nil }
            out.append(data[start..<(start + size)])
            i = start + size + 2
        }
    }
}

/// A multipart/form-data body.
struct Multipart {
    let boundary = "saraban-test-" + UUID().uuidString
    private(set) var body = Data()

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func add(_ name: String, fileName: String? = nil, type: String? = nil, _ data: Data) {
        var h = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
        if let fileName { h += "; filename=\"\(fileName)\"" }
        h += "\r\n"
        if let type { h += "Content-Type: \(type)\r\n" }
        body.append(Data((h + "\r\n").utf8))
        body.append(data)
        body.append(Data("\r\n".utf8))
    }

    func finished() -> Data {
        body + Data("--\(boundary)--\r\n".utf8)
    }
}

/// Runs blocking socket work on a thread of its own: the server's handlers need Swift's few
/// cooperative threads, which a test must never hold while it waits for them.
func blocking<T: Sendable>(_ f: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { c in
        Thread { c.resume(returning: f()) }.start()
    }
}

extension HTTPClient {
    static func post(_ port: Int, _ path: String, _ body: Data, type: String, headers: [(String, String)] = []) async -> HTTPResponse? {
        await blocking { post(port, path, body, type: type, headers: headers) }
    }

    static func get(_ port: Int, _ path: String, headers: [(String, String)] = []) async -> HTTPResponse? {
        await blocking { get(port, path, headers: headers) }
    }
}
