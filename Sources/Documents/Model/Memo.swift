import Foundation
/// A บันทึกข้อความ as the document file gives it; text is still inline markup.
public struct Memo: Sendable {
    public var agency: String
    public var phone: String?
    public var ref: String
    public var date: String?
    public var subject: String
    public var to: String
    public var references: [String] = []
    public var enclosures: [String] = []
    public var body: [BodyBlock] = []
    public var closing: String?
    public var signature: Signature?
    public var comments: [Comment] = []
}

/// A block of the memo's body or of an attachment's content.
public enum BodyBlock: Sendable, Hashable {
    case heading(String)
    case paragraph(String)
    case list([String])
    /// Attachments only.
    case table(Table)
    case chart(Chart)
}

/// The signer: name (printed in brackets), position lines, optional signature image.
public struct Signature: Sendable {
    public var name: String
    public var position: [String]
    public var image: String?
}

/// A ความเห็น block: title, dotted lines for handwriting, then a signature.
public struct Comment: Sendable {
    public var title: String
    public var lines: Int
    public var name: String?
    public var position: [String]
}

/// A whole document file: the memo, its attachments and style overrides.
public struct Document: Sendable {
    public var memo: Memo
    public var attachments: [Attachment] = []
    /// Where the document came from (for messages).
    public var file: String
    /// Where the files it names are read from.
    public var files: any DocumentFiles
    /// The emblem's bytes when the style draws one (read and checked by the loader).
    public var emblemImage: Data?
    /// The signature picture's bytes when the memo has one.
    public var signatureImage: Data?
    /// Where the memo starts, then each attachment, for messages about their pages.
    public var sectionPlaces: [(line: Int, column: Int)] = []
}
