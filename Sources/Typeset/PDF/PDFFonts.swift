import CShims
import Foundation

/// The fonts of one PDF and, for each, the codes its text is written with and its marks.
///
/// A code (CID) stands for one glyph drawn with one width and one piece of text, so the same
/// glyph can carry different text in different places: a base carries its own character and the
/// marks on it (ปั้ on ป; น้ on น and ำ on the า that HarfBuzz draws for it), in logical order
/// whatever order the marks are drawn in. The marks themselves are Form XObjects holding their
/// outlines: no reader gets characters from them, and none sees a raised glyph in the line.
final class PDFFonts {
    final class Font {
        let resource: Int
        let shaped: ShapedFont
        let cff: Bool
        /// The codes given so far (a drawing call takes the table out while it writes a run).
        var codes: CodeTable
        /// Marks drawn as outlines: glyph to (resource number, object number).
        fileprivate var marks: [UInt32: (resource: Int, object: Int)] = [:]
        fileprivate unowned let owner: PDFFonts
        /// The font file's units per em: widths and marks are in these units.
        let upem: Int32
        let bbox: [Int32]
        let ascender: Int32, descender: Int32
        let postScriptName: String

        fileprivate init(resource: Int, shaped: ShapedFont, owner: PDFFonts) {
            self.resource = resource
            self.shaped = shaped
            self.owner = owner
            var upem: Int32 = 0, asc: Int32 = 0, desc: Int32 = 0, cff: Int32 = 0
            var bbox = [Int32](repeating: 0, count: 4)
            var name = [CChar](repeating: 0, count: 128)
            saraban_font_info(shaped.pointer, &upem, &bbox, &asc, &desc, &cff, &name, 128)
            self.cff = cff != 0
            codes = CodeTable(cff: cff != 0)
            self.upem = max(upem, 1)
            self.bbox = bbox
            ascender = asc; descender = desc
            postScriptName = String(cString: name)
        }

        /// The resource number of a mark's outline (a Form XObject in font units), written the first
        /// time the mark is drawn; nil for a glyph with no outline.
        func mark(_ g: UInt32, writer: PDFObjectWriter) -> Int? {
            if let m = marks[g] { return m.resource }
            guard let body = shaped.outlineStream(g) else { return nil }
            let object = writer.reserve()
            owner.markCount += 1
            marks[g] = (owner.markCount, object)
            var extra = PDFBytes()
            // /Type is optional in a form dictionary: 14 bytes less for each mark.
            extra.append("/Subtype /Form /BBox [")
            for (i, v) in bbox.enumerated() { if i > 0 { extra.byte(0x20) }; extra.integer(Int(v)) }
            extra.append("]")
            writer.stream(object, body, extra: String(decoding: extra.bytes, as: UTF8.self))
            return owner.markCount
        }
    }

    fileprivate var markCount = 0
    private var byObject: [ObjectIdentifier: Font] = [:]
    private var byFile: [String: Font] = [:]
    private(set) var all: [Font] = []

    /// The document's font for a shaped font: one per font file, whatever the size.
    func font(for shaped: ShapedFont) -> Font {
        let key = ObjectIdentifier(shaped)
        if let f = byObject[key] { return f }
        let file = shaped.file ?? "\(key)"
        let f = byFile[file] ?? Font(resource: all.count + 1, shaped: shaped, owner: self)
        if byFile[file] == nil { byFile[file] = f; all.append(f) }
        byObject[key] = f
        return f
    }
}

/// Glyph, width and up to three characters in one value (nearly every cluster).
private struct PackedKey {
    let glyph: UInt32
    let width: Int32
    let text: UInt64

    init?(glyph: UInt32, width: Int32, utf8: UnsafeBufferPointer<UInt8>) {
        var packed: UInt64 = 0, shift: UInt64 = 0
        var i = 0
        while i < utf8.count {
            guard shift < 63 else { return nil }
            let b0 = UInt32(utf8[i])
            var scalar: UInt32, n: Int
            if b0 < 0x80 { scalar = b0; n = 1 } else if b0 < 0xE0 { scalar = b0 & 0x1F; n = 2 } else if b0 < 0xF0 { scalar = b0 & 0x0F; n = 3 } else { scalar = b0 & 0x07; n = 4 }
            guard i + n <= utf8.count else { return nil }
            for k in 1..<n { scalar = scalar << 6 | (UInt32(utf8[i + k]) & 0x3F) }
            packed |= UInt64(scalar + 1) << shift
            shift += 21
            i += n
        }
        self.glyph = glyph; self.width = width; self.text = packed
    }
}

