import Documents
import Foundation
import HTTPTypes
import Hummingbird
import Layout
import Typeset

/// POST /v1/preview: every page as PNG in JSON, or one page (`?page=N`) as image/png. The
/// editor sends the fingerprints of the pictures it holds (`have=`): those pages come back
/// without their PNG, so a keystroke paints only the pages it changed.
struct PreviewRoute: Sendable {
    let pool: RenderPool
    let resources: Resources
    let options: ServiceOptions
    let metrics: ServiceMetrics

    func add(to router: Router<ServiceContext>) {
        router.post("/v1/preview") { request, _ in try await preview(request) }
    }

    func preview(_ request: Request) async throws -> Response {
        let q = request.uri.queryParameters
        let query = try PreviewQuery(dpi: q["dpi"].map(String.init), page: q["page"].map(String.init),
                                     have: q["have"].map(String.init), lines: q["lines"].map(String.init))
        if pool.isFull { throw ServiceError.overloaded(retryAfter: pool.retryAfter) }
        let input = try await DocumentInput.read(request, maxBody: options.maxBody)
        let admitted = ContinuousClock.now
        let out = try await pool.run(timeout: options.timeout) { renderer in
            try timed { try previews(renderer, input, query, admitted: admitted) }
        }
        metrics.rendered(pages: out.value.painted, seconds: out.seconds)
        var h = HTTPFields()
        h[.init("Server-Timing")!] = out.value.timing.header
        if query.page != nil, let page = out.value.pages.first, let png = page.png {
            h[.contentType] = "image/png"
            h[.init("X-Page-Count")!] = String(out.value.count)
            return Response(status: .ok, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: png)))
        }
        h[.contentType] = "application/json; charset=utf-8"
        let body = JSONBody.encode(PreviewBody(pages: out.value.pages))
        return Response(status: .ok, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// What one preview made, on the renderer thread.
    struct Made: Sendable {
        var count: Int
        var painted: Int
        var pages: [PreviewPage]
        var timing: PreviewTiming
    }

    // MARK: - On the renderer threads

    private func previews(_ renderer: DocumentRenderer, _ input: DocumentInput, _ query: PreviewQuery,
                          admitted: ContinuousClock.Instant) throws -> Made {
        var timing = PreviewTiming()
        timing.queue = PreviewTiming.ms(since: admitted)
        var clock = ContinuousClock.now
        let (doc, style) = try load(input)
        timing.load = PreviewTiming.lap(&clock)
        let pages = try renderer.pages(doc, style)
        timing.layout = PreviewTiming.lap(&clock)
        let wanted = try chosen(pages, query)
        var fingerprints = PageFingerprints(doc)
        let sections = Self.sections(pages)
        var out = wanted.map { n, page in
            PreviewPage(width: page.size.width, height: page.size.height, hash: fingerprints.of(page, dpi: query.dpi), section: sections[n])
        }
        let paint = out.indices.filter { query.page != nil || !query.have.contains(out[$0].hash) }
        // A page the client holds has the lines it had: the fingerprint covers every line.
        if query.lines { for i in paint { out[i].lines = PreviewLine.lines(wanted[i].page) } }
        try PreviewQuery.checkSize(paint.map { wanted[$0].page }, dpi: query.dpi)
        let canvas = ImageCanvas(dpi: query.dpi)
        Painter().paint(paint.map { wanted[$0].page }, on: canvas)
        for (i, png) in zip(paint, canvas.pages) { out[i].png = png }
        timing.paint = PreviewTiming.lap(&clock)
        return Made(count: pages.count, painted: paint.count, pages: out, timing: timing)
    }

    private func chosen(_ pages: [Page], _ query: PreviewQuery) throws -> [(offset: Int, page: Page)] {
        guard let n = query.page else { return pages.enumerated().map { ($0.offset, $0.element) } }
        guard n <= pages.count else {
            throw ServiceError.badRequest("page \(n) does not exist: the document has \(pages.count) pages",
                                          "ไม่มีหน้า \(n) เอกสารนี้มี \(pages.count) หน้า")
        }
        return [(n - 1, pages[n - 1])]
    }

    /// Each page's section: 0 for the memo, k for the k-th attachment.
    static func sections(_ pages: [Page]) -> [Int] {
        var k = -1
        return pages.map { page in
            if page.startsSection || k < 0 { k += 1 }
            return k
        }
    }

    private func load(_ input: DocumentInput) throws -> (Document, Style) {
        do {
            return try DocumentLoader(resources: resources).load(text: input.text, name: input.name, files: input.files)
        } catch let p as Problems {
            throw DocumentRejected(p, text: input.text)
        }
    }
}

/// Where a preview's time went on the service, for the Server-Timing header (milliseconds).
struct PreviewTiming: Sendable {
    var queue = 0.0, load = 0.0, layout = 0.0, paint = 0.0

    var header: String {
        [("queue", queue), ("load", load), ("layout", layout), ("paint", paint)]
            .map { "\($0.0);dur=\(String(format: "%.1f", $0.1))" }.joined(separator: ", ")
    }

    static func ms(since t: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - t
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) * 1e-15
    }

    /// Milliseconds since `t`, and `t` moved to now.
    static func lap(_ t: inout ContinuousClock.Instant) -> Double {
        let v = ms(since: t)
        t = .now
        return v
    }
}
