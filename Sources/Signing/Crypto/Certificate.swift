import CSigning
import Foundation

/// An X.509 certificate: OpenSSL's X509, freed with this object. Read-only once made, so it may
/// be shared between threads.
public final class Certificate: @unchecked Sendable {
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { X509_free(pointer) }

    /// Every certificate in PEM text, or the one certificate in DER bytes.
    public static func all(in data: Data) -> [Certificate] {
        var out = [OpaquePointer?](repeating: nil, count: 64)
        let n = data.withUnsafeBytes { raw in
            saraban_x509_read(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, &out, Int32(out.count))
        }
        saraban_crypto_clear_errors()
        return out.prefix(Int(n)).compactMap { $0.map(Certificate.init(owning:)) }
    }

    /// The certificates of a PEM or DER file; an unreadable file or one without any is an error.
    public static func read(file path: String) throws -> [Certificate] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SigningError(path, "cannot read the file", thai: "อ่านแฟ้มไม่ได้")
        }
        let certificates = all(in: data)
        if certificates.isEmpty {
            throw SigningError(path, "no certificate in this file (PEM or DER expected)", thai: "ไม่พบใบรับรองในแฟ้มนี้ (ต้องเป็น PEM หรือ DER)")
        }
        return certificates
    }

    /// The subject as RFC 2253 text (CN first), Thai kept as UTF-8.
    public var subject: String { OpenSSL.text { Int(saraban_x509_name(pointer, 1, $0, $1)) } }
    public var issuer: String { OpenSSL.text { Int(saraban_x509_name(pointer, 0, $0, $1)) } }
    /// The subject's common name (the signer's name on a Thai CA's certificate); the subject when it has none.
    public var commonName: String {
        let name = OpenSSL.text { Int(saraban_x509_common_name(pointer, $0, $1)) }
        return name.isEmpty ? subject : name
    }

    /// When the certificate starts and stops being valid.
    public var validity: (notBefore: Date, notAfter: Date)? {
        var start: Int64 = 0, end: Int64 = 0
        guard saraban_x509_validity(pointer, &start, &end) == 1 else { return nil }
        return (Date(timeIntervalSince1970: TimeInterval(start)), Date(timeIntervalSince1970: TimeInterval(end)))
    }

    /// Whether the key usage allows signing documents: digitalSignature or nonRepudiation; a
    /// certificate without the keyUsage extension allows every use.
    public var allowsSigning: Bool {
        let usage = saraban_x509_key_usage(pointer)
        // X509v3 KU_DIGITAL_SIGNATURE 0x80, KU_NON_REPUDIATION 0x40.
        return usage < 0 || usage & 0xC0 != 0
    }

    /// The certificate's DER encoding.
    public var der: Data {
        var out: UnsafeMutablePointer<UInt8>?
        let n = saraban_x509_der(pointer, &out)
        return OpenSSL.take(out, Int(n)) ?? Data()
    }

    /// Whether both are the same certificate.
    func same(as other: Certificate) -> Bool { X509_cmp(pointer, other.pointer) == 0 }
}
