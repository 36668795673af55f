import Foundation
import Testing

/// What the web editor asks of the service, over a real socket: /v1/parse (a file as its tree),
/// /v1/yaml (the tree as YAML that `saraban render` reads back) and the preview's fingerprints,
/// lines and sections.
@Suite(.serialized) struct EditorRoutesTests {
    static let yaml = "application/yaml"

    @Test func parseKeepsTheOrderAndReadsScalarsAsTheLoaderDoes() async throws {
        try await withServer { server in
            let doc = "memo:\n  to: นายก\n  agency: สำนักปลัด\n  phone: ~\n  ref: 0123\n  subject: \"null\"\n  closing:\n  body: [ข้อความ, \"\"]\n"
                + "attachments:\n  - title: ก\n    content:\n      - chart: {title: ผล, data: {\"2566\": 1, ก: 2, \"10\": 3}}\n"
            let r = try #require(await HTTPClient.post(server.port, "/v1/parse", Data(doc.utf8), type: Self.yaml))
            #expect(r.status == 200 && r.header("content-type")?.hasPrefix("application/json") == true)
            // Written order, not sorted: `to` before `agency`, chart labels 2566, ก, 10.
            #expect(r.text.hasPrefix("{\"memo\":{\"to\":\"นายก\",\"agency\":\"สำนักปลัด\","))
            #expect(r.text.contains("\"data\":{\"2566\":\"1\",\"ก\":\"2\",\"10\":\"3\"}"))
            // Every scalar a string as the loader reads it (it prints ~ and 0123 as written); an
            // empty plain value is null; a quoted "" is the empty text.
            #expect(r.text.contains("\"phone\":\"~\",\"ref\":\"0123\",\"subject\":\"null\",\"closing\":null,\"body\":[\"ข้อความ\",\"\"]"))
            let tree = try #require(r.json() as? [String: Any])
            #expect(Set(tree.keys) == ["memo", "attachments"])
        }
    }

    @Test func parseRefusesOnlyWhatCannotBeRead() async throws {
        try await withServer { server in
            let broken = try #require(await HTTPClient.post(server.port, "/v1/parse", Data("memo:\n  agency: \"ไม่ปิด\n".utf8), type: Self.yaml))
            #expect(broken.status == 422)
            let problem = try #require(((broken.json() as? [String: Any])?["problems"] as? [[String: Any]])?.first)
            #expect((problem["line"] as? Int ?? 0) >= 2 && (problem["message_th"] as? String)?.contains("เครื่องหมายคำพูด") == true, "\(problem)")
            let list = try #require(await HTTPClient.post(server.port, "/v1/parse", Data("- memo\n".utf8), type: Self.yaml))
            #expect(list.status == 422 && list.text.contains("ชุดหัวข้อ"))
            // A document with problems the loader finds is read all the same (the editor shows them).
            let typo = try #require(await HTTPClient.post(server.port, "/v1/parse", Data("memo:\n  subjct: ก\n".utf8), type: Self.yaml))
            #expect(typo.status == 200 && typo.text == "{\"memo\":{\"subjct\":\"ก\"}}")
            let start = ContinuousClock.now
            let bomb = try #require(await HTTPClient.post(server.port, "/v1/parse", TestDocuments.aliasBomb, type: Self.yaml))
            #expect(bomb.status == 422 && bomb.text.contains("alias"))
            let saved = try #require(await HTTPClient.post(server.port, "/v1/yaml", TestDocuments.aliasBomb, type: Self.yaml))
            #expect(saved.status == 422 && saved.text.contains("alias"))
            #expect(ContinuousClock.now - start < .seconds(30))
        }
    }

    @Test func yamlOfEveryExampleRendersTheSameBytes() async throws {
        try await withServer { server in
            let dir = Repo.tempDir()
            try FileManager.default.copyItem(atPath: Repo.root + "/Templates/examples/measures-6-months.csv", toPath: dir + "/measures-6-months.csv")
            for name in ["hinlekfai.yaml", "long-memo.yaml", "measures-6-months.yaml"] {
                let r = try #require(await HTTPClient.post(server.port, "/v1/yaml", Repo.example(name), type: Self.yaml))
                #expect(r.status == 200 && r.header("content-type")?.hasPrefix("application/yaml") == true)
                let path = Repo.write(r.body, "saved-" + name, in: dir)
                let out = dir + "/saved.pdf"
                let run = Repo.run(Repo.saraban, ["render", path, "-o", out])
                #expect(run.code == 0, "\(run.err)")
                #expect(FileManager.default.contents(atPath: out) == Repo.cliPDF(name), "\(name): the saved YAML renders differently")
                // Block style, Thai as it is, no line folding.
                #expect(!r.text.contains("{") && !r.text.contains("\\u0e"))
                #expect(r.text.split(separator: "\n").allSatisfy { !$0.hasSuffix(" ") })
            }
        }
    }

