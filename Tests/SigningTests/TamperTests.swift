import Foundation
import Testing

/// A changed byte is caught by pyHanko and by `saraban verify`.
@Suite struct TamperTests {
    /// The file with one byte changed; a hex digit becomes another hex digit (flipping a bit of
    /// 'F' would make 'G', which no reader takes for a changed value but for a broken string).
    func flip(_ path: String, at offset: (Data) -> Int) throws -> String {
        var d = try Data(contentsOf: URL(fileURLWithPath: path))
        let i = offset(d)
        let hex = Array("0123456789ABCDEF".utf8)
        if let k = hex.firstIndex(of: d[i]) { d[i] = hex[(k + 1) % 16] } else { d[i] ^= 0x01 }
        let out = SigningProbe.tempDir() + "/tampered.pdf"
        try d.write(to: URL(fileURLWithPath: out))
        return out
    }

    @Test func aChangedByteInTheSignedRangeIsCaught() throws {
        let r = SigningProbe.sign(SigningProbe.memo, SigningProbe.pem("rsa"))
        #expect(r.code == 0, "\(r.err)")
        // A byte of the first page's compressed content: well inside the signed range.
        let tampered = try flip(r.path) { d in (d.range(of: Data("stream\n".utf8))?.upperBound ?? 20) + 10 }
        let s = SigningProbe.pyhanko(tampered).first ?? [:]
        #expect(s["intact"] as? Bool == false, "\(s)")
        #expect(s["bottom_line"] as? Bool == false)
        let v = SigningProbe.shell(SigningProbe.saraban, ["verify", tampered, "--trust", SigningProbe.pki + "/ca.pem"])
        #expect(v.code == 1)
        #expect(v.out.contains("NOT intact / ถูกแก้ไข"), "\(v.out)")
        #expect(v.out.contains("0 of 1 signatures valid"))
    }

    @Test func aChangedByteOfTheSignatureValueIsCaught() throws {
        let r = SigningProbe.sign(SigningProbe.memo, SigningProbe.pem("ec"))
        // The signature value sits near the end of the CMS object, before its zero padding.
        let tampered = try flip(r.path) { d in
            let contents = d.range(of: Data("/Contents <".utf8), options: .backwards)?.upperBound ?? 0
            var end = contents
            while end < d.count, d[end] != 0x3E { end += 1 }
            var last = end - 1
            while last > contents, d[last] == 0x30 { last -= 1 }
            return last - 20
        }
        let v = SigningProbe.shell(SigningProbe.saraban, ["verify", tampered, "--trust", SigningProbe.pki + "/ca.pem"])
        #expect(v.code == 1, "\(v.out)\(v.err)")
        let s = SigningProbe.pyhanko(tampered).first ?? [:]
        #expect(s["intact"] as? Bool != true || s["valid"] as? Bool != true, "\(s)")
    }

    /// A revision appended after signing that changes the page is reported, not passed.
    @Test func contentChangedAfterSigningIsReported() throws {
        let r = SigningProbe.sign(SigningProbe.memo, SigningProbe.pem("rsa"))
        var d = try Data(contentsOf: URL(fileURLWithPath: r.path))
        let text = String(decoding: d, as: UTF8.self)
        // The signed file's last revision rewrote the signature page: take that object and
        // append a revision that changes its MediaBox.
        guard let pageStart = text.range(of: "0 obj\n<< /Type /Page ", options: .backwards),
              let pageEnd = text.range(of: "\nendobj", range: pageStart.upperBound..<text.endIndex),
              let startxref = text.range(of: "startxref\n", options: .backwards) else {
            Issue.record("no page object in the update"); return
        }
        let header = text[..<pageStart.lowerBound].split(separator: "\n").last.map(String.init) ?? ""
        let number = Int(header.trimmingCharacters(in: .whitespaces)) ?? 0
        let body = String(text[pageStart.upperBound..<pageEnd.lowerBound]).replacingOccurrences(of: "/MediaBox [0 0 595.276", with: "/MediaBox [0 0 600")
        let prev = Int(text[startxref.upperBound...].prefix { $0.isNumber }) ?? 0
        let objectOffset = d.count
        d.append(Data("\(number) 0 obj\n<< /Type /Page \(body)\nendobj\n".utf8))
        let xrefOffset = d.count
        let xref = lastNumber(text, after: "/Size ")
        let trailer = "<< /Type /XRef /Size \(xref + 1) /Index [\(number) 1 \(xref) 1] /W [1 4 2] /Root \(lastNumber(text, after: "/Root ")) 0 R /Prev \(prev) /Length 14 >>"
        var rows = Data([1]) + be32(objectOffset) + Data([0, 0]) + Data([1]) + be32(xrefOffset) + Data([0, 0])
        rows = Data("\(xref) 0 obj\n\(trailer)\nstream\n".utf8) + rows + Data("\nendstream\nendobj\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        d.append(rows)
        let out = SigningProbe.tempDir() + "/changed.pdf"
        try d.write(to: URL(fileURLWithPath: out))
        let v = SigningProbe.shell(SigningProbe.saraban, ["verify", out, "--trust", SigningProbe.pki + "/ca.pem"])
        #expect(v.code == 1, "\(v.out)\(v.err)")
        #expect(v.out.contains("CHANGED (objects \(number))"), "\(v.out)")
        let s = SigningProbe.pyhanko(out).first ?? [:]
        #expect(s["bottom_line"] as? Bool == false, "pyHanko also refuses a page changed after signing: \(s)")
    }

    func be32(_ v: Int) -> Data { Data([UInt8(v >> 24 & 255), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)]) }

    func lastNumber(_ text: String, after key: String) -> Int {
        guard let r = text.range(of: key, options: .backwards) else { return 0 }
        return Int(text[r.upperBound...].prefix { $0.isNumber }) ?? 0
    }
}
