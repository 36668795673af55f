import CSigning
import Foundation

/// A CMS SignedData being made or read: OpenSSL's CMS_ContentInfo, freed with this object.
final class CMSMessage {
    let pointer: OpaquePointer

    private init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { CMS_ContentInfo_free(pointer) }

    /// A detached CAdES signature (signing-certificate-v2, no signing-time) over content whose
    /// SHA-256 is `digest`, the signer's chain embedded.
    static func sign(digest: [UInt8], by signer: SignerIdentity) throws -> CMSMessage {
        let made: OpaquePointer? = OpenSSL.withPointers(signer.chain) { chain, count in
            withExtendedLifetime(signer) {
                saraban_cms_sign(signer.certificate.pointer, signer.key.pointer, chain, count, digest, digest.count)
            }
        }
        guard let made else {
            throw SigningError("", "OpenSSL could not make the signature (\(OpenSSL.errors()))", thai: "สร้างลายมือชื่ออิเล็กทรอนิกส์ไม่ได้")
        }
        return CMSMessage(owning: made)
    }

    /// A CMS object from DER bytes (trailing zeros, as a PDF's /Contents pads it, are ignored).
    static func read(_ der: [UInt8]) -> CMSMessage? {
        let p = der.withUnsafeBufferPointer { saraban_cms_read($0.baseAddress, $0.count) }
        saraban_crypto_clear_errors()
        return p.map(CMSMessage.init(owning:))
    }

    /// The first signer's signature value (what a signature time-stamp stamps).
    var signatureValue: [UInt8] {
        var value: UnsafePointer<UInt8>?
        var length: Int32 = 0
        guard saraban_cms_signature_value(pointer, &value, &length) == 1, let value else { return [] }
        return Array(UnsafeBufferPointer(start: value, count: Int(length)))
    }

    func addTimeStamp(_ token: [UInt8]) throws {
        guard token.withUnsafeBufferPointer({ saraban_cms_add_timestamp(pointer, $0.baseAddress, $0.count) }) == 1 else {
            throw SigningError("", "cannot add the time-stamp token (\(OpenSSL.errors()))", thai: "ใส่ตราประทับเวลาไม่ได้")
        }
    }

    var der: [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        let n = saraban_cms_der(pointer, &out)
        return OpenSSL.take(out, Int(n)).map { [UInt8]($0) } ?? []
    }

    var signerCount: Int { Int(saraban_cms_signer_count(pointer)) }

    /// Whether the content and the signed attributes verify with the embedded signer certificate.
    func verifies(content: [UInt8]) -> Bool {
        let ok = content.withUnsafeBufferPointer { saraban_cms_verify_detached(pointer, $0.baseAddress, $0.count) } == 1
        saraban_crypto_clear_errors()
        return ok
    }

    var signer: Certificate? { saraban_cms_signer(pointer).map(Certificate.init(owning:)) }

    var certificates: [Certificate] {
        var out = [OpaquePointer?](repeating: nil, count: 64)
        let n = saraban_cms_certificates(pointer, &out, Int32(out.count))
        return out.prefix(Int(n)).compactMap { $0.map(Certificate.init(owning:)) }
    }

    func hasSignedAttribute(_ nid: Int32) -> Bool { saraban_cms_has_signed_attribute(pointer, nid) == 1 }

    /// Whether signing-certificate-v2 names `signer`: nil when the attribute is absent.
    func signingCertificateMatches(_ signer: Certificate) -> Bool? {
        switch saraban_cms_check_signing_certificate(pointer, signer.pointer) {
        case 1: return true
        case 0: return false
        default: return nil
        }
    }

    /// The signature time-stamp token, when there is one.
    var timeStampToken: [UInt8]? {
        var out: UnsafeMutablePointer<UInt8>?
        let n = saraban_cms_timestamp_token(pointer, &out)
        return OpenSSL.take(out, Int(n)).map { [UInt8]($0) }
    }
}

/// SHA-256 through OpenSSL.
func sha256(_ data: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: 32)
    _ = data.withUnsafeBufferPointer { saraban_sha256($0.baseAddress, $0.count, &out) }
    return out
}
