import Foundation
import Testing
import Yams

/// Every endpoint end to end over a real socket, the server started in this process.
@Suite(.serialized) struct EndpointTests {
    static let yaml = "application/yaml"

    @Test func examplesRenderByteIdenticalToTheCommandLine() async throws {
        try await withServer { server in
            for name in ["hinlekfai.yaml", "long-memo.yaml"] {
                let r = try #require(await HTTPClient.post(server.port, "/v1/render", Repo.example(name), type: Self.yaml))
                #expect(r.status == 200, "\(name): \(r.text.prefix(300))")
                #expect(r.header("content-type") == "application/pdf")
                #expect(r.body == Repo.cliPDF(name), "\(name): the service's PDF differs from saraban render's")
            }
            // The table's source file comes as a part with its file name.
            var form = Multipart()
            form.add("document", fileName: "measures-6-months.yaml", Repo.example("measures-6-months.yaml"))
            form.add("source", fileName: "measures-6-months.csv", type: "text/csv", Repo.example("measures-6-months.csv"))
            let m = try #require(await HTTPClient.post(server.port, "/v1/render", form.finished(), type: form.contentType))
            #expect(m.status == 200, "\(m.text.prefix(300))")
            #expect(m.body == Repo.cliPDF("measures-6-months.yaml"))
            #expect(Repo.pages(m.body) > 1)
        }
    }

    @Test func yamlAndJSONGiveTheSameBytes() async throws {
        try await withServer { server in
            let yaml = Repo.example("hinlekfai.yaml")
            let json = try JSONTree.json(fromYAML: String(decoding: yaml, as: UTF8.self))
            #expect(json.first == UInt8(ascii: "{"))
            let a = try #require(await HTTPClient.post(server.port, "/v1/render", yaml, type: "text/yaml"))
            let b = try #require(await HTTPClient.post(server.port, "/v1/render", json, type: "application/json"))
            #expect(a.status == 200 && b.status == 200, "\(b.text.prefix(300))")
            #expect(a.body == b.body)
            #expect(Repo.text(a.body).contains("องค์การบริหารส่วนตำบลหินเหล็กไฟ"))
        }
    }

    @Test func multipartEmblemIsDrawn() async throws {
        try await withServer { server in
            let doc = String(decoding: Repo.example("long-memo.yaml"), as: UTF8.self) + "\nstyle:\n  emblem: ตรา.png\n"
            var form = Multipart()
            form.add("document", fileName: "memo.yaml", Data(doc.utf8))
            form.add("emblem", fileName: "ตรา.png", type: "image/png", TestPictures.png(width: 60, height: 66))
            let with = try #require(await HTTPClient.post(server.port, "/v1/render", form.finished(), type: form.contentType))
            #expect(with.status == 200, "\(with.text.prefix(400))")
            let images = TestPictures.imageList(with.body)
            #expect(images.contains { $0.width == 60 && $0.height == 66 }, "pdfimages found \(images)")
            let without = try #require(await HTTPClient.post(server.port, "/v1/render", Repo.example("long-memo.yaml"), type: Self.yaml))
            #expect(TestPictures.imageList(without.body).isEmpty)
        }
    }

    @Test func checkSaysOkOrNamesEveryProblem() async throws {
        try await withServer { server in
            let ok = try #require(await HTTPClient.post(server.port, "/v1/check", Repo.example("hinlekfai.yaml"), type: Self.yaml))
            #expect(ok.status == 200)
            #expect((ok.json() as? [String: Bool]) == ["ok": true])
            let bad = "memo:\n  agency: สำนักปลัด\n  ref: ที่ ๑\n  subjct: เรื่อง\n  to: นายก\n  body:\n    - heading: [1, 2]\n"
            let r = try #require(await HTTPClient.post(server.port, "/v1/check", Data(bad.utf8), type: Self.yaml))
            #expect(r.status == 422)
            let problems = try #require((r.json() as? [String: Any])?["problems"] as? [[String: Any]])
            let keys = problems.compactMap { $0["key"] as? String }
            #expect(keys.contains("memo.subjct"), "\(problems)")
            #expect(keys.contains("memo.subject"), "\(problems)")
            let unknown = try #require(problems.first { ($0["key"] as? String) == "memo.subjct" })
            #expect(unknown["line"] as? Int == 4 && unknown["column"] as? Int == 3)
            #expect((unknown["message"] as? String)?.contains("subject") == true)
            #expect((unknown["message_th"] as? String)?.contains("เรื่อง") == true)
        }
    }

