import Batch
import Foundation
import HTTPTypes
import Hummingbird
import Logging

extension HTTPField.Name {
    static let requestID = HTTPField.Name("X-Request-Id")!
}

/// The outermost layer: gives every request its id (echoed or made), turns every error into
/// its JSON answer, counts the request by route and status, and logs one line for it once its
/// body is sent (method, path, status, bytes, milliseconds, request id).
struct AccessMiddleware: RouterMiddleware {
    typealias Context = ServiceContext
    let logger: Logger
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let id = AccessMiddleware.requestID(request)
        var context = context
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = AccessMiddleware.response(for: error, logger: context.logger)
        }
        response.headers[.requestID] = id
        let line = AccessLine(method: request.method.rawValue, path: AccessMiddleware.printable(request.uri.path),
                              route: context.endpointPath ?? "unmatched", status: response.status.code, id: id, start: start)
        let original = response.body
        let logger = self.logger, metrics = self.metrics
        response.body = ResponseBody(contentLength: original.contentLength) { writer in
            let counter = ByteCounter()
            do {
                try await original.write(CountingWriter(parent: writer, counter: counter))
                line.log(logger, metrics, bytes: counter.bytes, aborted: false)
            } catch {
                line.log(logger, metrics, bytes: counter.bytes, aborted: true)
                throw error
            }
        }
        return response
    }

    /// The client's id when it is short printable ASCII, else a new one.
    static func requestID(_ request: Request) -> String {
        if let given = request.headers[.requestID], (1...128).contains(given.utf8.count),
           given.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            return given
        }
        return RequestID().description
    }

    /// A path as the log prints it: no control characters, at most 200 characters.
    static func printable(_ path: String) -> String {
        let cleaned = path.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined()
        return cleaned.count > 200 ? String(cleaned.prefix(200)) + "…" : cleaned
    }

    /// Every error as JSON: the service's own, a document's problems, Hummingbird's (404, 405 …).
    static func response(for error: Error, logger: Logger) -> Response {
        switch error {
        case let e as ServiceError:
            return e.response
        case let e as DocumentRejected:
            return e.response
        case let e as BatchError:
            return ServiceError(.unprocessableContent, e.message, e.thai).response
        case let e as HTTPError:
            return ServiceError(e.status, e.body ?? e.status.reasonPhrase, thaiReason(e.status), headers: e.headers).response
        case is CancellationError:
            return ServiceError(.serviceUnavailable, "the request was cancelled", "คำขอถูกยกเลิก").response
        default:
            logger.error("unexpected error: \(error)")
            return ServiceError(.internalServerError, "internal error: \(error)", "เกิดข้อผิดพลาดภายในบริการ").response
        }
    }

    static func thaiReason(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: return "ไม่พบสิ่งที่ขอ"
        case 405: return "ไม่รองรับวิธีเรียกนี้"
        case 400: return "คำขอไม่ถูกต้อง"
        default: return "คำขอไม่สำเร็จ (\(status.code))"
        }
    }
}

/// What the access log and the request counter say of one request.
struct AccessLine: Sendable {
    var method: String
    var path: String
    var route: String
    var status: Int
    var id: String
    var start: ContinuousClock.Instant

    func log(_ logger: Logger, _ metrics: ServiceMetrics, bytes: Int, aborted: Bool) {
        let d = ContinuousClock.now - start
        let ms = (Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15)
        let text = String(format: "%@ %@ %d %d B %.1f ms id=%@%@", method, path, status, bytes, ms, id, aborted ? " (aborted)" : "")
        logger.info("\(text)")
        metrics.request(route: route, method: method, status: status)
    }
}

/// Bytes of a response body as they are written.
final class ByteCounter: @unchecked Sendable {
    var bytes = 0
}

/// Passes the body on, counting it.
struct CountingWriter: ResponseBodyWriter {
    var parent: any ResponseBodyWriter
    let counter: ByteCounter

    mutating func write(_ buffer: ByteBuffer) async throws {
        counter.bytes += buffer.readableBytes
        try await parent.write(buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        try await parent.finish(trailingHeaders)
    }
}

/// /v1/* need `Authorization: Bearer TOKEN` when the service has a token; /healthz, /metrics,
/// /openapi.yaml and the web editor stay open.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = ServiceContext
    let token: [UInt8]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/v1/") || request.uri.path == "/v1" else { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.count > 7,
              header.prefix(7).lowercased() == "bearer " else { throw ServiceError.unauthorized }
        let given = Array(header.dropFirst(7).utf8)
        guard AuthMiddleware.same(given, token) else { throw ServiceError.unauthorized }
        return try await next(request, context)
    }

    /// Every byte of the expected token is compared whatever was given: the time taken says
    /// nothing of where a guess differs.
    static func same(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var diff: UInt8 = given.count == expected.count ? 0 : 1
        for i in 0..<expected.count {
            let g = i < given.count ? given[i] : 0
            diff |= g ^ expected[i]
        }
        return diff == 0
    }
}
