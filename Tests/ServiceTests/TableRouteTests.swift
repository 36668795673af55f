import Foundation
import Testing

/// POST /v1/table over a real socket: a table file read into an inline table's tree (the editor's
/// import into its grid; .xlsx and .docx are imported in the browser test), its refusals, and a
/// multipart body the parser would have trapped on, which must leave the service up.
@Suite(.serialized) struct TableRouteTests {
    static func form(_ name: String, _ data: Data) -> Multipart {
        var form = Multipart()
        form.add("file", fileName: name, data)
        return form
    }

    @Test func aCSVFileBecomesColumnsAndRows() async throws {
        try await withServer { server in
            let csv = "มาตรการ,ผู้รับผิดชอบ\n\"๑. ประชุม\nครั้งที่ ๑\",สำนักปลัด\n๒. อบรม,\"กองคลัง<br>กองช่าง\"\n"
            let form = Self.form("ผล.csv", Data(csv.utf8))
            let r = try #require(await HTTPClient.post(server.port, "/v1/table", form.finished(), type: form.contentType))
            #expect(r.status == 200 && r.header("content-type")?.hasPrefix("application/json") == true, "\(r.text)")
            #expect(r.text == "{\"columns\":[{\"title\":\"มาตรการ\",\"width\":\"1\"},{\"title\":\"ผู้รับผิดชอบ\",\"width\":\"1\"}],"
                + "\"rows\":[[\"๑. ประชุม\\nครั้งที่ ๑\",\"สำนักปลัด\"],[\"๒. อบรม\",\"กองคลัง\\nกองช่าง\"]]}")
            let md = Self.form("t.md", Data("| ก | ข |\n|---|---|\n| ๑ | ๒ |\n".utf8))
            let m = try #require(await HTTPClient.post(server.port, "/v1/table", md.finished(), type: md.contentType))
            #expect(m.status == 200 && m.text.contains("\"rows\":[[\"๑\",\"๒\"]]"), "\(m.text)")
        }
    }

    @Test func filesThatAreNoTablesAreThaiProblems() async throws {
        try await withServer { server in
            let cases: [(String, Data, String, String)] = [
                ("notes.pdf", Data("%PDF-1.4".utf8), "ไม่ใช่แฟ้มตาราง", ""),
                ("ผล.xlsx", Data("PK\u{03}\u{04} not a zip".utf8), "ไม่ใช่สมุดงาน Excel", ""),
                ("สั้น.csv", Data("ก,ข\n๑\n".utf8), "ทุกแถวต้องมีช่องครบ", ""),
                ("ผล.docx", Data("x".utf8), "ไม่ใช่เอกสาร Word", "?table=2"),
            ]
            for (name, data, thai, query) in cases {
                let form = Self.form(name, data)
                let r = try #require(await HTTPClient.post(server.port, "/v1/table" + query, form.finished(), type: form.contentType))
                #expect(r.status == 422, "\(name): \(r.text)")
                let problem = try #require(((r.json() as? [String: Any])?["problems"] as? [[String: Any]])?.first, "\(name)")
                #expect((problem["message_th"] as? String)?.contains(thai) == true, "\(name): \(problem)")
                #expect((problem["message"] as? String)?.contains(name) == true, "\(name): \(problem)")
            }
            let wrong = Self.form("a.csv", Data("ก\n๑\n".utf8))
            let bad = try #require(await HTTPClient.post(server.port, "/v1/table?header_rows=99", wrong.finished(), type: wrong.contentType))
            #expect(bad.status == 400 && bad.text.contains("header_rows"), "\(bad.text)")
            var other = Multipart()
            other.add("document", fileName: "a.csv", Data("ก\n๑\n".utf8))
            let none = try #require(await HTTPClient.post(server.port, "/v1/table", other.finished(), type: other.contentType))
            #expect(none.status == 400 && none.text.contains("'file'"), "\(none.text)")
            let plain = try #require(await HTTPClient.post(server.port, "/v1/table", Data("ก,ข\n".utf8), type: "text/csv"))
            #expect(plain.status == 415)
        }
    }

    /// MultipartKit 4.7.1 indexes its table of header name characters with any byte: 0x80 or more
    /// was out of range and killed the process (schemathesis found it). Now a 400, on every route.
    @Test func aHeaderNameOutsideASCIIIsRefusedAndTheServiceStaysUp() async throws {
        try await withServer { server in
            let type = "multipart/form-data; boundary=0f82"
            for route in ["/v1/table", "/v1/render", "/v1/preview", "/v1/batch"] {
                let body = Data("--0f82\r\nåÅØ: x\r\n\r\nก\r\n--0f82--\r\n".utf8)
                let r = try #require(await HTTPClient.post(server.port, route, body, type: type), "\(route): no answer")
                #expect(r.status == 400 && r.text.contains("error_th"), "\(route): \(r.text)")
            }
            let later = try #require(await HTTPClient.get(server.port, "/healthz"))
            #expect(later.status == 200)
            // A Thai file name in a header's value is still read.
            let form = Self.form("ตาราง ไทย.csv", Data("ก\n๑\n".utf8))
            let ok = try #require(await HTTPClient.post(server.port, "/v1/table", form.finished(), type: form.contentType))
            #expect(ok.status == 200, "\(ok.text)")
        }
    }
}
