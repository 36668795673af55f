import Foundation
import Service
import Testing

/// Limits and safety: sizes, overload, timeouts, the token, and hostile documents.
@Suite(.serialized) struct LimitsTests {
    static let yaml = "application/yaml"

    @Test func bodyOverTheLimitIsRefusedBeforeItIsSent() async throws {
        try await withServer({ $0.maxBody = 64 << 10 }) { server in
            // Only the head goes out: the answer must come without the 100 MB it announces.
            let r = await blocking { () -> HTTPResponse? in
                guard let fd = HTTPClient.connect(server.port) else { return nil }
                defer { close(fd) }
                let head = HTTPClient.head("POST", "/v1/render", [("Content-Type", "application/yaml"), ("Content-Length", "100000000")])
                guard HTTPClient.send(fd, head) else { return nil }
                return HTTPClient.read(fd)
            }
            let answer = try #require(r)
            #expect(answer.status == 413)
            #expect((answer.json() as? [String: String])?["error"]?.contains("65536") == true)
            // Chunked, with no length announced: counted as it streams.
            let chunked = await blocking { () -> HTTPResponse? in
                guard let fd = HTTPClient.connect(server.port) else { return nil }
                defer { close(fd) }
                let head = HTTPClient.head("POST", "/v1/check", [("Content-Type", "application/yaml"), ("Transfer-Encoding", "chunked")])
                _ = HTTPClient.send(fd, head)
                let piece = Data(repeating: 0x23, count: 16 << 10)
                for _ in 0..<8 { _ = HTTPClient.send(fd, Data("4000\r\n".utf8) + piece + Data("\r\n".utf8)) }
                _ = HTTPClient.send(fd, Data("0\r\n\r\n".utf8))
                return HTTPClient.read(fd)
            }
            #expect(chunked?.status == 413)
            // A body under the limit still works on the same server.
            let small = await HTTPClient.post(server.port, "/v1/check", Repo.example("long-memo.yaml"), type: Self.yaml)
            #expect(small?.status == 200)
        }
    }

    @Test func documentOverEightMebibytesIsRefused() async throws {
        try await withServer { server in
            // A 10 MB cell: the document is over the loader's 8 MiB, under --max-body's 20 MiB.
            let cell = String(repeating: "ก", count: 3_400_000)
            let doc = TestDocuments.memo(rest: "attachments:\n  - content:\n      - table:\n          columns: [{title: ก, width: 1}]\n          rows:\n            - [\"\(cell)\"]\n")
            #expect(doc.count > 10_000_000)
            let r = try #require(await HTTPClient.post(server.port, "/v1/render", doc, type: Self.yaml))
            #expect(r.status == 413)
            #expect((r.json() as? [String: String])?["error"]?.contains("document") == true)
        }
    }

    @Test func overloadIsRefusedWithRetryAfter() async throws {
        try await withServer({ $0.jobs = 1; $0.queue = 1; $0.timeout = 6 }) { server in
            let port = server.port
            let slow = TestDocuments.longTable(rows: 20_000)
            async let first = HTTPClient.post(port, "/v1/render", slow, type: Self.yaml)
            try await Self.waitFor(port) { $0.running == 1 }
            async let second = HTTPClient.post(port, "/v1/render", slow, type: Self.yaml)
            try await Self.waitFor(port) { $0.running == 1 && $0.waiting == 1 }
            let third = try #require(await HTTPClient.post(port, "/v1/render", Repo.example("long-memo.yaml"), type: Self.yaml))
            #expect(third.status == 503)
            #expect(third.header("retry-after") == "1")
            #expect((third.json() as? [String: String])?["error_th"] != nil)
            let (a, b) = await (first, second)
            // Both reach the 6 s deadline: the running one is abandoned, the waiting one never starts.
            #expect(a?.status == 504 && b?.status == 504, "\(a?.status ?? 0) \(b?.status ?? 0)")
            #expect((a?.json() as? [String: String])?["error"]?.contains("6 s") == true)
            let metrics = Prometheus(await HTTPClient.get(port, "/metrics")?.text ?? "")
            #expect(metrics["saraban_http_requests_total{route=\"/v1/render\",method=\"POST\",status=\"503\"}"] == 1)
            #expect(metrics["saraban_http_requests_total{route=\"/v1/render\",method=\"POST\",status=\"504\"}"] == 2)
            // Once the abandoned render has left its thread, the pool knows renders take seconds:
            // a refusal asks for more than one.
            try await Self.waitFor(port) { $0.running == 0 && $0.waiting == 0 }
            async let again = HTTPClient.post(port, "/v1/render", slow, type: Self.yaml)
            try await Self.waitFor(port) { $0.running == 1 }
            async let queued = HTTPClient.post(port, "/v1/render", slow, type: Self.yaml)
            try await Self.waitFor(port) { $0.running == 1 && $0.waiting == 1 }
            let refused = try #require(await HTTPClient.post(port, "/v1/render", Repo.example("long-memo.yaml"), type: Self.yaml))
            #expect(refused.status == 503)
            let wait = try #require(refused.header("retry-after").flatMap(Int.init))
            #expect(wait >= 2 && wait <= 60, "Retry-After \(wait)")
            _ = await (again, queued)
        }
    }

