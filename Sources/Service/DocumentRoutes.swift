import Documents
import Foundation
import HTTPTypes
import Hummingbird
import Layout
import Signing
import Typeset

/// POST /v1/render, /v1/check and /v1/preview: one document in, its PDF, its verdict or its pages out.
struct DocumentRoutes: Sendable {
    let pool: RenderPool
    let resources: Resources
    let options: ServiceOptions
    let metrics: ServiceMetrics

    func add(to router: Router<ServiceContext>) {
        router.post("/v1/render") { request, _ in try await render(request) }
        router.post("/v1/check") { request, _ in try await check(request) }
        router.post("/v1/preview") { request, _ in try await preview(request) }
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

    /// Every page as PNG in JSON, or one page (`?page=N`) as image/png.
    func preview(_ request: Request) async throws -> Response {
        let query = try PreviewQuery(dpi: request.uri.queryParameters["dpi"].map(String.init),
                                     page: request.uri.queryParameters["page"].map(String.init))
        let input = try await read(request)
        let out = try await pool.run(timeout: options.timeout) { renderer in
            let (doc, style) = try load(input)
            return try timed { try previews(renderer, doc, style, query) }
        }
        metrics.rendered(pages: out.value.pages.count, seconds: out.seconds)
        if query.page != nil, let page = out.value.pages.first {
            var h = HTTPFields()
            h[.contentType] = "image/png"
            h[.init("X-Page-Count")!] = String(out.value.count)
            return Response(status: .ok, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: page.png)))
        }
        return JSONBody.response(PreviewBody(pages: out.value.pages))
    }

    // MARK: - On the renderer threads

    private func load(_ input: DocumentInput) throws -> (Document, Style) {
        do {
            return try DocumentLoader(resources: resources).load(text: input.text, name: input.name, files: input.files)
        } catch let p as Problems {
            throw DocumentRejected(p, text: input.text)
        }
    }

    private func previews(_ renderer: DocumentRenderer, _ doc: Document, _ style: Style,
                          _ query: PreviewQuery) throws -> (count: Int, pages: [PreviewPage]) {
        let pages = try renderer.pages(doc, style)
        let wanted: [Page]
        if let n = query.page {
            guard n <= pages.count else {
                throw ServiceError.badRequest("page \(n) does not exist: the document has \(pages.count) pages",
                                              "ไม่มีหน้า \(n) เอกสารนี้มี \(pages.count) หน้า")
            }
            wanted = [pages[n - 1]]
        } else {
            wanted = pages
        }
        try PreviewQuery.checkSize(wanted, dpi: query.dpi)
        let canvas = ImageCanvas(dpi: query.dpi)
        Painter().paint(wanted, on: canvas)
        let rendered = zip(wanted, canvas.pages).map { PreviewPage(width: $0.size.width, height: $0.size.height, png: $1) }
        return (pages.count, rendered)
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

/// `?dpi=D&page=N` of /v1/preview.
struct PreviewQuery: Sendable {
    var dpi = 96.0
    var page: Int?

    static let dpiRange = 10.0...300.0
    /// The most pixels one answer may paint (about 280 A4 pages at 96 dpi, 30 at 300 dpi).
    static let maxPixels = 250_000_000.0

    /// A preview of many pages at a high resolution would hold hundreds of megabytes: refused.
    static func checkSize(_ pages: [Page], dpi: Double) throws {
        let scale = dpi / 72
        let pixels = pages.reduce(0.0) { $0 + $1.size.width * scale * $1.size.height * scale }
        guard pixels <= maxPixels else {
            throw ServiceError(.contentTooLarge,
                               "a preview of \(pages.count) pages at \(Int(dpi)) dpi is too large; ask for one page (?page=N) or a lower dpi",
                               "ภาพตัวอย่าง \(pages.count) หน้าที่ \(Int(dpi)) dpi ใหญ่เกินไป ให้ขอทีละหน้า (?page=N) หรือลดความละเอียด")
        }
    }

    init(dpi d: String?, page p: String?) throws {
        if let d {
            guard let v = Double(d), PreviewQuery.dpiRange.contains(v) else {
                throw ServiceError.badRequest("dpi must be a number from 10 to 300, found '\(d)'",
                                              "ความละเอียด (dpi) ต้องเป็นตัวเลข ๑๐–๓๐๐")
            }
            dpi = v
        }
        if let p {
            guard let n = Int(p), n >= 1 else {
                throw ServiceError.badRequest("page must be a whole number from 1, found '\(p)'",
                                              "หมายเลขหน้า (page) ต้องเป็นจำนวนเต็มตั้งแต่ ๑")
            }
            page = n
        }
    }
}

/// One page of a preview: its size in points and its picture.
struct PreviewPage: Encodable, Sendable {
    var width: Double
    var height: Double
    var png: Data

    enum CodingKeys: String, CodingKey { case width, height, png }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        try c.encode(png.base64EncodedString(), forKey: .png)
    }
}

struct PreviewBody: Encodable, Sendable {
    var pages: [PreviewPage]
}
