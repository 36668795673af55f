/// An attachment (สิ่งที่แนบ): starts on a new page, portrait or landscape.
public struct Attachment: Sendable {
    public enum Orientation: String, Sendable { case portrait, landscape }
    public var title: String
    public var orientation: Orientation
    public var content: [BodyBlock]
}
