import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit

/// A request body read with the service's limit: a refusal (413) from Content-Length before a
/// byte is read, or as soon as the bytes counted while streaming pass the limit.
enum BodyReader {
    static func collect(_ request: Request, limit: Int) async throws -> Data {
        try checkDeclaredLength(request, limit: limit)
        var data = Data()
        for try await chunk in request.body {
            guard data.count + chunk.readableBytes <= limit else { throw ServiceError.tooLarge("the request body", limit: limit) }
            data.append(contentsOf: chunk.readableBytesView)
        }
        return data
    }

    static func checkDeclaredLength(_ request: Request, limit: Int) throws {
        guard let declared = request.headers[.contentLength] else { return }
        guard let n = Int(declared), n >= 0 else {
            throw ServiceError.badRequest("Content-Length '\(declared)' is not a number", "ความยาวข้อมูล (Content-Length) ไม่ใช่ตัวเลข")
        }
        if n > limit { throw ServiceError.tooLarge("the request body", limit: limit) }
    }
}

/// One part of a multipart/form-data body.
struct FormPart: Sendable {
    var name: String
    var fileName: String?
    var contentType: String?
    var data: Data

    /// The name a document uses for it: the file name without any folder, else the field name.
    var lookupName: String {
        let raw = fileName ?? name
        return raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? raw
    }
}

/// The parts of a multipart/form-data body, parsed while the body streams in.
enum FormData {
    static func read(_ request: Request, boundary: String, limit: Int) async throws -> [FormPart] {
        try BodyReader.checkDeclaredLength(request, limit: limit)
        let collector = PartCollector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name, value) }
        parser.onBody = { buffer in collector.body(buffer) }
        parser.onPartComplete = { collector.complete() }
        var total = 0
        var screen = MultipartGuard(boundary: boundary)
        do {
            for try await chunk in request.body {
                total += chunk.readableBytes
                guard total <= limit else { throw ServiceError.tooLarge("the request body", limit: limit) }
                guard screen.accepts(chunk) else { throw MultipartGuard.Refused() }
                try parser.execute(chunk)
            }
        } catch let e as ServiceError { throw e } catch let e as CancellationError { throw e } catch {
            throw ServiceError.badRequest("the multipart body does not parse", "ข้อมูลแบบ multipart อ่านไม่ได้")
        }
        guard !collector.open else {
            throw ServiceError.badRequest("the multipart body ends before its closing boundary",
                                          "ข้อมูลแบบ multipart จบก่อนเส้นแบ่งสุดท้าย")
        }
        return collector.parts
    }

    /// The boundary of a multipart/form-data Content-Type, nil for another type.
    static func boundary(_ contentType: String) throws -> String? {
        let params = HeaderParameters(contentType)
        guard params.value.lowercased() == "multipart/form-data" else { return nil }
        guard let b = params["boundary"], !b.isEmpty, b.utf8.count <= 200 else {
            throw ServiceError.badRequest("multipart/form-data needs a boundary parameter",
                                          "ข้อมูลแบบ multipart/form-data ต้องระบุ boundary")
        }
        return b
    }
}

/// Collects parts for the parser's callbacks (which run on the reading task, one at a time).
private final class PartCollector: @unchecked Sendable {
    private(set) var parts: [FormPart] = []
    private var headers: [(String, String)] = []
    private var data = Data()
    private(set) var open = false

    func header(_ name: String, _ value: String) {
        open = true
        headers.append((name.lowercased(), value))
    }

    func body(_ buffer: ByteBuffer) {
        open = true
        data.append(contentsOf: buffer.readableBytesView)
    }

    func complete() {
        let disposition = HeaderParameters(headers.first { $0.0 == "content-disposition" }?.1 ?? "")
        let type = headers.first { $0.0 == "content-type" }?.1
        parts.append(FormPart(name: disposition["name"] ?? "", fileName: disposition.fileName, contentType: type, data: data))
        headers = []
        data = Data()
        open = false
    }
}

/// `value; key=token; key="quoted"`: a header's value and its parameters (names lower-cased).
struct HeaderParameters {
    let value: String
    private var params: [String: String] = [:]

    init(_ header: String) {
        var fields = [String]()
        var current = ""
        var quoted = false
        var escaped = false
        for c in header {
            if escaped {
                current.append(c)
                escaped = false
                continue
            }
            if quoted && c == "\\" { escaped = true; continue }
            if c == "\"" { quoted.toggle(); continue }
            if c == ";" && !quoted { fields.append(current); current = ""; continue }
            current.append(c)
        }
        fields.append(current)
        value = fields.first?.trimmingCharacters(in: .whitespaces) ?? ""
        for f in fields.dropFirst() {
            guard let eq = f.firstIndex(of: "=") else { continue }
            let k = f[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            let v = f[f.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if params[k] == nil { params[k] = v }
        }
    }

    subscript(_ key: String) -> String? { params[key] }

    /// `filename*=UTF-8''…` (percent-encoded) when given, else `filename`.
    var fileName: String? {
        if let ext = params["filename*"], let r = ext.range(of: "''"),
           let decoded = ext[r.upperBound...].removingPercentEncoding, !decoded.isEmpty {
            return decoded
        }
        return params["filename"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
