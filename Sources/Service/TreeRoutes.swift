import Documents
import Foundation
import HTTPTypes
import Hummingbird

/// POST /v1/parse and /v1/yaml: the web editor's reading and writing of document files. The
/// editor keeps the document as the plain tree (DocumentTree) and lets the service, with the
/// YAML parser the loader uses, turn files into trees and trees into YAML.
struct TreeRoutes: Sendable {
    let pool: RenderPool
    let options: ServiceOptions

    func add(to router: Router<ServiceContext>) {
        router.post("/v1/parse") { request, _ in try await parse(request) }
        router.post("/v1/yaml") { request, _ in try await yaml(request) }
    }

    /// A YAML or JSON document as its tree in JSON: every scalar a string or null, keys in order.
    /// Only a document that cannot be read is refused; the editor shows the rest from /v1/check.
    func parse(_ request: Request) async throws -> Response {
        let input = try await read(request)
        let json = try await pool.run(timeout: options.timeout) { _ in
            try rejecting(input) { try DocumentTree.json(fromYAML: input.text, file: input.name) }
        }
        var h = HTTPFields()
        h[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }

    /// The document (JSON or YAML) as block-style YAML that reads back as the same tree.
    func yaml(_ request: Request) async throws -> Response {
        let input = try await read(request)
        let text = try await pool.run(timeout: options.timeout) { _ in
            try rejecting(input) { try DocumentTree.yaml(from: input.text, file: input.name) }
        }
        var h = HTTPFields()
        h[.contentType] = "application/yaml; charset=utf-8"
        return Response(status: .ok, headers: h, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func rejecting<T>(_ input: DocumentInput, _ f: () throws -> T) throws -> T {
        do { return try f() } catch let p as Problems { throw DocumentRejected(p, text: input.text) }
    }

    private func read(_ request: Request) async throws -> DocumentInput {
        if pool.isFull { throw ServiceError.overloaded(retryAfter: pool.retryAfter) }
        return try await DocumentInput.read(request, maxBody: options.maxBody)
    }
}
