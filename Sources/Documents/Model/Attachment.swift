/// An attachment (สิ่งที่แนบ): starts on a new page, portrait or landscape.
public struct Attachment: Sendable, Hashable {
    public enum Orientation: String, Sendable { case portrait, landscape }
    public var title: String
    public var orientation: Orientation
    public var content: [BodyBlock]
}

extension Attachment {
    /// All the attachment's text in one string (to tell which protected phrases occur in it).
    var allText: String {
        var parts = [title]
        for block in content {
            switch block {
            case .heading(let t), .paragraph(let t): parts.append(t)
            case .list(let items): parts += items
            case .table(let t):
                parts += t.columns.map(\.title)
                for row in t.rows {
                    switch row {
                    case .group(let g): parts.append(g)
                    case .cells(let cells): parts += cells.flatMap(\.paragraphs)
                    }
                }
            case .chart(let c): parts += (c.title.map { [$0] } ?? []) + c.data.map(\.label)
            }
        }
        return parts.joined(separator: "\n")
    }
}
