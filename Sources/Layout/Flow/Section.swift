import Typeset

/// Where text may go on the pages of a section, in points.
public struct PageGeometry: Sendable {
    public var size: PageSize
    public var left: Double, right: Double
    /// Top of the body on the first page and on the pages after it.
    public var firstTop: Double, laterTop: Double
    /// Lowest point text may reach.
    public var bottom: Double
    public init(size: PageSize, left: Double, right: Double, firstTop: Double, laterTop: Double, bottom: Double) {
        self.size = size; self.left = left; self.right = right
        self.firstTop = firstTop; self.laterTop = laterTop; self.bottom = bottom
    }
    public var textWidth: Double { size.width - left - right }
}

/// Text added to a page after it is filled: page numbers and continuation words.
public struct PageDecoration {
    /// Page number text for a 1-based page number (nil: none on that page), its font and the top of its line.
    public var pageNumber: ((Int) -> InlineText?)?
    public var pageNumberTop: Double
    /// Continuation word text from the next page's first word (nil: none).
    public var continuation: ((String) -> InlineText)?
    public init(pageNumber: ((Int) -> InlineText?)? = nil, pageNumberTop: Double = 0, continuation: ((String) -> InlineText)? = nil) {
        self.pageNumber = pageNumber; self.pageNumberTop = pageNumberTop; self.continuation = continuation
    }
}

/// A run of pages with one geometry: the memo, or one attachment.
public struct Section {
    public var geometry: PageGeometry
    public var units: [FlowUnit]
    public var decoration: PageDecoration
    /// Bookmark title for the section's first page.
    public var bookmark: String?
    /// The section's logical structure, which its content tags name.
    public var structure: StructureTree
    /// How many lines a page may give to the next so that it ends between words (0: it ends
    /// wherever the text reaches the bottom).
    public var wordCutLines: Int
    public init(geometry: PageGeometry, units: [FlowUnit], decoration: PageDecoration, bookmark: String? = nil,
                structure: StructureTree = StructureTree(root: .part), wordCutLines: Int = 0) {
        self.geometry = geometry; self.units = units; self.decoration = decoration; self.bookmark = bookmark
        self.structure = structure; self.wordCutLines = wordCutLines
    }
}

/// A finished page: its size and everything on it, in page coordinates.
public struct Page {
    public var size: PageSize
    public var items: [PaintItem]
    public var bookmark: String?
    /// The memo's signature block when it is on this page.
    public var signatureArea: SignatureArea?
    /// The structure of the section the page belongs to, and whether the section starts here.
    public var structure: StructureTree?
    public var startsSection = false
    /// Where the body's last box ends, and the first word on the page.
    var contentBottom: Double
    var firstWord: String?
}
