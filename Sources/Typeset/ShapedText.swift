/// A run of text with one style, by scalar offsets into a paragraph.
public struct StyleSpan: Sendable, Hashable {
    public var range: Range<Int>
    public var font: FontSpec
    public var underline: Bool
    public init(range: Range<Int>, font: FontSpec, underline: Bool = false) {
        self.range = range; self.font = font; self.underline = underline
    }
}

/// One positioned glyph as the shaper returned it, in logical order.
public struct Glyph: Sendable {
    public var id: UInt32
    /// Advance, offsets in points.
    public var advance: Double
    public var xOffset: Double
    public var yOffset: Double
    /// Index of the first scalar of the glyph's cluster.
    public var scalar: Int
    /// Index into `ShapedText.fonts`.
    public var font: Int
}

/// A paragraph shaped once: its scalars, break opportunities and glyphs.
public struct ShapedText {
    init(text: String, scalars: [Unicode.Scalar], utf8Offsets: [Int], lineBreak: [Bool], mandatoryBreak: [Bool],
         graphemeStart: [Bool], whitespace: [Bool], wordStart: [Bool], glyphs: [Glyph], fonts: [ShapedFont],
         glyphStart: [Int], spans: [StyleSpan]) {
        self.text = text; self.scalars = scalars; self.utf8Offsets = utf8Offsets; self.lineBreak = lineBreak
        self.mandatoryBreak = mandatoryBreak; self.graphemeStart = graphemeStart; self.whitespace = whitespace
        self.wordStart = wordStart; self.glyphs = glyphs; self.fonts = fonts; self.glyphStart = glyphStart
        self.spans = spans; self.utf8 = Array(text.utf8); self.hasUnderline = spans.contains { $0.underline }
        spansInOrder = zip(spans, spans.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound }
    }

    public let text: String
    public let scalars: [Unicode.Scalar]
    /// UTF-8 byte offset of each scalar, plus the total length at the end.
    public let utf8Offsets: [Int]
    /// Break opportunity before scalar i (i in 0...count).
    public var lineBreak: [Bool]
    public let mandatoryBreak: [Bool]
    /// Grapheme cluster starts before scalar i.
    public let graphemeStart: [Bool]
    public let whitespace: [Bool]
    /// Word boundaries as the dictionary breaker sees them (Thai words through libthai).
    public let wordStart: [Bool]
    public let glyphs: [Glyph]
    public let fonts: [ShapedFont]
    /// For each scalar, the range of glyphs of the cluster it belongs to (empty for later scalars of a cluster).
    public let glyphStart: [Int]
    public let spans: [StyleSpan]
    /// The text's UTF-8 bytes (substrings are cut from these, not rebuilt scalar by scalar).
    public let utf8: [UInt8]
    /// Whether any span is underlined (most paragraphs have none to look up).
    public let hasUnderline: Bool
    /// Whether the spans follow one another without overlapping (markup makes them so), which
    /// lets `span(at:)` search instead of scanning: a paragraph can have thousands.
    let spansInOrder: Bool

    public var count: Int { scalars.count }

    /// Sum of advances of the glyphs whose clusters start in the scalar range.
    public func width(_ range: Range<Int>) -> Double {
        guard !range.isEmpty else { return 0 }
        var w = 0.0
        var g = glyphIndex(atOrAfter: range.lowerBound)
        while g < glyphs.count, glyphs[g].scalar < range.upperBound { w += glyphs[g].advance; g += 1 }
        return w
    }

    /// The first glyph whose cluster starts at or after scalar `i`.
    public func glyphIndex(atOrAfter i: Int) -> Int {
        var j = i
        while j < glyphStart.count, glyphStart[j] < 0 { j += 1 }
        return j < glyphStart.count ? glyphStart[j] : glyphs.count
    }

    /// The text of a scalar range.
    public func substring(_ range: Range<Int>) -> String {
        String(decoding: utf8[utf8Offsets[range.lowerBound]..<utf8Offsets[range.upperBound]], as: UTF8.self)
    }

    /// The style span covering scalar i.
    public func span(at i: Int) -> StyleSpan? {
        guard spansInOrder else { return spans.first { $0.range.contains(i) } }
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].range.upperBound <= i { lo = mid + 1 } else { hi = mid }
        }
        // In order, the first span that ends after i is the only one that can hold it.
        return lo < spans.count && spans[lo].range.contains(i) ? spans[lo] : nil
    }
}
