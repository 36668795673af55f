import Documents
import Foundation
import HTTPTypes
import Hummingbird

/// GET /healthz, /metrics, /v1/fonts and /openapi.yaml.
struct InfoRoutes: Sendable {
    let pool: RenderPool
    let metrics: ServiceMetrics
    let fonts: FontsBody
    let openAPI: [UInt8]

    func add(to router: Router<ServiceContext>) {
        router.get("/healthz") { _, _ in health() }
        router.get("/metrics") { _, _ in prometheus() }
        router.get("/v1/fonts") { _, _ in JSONBody.response(fonts) }
        router.get("/openapi.yaml") { _, _ in
            var h = HTTPFields()
            h[.contentType] = "application/yaml; charset=utf-8"
            return Response(status: .ok, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: openAPI)))
        }
    }

    func health() -> Response {
        let load = pool.load
        return JSONBody.response(HealthBody(status: "ok", version: DocumentRenderer.version, jobs: pool.jobs,
                                            queue: pool.capacity - pool.jobs, running: load.running, waiting: load.waiting))
    }

    func prometheus() -> Response {
        var h = HTTPFields()
        h[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: metrics.text(load: pool.load))))
    }
}

/// What /healthz says: the service is up, and how busy it is.
struct HealthBody: Encodable, Sendable {
    var status: String
    var version: String
    var jobs: Int
    var queue: Int
    var running: Int
    var waiting: Int
}

/// The font report of `saraban fonts` as JSON.
struct FontsBody: Encodable, Sendable {
    struct Face: Encodable, Sendable {
        var label: String
        var family: String?
        var file: String?
        var coversThai: Bool

        enum CodingKeys: String, CodingKey {
            case label, family, file
            case coversThai = "covers_thai"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(label, forKey: .label)
            try c.encode(family, forKey: .family)
            try c.encode(file, forKey: .file)
            try c.encode(coversThai, forKey: .coversThai)
        }
    }

    var chain: String
    var folder: String
    var family: String?
    var coversThai: Bool
    var faces: [Face]

    enum CodingKeys: String, CodingKey {
        case chain, folder, family, faces
        case coversThai = "covers_thai"
    }

    init(_ r: FontReport) {
        chain = r.chain
        folder = r.folder
        family = r.family
        coversThai = r.coversThai
        faces = r.faces.map { Face(label: $0.label, family: $0.family, file: $0.file, coversThai: $0.coversThai) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(chain, forKey: .chain)
        try c.encode(folder, forKey: .folder)
        try c.encode(family, forKey: .family)
        try c.encode(coversThai, forKey: .coversThai)
        try c.encode(faces, forKey: .faces)
    }
}
