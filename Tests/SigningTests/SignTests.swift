import Foundation
import Testing

/// Signatures made by `saraban sign`, judged by pyHanko and page-validation.
@Suite struct SignTests {
    /// What every good signature shows in pyHanko: intact, valid, trusted by the test CA, the
    /// PAdES subfilter, signing-certificate-v2 and no signing-time, the chain embedded.
    func expectGood(_ s: [String: Any], coverage: String = "ENTIRE_FILE", signer: String) {
        #expect(s["error"] == nil, "\(s)")
        #expect(s["intact"] as? Bool == true)
        #expect(s["valid"] as? Bool == true)
        #expect(s["trusted"] as? Bool == true)
        #expect(s["coverage"] as? String == coverage)
        #expect(s["subfilter"] as? String == "/ETSI.CAdES.detached")
        #expect(s["signer"] as? String == signer)
        let attributes = s["signed_attributes"] as? [String] ?? []
        #expect(attributes.contains("signing_certificate_v2"))
        #expect(!attributes.contains("signing_time"), "PAdES puts the time in /M, not in the CMS")
        #expect(s["certificates"] as? Int == 2, "the signer and the intermediate CA")
    }

    @Test func rsaSignatureIsValidAndAnIncrementalUpdate() throws {
        let r = SigningProbe.sign(SigningProbe.memo, SigningProbe.pem("rsa") + ["--reason", "อนุมัติ", "--location", "หินเหล็กไฟ"])
        #expect(r.code == 0, "\(r.err)")
        let signatures = SigningProbe.pyhanko(r.path)
        #expect(signatures.count == 1)
        if let s = signatures.first {
            expectGood(s, signer: "นายสมศักดิ์ ใจซื่อตรง")
            #expect(s["signature_algorithm"] as? String == "rsassa_pkcs1v15")
        }
        let original = try Data(contentsOf: URL(fileURLWithPath: SigningProbe.memo))
        let signed = try Data(contentsOf: URL(fileURLWithPath: r.path))
        #expect(signed.count > original.count && signed.prefix(original.count) == original, "the original bytes stay as they were")
        let v = SigningProbe.shell(SigningProbe.saraban, ["verify", r.path, "--trust", SigningProbe.pki + "/ca.pem"])
        #expect(v.code == 0, "\(v.out)\(v.err)")
        #expect(v.out.contains("นายสมศักดิ์ ใจซื่อตรง") && v.out.contains("O=องค์การบริหารส่วนตำบลหินเหล็กไฟ"))
        #expect(v.out.contains("intact / ไม่ถูกแก้ไข") && v.out.contains("trusted / เชื่อถือได้"))
        #expect(v.out.contains("revocation / การเพิกถอน: not checked"))
        #expect(v.out.contains("PAdES B-B"))
    }

    @Test func ecdsaFromALegacyPKCS12() {
        let r = SigningProbe.sign(SigningProbe.memo, ["--sign-p12", SigningProbe.pki + "/ec-legacy.p12"],
                                  env: ["SARABAN_SIGN_PASSWORD": "legacy-pass"])
        #expect(r.code == 0, "\(r.err)")
        let s = SigningProbe.pyhanko(r.path).first ?? [:]
        expectGood(s, signer: "นางสาวสมหญิง รักษ์ไทย")
        #expect(s["signature_algorithm"] as? String == "sha256_ecdsa")
    }

    /// The password typed at a terminal (`script` gives the command one), not echoed.
    @Test func pkcs12PasswordFromTheTerminal() {
        let out = SigningProbe.tempDir() + "/signed.pdf"
        let command = [SigningProbe.saraban, "sign", SigningProbe.memo, "-o", out, "--sign-p12", SigningProbe.pki + "/rsa.p12"]
            .map { "'\($0)'" }.joined(separator: " ")
        let r = SigningProbe.answering("/usr/bin/script", ["-qec", command, "/dev/null"], prompt: "Password for", reply: "รหัสลับ123\n")
        #expect(r.code == 0, "\(r.out)")
        #expect(r.out.contains("Password for"))
        #expect(!r.out.contains("รหัสลับ123"), "the password is not echoed")
        expectGood(SigningProbe.pyhanko(out).first ?? [:], signer: "นายสมศักดิ์ ใจซื่อตรง")
    }