    @Test func yamlReadsBackAsTheSameTreeWhateverTheText() async throws {
        try await withServer { server in
            let odd = ["null", "~", "", " lead", "trail ", "a: b", "# x", "- x", "[x]", "{x}", "yes", "0123", "1e3", "'q'", "\"dq\"",
                       "two\nlines", "ends\n", "\n\nlead", " sp\nx", "tab\tin", "@x", "`x", "%x", "!x", "&x", "*x", "|", ">", "?", ":",
                       "ก: ข", "a\u{2028}b", "ตาราง #๑"]
            let items = odd.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\"" }
            // The editor's own form: JSON with null tagged (JSON's null would be the text "null").
            let json = "{\"memo\":{\"agency\":\"ก\",\"phone\":!!null \"\",\"body\":[" + items.joined(separator: ",") + "]},\"style\":{\"x\":{},\"y\":[]}}"
            let saved = try #require(await HTTPClient.post(server.port, "/v1/yaml", Data(json.utf8), type: Self.yaml))
            #expect(saved.status == 200, "\(saved.text)")
            let a = try #require(await HTTPClient.post(server.port, "/v1/parse", Data(json.utf8), type: Self.yaml))
            let b = try #require(await HTTPClient.post(server.port, "/v1/parse", saved.body, type: Self.yaml))
            #expect(a.status == 200 && b.status == 200)
            #expect(a.body == b.body, "\(saved.text)")
            #expect(b.text.contains("\"phone\":null") && b.text.contains("\"null\",\"~\",\"\","))
            #expect(saved.text.contains("\n  phone:\n"))
        }
    }

    @Test func previewFingerprintsLetTheEditorFetchOnlyChangedPages() async throws {
        try await withServer { server in
            let doc = Repo.example("long-memo.yaml")
            let first = try #require(await HTTPClient.post(server.port, "/v1/preview?dpi=30&lines=true", doc, type: Self.yaml))
            #expect(first.status == 200)
            let timing = first.header("server-timing") ?? ""
            for part in ["queue;dur=", "load;dur=", "layout;dur=", "paint;dur="] { #expect(timing.contains(part), "\(timing)") }
            let pages = try #require((first.json() as? [String: Any])?["pages"] as? [[String: Any]])
            let hashes = pages.compactMap { $0["hash"] as? String }
            #expect(hashes.count == 3 && Set(hashes).count == 3)
            #expect(hashes.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
            // Lines: the subject's first words on page 1, in points on the page.
            let lines = try #require(pages[0]["lines"] as? [[String: Any]])
            #expect(lines.contains { ($0["text"] as? String)?.contains("ขออนุมัติแผนการดำเนินการ") == true })
            #expect(lines.allSatisfy { ($0["y"] as? Double ?? -1) >= 0 && ($0["y"] as? Double ?? 1e9) < 842 })
            // Holding every picture: none is sent again, the fingerprints are the same.
            let have = hashes.joined(separator: ",")
            let again = try #require(await HTTPClient.post(server.port, "/v1/preview?dpi=30&lines=true&have=\(have)", doc, type: Self.yaml))
            let same = try #require((again.json() as? [String: Any])?["pages"] as? [[String: Any]])
            #expect(same.compactMap { $0["hash"] as? String } == hashes)
            #expect(same.allSatisfy { $0["png"] == nil && $0["lines"] == nil })
            // The signer's name is on page 3 only: only page 3 is painted, as ?page=3 paints it.
            let edited = Data(String(decoding: doc, as: UTF8.self).replacingOccurrences(of: "นายสมศักดิ์ ใจซื่อตรง", with: "นายสมศักดิ์ ใจตรง").utf8)
            let changed = try #require(await HTTPClient.post(server.port, "/v1/preview?dpi=30&lines=true&have=\(have)", edited, type: Self.yaml))
            let after = try #require((changed.json() as? [String: Any])?["pages"] as? [[String: Any]])
            #expect(after[0]["lines"] == nil && after[2]["lines"] != nil)
            #expect(after.prefix(2).compactMap { $0["hash"] as? String } == Array(hashes.prefix(2)))
            #expect(after[2]["hash"] as? String != hashes[2])
            #expect(after.prefix(2).allSatisfy { $0["png"] == nil })
            let page3 = try #require(await HTTPClient.post(server.port, "/v1/preview?dpi=30&page=3", edited, type: Self.yaml))
            #expect(Data(base64Encoded: after[2]["png"] as? String ?? "") == page3.body)
            // Another resolution is another picture.
            let other = try #require(await HTTPClient.post(server.port, "/v1/preview?dpi=31&have=\(have)", doc, type: Self.yaml))
            let others = try #require((other.json() as? [String: Any])?["pages"] as? [[String: Any]])
            #expect(others.allSatisfy { $0["png"] != nil })
        }
    }

    @Test func previewSectionsAndBadFingerprints() async throws {
        try await withServer { server in
            let doc = Repo.example("hinlekfai.yaml")
            let r = try #require(await HTTPClient.post(server.port, "/v1/preview?dpi=12", doc, type: Self.yaml))
            let pages = try #require((r.json() as? [String: Any])?["pages"] as? [[String: Any]])
            // The memo's pages are those of the memo alone; the rest are the attachment's.
            let memoOnly = Data(String(decoding: doc, as: UTF8.self).components(separatedBy: "\nattachments:")[0].utf8)
            let m = try #require(await HTTPClient.post(server.port, "/v1/preview?dpi=12", memoOnly, type: Self.yaml))
            let memoPages = try #require(((m.json() as? [String: Any])?["pages"] as? [[String: Any]])?.count)
            #expect(memoPages >= 1 && memoPages < pages.count)
            #expect(pages.compactMap { $0["section"] as? Int } == Array(repeating: 0, count: memoPages) + Array(repeating: 1, count: pages.count - memoPages))
            for bad in ["ABCDEF0123456789", "123", "zzzzzzzzzzzzzzzz", Array(repeating: "0123456789abcdef", count: 501).joined(separator: ",")] {
                let b = try #require(await HTTPClient.post(server.port, "/v1/preview?have=\(bad)", Repo.example("long-memo.yaml"), type: Self.yaml))
                #expect(b.status == 400 && (b.json() as? [String: String])?["error_th"] != nil, "\(bad.prefix(40))")
            }
            let lines = try #require(await HTTPClient.post(server.port, "/v1/preview?lines=maybe", Repo.example("long-memo.yaml"), type: Self.yaml))
            #expect(lines.status == 400)
        }
    }
}
