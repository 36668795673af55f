import Foundation
import Testing

/// POST /v1/batch: the zip holds a PDF per row, their thumbnails, manifest.json and index.html,
/// and the manifest says what the files are.
@Suite(.serialized) struct BatchZipTests {
    static func template() -> Data {
        let text = String(decoding: Repo.example("hinlekfai.yaml"), as: UTF8.self)
            .replacingOccurrences(of: "องค์การบริหารส่วนตำบลหินเหล็กไฟ", with: "{{unit}}")
            .replacingOccurrences(of: "ref: ปข ๗๕๐๐๑/๓๘๙", with: "ref: \"{{ref}}\"")
        return Data(text.utf8)
    }

    /// Unpacked by Python's zipfile (which checks every CRC); nil when it refuses the archive.
    static func unzip(_ zip: Data) -> String? {
        let dir = Repo.tempDir()
        let path = Repo.write(zip, "batch.zip", in: dir)
        let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nz.extractall(sys.argv[2])\n"
        let r = Repo.run("/usr/bin/env", ["python3", "-c", script, path, dir + "/out"])
        return r.code == 0 ? dir + "/out" : nil
    }

    @Test func theZipsManifestMatchesItsPDFs() async throws {
        try await withServer { server in
            let units = ["ตำบลหนึ่งทดสอบ", "ตำบลสองทดสอบ", "ตำบลสามทดสอบ", "ตำบลสี่ทดสอบ", "ตำบลห้าทดสอบ"]
            var csv = "unit,file,ref\n"
            for (i, u) in units.enumerated() { csv += "\(u),หนังสือ-\(i + 1),ปข ๗๕๐๐๑/\(i + 1)\n" }
            // This row leaves the required ที่ (ref) empty: it fails alone.
            csv += "ตำบลหกทดสอบ,หนังสือ-6,\n"
            var form = Multipart()
            form.add("template", fileName: "memo.yaml", Self.template())
            form.add("data", fileName: "units.csv", Data(csv.utf8))
            let r = try #require(await HTTPClient.post(server.port, "/v1/batch", form.finished(), type: form.contentType))
            #expect(r.status == 200 && r.header("content-type") == "application/zip", "\(r.text.prefix(300))")
            #expect(r.header("transfer-encoding") == "chunked")
            let dir = try #require(Self.unzip(r.body), "python's zipfile refused the archive")
            let manifestData = try #require(FileManager.default.contents(atPath: dir + "/manifest.json"))
            let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
            let docs = try #require(manifest["documents"] as? [[String: Any]])
            #expect(docs.count == 6)
            #expect(manifest["template"] as? String == "memo.yaml" && manifest["data"] as? String == "units.csv")
            for (i, u) in units.enumerated() {
                let e = docs[i]
                #expect(e["status"] as? String == "ok" && e["file"] as? String == "หนังสือ-\(i + 1).pdf", "\(e)")
                let pdf = try #require(FileManager.default.contents(atPath: dir + "/หนังสือ-\(i + 1).pdf"))
                #expect(e["bytes"] as? Int == pdf.count)
                #expect(e["pages"] as? Int == Repo.pages(pdf))
                #expect(e["sha256"] as? String == Self.sha256(dir + "/หนังสือ-\(i + 1).pdf"))
                #expect(Repo.text(pdf).contains(u))
                let thumb = try #require(e["thumbnail"] as? String)
                #expect(TestPictures.pngSize(FileManager.default.contents(atPath: dir + "/" + thumb) ?? Data()) != nil)
            }
            // The malformed row fails alone, named in the manifest; no PDF of it is in the zip.
            #expect(docs[5]["status"] as? String == "failed" && (docs[5]["error"] as? String)?.isEmpty == false)
            let pdfs = (try FileManager.default.contentsOfDirectory(atPath: dir)).filter { $0.hasSuffix(".pdf") }
            #expect(pdfs.count == 5)
            let index = String(decoding: FileManager.default.contents(atPath: dir + "/index.html") ?? Data(), as: UTF8.self)
            #expect(index.contains("ตำบลสามทดสอบ") && index.contains("thumbnails/"))
            // The same batch again: the same bytes.
            let again = try #require(await HTTPClient.post(server.port, "/v1/batch", form.finished(), type: form.contentType))
            #expect(again.body == r.body)
        }
    }

    @Test func aBatchWithoutItsPartsOrWithBadDataIsRefused() async throws {
        try await withServer { server in
            var form = Multipart()
            form.add("template", fileName: "memo.yaml", Self.template())
            let missing = await HTTPClient.post(server.port, "/v1/batch", form.finished(), type: form.contentType)
            #expect(missing?.status == 400)
            form.add("data", fileName: "units.csv", Data("name,ref\nก,ปข ๑\n".utf8))
            let wrongColumn = try #require(await HTTPClient.post(server.port, "/v1/batch", form.finished(), type: form.contentType))
            #expect(wrongColumn.status == 422)
            #expect((wrongColumn.json() as? [String: String])?["error"]?.contains("unit") == true)
            let yaml = await HTTPClient.post(server.port, "/v1/batch", Self.template(), type: "application/yaml")
            #expect(yaml?.status == 415)
        }
    }

    static func sha256(_ path: String) -> String {
        String(String(decoding: Repo.run("/usr/bin/sha256sum", [path]).out, as: UTF8.self).prefix(64))
    }
}
