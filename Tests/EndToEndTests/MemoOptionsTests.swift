import Foundation
import Testing

/// Style switches and images: digits, emblem (PNG and SVG), signature image, names kept whole.
@Suite struct MemoOptionsTests {
    static let memo = BadInputTests.good

    @Test func arabicDigitsKeepTypedNumbers() throws {
        let text = Probe.text(try Probe.render(yaml: Self.memo + "\nstyle:\n  digits: arabic\n"))
        #expect(text.contains("5 มีนาคม 2569"))
        #expect(text.contains("๗๕๐๐๑/๓๘๙"), "typed Thai digits stay Thai")
        let thai = Probe.text(try Probe.render(yaml: Self.memo.replacingOccurrences(of: "ref: ปข ๗๕๐๐๑/๓๘๙", with: "ref: ปข 75001/389")))
        #expect(thai.contains("๕ มีนาคม ๒๕๖๙") && thai.contains("๗๕๐๐๑/๓๘๙"))
    }

    /// A 20×30 PNG or an SVG as the emblem: ink in the 1.5 cm box at the left margin, 1.5 cm from the top.
    @Test(arguments: ["png", "svg"]) func emblemIsDrawnInItsBox(kind: String) throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="60"><rect width="40" height="60" fill="black"/></svg>"#
        let file = kind == "svg" ? Data(svg.utf8) : try blackPNG()
        let pdf = try Probe.render(yaml: Self.memo + "\nstyle:\n  emblem: garuda.\(kind)\n", files: ["garuda.\(kind)": file])
        let page = try #require(GrayPage.load(pdf, page: 1))
        let cm = Probe.cm
        // Emblem 1.5 cm tall, 1 cm wide for a 2:3 picture, from (3 cm, 1.5 cm).
        #expect(page.darkPixels(x: 3 * cm + 2, y: 1.5 * cm + 2, width: cm - 4, height: 1.5 * cm - 4) > Int(0.9 * (cm - 4) * (1.5 * cm - 4)))
        #expect(page.darkPixels(x: 3 * cm - 6, y: 1.5 * cm, width: 4, height: 1.5 * cm) == 0, "nothing left of the margin")
        #expect(page.darkPixels(x: 3 * cm, y: 1.5 * cm - 6, width: cm, height: 4) == 0, "nothing above 1.5 cm")
        let plain = try #require(GrayPage.load(try Probe.render(yaml: Self.memo), page: 1))
        #expect(plain.darkPixels(x: 3 * cm, y: 1.5 * cm, width: cm, height: 1.5 * cm) == 0, "no emblem given: none drawn")
    }

    /// Names of people and the agency never break, wherever the line would end.
    @Test func namesStayOnOneLine() throws {
        var checked = 0
        for k in 0..<12 {
            let lead = String(repeating: "ก", count: k) + " " + String(repeating: "การดำเนินงาน", count: 3)
            let body = "    - \"\(lead) โดยนางสาวพิมลวรรณ คุ่มครอง และองค์การบริหารส่วนตำบลหินเหล็กไฟ ร่วมกับนายจักริน จิตรโกติน\""
            let yaml = Self.memo.replacingOccurrences(of: "    - ข้อความ", with: body) + """

              signature:
                name: นางสาวพิมลวรรณ คุ่มครอง
              comments:
                - title: ความเห็น
                  name: นายจักริน จิตรโกติน
            """
            let words = Probe.pages(try Probe.render(yaml: yaml))[0].words
            for (first, second) in [("นางสาวพิมลวรรณ", "คุ่มครอง"), ("นายจักริน", "จิตรโกติน")] {
                let a = try #require(words.first { $0.text.hasSuffix(first) }, "k=\(k) \(first)")
                let b = try #require(words.first { $0.xMin > a.xMax - 1 && abs($0.yMin - a.yMin) < 1 && $0.text.hasPrefix(second) }, "k=\(k): \(second) not on the line of \(first)")
                _ = b; checked += 1
            }
            #expect(words.contains { $0.text.contains("องค์การบริหารส่วนตำบลหินเหล็กไฟ") }, "k=\(k): agency whole")
        }
        #expect(checked == 24)
    }

    func blackPNG() throws -> Data {
        // Made with pdftoppm from a tiny PDF would be circular; write a minimal PNG by hand (20×30 black, grey).
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func chunk(_ type: String, _ body: Data) {
            var len = UInt32(body.count).bigEndian
            png.append(Data(bytes: &len, count: 4))
            let t = Data(type.utf8)
            png.append(t); png.append(body)
            var crc = UInt32(bigEndian: crc32(t + body)).bigEndian
            crc = crc.bigEndian.bigEndian
            var c = crc32(t + body).bigEndian
            png.append(Data(bytes: &c, count: 4))
        }
        var ihdr = Data()
        for v in [UInt32(20), UInt32(30)] { var b = v.bigEndian; ihdr.append(Data(bytes: &b, count: 4)) }
        ihdr.append(contentsOf: [8, 0, 0, 0, 0])
        chunk("IHDR", ihdr)
        // Stored (uncompressed) deflate of 30 rows of filter byte 0 + 20 zero bytes.
        let raw = Data(repeating: 0, count: 30 * 21)
        var z = Data([0x78, 0x01, 0x01])
        var n = UInt16(raw.count).littleEndian, nn = (~UInt16(raw.count)).littleEndian
        z.append(Data(bytes: &n, count: 2)); z.append(Data(bytes: &nn, count: 2)); z.append(raw)
        var adler = adler32(raw).bigEndian
        z.append(Data(bytes: &adler, count: 4))
        chunk("IDAT", z)
        chunk("IEND", Data())
        return png
    }

    func crc32(_ d: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in d { c ^= UInt32(b); for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 } }
        return ~c
    }

    func adler32(_ d: Data) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for x in d { a = (a + UInt32(x)) % 65521; b = (b + a) % 65521 }
        return (b << 16) | a
    }
}

