import Foundation
import Testing

/// `render` and `batch` sign in one step; --visible draws the appearance in the signing space.
@Suite struct RenderAndBatchSigningTests {
    @Test func renderSignsVisibly() throws {
        let out = SigningProbe.tempDir() + "/memo.pdf"
        let r = SigningProbe.shell(SigningProbe.saraban, ["render", SigningProbe.root + "/Templates/examples/long-memo.yaml", "-o", out]
                                   + SigningProbe.pem("rsa") + ["--visible"], env: ["TZ": "Asia/Bangkok"])
        #expect(r.code == 0, "\(r.err)")
        let s = SigningProbe.pyhanko(out).first ?? [:]
        #expect(s["valid"] as? Bool == true && s["trusted"] as? Bool == true && s["coverage"] as? String == "ENTIRE_FILE", "\(s)")
        // The appearance's text is real text: the words, the signer's name and the Thai date.
        let text = SigningProbe.shell("/usr/bin/pdftotext", ["-f", "3", "-l", "3", "-enc", "UTF-8", out, "-"]).out
        #expect(text.contains("ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์"))
        #expect(text.contains("นายสมศักดิ์ ใจซื่อตรง\n"), "the name from the certificate, without brackets")
        #expect(text.contains("พ.ศ.") || text.contains("๒๕"), "a Thai (Buddhist Era) year")
        #expect(text.contains(" น."), "the time in the style's format")
        // It sits in the signing space: above the bracketed name, around the signature axis.
        let bbox = SigningProbe.shell("/usr/bin/pdftotext", ["-bbox", "-f", "3", "-l", "3", "-enc", "UTF-8", out, "-"]).out
        let words = bbox.split(separator: "\n").filter { $0.contains("<word") }
        func box(_ prefix: String) -> (x0: Double, y0: Double, x1: Double)? {
            guard let w = words.first(where: { $0.contains(">" + prefix) }) else { return nil }
            func a(_ n: String) -> Double {
                let after: String = w.components(separatedBy: n + "=\"").dropFirst().first ?? ""
                return Double(String(after.prefix { $0 != "\"" })) ?? 0
            }
            return (a("xMin"), a("yMin"), a("xMax"))
        }
        let stamp = try #require(box("ลงนามด้วย"))
        let name = try #require(box("(นายสมศักดิ์"))
        #expect(stamp.y0 < name.y0, "the appearance is above the name")
        #expect(name.y0 - stamp.y0 < 90, "within the three signing lines")
        let cm = 72 / 2.54
        let axis: Double = 3 * cm + (595.276 - 5 * cm) * 0.6
        #expect(abs((stamp.x0 + stamp.x1) / 2 - axis) < 3, "centred on the signature axis")
    }

    @Test func renderRefusesABadSignerBeforeWriting() {
        let out = SigningProbe.tempDir() + "/memo.pdf"
        let r = SigningProbe.shell(SigningProbe.saraban, ["render", SigningProbe.root + "/Templates/examples/long-memo.yaml", "-o", out]
                                   + SigningProbe.pem("expired"))
        #expect(r.code == 1 && r.err.contains("expired") && r.err.contains("หมดอายุ"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func batchSignsEveryUnit() throws {
        let dir = SigningProbe.tempDir()
        let memo = try String(contentsOfFile: SigningProbe.root + "/Templates/examples/long-memo.yaml", encoding: .utf8)
            .replacingOccurrences(of: "กองยุทธศาสตร์และงบประมาณ องค์การบริหารส่วนตำบลหินเหล็กไฟ", with: "\"{{unit}}\"")
        try memo.write(toFile: dir + "/template.yaml", atomically: true, encoding: .utf8)
        try "unit\nกองคลัง\nกองช่าง\n".write(toFile: dir + "/units.csv", atomically: true, encoding: .utf8)
        let r = SigningProbe.shell(SigningProbe.saraban, ["batch", "--data", dir + "/units.csv", "--template", dir + "/template.yaml",
                                                          "--out", dir + "/out", "--quiet", "--cert", SigningProbe.pki + "/ec.pem",
                                                          "--sign-key", SigningProbe.pki + "/ec.key", "--chain", SigningProbe.pki + "/chain.pem"])
        #expect(r.code == 0, "\(r.out)\(r.err)")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(pdfs.count == 2)
        for pdf in pdfs {
            let s = SigningProbe.pyhanko(dir + "/out/" + pdf)
            #expect(s.count == 1, "one signature per unit's PDF")
            #expect(s.first?["valid"] as? Bool == true && s.first?["trusted"] as? Bool == true, "\(pdf): \(s)")
            #expect(s.first?["coverage"] as? String == "ENTIRE_FILE")
        }
    }
}
