import Documents
import Foundation
import HTTPTypes
import Hummingbird
import Layout
import Typeset

/// POST /v1/render and /v1/check: one document in, its PDF or its verdict out (/v1/preview: PreviewRoute).
struct DocumentRoutes: Sendable {
    let pool: RenderPool
    let resources: Resources
    let options: ServiceOptions
    let metrics: ServiceMetrics

    func add(to router: Router<ServiceContext>) {
        router.post("/v1/render") { request, _ in try await render(request) }
        router.post("/v1/check") { request, _ in try await check(request) }
    }

    /// The PDF: the same bytes `saraban render` writes for the same document.
    func render(_ request: Request) async throws -> Response {
        let input = try await read(request)
        let out = try await pool.run(timeout: options.timeout) { renderer in
            let (doc, style) = try load(input)
            return try timed { try renderer.render(doc, style, thumbnailDPI: nil) }
        }
        metrics.rendered(pages: out.value.pageCount, seconds: out.seconds)
        var h = HTTPFields()
        h[.contentType] = "application/pdf"
        h[.contentDisposition] = pdfDisposition(input.name)
        return Response(status: .ok, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: out.value.pdf)))
    }

    /// `{"ok": true}`, or 422 with the problems.
    func check(_ request: Request) async throws -> Response {
        let input = try await read(request)
        _ = try await pool.run(timeout: options.timeout) { _ in _ = try load(input) }
        return JSONBody.response(["ok": true])
    }

    // MARK: - On the renderer threads

    private func load(_ input: DocumentInput) throws -> (Document, Style) {
        do {
            return try DocumentLoader(resources: resources).load(text: input.text, name: input.name, files: input.files)
        } catch let p as Problems {
            throw DocumentRejected(p, text: input.text)
        }
    }

    // MARK: - Helpers

    private func read(_ request: Request) async throws -> DocumentInput {
        // Refused before the body is read: nothing could start for a while anyway.
        if pool.isFull { throw ServiceError.overloaded(retryAfter: pool.retryAfter) }
        return try await DocumentInput.read(request, maxBody: options.maxBody)
    }

    /// `inline; filename="memo.pdf"` after the document's name, with the Thai name as filename*.
    private func pdfDisposition(_ documentName: String) -> String {
        let base = (documentName as NSString).deletingPathExtension + ".pdf"
        let ascii = base.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\"" && $0 != "\\" && $0.value < 0x7F }
        let plain = ascii.count == base.unicodeScalars.count ? base : "document.pdf"
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._")
        let encoded = base.addingPercentEncoding(withAllowedCharacters: allowed) ?? plain
        return "inline; filename=\"\(plain)\"; filename*=UTF-8''\(encoded)"
    }
}

/// A value and the seconds it took, measured on the renderer thread (waiting not included).
struct Timed<T: Sendable>: Sendable {
    var value: T
    var seconds: Double
}

func timed<T: Sendable>(_ f: () throws -> T) rethrows -> Timed<T> {
    let start = ContinuousClock.now
    let v = try f()
    let d = ContinuousClock.now - start
    return Timed(value: v, seconds: Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
}
