/// How the text of a run is laid out for the readers that rebuild words from glyph positions
/// (poppler, pdfminer, pdf.js, PDFBox, pdfium, MuPDF), while the ink stays where the layout put it.
///
/// - A gap between two clusters wider than a tenth of an em is a space to poppler (minWordBreakSpace),
///   pdfminer (word_margin), pdf.js (trackingSpaceMin) and PDFBox. A justified line's gaps wider
///   than `leftGap` are therefore carried by the glyph before them: a composite glyph added to the
///   font program draws it unchanged with its advance widened by whole steps of `step` em, so that
///   at most `leftGap` em stays a TJ move. /W stays equal to the program's advances, as PDF/A asks.
/// - pdf.js takes a glyph whose text holds a nonspacing mark (Unicode Mn) for a zero-width
///   diacritic, whatever else its text holds: a base carrying its marks' text lost its width and
///   split words. So a base carries its own text only, and its marks' text goes on a blank glyph
///   (the carrier) ending inside the cluster: poppler keeps it in the word when it starts more
///   than 0.1 em after the base's start and not more than 0.2 em before the base's end, and the next
///   cluster starts more than 0.1 em after its last character's start (poppler splits a glyph's box
///   evenly among its characters) and not more than 0.1 em after its end. So a carrier of one mark
///   is 0.12 em wide and ends where the base's advance ends; one of two marks is 0.12 em wide and
///   starts 0.18 em before the next cluster; more than two marks stay on the base. PDFBox merges the carrier into the base (a
///   diacritic inside the base's box); pdf.js sees a zero-width mark after a base.
/// The marks themselves are still drawn as outlines (see `PDFFonts`).
struct TextLayout {
    static let leftGap = 0.08, step = 0.08, carrierMargin = 0.02
    let upem: Int32
    let canAddGlyphs: Bool
    private let step: Double

    init(upem: Int32, canAddGlyphs: Bool) {
        self.upem = upem
        self.canAddGlyphs = canAddGlyphs
        step = (TextLayout.step * Double(upem)).rounded()
    }

    /// The advance a glyph is drawn with when `gap` (font units) follows it before the next cluster.
    func width(_ advance: Int32, gap: Double) -> Int32 {
        let left = TextLayout.leftGap * Double(upem)
        guard canAddGlyphs, step > 0, gap > left, gap < 65_535 - Double(advance) else { return advance }
        return advance + Int32(((gap - left) / step).rounded(.up) * step)
    }

    /// The carrier of `marks` marks: its width in font units and where it starts, `back` em before
    /// the pen after the base (one mark: it ends there, so no move follows it) or before the next
    /// cluster's start (two marks: a move follows it); nil for more marks than a carrier can take.
    func carrier(marks: Int) -> (width: Int32, back: Double, fromPen: Bool)? {
        guard canAddGlyphs, marks >= 1, marks <= 2 else { return nil }
        if marks == 1 {
            // The next cluster starts 0 to `leftGap` em after the pen: 0.12 em after the carrier's
            // start and at most 0.08 em after its end.
            let em = 0.1 + TextLayout.carrierMargin
            return (Int32((em * Double(upem)).rounded()), em, true)
        }
        // Two marks, each 0.06 em of the carrier's box to poppler: the second starts 0.12 em before
        // the next cluster, the carrier ends 0.06 em before it (PDFBox, which does not take a
        // two-character glyph for a diacritic, then sees no space) and starts 0.18 em before it.
        let em = 0.12
        return (Int32((em * Double(upem)).rounded()), 0.18, false)
    }

    /// Whether a carrier starting at `at` leaves the base (starting at `start`) more than 0.1 em
    /// of its own (all in em).
    func fits(at: Double, start: Double) -> Bool {
        at - start >= 0.1 + TextLayout.carrierMargin
    }
}
