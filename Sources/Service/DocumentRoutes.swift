import Documents
import Foundation
import HTTPTypes
import Hummingbird
import Layout
import Signing
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
    /// With `?sign=true`, signed (PAdES) with the server's own signer.
    func render(_ request: Request) async throws -> Response {
        let signer = try signer(request.uri.queryParameters["sign"].map(String.init))
        let input = try await read(request)
        let out = try await pool.run(timeout: options.timeout) { renderer in
            let (doc, style) = try load(input)
            return try timed {
                var r = try renderer.render(doc, style, thumbnailDPI: nil)
                if let signer { r.pdf = try sign(r.pdf, renderer, signer, style) }
                return r
            }
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

    /// The PDF signed; the signer failing now (a certificate expired since the start) is the
    /// server's problem, not the document's: 503 with the reason.
    private func sign(_ pdf: Data, _ renderer: DocumentRenderer, _ signer: SigningSetup, _ style: Style) throws -> Data {
        do {
            return try renderer.sign(pdf, signer, style: style)
        } catch let e as SigningError {
            var h = HTTPFields()
            h[.retryAfter] = "60"
            throw ServiceError(.serviceUnavailable, "the server cannot sign: \(e.english)", "เครื่องบริการลงนามไม่ได้: \(e.thai)", headers: h)
        }
    }

    /// The signer `?sign=` asks for: nil for none; refused when the server has no signer.
    private func signer(_ value: String?) throws -> SigningSetup? {
        switch value {
        case nil, "false"?: return nil
        case "true"?:
            guard let signing = options.signing else {
                throw ServiceError.badRequest("this server signs nothing: it was started without --sign-p12 (or --cert and --sign-key)",
                                              "เครื่องบริการนี้ไม่ได้ตั้งค่าการลงนาม (เริ่มบริการโดยไม่มี --sign-p12 หรือ --cert กับ --sign-key)")
            }
            return signing
        default:
            throw ServiceError.badRequest("sign must be true or false, found '\(value ?? "")'",
                                          "ค่า sign ต้องเป็น true หรือ false แต่พบ '\(value ?? "")'")
        }
    }

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
