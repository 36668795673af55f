import CSigning
import Foundation

/// An RFC 3161 time-stamp server: the signature value's SHA-256 goes out over HTTP, a token
/// signed by the TSA comes back and becomes the signature-time-stamp attribute (PAdES B-T).
public struct TimeStampAuthority: Sendable {
    public let url: URL
    /// How long to wait for the server, in seconds.
    public var timeout: TimeInterval = 30

    public init(url: URL) { self.url = url }

    /// A URL given on the command line: http or https only.
    public init(_ text: String) throws {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw SigningError("--tsa", "'\(text)' is not an http:// or https:// URL", thai: "ที่อยู่ผู้ให้บริการประทับเวลาต้องขึ้นต้นด้วย http:// หรือ https://")
        }
        self.url = url
    }

    /// A token stamping `value` (the signature value), checked against the request.
    func token(stamping value: [UInt8]) throws -> [UInt8] {
        let request = try timeStampRequest(sha256(value))
        let response = try post(request)
        var token: UnsafeMutablePointer<UInt8>?
        var length: Int32 = 0
        var reason = [CChar](repeating: 0, count: 512)
        let status = response.withUnsafeBufferPointer { r in
            request.withUnsafeBufferPointer { q in
                saraban_ts_response_token(r.baseAddress, r.count, q.baseAddress, q.count, &token, &length, &reason, reason.count)
            }
        }
        let why = OpenSSL.text(reason)
        switch status {
        case 0:
            guard let data = OpenSSL.take(token, Int(length)) else { break }
            return [UInt8](data)
        case 1: throw failure("the time-stamp server refused the request (\(why))", thai: "ผู้ให้บริการประทับเวลาปฏิเสธคำขอ")
        case 2: throw failure("the time-stamp server's answer is not an RFC 3161 response", thai: "คำตอบของผู้ให้บริการประทับเวลาไม่ใช่ RFC 3161")
        default: break
        }
        throw failure("the time-stamp does not answer the request (\(why))", thai: "ตราประทับเวลาไม่ตรงกับคำขอ")
    }

    private func timeStampRequest(_ digest: [UInt8]) throws -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        let n = saraban_ts_request(digest, digest.count, UInt64.random(in: 1...(UInt64.max >> 1)), &out)
        guard let data = OpenSSL.take(out, Int(n)) else { throw failure("cannot make the time-stamp request", thai: "สร้างคำขอประทับเวลาไม่ได้") }
        return [UInt8](data)
    }

    private func failure(_ english: String, thai: String) -> SigningError {
        SigningError(url.absoluteString, english, thai: thai)
    }

    /// The longest answer taken from a time-stamp server.
    private static let answerLimit = 1 << 20

    private func post(_ body: [UInt8]) throws -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        var count = 0
        var status = 0
        var reason = [CChar](repeating: 0, count: 512)
        let seconds = max(1, Int(timeout.rounded(.up)))
        let code = body.withUnsafeBufferPointer { b in
            saraban_http_post(url.absoluteString, b.baseAddress, b.count, "application/timestamp-query", seconds,
                              Self.answerLimit, &out, &count, &status, &reason, reason.count)
        }
        defer { free(out) }
        let why = OpenSSL.text(reason)
        switch code {
        case 0:
            break
        case 1:
            throw failure("a time-stamp needs libcurl (Debian's libcurl4), which is not installed",
                          thai: "การประทับเวลาต้องใช้ libcurl (แพ็กเกจ libcurl4) ซึ่งยังไม่ได้ติดตั้ง")
        case 3:
            throw failure("the time-stamp server's answer is too long (\(why))", thai: "คำตอบของผู้ให้บริการประทับเวลายาวเกินไป")
        default:
            throw failure("cannot reach the time-stamp server: \(why)", thai: "ติดต่อผู้ให้บริการประทับเวลาไม่ได้")
        }
        guard status == 200, let out, count > 0 else {
            throw failure("the time-stamp server answered HTTP \(status)", thai: "ผู้ให้บริการประทับเวลาตอบกลับผิดพลาด (HTTP \(status))")
        }
        return [UInt8](UnsafeBufferPointer(start: out, count: count))
    }
}
