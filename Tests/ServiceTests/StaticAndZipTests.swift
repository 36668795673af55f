import Foundation
@testable import Service
import Testing

/// The folder served at `/` (the web editor's place) and the zip writer's large archives.
@Suite(.serialized) struct StaticAndZipTests {
    @Test func theWebFolderIsServedWithItsTypesAndNothingOutsideIt() async throws {
        let root = Repo.tempDir()
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/Templates/web", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Repo.root + "/Templates/styles", toPath: root + "/Templates/styles")
        try fm.copyItem(atPath: Repo.root + "/Templates/service", toPath: root + "/Templates/service")
        _ = Repo.write(Data("<!DOCTYPE html><html lang=\"th\"><title>บันทึกข้อความ</title></html>".utf8), "index.html", in: root + "/Templates/web")
        _ = Repo.write(Data("export const x = 1;\n".utf8), "app.js", in: root + "/Templates/web")
        _ = Repo.write(Data("secret".utf8), "secret.txt", in: root)
        try await withServer({ $0.resources = .init(root: root) }) { server in
            let index = try #require(await HTTPClient.get(server.port, "/"))
            #expect(index.status == 200 && index.header("content-type")?.hasPrefix("text/html") == true)
            #expect(index.text.contains("บันทึกข้อความ"))
            let js = try #require(await HTTPClient.get(server.port, "/app.js"))
            #expect(js.status == 200 && js.header("content-type")?.contains("javascript") == true)
            for path in ["/../../secret.txt", "/%2e%2e/%2e%2e/secret.txt", "/..%2f..%2fsecret.txt"] {
                let r = try #require(await HTTPClient.get(server.port, path))
                #expect(r.status == 400 || r.status == 404, "\(path): \(r.status)")
                #expect(!r.text.contains("secret") || r.text.contains("error"), "\(path)")
            }
            #expect(await HTTPClient.get(server.port, "/healthz")?.status == 200)
        }
    }

    @Test func aZipOfMoreThan65535EntriesHasItsZip64Records() throws {
        var zip = ZipStream()
        var bytes = Data()
        for i in 0..<70_000 { bytes.append(contentsOf: zip.entry("f\(i).txt", Data("\(i)\n".utf8), compress: false)) }
        bytes.append(contentsOf: zip.entry("manifest.json", Data(String(repeating: "{\"a\": 1}\n", count: 500).utf8), compress: true))
        bytes.append(contentsOf: zip.finish())
        let path = Repo.write(bytes, "big.zip", in: Repo.tempDir())
        let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n"
            + "print(len(z.namelist()), z.read('f69999.txt').decode().strip(), z.getinfo('manifest.json').compress_type)\n"
        let r = Repo.run("/usr/bin/env", ["python3", "-c", script, path])
        #expect(r.code == 0, "\(r.err)")
        #expect(String(decoding: r.out, as: UTF8.self) == "70001 69999 8\n")
    }
}
