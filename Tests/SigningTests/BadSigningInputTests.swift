import Foundation
import Testing

/// Each bad input: a message in English and Thai, exit 1, no output file.
@Suite struct BadSigningInputTests {
    func refused(_ input: String, _ options: [String], env: [String: String] = [:], english: String, thai: String) {
        let r = SigningProbe.sign(input, options, env: env)
        #expect(r.code == 1, "\(r.err)")
        #expect(r.err.contains(english) && r.err.contains(thai), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: r.path), "no output for a refused signature")
    }

    var pki: String { SigningProbe.pki }

    @Test func keyOfAnotherCertificate() {
        refused(SigningProbe.memo, ["--cert", pki + "/rsa.pem", "--key", pki + "/ec.key"],
                english: "the private key does not match the certificate", thai: "กุญแจส่วนตัวไม่ตรงกับใบรับรอง")
    }

    @Test func expiredCertificate() {
        refused(SigningProbe.memo, SigningProbe.pem("expired"), english: "the certificate expired on 2021-01-01", thai: "ใบรับรองหมดอายุแล้ว")
    }

    @Test func certificateNotValidYet() {
        refused(SigningProbe.memo, SigningProbe.pem("future"), english: "the certificate is not valid yet", thai: "ใบรับรองยังไม่ถึงวันที่ใช้ได้")
    }

    @Test func expiredCertificateWithAllowExpiredSigns() {
        let r = SigningProbe.sign(SigningProbe.memo, SigningProbe.pem("expired") + ["--allow-expired"])
        #expect(r.code == 0, "\(r.err)")
        let s = SigningProbe.pyhanko(r.path).first ?? [:]
        #expect(s["intact"] as? Bool == true, "the bytes are signed")
        #expect(s["trusted"] as? Bool == false, "an expired certificate is not trusted today")
        let v = SigningProbe.shell(SigningProbe.saraban, ["verify", r.path, "--trust", pki + "/ca.pem"])
        #expect(v.code == 1 && v.out.contains("certificate has expired"), "\(v.out)")
    }

    @Test func certificateThatMayNotSign() {
        refused(SigningProbe.memo, SigningProbe.pem("nosign"), english: "allows neither digitalSignature nor nonRepudiation",
                thai: "ใบรับรองนี้ไม่อนุญาตให้ใช้ลงลายมือชื่อ")
    }

    @Test func wrongPKCS12Password() {
        refused(SigningProbe.memo, ["--sign-p12", pki + "/rsa.p12"], env: ["SARABAN_SIGN_PASSWORD": "ผิด"],
                english: "wrong password for the PKCS#12 file", thai: "รหัสผ่านของแฟ้ม PKCS#12 ไม่ถูกต้อง")
    }

    @Test func noPasswordAndNoTerminal() {
        refused(SigningProbe.memo, ["--sign-p12", pki + "/rsa.p12"], english: "a password is needed: set SARABAN_SIGN_PASSWORD",
                thai: "ต้องใช้รหัสผ่าน")
    }

    @Test func unreadableFiles() {
        refused(SigningProbe.memo, ["--cert", pki + "/none.pem", "--key", pki + "/rsa.key"], english: "none.pem: cannot read the file", thai: "อ่านแฟ้มไม่ได้")
        refused(SigningProbe.memo, ["--cert", pki + "/rsa.key", "--key", pki + "/rsa.key"], english: "no certificate in this file", thai: "ไม่พบใบรับรองในแฟ้มนี้")
        refused(SigningProbe.memo, ["--sign-p12", pki + "/rsa.pem"], env: ["SARABAN_SIGN_PASSWORD": "x"], english: "not a PKCS#12", thai: "ไม่ใช่แฟ้ม PKCS#12")
        refused(pki + "/absent.pdf", SigningProbe.pem("rsa"), english: "absent.pdf: cannot read the file", thai: "อ่านแฟ้มไม่ได้")
    }

    @Test func inputThatIsNotSarabans() {
        refused(pki + "/ca.cnf", SigningProbe.pem("rsa"), english: "not a PDF that Saraban wrote", thai: "ไม่ใช่แฟ้ม PDF ที่ Saraban สร้าง")
        // The same memo rewritten by poppler's cairo backend: a PDF, but not Saraban's.
        let other = SigningProbe.tempDir() + "/cairo.pdf"
        SigningProbe.shell("/usr/bin/pdftocairo", ["-pdf", SigningProbe.memo, other])
        refused(other, SigningProbe.pem("rsa"), english: "not a", thai: "ไม่ใช่")
    }

    @Test func memoWithoutASignatureBlock() throws {
        let dir = SigningProbe.tempDir()
        let yaml = """
        memo:
          agency: องค์การบริหารส่วนตำบลหินเหล็กไฟ
          ref: ปข ๗๕๐๐๑/๓๘๙
          date: 2026-03-05
          subject: ทดสอบ
          to: นายกองค์การบริหารส่วนตำบลหินเหล็กไฟ
          body:
            - ข้อความ
        """
        try yaml.write(toFile: dir + "/memo.yaml", atomically: true, encoding: .utf8)
        SigningProbe.shell(SigningProbe.saraban, ["render", dir + "/memo.yaml", "-o", dir + "/memo.pdf"])
        refused(dir + "/memo.pdf", SigningProbe.pem("rsa"), english: "not a memo rendered by Saraban", thai: "ไม่พบตำแหน่งลงนาม")
    }

    @Test func aSecondVisibleSignatureInTheSameBlock() {
        let first = SigningProbe.sign(SigningProbe.memo, SigningProbe.pem("rsa") + ["--visible"])
        #expect(first.code == 0, "\(first.err)")
        refused(first.path, SigningProbe.pem("ec") + ["--visible"], english: "already shows a signature", thai: "มีลายมือชื่อแสดงอยู่แล้ว")
    }

    @Test func badTimeStampServer() {
        refused(SigningProbe.memo, SigningProbe.pem("rsa") + ["--tsa", "ftp://127.0.0.1/"], english: "is not an http:// or https:// URL", thai: "http://")
        // Nothing listens on port 9 of the loopback: the connection is refused at once.
        refused(SigningProbe.memo, SigningProbe.pem("rsa") + ["--tsa", "http://127.0.0.1:9/"], english: "cannot reach the time-stamp server",
                thai: "ติดต่อผู้ให้บริการประทับเวลาไม่ได้")
    }
}
