import CPangoCairo
import CShims
import Foundation

/// One Pango font map and context. Not thread-safe: each thread (or worker) makes its own.
public final class FontSystem {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    private var descriptions: [FontSpec: OpaquePointer] = [:]
    private var fonts: [UnsafeMutablePointer<PangoFont>: ShapedFont] = [:]
    let language: OpaquePointer?
    /// Break opportunities of the stretches of text shaped so far.
    let breaks: BreakAttributes
    /// Stretches of text shaped so far.
    let stretches = ShapedStretches()
    /// Pango's analysis of Thai stretches, by font spec (itemizing only where it can change).
    let thaiItems = ThaiItems()
    private var primaries: [FontSpec: UnsafeMutablePointer<PangoFont>?] = [:]

    /// Starts reading fontconfig's configuration and Pango's Thai dictionary on another thread
    /// (once per process): what a command does before its first font overlaps them.
    public static func startLoading() {
        saraban_start_loading()
    }

    /// Registers every font file under `dir` with fontconfig (once per process, before any font map).
    public static func registerFontDirectory(_ dir: String) -> Bool {
        saraban_register_font_dir(dir) == 1
    }

    public init(language: String = "th") {
        fontMap = UnsafeMutablePointer<PangoFontMap>(OpaquePointer(pango_cairo_font_map_new()))
        // Points, not pixels: one Pango unit of size is one PDF point.
        pango_cairo_font_map_set_resolution(OpaquePointer(fontMap), 72)
        context = pango_font_map_create_context(fontMap)
        let options = cairo_font_options_create()
        // Unhinted metrics: positions on the page must not depend on a pixel grid.
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        self.language = pango_language_from_string(language)
        breaks = BreakAttributes(language: self.language)
        pango_context_set_language(context, self.language)
    }

    deinit {
        for (_, d) in descriptions { pango_font_description_free(d) }
        thaiItems.removeAll()
        fonts.removeAll()
        saraban_object_unref(UnsafeMutableRawPointer(context))
        saraban_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    func description(_ spec: FontSpec) -> OpaquePointer {
        if let d = descriptions[spec] { return d }
        let d = pango_font_description_new()!
        pango_font_description_set_family(d, spec.family)
        // Styles bound every size; a size out of Pango's range must still never trap here.
        let units = (spec.size * Double(PANGO_SCALE)).rounded()
        pango_font_description_set_size(d, units.isFinite ? Int32(max(1, min(units, 1e8))) : Int32(PANGO_SCALE))
        pango_font_description_set_weight(d, spec.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        descriptions[spec] = d
        return d
    }

    /// The Swift owner of a Pango font met while shaping (one per PangoFont, kept for this system's life).
    func font(_ pointer: UnsafeMutablePointer<PangoFont>) -> ShapedFont {
        if let f = fonts[pointer] { return f }
        let f = ShapedFont(retaining: pointer)
        fonts[pointer] = f
        return f
    }

    /// The first family of a comma-separated chain that is really installed (fontconfig's own
    /// list, not its substitutions: Debian maps "TH Sarabun" to a 0.66-scaled Laksaman).
    public func installedFamily(_ chain: String) -> String? {
        var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(fontMap, &families, &count)
        defer { g_free(families) }
        var installed = Set<String>()
        for i in 0..<Int(count) {
            if let f = families?[i], let name = pango_font_family_get_name(f) { installed.insert(String(cString: name).lowercased()) }
        }
        return chain.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { installed.contains($0.lowercased()) }
    }

    /// The font Pango loads first for a spec (kept: the system's fonts live as long as it does).
    func primaryPointer(_ spec: FontSpec) -> UnsafeMutablePointer<PangoFont>? {
        if let p = primaries[spec] { return p }
        let p = primaryFont(spec)?.pointer
        primaries[spec] = p
        return p
    }

    /// The primary font Pango picks for a spec (the first family of the chain that is installed).
    public func primaryFont(_ spec: FontSpec) -> ShapedFont? {
        guard let p = pango_font_map_load_font(fontMap, context, description(spec)) else { return nil }
        let f = font(p)
        saraban_object_unref(UnsafeMutableRawPointer(p))
        return f
    }
}

/// Family chain, size and weight of a run of text.
public struct FontSpec: Hashable, Sendable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public init(family: String, size: Double, bold: Bool = false) {
        self.family = family; self.size = size; self.bold = bold
    }
    public func with(size: Double? = nil, bold: Bool? = nil) -> FontSpec {
        FontSpec(family: family, size: size ?? self.size, bold: bold ?? self.bold)
    }
}

/// A glyph a PDF's font program gets besides the font's own: `component` drawn unchanged with its
/// own advance (font units), or a blank glyph (`component` == `AddedGlyph.blank`).
struct AddedGlyph: Hashable {
    static let blank = UInt32.max
    let component: UInt32
    let advance: Int32
}

/// A font program for a PDF: its packed bytes, its length before packing and the id of its first
/// added glyph (nil when none could be added: the added glyphs then stand for their components).
struct SubsetProgram {
    let program: PackedStream
    let length: Int
    let firstAdded: UInt32?
}

/// A font Pango chose, with its metrics and the cairo scaled font that draws it.
public final class ShapedFont {
    let pointer: UnsafeMutablePointer<PangoFont>
    /// Ascent, descent and line height in points.
    public let ascent: Double, descent: Double, lineHeight: Double
    public let size: Double

