import ThaiText
import Typeset

/// Text with style spans, ready to shape: what a paragraph, label or cell holds.
public struct InlineText: Sendable, Hashable {
    public var text: String
    public var spans: [StyleSpan]
    public init(text: String, spans: [StyleSpan]) { self.text = text; self.spans = spans }

    /// Plain text in one font.
    public init(_ text: String, font: FontSpec) {
        self.text = text
        self.spans = [StyleSpan(range: 0..<text.unicodeScalars.count, font: font)]
    }

    /// Concatenates two inline texts.
    /// Equal when the bytes are: Swift's own String equality and hashing normalise Thai text
    /// on every call, which made the paragraph cache's lookups cost more than its hits saved.
    public static func == (a: InlineText, b: InlineText) -> Bool {
        a.spans == b.spans && Scalars.sameBytes(a.text, b.text)
    }

    public func hash(into hasher: inout Hasher) {
        Scalars.hashBytes(text, into: &hasher)
        hasher.combine(spans)
    }

    public static func + (a: InlineText, b: InlineText) -> InlineText {
        let n = a.text.unicodeScalars.count
        return InlineText(text: a.text + b.text,
                          spans: a.spans + b.spans.map { StyleSpan(range: ($0.range.lowerBound + n)..<($0.range.upperBound + n), font: $0.font, underline: $0.underline) })
    }
}

/// How lines are aligned.
public enum Alignment: String, Sendable {
    case left, center, right
    /// Thai distributed: slack spread over every gap between grapheme clusters.
    case thaiDistributed = "thai-distributed"
}

/// Everything the line breaker and justifier need to know about one paragraph.
public struct ParagraphStyle: Sendable, Hashable {
    public var width: Double
    public var firstIndent: Double = 0
    public var restIndent: Double = 0
    public var alignment: Alignment = .left
    /// Largest extra space between two grapheme clusters, in points, that justification aims to stay within.
    public var maxClusterGap: Double = 3
    /// Largest extra space inside a Latin word, in points.
    public var maxLatinLetterSpace: Double = 0.5
    /// Scalar ranges inside which no line may break (names, dates, phrases).
    public var keepTogether: [Range<Int>] = []
    /// Scalar ranges of compounds: breaking inside costs a penalty.
    public var compounds: [Range<Int>] = []
    /// A paragraph's last line shorter than this is a runt: the breaker avoids it when it can.
    public var minLastLine: Double = 0
    /// Fixed line height; nil uses the fonts' own line height.
    public var lineHeight: Double? = nil
    public init(width: Double) { self.width = width }
}