    @Test func secondSignatureKeepsTheFirstValid() {
        let first = SigningProbe.sign(SigningProbe.memo, SigningProbe.pem("rsa"))
        let second = SigningProbe.sign(first.path, SigningProbe.pem("ec"))
        #expect(first.code == 0 && second.code == 0, "\(first.err)\(second.err)")
        let s = SigningProbe.pyhanko(second.path)
        #expect(s.count == 2)
        if s.count == 2 {
            expectGood(s[0], coverage: "ENTIRE_REVISION", signer: "นายสมศักดิ์ ใจซื่อตรง")
            #expect(s[0]["modification_level"] as? String == "FORM_FILLING", "only a signature was added after it")
            #expect(s[0]["docmdp_ok"] as? Bool == true)
            expectGood(s[1], signer: "นางสาวสมหญิง รักษ์ไทย")
            #expect(s[1]["field"] as? String == "Signature2")
        }
        let v = SigningProbe.shell(SigningProbe.saraban, ["verify", second.path, "--trust", SigningProbe.pki + "/ca.pem"])
        #expect(v.code == 0, "\(v.out)")
        #expect(v.out.contains("only signatures were added") && v.out.contains("2 of 2 signatures valid"))
    }

    @Test func timeStampedSignatureIsPAdESBT() throws {
        let server = try #require(TimeStampServer(pki: SigningProbe.pki))
        defer { server.stop() }
        let r = SigningProbe.sign(SigningProbe.memo, SigningProbe.pem("ec") + ["--tsa", server.url])
        #expect(r.code == 0, "\(r.err)")
        let s = SigningProbe.pyhanko(r.path).first ?? [:]
        expectGood(s, signer: "นางสาวสมหญิง รักษ์ไทย")
        let token = s["timestamp"] as? [String: Any]
        #expect(token?["intact"] as? Bool == true)
        #expect(token?["valid"] as? Bool == true)
        #expect(token?["trusted"] as? Bool == true)
        let v = SigningProbe.shell(SigningProbe.saraban, ["verify", r.path, "--trust", SigningProbe.pki + "/ca.pem"])
        #expect(v.code == 0 && v.out.contains("PAdES B-T") && v.out.contains("stamps this signature") && v.out.contains("TSA trusted"), "\(v.out)")
    }

    /// Signing adds no PDF/A-3u failure to the ones the unsigned file has (issue 13 makes the
    /// unsigned file PDF/A; until then its own failures are the baseline).
    @Test func signingKeepsPDFA() {
        let before = SigningProbe.pdfaFailures(SigningProbe.memo)
        for options in [SigningProbe.pem("rsa"), SigningProbe.pem("ec") + ["--visible"]] {
            let r = SigningProbe.sign(SigningProbe.memo, options)
            #expect(r.code == 0, "\(r.err)")
            let after = SigningProbe.pdfaFailures(r.path)
            #expect(after.subtracting(before).isEmpty, "new PDF/A-3u failures: \(after.subtracting(before).sorted())")
        }
    }
}

/// Same memo, same signer: the signed files differ only in the signing time and the signature.
@Suite struct SigningDeterminismTests {
    /// The bytes with the /M date's and the /Contents string's hex blanked.
    func masked(_ path: String) throws -> [UInt8] {
        var d = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for key in ["/M <", "/Contents <"] {
            let k = Array(key.utf8)
            var i = 0
            while i + k.count <= d.count {
                guard Array(d[i..<i + k.count]) == k else { i += 1; continue }
                var j = i + k.count
                while j < d.count, d[j] != 0x3E { d[j] = 0x2A; j += 1 }
                i = j
            }
        }
        return d
    }

    @Test func onlyTheTimeAndTheSignatureDiffer() throws {
        let a = SigningProbe.sign(SigningProbe.memo, SigningProbe.pem("rsa"))
        let b = SigningProbe.sign(SigningProbe.memo, SigningProbe.pem("rsa"))
        #expect(a.code == 0 && b.code == 0)
        let (ma, mb) = (try masked(a.path), try masked(b.path))
        #expect(ma.count > 30_000 && ma == mb, "same length and the same bytes but for the time and the signature")
    }

    @Test func verifyWithoutSignatures() {
        let v = SigningProbe.shell(SigningProbe.saraban, ["verify", SigningProbe.memo])
        #expect(v.code == 1 && v.err.contains("the PDF has no signatures") && v.err.contains("ไม่มีลายมือชื่ออิเล็กทรอนิกส์"), "\(v.err)")
    }
}