private struct LongKey: Hashable {
    let glyph: UInt32
    let width: Int32
    let text: [UInt8]
}

extension PDFFonts {
    /// Every mark outline written: resource number to object number.
    var marks: [(Int, Int)] {
        all.flatMap { $0.marks.values.map { ($0.resource, $0.object) } }.sorted { $0.0 < $1.0 }
    }

    /// Writes every font's objects; returns the object number of each font's Type0 dictionary.
    func write(into w: PDFObjectWriter) -> [Int: Int] {
        var numbers = [Int: Int]()
        // A font that only drew marks embeds nothing: its marks are outlines.
        for f in all where f.codes.glyph.count > 1 { numbers[f.resource] = write(f, into: w) }
        return numbers
    }

    private func write(_ f: Font, into w: PDFObjectWriter) -> Int {
        let scale = 1000 / Double(f.upem)
        let added = f.codes.added
        let own = f.codes.glyph.filter { $0 < CodeTable.addedBase }
        let glyphs = Array(Set(own + added.map(\.component).filter { $0 != AddedGlyph.blank })).sorted()
        let program = f.shaped.subsetProgram(glyphs, added: added)
        var base = f.postScriptName
        if base.isEmpty { base = (f.shaped.family ?? "Font").replacingOccurrences(of: " ", with: "") }
        // A subset tag from the font and the glyphs drawn, so the same document gives the same
        // bytes and two subsets never share a tag (a viewer may take them for one).
        var hash: UInt64 = 0xcbf29ce484222325
        for b in base.utf8 { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
        for g in glyphs { hash = (hash ^ UInt64(g)) &* 0x100000001b3 }
        for a in added { hash = (hash ^ (UInt64(a.component) << 20 ^ UInt64(UInt32(bitPattern: a.advance)))) &* 0x100000001b3 }
        var tag = ""
        for _ in 0..<6 { tag.append(Character(Unicode.Scalar(UInt8(65 + hash % 26)))); hash /= 26 }
        let fontName = tag + "+" + base

        let type0 = w.reserve(), cidFont = w.reserve(), descriptor = w.reserve(), toUnicode = w.reserve()
        let file = program.map { _ in w.reserve() }
        let cidMap = f.cff ? nil : w.reserve()

        var d = PDFBytes()
        d.append("<< /Type /Font /Subtype /Type0 /BaseFont "); d.name(fontName)
        d.append(" /Encoding /Identity-H /DescendantFonts ["); d.integer(cidFont); d.append(" 0 R] /ToUnicode ")
        d.integer(toUnicode); d.append(" 0 R >>")
        w.object(type0, d.bytes)

        d = PDFBytes()
        d.append(f.cff ? "<< /Type /Font /Subtype /CIDFontType0 /BaseFont " : "<< /Type /Font /Subtype /CIDFontType2 /BaseFont ")
        d.name(fontName)
        d.append(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ")
        d.integer(descriptor); d.append(" 0 R /DW 0")
        if let cidMap { d.append(" /CIDToGIDMap "); d.integer(cidMap); d.append(" 0 R") }
        d.append(" /W [")
        var run = -1
        for c in 1..<f.codes.glyph.count {
            if c > 1, c % 64 == 1 { d.append("]\n"); run = -1 }
            if run < 0 { d.integer(c); d.append(" ["); run = c } else { d.byte(0x20) }
            // The program's own advance, in thousandths of an em.
            d.number(Double(f.codes.width[c]) * scale)
        }
        if run >= 0 { d.append("]") }
        d.append("] >>")
        w.object(cidFont, d.bytes)

        d = PDFBytes()
        d.append("<< /Type /FontDescriptor /FontName "); d.name(fontName)
        d.append(" /Flags 4 /FontBBox [")
        for (i, v) in f.bbox.enumerated() { if i > 0 { d.byte(0x20) }; d.integer(Int((Double(v) * scale).rounded())) }
        d.append("] /ItalicAngle 0 /Ascent "); d.integer(Int((Double(f.ascender) * scale).rounded()))
        d.append(" /Descent "); d.integer(Int((Double(f.descender) * scale).rounded()))
        d.append(" /CapHeight "); d.integer(Int((Double(f.ascender) * scale).rounded()))
        d.append(" /StemV 80")
        if let file { d.append(f.cff ? " /FontFile3 " : " /FontFile2 "); d.integer(file); d.append(" 0 R") }
        d.append(" >>")
        w.object(descriptor, d.bytes)

        if let file, let program {
            w.stream(file, program.program, extra: f.cff ? "/Subtype /OpenType" : "/Length1 \(program.length)")
        }
        if let cidMap {
            var map = [UInt8]()
            map.reserveCapacity(f.codes.glyph.count * 2)
            for code in f.codes.glyph {
                let g = programGlyph(code, added, first: program?.firstAdded)
                map.append(UInt8(truncatingIfNeeded: g >> 8)); map.append(UInt8(truncatingIfNeeded: g))
            }
            w.stream(cidMap, map)
        }
        w.stream(toUnicode, toUnicodeCMap(f).bytes)
        return type0
    }

    /// The program's glyph for a code's glyph: an added glyph's id in the program, or (when none
    /// could be added) the glyph it draws.
    private func programGlyph(_ g: UInt32, _ added: [AddedGlyph], first: UInt32?) -> UInt32 {
        guard g >= CodeTable.addedBase else { return g }
        let k = Int(g - CodeTable.addedBase)
        if let first { return first + UInt32(k) }
        return added[k].component == AddedGlyph.blank ? 0 : added[k].component
    }

    /// The ToUnicode CMap: each code to its text.
    private func toUnicodeCMap(_ f: Font) -> PDFBytes {
        var m = PDFBytes()
        m.append("""
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """)
        let codes = (0..<f.codes.glyph.count).filter { !f.codes.text[$0].isEmpty }
        var i = 0
        while i < codes.count {
            let n = min(100, codes.count - i)
            m.integer(n); m.append(" beginbfchar\n")
            for c in codes[i..<(i + n)] {
                m.byte(0x3C); m.hex4(c); m.append("> <"); m.utf16Hex(f.codes.text[c]); m.append(">\n")
            }
            m.append("endbfchar\n")
            i += n
        }
        m.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        return m
    }
}

/// By code: glyph, width in the font's units and text; and the code of each combination.
/// A value, so a drawing call can take it out of its font and give codes to a whole run without
/// the exclusivity checks a class's stored property gets at every access.
struct CodeTable {
    /// Glyph ids from here on stand for `added[id - addedBase]` (a font has at most 65,536 glyphs).
    static let addedBase: UInt32 = 0x10000
    let cff: Bool
    /// Glyphs the font program gets besides its own (TrueType only: see `AddedGlyph`).
    var added: [AddedGlyph] = []
    fileprivate var addedIDs: [AddedGlyph: UInt32] = [:]
    var glyph: [UInt32] = [0]
    var width: [Int32] = [0]
    var text: [String] = [""]
    fileprivate var packed = CodeIndex()
    fileprivate var long: [LongKey: UInt16] = [:]
    fileprivate var cffText: [UInt32: UInt16] = [:]

    init(cff: Bool) { self.cff = cff }

    /// The id standing for a glyph the program gets: `component` with its own advance, or blank.
    mutating func addedGlyph(_ component: UInt32, advance: Int32) -> UInt32 {
        let a = AddedGlyph(component: component, advance: advance)
        if let id = addedIDs[a] { return id }
        let id = CodeTable.addedBase + UInt32(added.count)
        added.append(a)
        addedIDs[a] = id
        return id
    }

    /// The code for a glyph drawn with `width` carrying `text` (UTF-8 bytes).
    mutating func code(glyph g: UInt32, width w: Int32, text bytes: UnsafeBufferPointer<UInt8>) -> UInt16 {
        if cff {
            // CFF outlines in a PDF are addressed by glyph id: one text per glyph (the first met).
            if let c = cffText[g] { return c }
            while glyph.count <= Int(g) { glyph.append(UInt32(glyph.count)); width.append(0); text.append("") }
            width[Int(g)] = w
            text[Int(g)] = String(decoding: bytes, as: UTF8.self)
            cffText[g] = UInt16(truncatingIfNeeded: g)
            return UInt16(truncatingIfNeeded: g)
        }
        if let key = PackedKey(glyph: g, width: w, utf8: bytes) {
            if let c = packed.code(glyph: key.glyph, width: key.width, text: key.text) { return c }
            let c = add(g, w, bytes)
            packed.insert(glyph: key.glyph, width: key.width, text: key.text, code: c)
            return c
        }
        let key = LongKey(glyph: g, width: w, text: Array(bytes))
        if let c = long[key] { return c }
        let c = add(g, w, bytes)
        long[key] = c
        return c
    }

    private mutating func add(_ g: UInt32, _ w: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt16 {
        // Two-byte codes: past 65,535 pieces the glyph keeps the text it was first given.
        guard glyph.count < 0xFFFF else { return UInt16(glyph.firstIndex(of: g) ?? 0) }
        glyph.append(g); width.append(w); text.append(String(decoding: bytes, as: UTF8.self))
        return UInt16(glyph.count - 1)
    }
}