    init(retaining pointer: UnsafeMutablePointer<PangoFont>) {
        self.pointer = pointer
        saraban_object_ref(UnsafeMutableRawPointer(pointer))
        let m = pango_font_get_metrics(pointer, nil)
        ascent = Double(pango_font_metrics_get_ascent(m)) / Double(PANGO_SCALE)
        descent = Double(pango_font_metrics_get_descent(m)) / Double(PANGO_SCALE)
        let h = Double(pango_font_metrics_get_height(m)) / Double(PANGO_SCALE)
        lineHeight = h > 0 ? h : ascent + descent
        pango_font_metrics_unref(m)
        let d = pango_font_describe(pointer)
        size = Double(pango_font_description_get_size(d)) / Double(PANGO_SCALE)
        pango_font_description_free(d)
    }

    deinit { saraban_object_unref(UnsafeMutableRawPointer(pointer)) }

    /// The family name of the font Pango chose.
    public var family: String? {
        let d = pango_font_describe(pointer)
        defer { pango_font_description_free(d) }
        return pango_font_description_get_family(d).map { String(cString: $0) }
    }

    /// The file fontconfig loaded this font from.
    public var file: String? { saraban_font_file(pointer).map { String(cString: $0) } }

    /// The font's own glyph for a character, if its cmap has one.
    func nominalGlyph(_ codePoint: UInt32) -> UInt32? {
        let g = saraban_nominal_glyph(pointer, codePoint)
        return g == 0 ? nil : g
    }

    /// Whether the font itself (not a fallback) has a glyph for the character.
    public func covers(_ scalar: Unicode.Scalar) -> Bool { saraban_font_has_char(pointer, scalar.value) == 1 }

    private var outlines: [UInt32: PackedStream?] = [:]
    /// Each glyph's advance in the font file (hmtx), in font units: what a PDF declares in /W.
    lazy var designAdvances: [Int32] = {
        var advances = [Int32](repeating: 0, count: 65_536)
        let n = advances.withUnsafeMutableBufferPointer { saraban_glyph_advances(pointer, $0.baseAddress, Int32($0.count)) }
        return Array(advances.prefix(Int(max(0, n))))
    }()

    /// A glyph's advance in the font file, in font units (0 for an id outside the font).
    func designAdvance(_ glyph: UInt32) -> Int32 {
        Int(glyph) < designAdvances.count ? designAdvances[Int(glyph)] : 0
    }

    /// A glyph's outline in font units as PDF path operators filling it, packed for a stream; nil
    /// for a blank glyph. Kept: every document of a batch draws the same marks.
    func outlineStream(_ glyph: UInt32) -> PackedStream? {
        if let o = outlines[glyph] { return o }
        var length: UInt = 0
        var o: PackedStream?
        if let p = saraban_glyph_outline(pointer, glyph, &length) {
            var body = p.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
            saraban_free(p)
            body.append(contentsOf: [0x66, 0x0A]) // "f\n"
            o = PackedStream(body)
        }
        outlines[glyph] = o
        return o
    }

    private var programs: [(glyphs: [UInt32], added: [AddedGlyph], program: SubsetProgram?)] = []

    /// The font cut down to `glyphs` (sorted; glyph ids kept) by HarfBuzz, with `added` after its
    /// own glyphs (TrueType only), packed for a stream. The last few subsets are kept: a batch's
    /// documents mostly draw the same glyphs.
    func subsetProgram(_ glyphs: [UInt32], added: [AddedGlyph] = []) -> SubsetProgram? {
        if let i = programs.firstIndex(where: { $0.glyphs == glyphs && $0.added == added }) {
            // Kept as the most recent: a set every document uses (a table column's glyphs) stays
            // while the sets that change from row to row come and go.
            let p = programs.remove(at: i)
            programs.append(p)
            return p.program
        }
        var length: UInt = 0
        var bytes: [UInt8]? = glyphs.withUnsafeBufferPointer { g in
            guard let p = saraban_font_subset(pointer, g.baseAddress, Int32(g.count), &length) else { return nil }
            defer { saraban_free(p) }
            return Array(UnsafeBufferPointer(start: p, count: Int(length)))
        }
        var first: UInt32? = nil
        if let b = bytes, !added.isEmpty, let grown = ShapedFont.adding(added, to: b) {
            bytes = grown.bytes
            first = grown.first
        }
        let program = bytes.map { SubsetProgram(program: PackedStream($0), length: $0.count, firstAdded: first) }
        if programs.count == 4 { programs.removeFirst() }
        programs.append((glyphs, added, program))
        return program
    }

    private static func adding(_ added: [AddedGlyph], to font: [UInt8]) -> (bytes: [UInt8], first: UInt32)? {
        let components = added.map(\.component)
        let advances = added.map { UInt16(clamping: $0.advance) }
        var length: UInt = 0, first: UInt32 = 0
        guard let p = saraban_sfnt_add_glyphs(font, UInt(font.count), components, advances, Int32(added.count), &first, &length) else {
            return nil
        }
        defer { saraban_free(p) }
        return (Array(UnsafeBufferPointer(start: p, count: Int(length))), first)
    }

    var scaledFont: OpaquePointer? { pango_cairo_font_get_scaled_font(OpaquePointer(pointer)) }

    /// The inked box of a glyph drawn at the origin, in points (y down): x, y, width, height.
    public func inkBox(_ glyph: UInt32) -> (x: Double, y: Double, width: Double, height: Double) {
        guard let font = scaledFont else { return (0, 0, 0, 0) }
        var g = cairo_glyph_t(index: UInt(glyph), x: 0, y: 0)
        var e = cairo_text_extents_t()
        cairo_scaled_font_glyph_extents(font, &g, 1, &e)
        return (e.x_bearing, e.y_bearing, e.width, e.height)
    }
}