/// `saraban preview` writes one PNG per page, A4 at the asked resolution, with the same painter as the PDF.
@Test func previewWritesOnePNGPerPage() throws {
    let dir = Probe.tempDir()
    let r = run(Probe.saraban, ["preview", Probe.root + "/Templates/examples/long-memo.yaml", "-o", dir, "--dpi", "36"])
    #expect(r.code == 0, "\(r.err)")
    let pngs = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".png") }.sorted()
    #expect(pngs == ["long-memo-01.png", "long-memo-02.png", "long-memo-03.png"])
    for name in pngs {
        let d = try #require(FileManager.default.contents(atPath: dir + "/" + name))
        #expect(d.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR width and height, big-endian, at bytes 16–23: A4 at 36 dpi.
        let w = d[16..<20].reduce(0) { $0 << 8 | Int($1) }, h = d[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(w == 298 && h == 421, "\(name): \(w)×\(h)")
    }
    let bad = run(Probe.saraban, ["preview", Probe.root + "/Templates/examples/long-memo.yaml", "-o", dir, "--dpi", "5"])
    #expect(bad.code == 1 && bad.err.contains("--dpi"))
}

/// Without an ISO date in the document, the file's dates come from SOURCE_DATE_EPOCH, so two
/// renders give the same bytes; with one, from the document.
@Test func fileDatesComeFromTheDocumentOrSourceDateEpoch() throws {
    let dir = Probe.tempDir()
    let yaml = BadInputTests.good.replacingOccurrences(of: "  date: 2026-03-05\n", with: "  date: มีนาคม ๒๕๖๙\n")
    try yaml.write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
    let env = ["SOURCE_DATE_EPOCH": "1767225600"]  // 2026-01-01T00:00:00Z
    #expect(run(Probe.saraban, ["render", dir + "/m.yaml", "-o", dir + "/a.pdf"], env: env).code == 0)
    #expect(run(Probe.saraban, ["render", dir + "/m.yaml", "-o", dir + "/b.pdf"], env: env).code == 0)
    #expect(FileManager.default.contents(atPath: dir + "/a.pdf") == FileManager.default.contents(atPath: dir + "/b.pdf"))
    let info = run("/usr/bin/pdfinfo", ["-isodates", dir + "/a.pdf"]).out
    #expect(info.contains("CreationDate:") && info.contains("2026-01-01T00:00:00"), "\(info)")
    #expect(Probe.text(dir + "/a.pdf").contains("มีนาคม ๒๕๖๙"), "a non-ISO date is printed as written")
    try BadInputTests.good.write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
    #expect(run(Probe.saraban, ["render", dir + "/d.yaml", "-o", dir + "/d.pdf"], env: env).code == 0)
    #expect(run("/usr/bin/pdfinfo", ["-isodates", dir + "/d.pdf"]).out.contains("2026-03-05T00:00:00"))
}
