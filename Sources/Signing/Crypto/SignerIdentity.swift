import CSigning
import Foundation

/// Who signs: a private key, its certificate and the certificates between it and a root.
public struct SignerIdentity: Sendable {
    public let key: PrivateKey
    public let certificate: Certificate
    /// Intermediate (and root) certificates embedded with the signature.
    public let chain: [Certificate]

    public init(key: PrivateKey, certificate: Certificate, chain: [Certificate]) {
        self.key = key
        self.certificate = certificate
        self.chain = chain.filter { !$0.same(as: certificate) }
    }

    /// A PEM (or DER) certificate and key, with an optional chain file. The certificate file may
    /// hold the chain after the certificate. `password` is asked only for an encrypted key.
    public static func files(certificate: String, key: String, chain: String?, password: () throws -> String) throws -> SignerIdentity {
        let certificates = try Certificate.read(file: certificate)
        guard let data = FileManager.default.contents(atPath: key) else { throw SigningError(key, "cannot read the file", thai: "อ่านแฟ้มไม่ได้") }
        let pass = PrivateKey.isEncrypted(data) ? try password() : nil
        let privateKey = try PrivateKey.read(data, password: pass, file: key)
        let more = try chain.map { try Certificate.read(file: $0) } ?? []
        return SignerIdentity(key: privateKey, certificate: certificates[0], chain: Array(certificates.dropFirst()) + more)
    }

    /// A PKCS#12 (.p12/.pfx) file as Thai CAs issue them, of any vintage (legacy RC2/3DES too).
    public static func pkcs12(file: String, password: String) throws -> SignerIdentity {
        guard let data = FileManager.default.contents(atPath: file) else { throw SigningError(file, "cannot read the file", thai: "อ่านแฟ้มไม่ได้") }
        var key: OpaquePointer?, cert: OpaquePointer?
        var chain = [OpaquePointer?](repeating: nil, count: 32)
        var count: Int32 = 0
        let status = data.withUnsafeBytes { raw in
            password.withCString { saraban_pkcs12_read(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, $0, &key, &cert, &chain, Int32(chain.count), &count) }
        }
        let reason = OpenSSL.errors()
        switch status {
        case 0: break
        case 1: throw SigningError(file, "wrong password for the PKCS#12 file", thai: "รหัสผ่านของแฟ้ม PKCS#12 ไม่ถูกต้อง")
        case 2: throw SigningError(file, "not a PKCS#12 (.p12/.pfx) file", thai: "ไม่ใช่แฟ้ม PKCS#12 (.p12/.pfx)")
        case 3: throw SigningError(file, "the PKCS#12 file holds no private key with its certificate", thai: "แฟ้ม PKCS#12 ไม่มีกุญแจส่วนตัวพร้อมใบรับรอง")
        default: throw SigningError(file, "cannot read the PKCS#12 file (\(reason))", thai: "อ่านแฟ้ม PKCS#12 ไม่ได้")
        }
        guard let key, let cert else { throw SigningError(file, "cannot read the PKCS#12 file", thai: "อ่านแฟ้ม PKCS#12 ไม่ได้") }
        let certificates = chain.prefix(Int(count)).compactMap { $0.map(Certificate.init(owning:)) }
        return SignerIdentity(key: PrivateKey(owning: key), certificate: Certificate(owning: cert), chain: certificates)
    }

    /// Refuses what cannot make a valid signature: a key not the certificate's, a key kind other
    /// than RSA or ECDSA P-256, a certificate not valid at `date` (unless `allowExpired`), or one
    /// whose key usage excludes signing.
    public func check(at date: Date, allowExpired: Bool) throws {
        guard key.matches(certificate) else {
            throw SigningError("", "the private key does not match the certificate", thai: "กุญแจส่วนตัวไม่ตรงกับใบรับรอง")
        }
        guard key.kind != .other else {
            throw SigningError("", "the key is neither RSA nor ECDSA P-256", thai: "กุญแจไม่ใช่ RSA หรือ ECDSA P-256")
        }
        guard certificate.allowsSigning else {
            throw SigningError("", "the certificate's key usage allows neither digitalSignature nor nonRepudiation",
                               thai: "ใบรับรองนี้ไม่อนุญาตให้ใช้ลงลายมือชื่อ (ไม่มี digitalSignature หรือ nonRepudiation)")
        }
        guard let validity = certificate.validity else { throw SigningError("", "the certificate has no validity dates", thai: "ใบรับรองไม่มีช่วงวันที่ใช้ได้") }
        if allowExpired { return }
        let f = ISO8601DateFormatter()
        if date < validity.notBefore {
            throw SigningError("", "the certificate is not valid yet (from \(f.string(from: validity.notBefore))); --allow-expired signs anyway",
                               thai: "ใบรับรองยังไม่ถึงวันที่ใช้ได้ (เริ่ม \(f.string(from: validity.notBefore)))")
        }
        if date > validity.notAfter {
            throw SigningError("", "the certificate expired on \(f.string(from: validity.notAfter)); --allow-expired signs anyway",
                               thai: "ใบรับรองหมดอายุแล้วเมื่อ \(f.string(from: validity.notAfter))")
        }
    }
}
