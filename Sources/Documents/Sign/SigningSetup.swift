import Foundation
import Signing

/// How rendered memos are signed: the signer (loaded once) and the options of `saraban sign`,
/// shared by render, batch and the service.
public struct SigningSetup: Sendable {
    public var identity: SignerIdentity
    public var reason: String?
    public var location: String?
    public var timeStamp: TimeStampAuthority?
    /// Draw the signer's name, the date in Thai and the style's words beside the signature block.
    public var visible: Bool
    /// Sign with a certificate outside its validity period.
    public var allowExpired: Bool

    public init(identity: SignerIdentity, reason: String? = nil, location: String? = nil, timeStamp: TimeStampAuthority? = nil,
                visible: Bool = false, allowExpired: Bool = false) {
        self.identity = identity; self.reason = reason; self.location = location
        self.timeStamp = timeStamp; self.visible = visible; self.allowExpired = allowExpired
    }

    /// Checks the signer now, before anything is rendered: a refused certificate leaves no file.
    public func check(at date: Date = Date()) throws {
        try identity.check(at: date, allowExpired: allowExpired)
    }
}

extension DocumentRenderer {
    /// The PDF signed (PAdES, an incremental update), with the appearance drawn in `style`'s
    /// font when the setup asks for a visible signature.
    public func sign(_ pdf: Data, _ setup: SigningSetup, style: Style, date: Date = Date()) throws -> Data {
        try setup.check(at: date)
        var request = SignatureRequest(signer: setup.identity, reason: setup.reason, location: setup.location,
                                       timeStamp: setup.timeStamp, date: date)
        if setup.visible {
            let place = try PDFSigner.place(in: pdf)
            request.appearance = try SignatureAppearance(renderer: self, style: style)
                .pdf(name: setup.identity.certificate.commonName, date: date, width: place.appearanceWidth, height: place.appearanceHeight)
        }
        return try PDFSigner.sign(pdf, request)
    }
}
