import Typeset

/// Glyphs of one font in a line, placed relative to the line's left edge and baseline.
public struct GlyphRun {
    public let font: ShapedFont
    public var glyphs: [PlacedGlyph]
    /// The characters the glyphs stand for.
    public var text: String
}

/// One set line: its runs, its height and where its baseline sits.
public struct TextLine {
    public var runs: [GlyphRun]
    /// Width of the inked content (after justification) and its left offset within the line box.
    public var width: Double
    public var height: Double
    public var ascent: Double
    /// Baseline below the line's top.
    public var baseline: Double
    /// The text of the line (trailing spaces removed).
    public var text: String
    /// Its first word, for the continuation word of the page before.
    public var firstWord: String
    /// Underlined x ranges relative to the line's left edge.
    public var underlines: [(Double, Double)]
    /// Offset of the first glyph from the box's left edge (indent and alignment).
    public var xOffset: Double
    /// Whether the line ends between words: at a space or at the end of its paragraph, not
    /// inside a run of Thai text that the next line continues.
    public var endsWord: Bool = true
    /// What the line is in the document's structure (a tagged PDF's marked content).
    public var tag: ContentTag = .untagged
    /// A list item's label at the start of the line: its own tag and its length in UTF-8 bytes
    /// (the painter draws it as a marked-content sequence of its own).
    public var label: (tag: ContentTag, bytes: Int)?
}
