import Foundation
import HTTPTypes
import Hummingbird

/// A refusal the client can act on: an HTTP status and `{"error", "error_th"}`.
struct ServiceError: Error, Sendable {
    var status: HTTPResponse.Status
    var english: String
    var thai: String
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ english: String, _ thai: String, headers: HTTPFields = [:]) {
        self.status = status
        self.english = english
        self.thai = thai
        self.headers = headers
    }

    static func tooLarge(_ what: String, limit: Int) -> ServiceError {
        ServiceError(.contentTooLarge, "\(what) is larger than \(limit) bytes",
                     "\(thaiName(what)) ใหญ่เกิน \(limit) ไบต์")
    }

    static func overloaded(retryAfter: Int) -> ServiceError {
        var h = HTTPFields()
        h[.retryAfter] = String(retryAfter)
        return ServiceError(.serviceUnavailable, "every renderer is busy and the queue is full; try again in \(retryAfter) s",
                            "เครื่องสร้างเอกสารไม่ว่างทั้งหมดและคิวเต็ม โปรดลองใหม่ใน \(retryAfter) วินาที", headers: h)
    }

    static func timeout(_ seconds: Double) -> ServiceError {
        ServiceError(.gatewayTimeout, "the render took longer than \(format(seconds)) s and was stopped",
                     "การสร้างเอกสารใช้เวลานานเกิน \(format(seconds)) วินาที จึงถูกหยุด")
    }

    static let unauthorized: ServiceError = {
        var h = HTTPFields()
        h[.wwwAuthenticate] = "Bearer"
        return ServiceError(.unauthorized, "this service needs 'Authorization: Bearer TOKEN'",
                            "ต้องส่งรหัสผ่าน (Authorization: Bearer TOKEN) มาด้วย", headers: h)
    }()

    static func badRequest(_ english: String, _ thai: String) -> ServiceError {
        ServiceError(.badRequest, english, thai)
    }

    static func unsupported(_ type: String?, accepted: String) -> ServiceError {
        ServiceError(.unsupportedMediaType,
                     "Content-Type \(type.map { "'\($0)'" } ?? "missing"); send \(accepted)",
                     "ชนิดข้อมูล (Content-Type) ไม่รองรับ ให้ส่งเป็น \(accepted)")
    }

    static let shuttingDown = ServiceError(.serviceUnavailable, "the service is shutting down", "บริการกำลังปิดตัว")

    private static func thaiName(_ what: String) -> String {
        switch what {
        case "the request body": return "ข้อมูลที่ส่งมา"
        case "the document": return "เอกสาร"
        default: return what
        }
    }

    private static func format(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s)
    }

    /// The JSON response.
    var response: Response {
        var h = headers
        h[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: JSONBody.error(english, thai))))
    }
}

/// JSON bodies, with sorted keys so the same answer is the same bytes.
enum JSONBody {
    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(e.encode(value))) ?? Array("{}".utf8)
    }

    static func error(_ english: String, _ thai: String) -> [UInt8] {
        encode(["error": english, "error_th": thai])
    }

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        var h = HTTPFields()
        h[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: encode(value))))
    }
}