    @Test func previewPagesAreThePDFsPages() async throws {
        try await withServer { server in
            let doc = Repo.example("hinlekfai.yaml")
            let pdf = try #require(await HTTPClient.post(server.port, "/v1/render", doc, type: Self.yaml)).body
            let r = try #require(await HTTPClient.post(server.port, "/v1/preview?dpi=24", doc, type: Self.yaml))
            #expect(r.status == 200 && r.header("content-type")?.hasPrefix("application/json") == true)
            let pages = try #require((r.json() as? [String: Any])?["pages"] as? [[String: Any]])
            #expect(pages.count == Repo.pages(pdf))
            let first = try #require(pages.first)
            #expect(abs((first["width"] as? Double ?? 0) - 595.28) < 0.1 && abs((first["height"] as? Double ?? 0) - 841.89) < 0.1)
            let png = try #require(Data(base64Encoded: first["png"] as? String ?? ""))
            let size = try #require(TestPictures.pngSize(png))
            // The picture is the page at 24 dpi, rounded to whole pixels.
            #expect(size.0 == Int((595.28 * 24 / 72).rounded()) && size.1 == Int((841.89 * 24 / 72).rounded()))
            // The landscape attachment's pages are wider than tall.
            #expect(pages.contains { ($0["width"] as? Double ?? 0) > ($0["height"] as? Double ?? 0) })
            let one = try #require(await HTTPClient.post(server.port, "/v1/preview?dpi=24&page=2", doc, type: Self.yaml))
            #expect(one.status == 200 && one.header("content-type") == "image/png")
            #expect(one.header("x-page-count") == String(pages.count))
            #expect(one.body == Data(base64Encoded: pages[1]["png"] as? String ?? ""))
            let beyond = try #require(await HTTPClient.post(server.port, "/v1/preview?page=99", doc, type: Self.yaml))
            #expect(beyond.status == 400 && (beyond.json() as? [String: String])?["error_th"] != nil)
            let badDPI = try #require(await HTTPClient.post(server.port, "/v1/preview?dpi=5000", doc, type: Self.yaml))
            #expect(badDPI.status == 400)
        }
    }

    @Test func fontsHealthMetricsAndTheDescription() async throws {
        try await withServer { server in
            let fonts = try #require(await HTTPClient.get(server.port, "/v1/fonts")?.json() as? [String: Any])
            #expect(fonts["covers_thai"] as? Bool == true)
            #expect((fonts["faces"] as? [[String: Any]])?.count == 2)
            let health = try #require(await HTTPClient.get(server.port, "/healthz")?.json() as? [String: Any])
            #expect(health["status"] as? String == "ok" && health["jobs"] as? Int == 2 && health["queue"] as? Int == 8)
            let doc = Repo.example("hinlekfai.yaml")
            let pdf = try #require(await HTTPClient.post(server.port, "/v1/render", doc, type: Self.yaml)).body
            _ = await HTTPClient.post(server.port, "/v1/render", Data("memo: 1".utf8), type: Self.yaml)
            let metrics = try #require(await HTTPClient.get(server.port, "/metrics"))
            #expect(metrics.header("content-type")?.hasPrefix("text/plain") == true)
            let m = Prometheus(metrics.text)
            #expect(m["saraban_http_requests_total{route=\"/v1/render\",method=\"POST\",status=\"200\"}"] == 1)
            #expect(m["saraban_http_requests_total{route=\"/v1/render\",method=\"POST\",status=\"422\"}"] == 1)
            #expect(m["saraban_http_requests_total{route=\"/v1/fonts\",method=\"GET\",status=\"200\"}"] == 1)
            #expect(m["saraban_pages_rendered_total"] == Double(Repo.pages(pdf)))
            #expect(m["saraban_render_seconds_count"] == 1)
            #expect(m["saraban_render_seconds_bucket{le=\"+Inf\"}"] == 1)
            #expect(m["saraban_renders_in_flight"] == 0 && m["saraban_queue_length"] == 0)
            let spec = try #require(await HTTPClient.get(server.port, "/openapi.yaml"))
            #expect(spec.status == 200 && spec.header("content-type")?.hasPrefix("application/yaml") == true)
            #expect(spec.body == FileManager.default.contents(atPath: Repo.root + "/Templates/service/openapi.yaml"))
        }
    }

