import Documents
import Foundation
import HTTPTypes
import Hummingbird

/// The document of a request and the files it may name: a YAML or JSON body (which can name no
/// file at all), or multipart/form-data with a part named `document` and the files as parts.
struct DocumentInput: Sendable {
    var text: String
    var name: String
    var files: UploadedFiles

    static let documentTypes = ["application/yaml", "text/yaml", "application/x-yaml", "application/json"]
    static let accepted = "application/yaml, text/yaml, application/x-yaml, application/json or multipart/form-data"

    static func read(_ request: Request, maxBody: Int) async throws -> DocumentInput {
        guard let type = request.headers[.contentType] else { throw ServiceError.unsupported(nil, accepted: accepted) }
        if let boundary = try FormData.boundary(type) {
            let parts = try await FormData.read(request, boundary: boundary, limit: maxBody)
            return try fromParts(parts)
        }
        let media = HeaderParameters(type).value.lowercased()
        guard documentTypes.contains(media) else { throw ServiceError.unsupported(type, accepted: accepted) }
        let data = try await BodyReader.collect(request, limit: maxBody)
        let name = media == "application/json" ? "document.json" : "document.yaml"
        return DocumentInput(text: try text(data, name: name), name: name, files: UploadedFiles(parts: [:]))
    }

    static func fromParts(_ parts: [FormPart]) throws -> DocumentInput {
        guard let doc = parts.first(where: { $0.name == "document" }) else {
            throw ServiceError.badRequest("the multipart body has no part named 'document'",
                                          "ข้อมูลแบบ multipart ไม่มีส่วนชื่อ 'document' (ตัวเอกสาร)")
        }
        let json = doc.contentType.map { HeaderParameters($0).value.lowercased() == "application/json" } ?? false
        let fallback = json ? "document.json" : "document.yaml"
        let name = doc.fileName == nil ? fallback : doc.lookupName
        let files = try Self.files(parts.filter { $0.name != "document" })
        return DocumentInput(text: try text(doc.data, name: name), name: name, files: files)
    }

    /// The parts by the file name a document uses; two parts with one name are refused.
    static func files(_ parts: [FormPart]) throws -> UploadedFiles {
        var byName = [String: Data]()
        for p in parts {
            let n = p.lookupName
            guard byName[n] == nil else {
                throw ServiceError.badRequest("two uploaded parts are named '\(n)'", "มีแฟ้มที่ส่งมาชื่อ '\(n)' ซ้ำกัน")
            }
            byName[n] = p.data
        }
        return UploadedFiles(parts: byName)
    }

    /// The document's text: at most DocumentLoader.maxDocumentBytes of UTF-8.
    static func text(_ data: Data, name: String) throws -> String {
        let limit = DocumentLoader.maxDocumentBytes
        guard data.count <= limit else { throw ServiceError.tooLarge("the document", limit: limit) }
        guard let s = String(data: data, encoding: .utf8) else {
            let p = Problem(file: name, line: 0, column: 0, message: "cannot read the document: it is not UTF-8 text",
                            thai: "อ่านเอกสารไม่ได้: ไม่ใช่ข้อความ UTF-8")
            throw DocumentRejected(Problems([p]), text: nil)
        }
        return s
    }
}

/// A document that does not validate: 422 with every problem, each naming its line, column and key.
struct DocumentRejected: Error, Sendable {
    struct Item: Encodable, Sendable {
        var line: Int
        var column: Int
        var key: String?
        var message: String
        var messageThai: String

        enum CodingKeys: String, CodingKey {
            case line, column, key, message
            case messageThai = "message_th"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(line, forKey: .line)
            try c.encode(column, forKey: .column)
            try c.encode(key, forKey: .key)
            try c.encode(message, forKey: .message)
            try c.encode(messageThai, forKey: .messageThai)
        }
    }

    var items: [Item]

    /// Problems without a key get the key of the value or key written where they point.
    init(_ problems: Problems, text: String?) {
        var paths: KeyPaths??
        items = problems.all.map { p in
            var key = p.key
            if key == nil, p.line > 0, let text {
                if paths == nil { paths = .some(KeyPaths(yaml: text)) }
                key = paths??.path(line: p.line, column: p.column)
            }
            return Item(line: p.line, column: p.column, key: key, message: p.message, messageThai: p.thai)
        }
    }

    var response: Response {
        JSONBody.response(["problems": items], status: .unprocessableContent)
    }
}
