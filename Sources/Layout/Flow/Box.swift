import Typeset

/// Something to draw, positioned relative to its box: x from the page's left edge, y from the box's top.
public enum PaintItem {
    case text(TextLine, x: Double, y: Double)
    case rule(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, dash: [Double], round: Bool)
    case image(ImageAsset, x: Double, y: Double, width: Double, height: Double, tag: ContentTag = .untagged)
    case fill(x: Double, y: Double, width: Double, height: Double, gray: Double)

    /// The same item moved down by `dy`.
    public func shifted(_ dy: Double) -> PaintItem {
        switch self {
        case let .text(l, x, y): return .text(l, x: x, y: y + dy)
        case let .rule(x1, y1, x2, y2, w, d, r): return .rule(x1: x1, y1: y1 + dy, x2: x2, y2: y2 + dy, width: w, dash: d, round: r)
        case let .image(i, x, y, w, h, t): return .image(i, x: x, y: y + dy, width: w, height: h, tag: t)
        case let .fill(x, y, w, h, g): return .fill(x: x, y: y + dy, width: w, height: h, gray: g)
        }
    }
}

/// An unbreakable piece of a page: one line of text, a header row, a signature block.
public struct Box {
    public var height: Double
    /// Space above, dropped at the top of a page.
    public var spaceBefore: Double
    /// No page break may fall between this box and the next.
    public var keepWithNext: Bool
    public var items: [PaintItem]
    /// First word of the box's text, for the continuation word of the page before.
    public var firstWord: String?
    /// Where the box's signature block is, relative to the box (the memo's signature only).
    public var signatureArea: SignatureArea?
    /// Whether a page may end after the box without cutting a word (false for a line that ends
    /// inside a run of text the next line continues).
    public var endsWord: Bool
    public init(height: Double, spaceBefore: Double = 0, keepWithNext: Bool = false, items: [PaintItem], firstWord: String? = nil,
                endsWord: Bool = true) {
        self.height = height; self.spaceBefore = spaceBefore; self.keepWithNext = keepWithNext
        self.items = items; self.firstWord = firstWord; self.endsWord = endsWord
    }
}

/// What a breakable block did with the space it was given.
public enum Placement {
    case fitted(Box)
    case split(Box, rest: any Breakable)
    case nothingFits
}

/// A block that can be cut across pages (a table): it answers what fitted and what is left.
public protocol Breakable {
    /// Lays out as much as fits in `available` points of height.
    func place(available: Double, atPageTop: Bool) -> Placement
    var spaceBefore: Double { get }
}

/// One item of a page flow.
public enum FlowUnit {
    case box(Box)
    case breakable(any Breakable)
}

/// The memo's signature block and the place in it where a visible electronic signature goes:
/// the PDF records both so that `saraban sign` finds them in a finished file.
public struct SignatureArea: Sendable, Hashable {
    /// The whole block: signing space, (name) and position lines.
    public var block: PageRect
    /// Where a signature's appearance is drawn: the signing space, beside a signature picture.
    public var appearance: PageRect
    public init(block: PageRect, appearance: PageRect) { self.block = block; self.appearance = appearance }

    /// The same area moved down by `dy`.
    public func shifted(_ dy: Double) -> SignatureArea { SignatureArea(block: block.shifted(dy), appearance: appearance.shifted(dy)) }
}