    @Test func aRenderPastItsTimeoutIsStoppedAndItsRendererIsFreeAgain() async throws {
        try await withServer({ $0.jobs = 1; $0.queue = 4; $0.timeout = 4 }) { server in
            let port = server.port
            // Laid out whole, this table keeps a renderer busy far longer than 4 s.
            let slow = try #require(await HTTPClient.post(port, "/v1/render", TestDocuments.longTable(rows: 20_000), type: Self.yaml))
            #expect(slow.status == 504)
            #expect((slow.json() as? [String: String])?["error_th"] != nil)
            // Sent at once to the only renderer, under the same 4 s deadline, a memo renders: the
            // abandoned table did not go on.
            let after = try #require(await HTTPClient.post(port, "/v1/render", Repo.example("hinlekfai.yaml"), type: Self.yaml))
            #expect(after.status == 200)
            #expect(after.body == Repo.cliPDF("hinlekfai.yaml"))
            try await Self.waitFor(port) { $0.running == 0 && $0.waiting == 0 }
        }
    }

    @Test func aPreviewTooLargeToHoldIsRefusedButItsPagesCanBeHad() async throws {
        try await withServer { server in
            let doc = TestDocuments.longTable(rows: 1500)
            let all = try #require(await HTTPClient.post(server.port, "/v1/preview?dpi=300", doc, type: Self.yaml))
            #expect(all.status == 413, "\(all.text.prefix(200))")
            #expect((all.json() as? [String: String])?["error"]?.contains("page=N") == true)
            let one = try #require(await HTTPClient.post(server.port, "/v1/preview?dpi=300&page=3", doc, type: Self.yaml))
            #expect(one.status == 200 && TestPictures.pngSize(one.body)?.0 == 2480)
            #expect(Int(one.header("x-page-count") ?? "") ?? 0 > 40)
        }
    }

    @Test func tokenIsRequiredOnV1Only() async throws {
        let dir = Repo.tempDir()
        let token = "s3cret-token-for-the-test-0123456789"
        let file = Repo.write(Data((token + "\n").utf8), "token", in: dir)
        let read = try ServiceOptions.token(fromFile: file)
        #expect(read == token)
        try await withServer({ $0.token = read }) { server in
            let none = try #require(await HTTPClient.get(server.port, "/v1/fonts"))
            #expect(none.status == 401 && none.header("www-authenticate") == "Bearer")
            let wrong = await HTTPClient.get(server.port, "/v1/fonts", headers: [("Authorization", "Bearer " + token.dropLast() + "X")])
            #expect(wrong?.status == 401)
            let short = await HTTPClient.get(server.port, "/v1/fonts", headers: [("Authorization", "Bearer s3cret")])
            #expect(short?.status == 401)
            let right = await HTTPClient.get(server.port, "/v1/fonts", headers: [("Authorization", "Bearer " + token)])
            #expect(right?.status == 200)
            let render = await HTTPClient.post(server.port, "/v1/render", Repo.example("long-memo.yaml"), type: Self.yaml)
            #expect(render?.status == 401)
            #expect(await HTTPClient.get(server.port, "/healthz")?.status == 200)
            #expect(await HTTPClient.get(server.port, "/metrics")?.status == 200)
        }
    }

    @Test func hostileDocumentsGetAStatusAndAMessage() async throws {
        try await withServer { server in
            let port = server.port
            func problems(_ r: HTTPResponse?) -> [[String: Any]] {
                ((r?.json() as? [String: Any])?["problems"] as? [[String: Any]]) ?? []
            }
            let bomb = await HTTPClient.post(port, "/v1/render", TestDocuments.aliasBomb, type: Self.yaml)
            #expect(bomb?.status == 422 && !problems(bomb).isEmpty)
            let deepYAML = TestDocuments.memo(memoExtra: "  closing: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
            let deep = await HTTPClient.post(port, "/v1/render", deepYAML, type: Self.yaml)
            #expect(deep?.status == 422 && (problems(deep).first?["message"] as? String)?.contains("nesting") == true)
            let deepJSON = Data(("{\"memo\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}").utf8)
            #expect(await HTTPClient.post(port, "/v1/render", deepJSON, type: "application/json")?.status == 422)
            let notUTF8 = await HTTPClient.post(port, "/v1/check", Data([0x6D, 0x65, 0xFF, 0xFE]), type: Self.yaml)
            #expect(notUTF8?.status == 422)
            // What aborted Pango or trapped in the layout before issue 18: each is the document's
            // problem, named by its key, and the service goes on.
            let nul = await HTTPClient.post(port, "/v1/render", TestDocuments.memo(memoExtra: "  closing: \"ก\\0ข\"\n"), type: Self.yaml)
            #expect(nul?.status == 422 && problems(nul).first?["key"] as? String == "memo.closing", "\(nul?.text ?? "")")
            for (key, value) in [("text", "  size: 1e30pt\n"), ("chart", "  ticks: 1000000000\n"), ("chart", "  scale_max: 1e308\n"),
                                 ("page", "  width: .nan\n")] {
                let r = await HTTPClient.post(port, "/v1/render", TestDocuments.memo(style: "  \(key):\n  " + value), type: Self.yaml)
                #expect(r?.status == 422 && (problems(r).first?["key"] as? String)?.hasPrefix("style.\(key).") == true, "\(key) \(value): \(r?.text ?? "")")
            }
            let fine = await HTTPClient.post(port, "/v1/render", Repo.example("long-memo.yaml"), type: Self.yaml)
            #expect(fine?.status == 200 && fine?.body == Repo.cliPDF("long-memo.yaml"), "still serving after the hostile documents")
        }
    }

    /// Polls /healthz until `ok` says yes (at most a minute).
    static func waitFor(_ port: Int, _ ok: ((running: Int, waiting: Int)) -> Bool) async throws {
        for _ in 0..<600 {
            if let h = await HTTPClient.get(port, "/healthz")?.json() as? [String: Any],
               let r = h["running"] as? Int, let w = h["waiting"] as? Int, ok((r, w)) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the service never reached the state waited for")
    }
}
