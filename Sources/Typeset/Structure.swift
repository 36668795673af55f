/// What a piece of page content is in a tagged PDF: part of a structure element of the section
/// being drawn, or an artifact (page furniture that assistive technology skips).
public enum ContentTag: Sendable, Hashable {
    /// Real content nobody has placed in the structure: it goes under the section's root.
    case untagged
    /// Real content of the node with this index in the current section's `StructureTree`.
    case element(Int32)
    /// Not part of the document's content.
    case artifact(ArtifactKind)
}

/// The kinds of artifact a document draws.
public enum ArtifactKind: Sendable, Hashable {
    /// Page numbers at the head of a page.
    case pageHeader
    /// Continuation words at the foot of a page.
    case pageFooter
    /// Content repeated from an earlier page (a table's header row, a rowspan's text again).
    case repeated
    /// Rules, borders, dotted leaders, shading.
    case layout
}

/// The standard structure types Saraban uses (ISO 32000-1, 14.8.4).
public enum StructureRole: String, Sendable {
    case part = "Part", div = "Div"
    case h1 = "H1", h2 = "H2", p = "P"
    case list = "L", listItem = "LI", label = "Lbl", listBody = "LBody"
    case table = "Table", tableHead = "THead", tableBody = "TBody", tableRow = "TR"
    case headerCell = "TH", dataCell = "TD"
    case figure = "Figure"
}

/// The logical structure of one section (the memo, or one attachment): nodes in document order,
/// each under its parent; node 0 is the section's root. Built by the composer, read by the PDF.
public final class StructureTree: @unchecked Sendable {
    /// One structure element.
    public struct Node: Sendable {
        public var role: StructureRole
        /// Index of the parent node; -1 for the root.
        public var parent: Int32
        /// Alternative text (figures).
        public var alt: String?
        /// Table attributes: rows and columns a cell spans; whether a header cell heads a column.
        public var rowSpan = 1, colSpan = 1
        public var scopeColumn = false
    }

    public private(set) var nodes: [Node]

    /// A tree with its root.
    public init(root: StructureRole) { nodes = [Node(role: root, parent: -1)] }

    /// Adds a node under `parent` and returns its index.
    @discardableResult
    public func add(_ role: StructureRole, under parent: Int32, alt: String? = nil) -> Int32 {
        nodes.append(Node(role: role, parent: parent, alt: alt))
        return Int32(nodes.count - 1)
    }

    /// Sets a table cell's spans and scope.
    public func setCell(_ node: Int32, rowSpan: Int, colSpan: Int, scopeColumn: Bool = false) {
        nodes[Int(node)].rowSpan = rowSpan
        nodes[Int(node)].colSpan = colSpan
        nodes[Int(node)].scopeColumn = scopeColumn
    }
}