    @Test func theDescriptionNamesEveryRouteAndEveryStatusTheRoutesGive() throws {
        let text = try String(contentsOfFile: Repo.root + "/Templates/service/openapi.yaml", encoding: .utf8)
        let spec = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(spec["openapi"] as? String == "3.1.0")
        let paths = try #require(spec["paths"] as? [String: Any])
        let routes = ["/v1/render": "post", "/v1/check": "post", "/v1/preview": "post", "/v1/batch": "post",
                      "/v1/parse": "post", "/v1/yaml": "post", "/v1/table": "post",
                      "/v1/fonts": "get", "/healthz": "get", "/metrics": "get", "/openapi.yaml": "get"]
        #expect(Set(paths.keys) == Set(routes.keys))
        for (path, method) in routes {
            let op = try #require((paths[path] as? [String: Any])?[method] as? [String: Any], "\(method) \(path)")
            let statuses = Set(((op["responses"] as? [String: Any]) ?? [:]).keys)
            #expect(statuses.contains("200"))
            if path.hasPrefix("/v1/") { #expect(statuses.contains("401"), "\(path)") }
            if method == "post" {
                #expect(statuses.isSuperset(of: ["400", "413", "415", "422", "503", "504"]), "\(path): \(statuses)")
            }
        }
    }

    @Test func requestIdIsEchoedOrMade() async throws {
        try await withServer { server in
            let echoed = try #require(await HTTPClient.get(server.port, "/healthz", headers: [("X-Request-Id", "clerk-42")]))
            #expect(echoed.header("x-request-id") == "clerk-42")
            let a = try #require(await HTTPClient.get(server.port, "/healthz")?.header("x-request-id"))
            let b = try #require(await HTTPClient.get(server.port, "/nowhere"))
            #expect(a.count >= 16 && a.allSatisfy(\.isHexDigit))
            #expect(b.status == 404 && b.header("x-request-id") != nil && b.header("x-request-id") != a)
            #expect((b.json() as? [String: String])?["error_th"] != nil)
        }
    }
}

/// A Prometheus text exposition, by series.
struct Prometheus {
    var values: [String: Double] = [:]

    init(_ text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            values[String(line[..<space])] = Double(line[line.index(after: space)...])
        }
    }

    subscript(_ series: String) -> Double? { values[series] }
}

/// A YAML document as the same tree in JSON (every scalar a string, as the loader reads them).
enum JSONTree {
    static func json(fromYAML text: String) throws -> Data {
        guard let node = try Yams.compose(yaml: text) else { return Data("null".utf8) }
        return try JSONSerialization.data(withJSONObject: value(node), options: [.sortedKeys])
    }

    static func value(_ node: Node) -> Any {
        switch node {
        case .scalar(let s): return s.string
        case .sequence(let s): return s.map(value)
        case .mapping(let m): return Dictionary(m.map { ($0.key.string ?? "", value($0.value)) }, uniquingKeysWith: { a, _ in a })
        case .alias: return ""
        }
    }
}
