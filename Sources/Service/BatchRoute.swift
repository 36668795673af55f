import Batch
import Documents
import Foundation
import HTTPTypes
import Hummingbird

/// POST /v1/batch: a template and a units file in, a zip of the PDFs, their thumbnails,
/// manifest.json and index.html out, streamed as the rows are rendered: rows go to the renderer
/// queue `jobs` at a time, in order with everyone else's renders, and each is sent and forgotten
/// as soon as it and the rows before it are done. The zip's order is the data's: the same batch
/// gives the same bytes.
struct BatchRoute: Sendable {
    let pool: RenderPool
    let resources: Resources
    let options: ServiceOptions
    let metrics: ServiceMetrics

    func add(to router: Router<ServiceContext>) {
        router.post("/v1/batch") { request, _ in try await batch(request) }
    }

    func batch(_ request: Request) async throws -> Response {
        if pool.isFull { throw ServiceError.overloaded(retryAfter: pool.retryAfter) }
        let input = try await BatchInput.read(request, maxBody: options.maxBody)
        let resources = self.resources
        let stream = try await pool.run(timeout: options.timeout) { _ in
            let data = try DataSource(data: input.data, name: input.dataName)
            let template = try Template(text: input.template, name: input.templateName, files: input.files)
            return try BatchStream(template: template, data: data, resources: resources)
        }
        let window = min(pool.jobs, stream.count)
        try pool.reserve(window)
        var h = HTTPFields()
        h[.contentType] = "application/zip"
        h[.contentDisposition] = "attachment; filename=\"batch.zip\""
        let writer = BatchZipWriter(pool: pool, stream: stream, window: window, timeout: options.timeout, metrics: metrics)
        return Response(status: .ok, headers: h, body: ResponseBody { body in
            defer { pool.release(window) }
            try await writer.write(to: &body)
        })
    }
}

/// The parts of a batch request: `template` (YAML), `data` (CSV, TSV, YAML or JSON, by its
/// file name or type) and the files the template names.
struct BatchInput: Sendable {
    var template: String
    var templateName: String
    var data: Data
    var dataName: String
    var files: UploadedFiles

    static func read(_ request: Request, maxBody: Int) async throws -> BatchInput {
        let type = request.headers[.contentType]
        guard let type, let boundary = try FormData.boundary(type) else {
            throw ServiceError.unsupported(type, accepted: "multipart/form-data with parts 'template' and 'data'")
        }
        let parts = try await FormData.read(request, boundary: boundary, limit: maxBody)
        guard let t = parts.first(where: { $0.name == "template" }), let d = parts.first(where: { $0.name == "data" }) else {
            throw ServiceError.badRequest("a batch needs a part named 'template' and a part named 'data'",
                                          "งานชุดต้องมีส่วน 'template' (แม่แบบ) และ 'data' (แฟ้มข้อมูล)")
        }
        let files = try DocumentInput.files(parts.filter { $0.name != "template" && $0.name != "data" })
        let templateName = t.fileName == nil ? "template.yaml" : t.lookupName
        let text = try DocumentInput.text(t.data, name: templateName)
        return BatchInput(template: text, templateName: templateName, data: d.data, dataName: dataName(d), files: files)
    }

    /// The data part's name; its extension tells DataReader the kind, from the file name or the type.
    static func dataName(_ part: FormPart) -> String {
        if part.fileName != nil { return part.lookupName }
        let type = part.contentType.map { HeaderParameters($0).value.lowercased() } ?? ""
        switch type {
        case "text/tab-separated-values": return "data.tsv"
        case "application/json": return "data.json"
        case "application/yaml", "text/yaml", "application/x-yaml": return "data.yaml"
        default: return "data.csv"
        }
    }
}

/// Renders the rows with at most `window` of them in the queue and writes the zip in row order.
struct BatchZipWriter: Sendable {
    let pool: RenderPool
    let stream: BatchStream
    let window: Int
    let timeout: Double
    let metrics: ServiceMetrics

    func write(to body: inout any ResponseBodyWriter) async throws {
        var zip = ZipStream()
        var entries = [ManifestEntry]()
        var pending = [Task<RenderedRow, Never>]()
        var next = 0
        do {
            while next < stream.count || !pending.isEmpty {
                // Rows are read from the data one at a time, as the window has room.
                while next < stream.count && pending.count < window {
                    guard let row = try stream.next() else { break }
                    pending.append(render(row))
                    next += 1
                }
                guard !pending.isEmpty else { break }
                let done = await pending.removeFirst().value
                entries.append(done.entry)
                try await send(done, &zip, &body)
            }
        } catch {
            // The client went away: abandon the rows still queued.
            for t in pending { t.cancel() }
            throw error
        }
        let stream = self.stream
        let records = entries
        let extras = try await pool.run(timeout: timeout, slotted: false) { _ in
            (try stream.manifest(records), stream.indexPage(records))
        }
        try await body.write(ByteBuffer(bytes: zip.entry("manifest.json", extras.0, compress: true)))
        try await body.write(ByteBuffer(bytes: zip.entry("index.html", extras.1, compress: true)))
        try await body.write(ByteBuffer(bytes: zip.finish()))
        try await body.finish(nil)
    }

    private func render(_ row: BatchStream.Row) -> Task<RenderedRow, Never> {
        let pool = self.pool, stream = self.stream, timeout = self.timeout, metrics = self.metrics
        let i = row.index
        return Task {
            do {
                let made = try await pool.run(timeout: timeout, slotted: false) { renderer in
                    timed { stream.render(row, renderer: renderer) }
                }
                if let pages = made.value.entry.pages { metrics.rendered(pages: pages, seconds: made.seconds) }
                return made.value
            } catch let e as ServiceError {
                return stream.failedRow(i, error: "\(e.english) / \(e.thai)")
            } catch {
                return stream.failedRow(i, error: "\(error)")
            }
        }
    }

    private func send(_ row: RenderedRow, _ zip: inout ZipStream, _ body: inout any ResponseBodyWriter) async throws {
        guard let pdf = row.pdf else { return }
        try await body.write(ByteBuffer(bytes: zip.entry(row.entry.file, pdf, compress: false)))
        if let png = row.thumbnail, let name = row.entry.thumbnail {
            try await body.write(ByteBuffer(bytes: zip.entry(name, png, compress: false)))
        }
    }
}
