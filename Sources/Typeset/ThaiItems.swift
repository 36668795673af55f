import CPangoCairo
import CShims

/// Itemizing only where the font or script can change. A stretch of Thai letters, Thai digits and
/// ASCII punctuation, digits and spaces in one font is one Pango item (Thai script, left to
/// right) in the font's primary font when that font has every character: Pango's itemizer finds
/// no script, direction or font change in it. Such a stretch is shaped with the analysis of the
/// first one that Pango itemized, so Pango's itemizer (8.5 M instructions a distinct document)
/// runs only on stretches with Latin letters or other scripts, or characters the font lacks.
/// Belongs to one FontSystem (one thread); the tests compare it with Pango's own itemizing.
final class ThaiItems {
    /// Pango's analysis of a Thai stretch in one font spec, holding a reference to its font.
    final class Item {
        let analysis: PangoAnalysis
        /// Per character of U+0000–U+007F and U+0E00–U+0E7F: 1 the font has it, 0 it does not, -1 not asked yet.
        private var covered = [Int8](repeating: -1, count: 256)

        init(_ analysis: PangoAnalysis) {
            self.analysis = analysis
            saraban_object_ref(UnsafeMutableRawPointer(analysis.font))
        }

        deinit { saraban_object_unref(UnsafeMutableRawPointer(analysis.font)) }

        /// Whether the font has the character (one of those `ThaiItems.eligible` lets through).
        func has(_ c: UInt32) -> Bool {
            let slot = c < 0x80 ? Int(c) : Int(c - 0x0E00) + 128
            if covered[slot] < 0 { covered[slot] = pango_font_has_char(analysis.font, c) != 0 ? 1 : 0 }
            return covered[slot] == 1
        }
    }

    private var items: [FontSpec: Item] = [:]
    /// Stretches shaped with a kept analysis (the tests check that the shortcut is taken).
    private(set) var hits = 0

    /// Drops every kept analysis (and its font reference): the FontSystem does this before it
    /// releases its font map, as it does with its own fonts.
    func removeAll() { items.removeAll() }

    /// The analysis for a stretch of these scalars in `font`, when one is known and applies.
    func item(for scalars: ArraySlice<Unicode.Scalar>, font: FontSpec) -> Item? {
        guard let item = items[font], ThaiItems.eligible(scalars) else { return nil }
        for s in scalars where !item.has(s.value) { return nil }
        hits += 1
        return item
    }

    /// Keeps Pango's analysis of an eligible stretch that it itemized as one Thai item in the
    /// spec's primary font (with no extra attributes to carry).
    func learn(_ analysis: PangoAnalysis, scalars: ArraySlice<Unicode.Scalar>, font: FontSpec, primary: UnsafeMutablePointer<PangoFont>?) {
        guard items[font] == nil, let f = analysis.font, f == primary, analysis.extra_attrs == nil,
              analysis.script == UInt8(PANGO_SCRIPT_THAI.rawValue), analysis.level == 0, analysis.flags & ~ThaiItems.hasCharOffset == 0,
              ThaiItems.eligible(scalars) else { return }
        var kept = analysis
        kept.flags &= ~ThaiItems.hasCharOffset
        items[font] = Item(kept)
    }

    /// Pango's private flag for an item that carries its character offset (a PangoItem of its
    /// own, which the kept copy is not); shaping does not read it.
    static let hasCharOffset: UInt8 = 1 << 7

    /// Thai letters, marks and digits, and ASCII spaces, digits and punctuation (no letters, no
    /// controls), with at least one Thai letter: a run Pango resolves to Thai script throughout.
    static func eligible(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var thai = false
        for s in scalars {
            switch s.value {
            case 0x0E01...0x0E3A, 0x0E40...0x0E5B: thai = true
            case 0x20...0x40, 0x5B...0x60, 0x7B...0x7E: continue
            default: return false
            }
        }
        return thai
    }
}
