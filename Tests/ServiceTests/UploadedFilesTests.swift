import Foundation
import Testing

/// The files a document names come from the request's parts and nowhere else.
@Suite(.serialized) struct UploadedFilesTests {
    static func problems(_ r: HTTPResponse?) -> [[String: Any]] {
        ((r?.json() as? [String: Any])?["problems"] as? [[String: Any]]) ?? []
    }

    static func send(_ port: Int, _ doc: Data, _ files: [(String, Data)] = [], path: String = "/v1/render") async -> HTTPResponse? {
        var form = Multipart()
        form.add("document", fileName: "memo.yaml", doc)
        for (name, data) in files { form.add("file", fileName: name, data) }
        return await HTTPClient.post(port, path, form.finished(), type: form.contentType)
    }

    @Test func noFileOfTheServerCanBeNamed() async throws {
        try await withServer { server in
            let secret = Repo.tempDir() + "/secret.png"
            FileManager.default.createFile(atPath: secret, contents: TestPictures.png(width: 4, height: 4))
            let cases: [(doc: Data, key: String)] = [
                (TestDocuments.memo(style: "  emblem: \(secret)\n"), "style.emblem"),
                (TestDocuments.memo(style: "  emblem: ../secret.png\n"), "style.emblem"),
                (TestDocuments.memo(memoExtra: "  signature:\n    name: นายทดสอบ\n    image: /etc/hostname\n"), "memo.signature.image"),
                (TestDocuments.memo(rest: "attachments:\n  - content:\n      - table:\n          source: ../../etc/passwd\n"),
                 "attachments.0.content.0.table.source"),
                (TestDocuments.memo(style: "  emblem: garuda.png\n"), "style.emblem"),
            ]
            for (doc, key) in cases {
                // Sent with a part that is not the one named, and as plain YAML with no parts at all.
                for r in [await Self.send(server.port, doc, [("other.png", TestPictures.png(width: 2, height: 2))]),
                          await HTTPClient.post(server.port, "/v1/render", doc, type: "application/yaml")] {
                    #expect(r?.status == 422, "\(key): \(r?.text.prefix(200) ?? "no answer")")
                    let p = Self.problems(r)
                    #expect(p.contains { $0["key"] as? String == key }, "\(key): \(p)")
                    #expect(p.allSatisfy { ($0["message_th"] as? String)?.isEmpty == false })
                }
            }
            // The same emblem sent as a part is used.
            let ok = await Self.send(server.port, TestDocuments.memo(style: "  emblem: secret.png\n"), [("secret.png", TestPictures.png(width: 4, height: 4))])
            #expect(ok?.status == 200)
        }
    }

    @Test func garbageBehindAPNGHeaderIsRefused() async throws {
        try await withServer { server in
            var fake = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            fake.append(Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
            let r = await Self.send(server.port, TestDocuments.memo(style: "  emblem: fake.png\n"), [("fake.png", fake)])
            #expect(r?.status == 422)
            let p = Self.problems(r)
            #expect(p.first?["key"] as? String == "style.emblem" && (p.first?["line"] as? Int ?? 0) > 0, "\(p)")
            // A PNG header claiming 100,000 × 100,000 pixels is refused before anything is allocated.
            var huge = TestPictures.png(width: 2, height: 2)
            huge.replaceSubrange(16..<24, with: TestPictures.be32(100_000) + TestPictures.be32(100_000))
            let h = await Self.send(server.port, TestDocuments.memo(style: "  emblem: huge.png\n"), [("huge.png", huge)])
            #expect(h?.status == 422)
        }
    }

    @Test func anSVGsExternalEntityIsNeverRead() async throws {
        try await withServer { server in
            // The entity would paint the whole emblem black; its file is on the server's disk.
            let dir = Repo.tempDir()
            let outside = dir + "/black.xml"
            try Data("<rect x=\"0\" y=\"0\" width=\"100\" height=\"100\" fill=\"black\"/>".utf8).write(to: URL(fileURLWithPath: outside))
            func svg(_ entity: Bool) -> Data {
                let doctype = entity ? "<!DOCTYPE svg [<!ENTITY ext SYSTEM \"file://\(outside)\">]>\n" : ""
                let reference = entity ? "&ext;" : ""
                let head = "<?xml version=\"1.0\"?>\n" + doctype
                let body = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
                    + "<circle cx=\"50\" cy=\"50\" r=\"10\" fill=\"gray\"/>" + reference + "</svg>"
                return Data((head + body).utf8)
            }
            let doc = TestDocuments.memo(style: "  emblem: e.svg\n")
            let with = await Self.send(server.port, doc, [("e.svg", svg(true))], path: "/v1/preview?dpi=30&page=1")
            let plain = await Self.send(server.port, doc, [("e.svg", svg(false))], path: "/v1/preview?dpi=30&page=1")
            #expect(plain?.status == 200)
            // Either refused, or drawn exactly as the same picture without the entity.
            #expect(with?.status == 422 || (with?.status == 200 && with?.body == plain?.body), "\(with?.status ?? 0)")
        }
    }
}
