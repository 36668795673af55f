import ArgumentParser
import Documents
import Foundation
import Signing

/// The signing options of `sign` and `render`: the private key is --key.
struct SigningOptions: ParsableArguments {
    @Option(help: "The signer's private key (PEM or DER).") var key: String?
    @OptionGroup var signer: SignerOptions

    var wanted: Bool { key != nil || signer.named }
    func setup() throws -> SigningSetup? { try signer.setup(key: key) }
}

/// The signing options of `batch`, whose --key names a data column: the private key is --sign-key.
struct BatchSigningOptions: ParsableArguments {
    @Option(name: .customLong("sign-key"), help: "The signer's private key (PEM or DER).") var key: String?
    @OptionGroup var signer: SignerOptions

    func setup() throws -> SigningSetup? { try signer.setup(key: key) }
}

/// The signing options every signing command shares but the key's. The password of a PKCS#12
/// file or an encrypted key comes from SARABAN_SIGN_PASSWORD or the terminal, never from an option.
struct SignerOptions: ParsableArguments {
    @Option(help: "The signer's certificate (PEM or DER; may hold the chain after it).") var cert: String?
    @Option(help: "Intermediate certificates to embed (PEM).") var chain: String?
    @Option(name: .customLong("sign-p12"), help: "The signer's PKCS#12 file (.p12/.pfx); password from SARABAN_SIGN_PASSWORD or a prompt.")
    var p12: String?
    @Option(help: "Why the memo is signed (shown by PDF viewers).") var reason: String?
    @Option(help: "Where it is signed.") var location: String?
    @Option(help: "An RFC 3161 time-stamp server (PAdES B-T).") var tsa: String?
    @Flag(help: "Draw the signer's name, the date and 'signed electronically' beside the signature block.") var visible = false
    @Flag(help: "Sign even with a certificate that has expired or is not valid yet.") var allowExpired = false

    /// Whether a certificate or PKCS#12 file was named.
    var named: Bool { cert != nil || p12 != nil }

    /// The setup, or nil when nothing asks for a signature; a bad signer exits 1 with its message.
    func setup(key: String?) throws -> SigningSetup? {
        guard named || key != nil else {
            if tsa != nil || visible || reason != nil || location != nil || chain != nil {
                fail(SigningError("", "signing options need --cert with --key, or --sign-p12", thai: "ตัวเลือกการลงนามต้องใช้ร่วมกับ --cert และ --key หรือ --sign-p12"))
            }
            return nil
        }
        do {
            let identity = try loadIdentity(key: key)
            let setup = SigningSetup(identity: identity, reason: reason, location: location,
                                     timeStamp: try tsa.map(TimeStampAuthority.init), visible: visible, allowExpired: allowExpired)
            try setup.check()
            return setup
        } catch let e as SigningError {
            fail(e.located(p12 ?? cert ?? ""))
        }
    }

    private func loadIdentity(key: String?) throws -> SignerIdentity {
        if let p12 {
            guard cert == nil, key == nil else {
                throw SigningError("", "give either --sign-p12 or --cert with --key, not both", thai: "ระบุ --sign-p12 หรือ --cert กับ --key อย่างใดอย่างหนึ่ง")
            }
            return try SignerIdentity.pkcs12(file: p12, password: try Password.obtain(for: p12))
        }
        guard let cert, let key else {
            throw SigningError("", "--cert and --key go together", thai: "ต้องระบุ --cert และ --key คู่กัน")
        }
        return try SignerIdentity.files(certificate: cert, key: key, chain: chain) { try Password.obtain(for: key) }
    }
}

/// Prints a signing problem and exits 1.
func fail(_ e: SigningError) -> Never {
    printError(e.description)
    Foundation.exit(1)
}
