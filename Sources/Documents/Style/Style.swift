import Layout
import ThaiText
import Typeset

/// Every measurement of the page, read from Templates/styles/*.yaml and the document's overrides.
public struct Style: Sendable, Hashable {
    public var font: String
    public var digits: DigitStyle
    /// The emblem as the style or the document names it.
    public var emblem: String?
    /// The style file's folder when the emblem is the style file's; nil when the document names it.
    public var emblemFolder: String?
    public var keepTogether: [String]
    public var compounds: [String]
    /// People's names found by their title (Templates/styles/names.yaml and the style's additions).
    public var names: PersonNames

    public var pageSize: PageSize
    public var marginLeft, marginRight, marginBottom, firstTop, numberTop: Double
    public var linesAfterNumber: Int
    public var numberFormat: String, numberSize: Double
    public var continuation: Bool, continuationFormat: String
    /// How many lines a page may give to the next so that it ends between words (0: wherever).
    public var pageCutBetweenWordsLines: Int

    public var textSize: Double
    public var lineHeight: Double?
    public var alignment: Alignment
    public var maxClusterGap, maxLatinLetterSpace: Double
    /// How far past the first-line indent a paragraph's last line should reach.
    public var minLastLineExtra: Double

    public var emblemHeight: Double
    /// The emblem's alternative text in a tagged PDF.
    public var emblemAlt: String
    public var titleText: String, titleSize, titleLineHeight, titleBaseline: Double

    public var labelSize, valueSize, spaceAfterTitle, dateColumn: Double
    public var leaderDotGap, leaderDotSize, leaderBelowBaseline, leaderGapBeforeDate, toSpaceBefore: Double
    public var toLabel, referencesLabel, enclosuresLabel: String

    public var bodyIndent, bodySpaceBefore: Double
    public var headingBold, listHanging: Bool
    public var listSpaceBefore: Double

    public var signatureAxis: Double, signingLines: Int, signatureSpaceBefore, signatureImageHeight: Double
    public var signing: SigningStyleValues
    /// The signature image's alternative text; {name} is the signer's name.
    public var signatureAlt: String
    public var commentSpaceBefore: Double, commentTitleBold: Bool, commentDottedLines, commentSigningLines: Int

    public var landscapeMargin, attachmentTitleSize: Double
    public var attachmentTitleBold: Bool, attachmentTitleSpaceAfter: Double
    public var attachmentNumbered, attachmentContinuation: Bool

    public var table: TableStyleValues
    public var chart: ChartStyleValues
    /// Which standards the PDF claims (`pdf.standard`).
    public var pdfStandard: PDFStandard

    /// The regular text font.
    public var bodyFont: FontSpec { FontSpec(family: font, size: textSize) }
    public var textWidth: Double { pageSize.width - marginLeft - marginRight }
}

/// The `table:` part of the style: cell text, padding, rules and shading.
public struct TableStyleValues: Sendable, Hashable {
    public var textSize: Double, lineHeight: Double?, alignment: Alignment
    public var paddingTop, paddingBottom, paddingX, ruleWidth: Double
    public var headerBold: Bool, headerFill: Double, groupBold: Bool, groupFill: Double
    public var paragraphSpace, spaceBefore: Double
    /// Lines a row cut by a page may give to the next page to be cut between words.
    public var pageCutBetweenWords: Int
}

/// The `chart:` part of the style: bar chart measurements.
public struct ChartStyleValues: Sendable, Hashable {
    public var textSize: Double, titleBold: Bool, titleSpaceAfter: Double
    public var labelWidth, labelGap, barHeight, rowGap, barFill, ruleWidth, gridWidth, valueGap, tickLength: Double
    public var scaleMax: Double, ticks: Int, spaceBefore: Double
}

extension Style {
    /// Sets the PDF standard by its name (pdfa-3u or none); false for any other name.
    public mutating func setPDFStandard(_ name: String) -> Bool {
        guard let standard = PDFStandard(rawValue: name) else { return false }
        pdfStandard = standard
        return true
    }
}

/// The `signing:` part of the style: a visible electronic signature's text and frame.
public struct SigningStyleValues: Sendable, Hashable {
    public var size, padding, ruleWidth: Double
    public var words, timeFormat: String
}
