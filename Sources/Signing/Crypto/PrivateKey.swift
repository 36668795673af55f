import CSigning
import Foundation

/// A private key: OpenSSL's EVP_PKEY, freed with this object. Signing does not change it, so it
/// may be shared between threads.
public final class PrivateKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { EVP_PKEY_free(pointer) }

    /// The kinds of key a PAdES signature is made with here.
    public enum Kind: Sendable { case rsa, p256, other }

    public var kind: Kind {
        switch saraban_key_kind(pointer) {
        case 1: return .rsa
        case 2: return .p256
        default: return .other
        }
    }

    /// Whether the PEM text is an encrypted key (it needs a password).
    public static func isEncrypted(_ data: Data) -> Bool {
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        return text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED")
    }

    /// A key from PEM or DER bytes, decrypted with `password` when it is encrypted.
    public static func read(_ data: Data, password: String?, file: String) throws -> PrivateKey {
        let pointer: OpaquePointer? = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self).baseAddress
            if let password { return password.withCString { saraban_key_read(bytes, raw.count, $0) } }
            return saraban_key_read(bytes, raw.count, nil)
        }
        let reason = OpenSSL.errors()
        guard let pointer else {
            if isEncrypted(data) {
                throw SigningError(file, "cannot decrypt the private key: wrong password (\(reason))",
                                   thai: "ถอดรหัสกุญแจส่วนตัวไม่ได้ รหัสผ่านไม่ถูกต้อง")
            }
            throw SigningError(file, "no private key in this file (PEM or DER expected)", thai: "ไม่พบกุญแจส่วนตัวในแฟ้มนี้ (ต้องเป็น PEM หรือ DER)")
        }
        return PrivateKey(owning: pointer)
    }

    /// Whether this key is the private half of the certificate's public key.
    public func matches(_ certificate: Certificate) -> Bool {
        saraban_key_matches(certificate.pointer, pointer) == 1
    }
}
