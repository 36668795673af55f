import Documents
import Foundation
import HTTPTypes
import Hummingbird

/// POST /v1/table: the editor's import of a table file into its grid. The body is
/// multipart/form-data with the file as a part named `file` (its file name says its kind); the
/// query may give `sheet`, `range`, `header_rows` and `table` as a `source:` table would. The
/// answer is the inline table's tree (`columns`, `rows`) as JSON; a file that cannot be read is a
/// 422 with one problem naming the file (and the key, when a sheet, range or table is wrong).
struct TableRoute: Sendable {
    let pool: RenderPool
    let options: ServiceOptions

    func add(to router: Router<ServiceContext>) {
        router.post("/v1/table") { request, _ in try await table(request) }
    }

    func table(_ request: Request) async throws -> Response {
        let q = request.uri.queryParameters
        var o = TableImport.Options(sheet: q["sheet"].map(String.init), range: q["range"].map(String.init))
        o.headerRows = try Self.int(q["header_rows"].map(String.init), "header_rows", 0...50)
        o.table = try Self.int(q["table"].map(String.init), "table", 1...10_000)
        if pool.isFull { throw ServiceError.overloaded(retryAfter: pool.retryAfter) }
        let (name, data) = try await file(request)
        let options = o
        let json = try await pool.run(timeout: self.options.timeout) { _ in
            do { return try TableImport.json(data: data, name: name, options: options) } catch let error as SourceFailure {
                let p = Problem(file: name, line: 0, column: 0, message: error.message, thai: error.thai, key: error.key)
                throw DocumentRejected(Problems([p]), text: nil)
            }
        }
        var h = HTTPFields()
        h[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }

    /// The uploaded part named `file`, by its file name.
    private func file(_ request: Request) async throws -> (String, Data) {
        let accepted = "multipart/form-data with the table file as a part named 'file'"
        guard let type = request.headers[.contentType], let boundary = try FormData.boundary(type) else {
            throw ServiceError.unsupported(request.headers[.contentType], accepted: accepted)
        }
        let parts = try await FormData.read(request, boundary: boundary, limit: options.maxBody)
        guard let part = parts.first(where: { $0.name == "file" }), part.fileName != nil else {
            throw ServiceError.badRequest("the multipart body has no file part named 'file'",
                                          "ข้อมูลแบบ multipart ไม่มีแฟ้มในส่วนชื่อ 'file' (แฟ้มตาราง)")
        }
        guard part.data.count <= FileLimits.source else { throw ServiceError.tooLarge("the table file", limit: FileLimits.source) }
        return (part.lookupName, part.data)
    }

    /// A whole number query parameter within its range, if given.
    static func int(_ text: String?, _ key: String, _ range: ClosedRange<Int>) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let v = Int(text), range.contains(v) else {
            throw ServiceError.badRequest("'\(key)' should be a whole number from \(range.lowerBound) to \(range.upperBound), found '\(text)'",
                                          "'\(key)' ต้องเป็นจำนวนเต็มตั้งแต่ \(range.lowerBound) ถึง \(range.upperBound) แต่พบ '\(text)'")
        }
        return v
    }
}
