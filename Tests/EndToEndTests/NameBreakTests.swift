import Foundation
import Testing
@testable import Documents
@testable import Layout
import ThaiText
import Typeset

/// People's names found by their title (Templates/styles/names.yaml) stay on one line wherever
/// the line would end; positions that begin like a title still break where the dictionary allows.
@Suite struct NameBreakTests {
    /// One name for each kind of title, civil, academic, medical, acting, military, police, monk.
    static let names = [
        "นายสมชาย ใจดี", "นางสมศรี มีสุข", "นางสาวพิมลวรรณ คุ่มครอง", "เด็กชายก้องภพ ใจงาม", "เด็กหญิงกานดา ศรีสุข",
        "ดร.สุรเชษฐ์ วงศ์ใหญ่", "ผศ.ดร.สมหญิง รักไทย", "รศ.ประเสริฐ ทองดี", "ศาสตราจารย์ ดร.วิไล ศรีทอง",
        "นพ.วิชัย สุขใจ", "พญ.อรุณี แสงทอง", "ทพญ.ศิริพร บุญมา", "ภก.ธนพล ศรีวงศ์", "นายแพทย์สมบัติ ใจงาม",
        "ว่าที่ร้อยตรีอนุชา ใจกล้า", "ว่าที่ ร.ต.สุรศักดิ์ ทองคำ", "พล.ต.อ.สมยศ พุ่มพันธุ์ม่วง", "พ.ต.ท. ชัยวัฒน์ แก้วใส",
        "ร.ต.อ.ณัฐพล ศรีสวัสดิ์", "จ.ส.ต.บุญมี ดีงาม", "ส.ต.ท.อดิศร ใจซื่อ", "พ.อ.วีระ กล้าหาญ", "จ.ส.อ.สมพงษ์ ทองแท้",
        "พลตำรวจเอกสมชาย ใจเย็น", "เรืออากาศโทกิตติ ฟ้าใส", "พระครูสมุห์สมชาย ฐิตธมฺโม", "นายสมชาย ณ อยุธยา",
    ]
    /// Positions and offices that begin like a title, each followed by a space and a word (as a surname would be).
    static let positions = [
        "นายกองค์การบริหารส่วนตำบลหินเหล็กไฟ", "นายกเทศมนตรีตำบลหินเหล็กไฟ", "นายอำเภอปราณบุรี", "นายช่างโยธาชำนาญงาน",
        "นายทะเบียนท้องถิ่น", "นายตรวจสอบบัญชี", "นายสัตวแพทย์ประจำจังหวัด", "นางพยาบาลวิชาชีพชำนาญการ",
    ]

    static func style(names: Bool = true) throws -> Style {
        var s = try StyleLoader.load(styleFile: Probe.resources.defaultStyle, overrides: nil, documentFile: "test")
        s.font = FontCheck.shared.family(s.font) ?? "Laksaman"
        if !names { s.names = PersonNames(.init(titles: [], notNames: [], surnameParticles: [], maxGivenName: 0, maxSurname: 0)) }
        return s
    }

    let fonts = FontSystem()

    func composer(_ style: Style) -> TextComposer {
        TextComposer(layouter: ParagraphLayouter(fonts: fonts), style: style, phrases: [])
    }

    func lines(_ text: String, width: Double, first: Double, _ c: TextComposer) -> [String] {
        c.lines(c.inline(text), c.paragraphStyle(width: width, first: first)).map(\.text)
    }

    /// A body paragraph with every name in running text, after a word, before a comma, at the end.
    static let paragraph = names.enumerated().map { k, n in
        k % 3 == 0 ? "ที่ประชุมมอบหมายให้\(n) ดำเนินการ" : k % 3 == 1 ? "โดยมี\(n), ร่วมกับ" : "และ \(n) เป็นผู้ประสานงาน"
    }.joined(separator: " ") + " รวมทั้ง" + names[0]

    /// Every width from a narrow column to the full text width: each name that fits on a line is
    /// on one line; without the finder the same sweep splits names (so the sweep reaches them).
    @Test func namesOfEveryTitleStayWholeAtEveryWidth() throws {
        let with = composer(try Self.style())
        let without = composer(try Self.style(names: false))
        var unprotectedSplits = 0
        var checked = 0
        for width in stride(from: 150.0, through: 453.5, by: 3.5) {
            let indent = 70.87
            let set = lines(Self.paragraph, width: width, first: indent, with)
            let plain = lines(Self.paragraph, width: width, first: indent, without)
            for name in Self.names {
                let wide = with.layouter.singleLine(with.inline(name)).width
                guard wide <= width - indent else { continue }
                let count = Self.paragraph.components(separatedBy: name).count - 1
                #expect(set.map { $0.components(separatedBy: name).count - 1 }.reduce(0, +) == count, "\(name) split at width \(width): \(set)")
                unprotectedSplits += count - plain.map { $0.components(separatedBy: name).count - 1 }.reduce(0, +)
                checked += 1
            }
        }
        #expect(checked > 1_000)
        #expect(unprotectedSplits > 20, "without the finder the sweep splits names \(unprotectedSplits) times")
    }

    /// A name wider than the line still breaks at its space: the title with the given name on one
    /// line, the surname whole on the next.
    @Test func aNameWiderThanTheLineBreaksAtItsSpace() throws {
        let c = composer(try Self.style())
        let name = "นางสาวพิมลวรรณ คุ่มครอง"
        let given = c.layouter.singleLine(c.inline("นางสาวพิมลวรรณ")).width
        let whole = c.layouter.singleLine(c.inline(name)).width
        for width in stride(from: given + 1, to: whole - 1, by: 2.0) {
            let set = lines("โดย \(name) และ", width: width, first: 0, c)
            #expect(set.contains("นางสาวพิมลวรรณ") || set.contains { $0.hasSuffix(" นางสาวพิมลวรรณ") }, "width \(width): \(set)")
            #expect(set.contains { $0.hasPrefix("คุ่มครอง") }, "width \(width): \(set)")
        }
    }

    /// Positions are no names: the finder leaves them alone, and over the sweep they break where
    /// the dictionary allows exactly as without it (and some widths do break inside them).
    @Test func positionsStillBreakWhereTheDictionaryAllows() throws {
        let style = try Self.style()
        let para = Self.positions.map { "เรียน \($0) เพื่อโปรดพิจารณา" }.joined(separator: " ")
        let scalars = Scalars.of(para)
        #expect(style.names.ranges(in: scalars).isEmpty, "\(style.names.ranges(in: scalars).map { String(String.UnicodeScalarView(scalars[$0])) })")
        let with = composer(style)
        let without = composer(try Self.style(names: false))
        var inside = 0
        for width in stride(from: 120.0, through: 453.5, by: 3.5) {
            let set = lines(para, width: width, first: 70.87, with)
            #expect(set == lines(para, width: width, first: 70.87, without), "width \(width)")
            inside += Self.positions.filter { p in !set.contains { $0.contains(p) } }.count
        }
        #expect(inside > 20, "positions broke inside \(inside) times over the sweep")
    }

    /// A document's `style:` adds titles (`name_titles`) and words that are not names (`not_names`)
    /// to names.yaml's; a misspelt key names the right one.
    @Test func aDocumentAddsTitlesAndWordsThatAreNotNames() throws {
        let text = Scalars.of("อาจารย์สมศรี ใจดี และนายหนังตะลุง คณะใหม่")
        func found(_ overrides: String?) throws -> [String] {
            let yaml = MemoOptionsTests.memo + (overrides.map { "\nstyle:\n" + $0 } ?? "")
            let (_, style) = try DocumentLoader(resources: Probe.resources).load(text: yaml, name: "doc.yaml", files: FolderFiles(directory: "."))
            return style.names.ranges(in: text).map { String(String.UnicodeScalarView(text[$0])) }
        }
        #expect(try found(nil).first == "นายหนังตะลุง คณะใหม่")
        let added = try found("  name_titles: [อาจารย์]\n  not_names: [นายหนังตะลุง]\n")
        #expect(added.first == "อาจารย์สมศรี ใจดี" && !added.contains { $0.hasPrefix("นายหนัง") }, "\(added)")
        do { _ = try found("  not_name: [x]\n"); Issue.record("a misspelt key is an error") } catch let p as Problems {
            #expect(p.description.contains("'not_name' is not a style key (did you mean 'not_names'?)"), "\(p.description)")
        }
    }

    /// The rendered memo: the names in the body at every offset of a line (a lead of 0–9
    /// letters), and in a narrow table column, each on one line of the PDF as pdftotext reads it.
    @Test func namesStayOnOneLineInThePDF() throws {
        var splitWithout = 0
        for k in 0..<10 {
            let lines = try pdfLines(lead: k, names: true)
            for name in Self.names {
                // In the body (once, or twice for the first) and once in its table cell: each on one line.
                #expect(wholeCount(name, lines) == occurrences(name), "k=\(k): \(name) whole \(wholeCount(name, lines)) times")
            }
            if k % 3 == 0 {
                let plain = try pdfLines(lead: k, names: false)
                splitWithout += Self.names.filter { wholeCount($0, plain) < occurrences($0) }.count
            }
        }
        #expect(splitWithout > 0, "without names.yaml's titles some names are split")
    }

    func occurrences(_ name: String) -> Int { Self.paragraph.components(separatedBy: name).count - 1 + 1 }

    func wholeCount(_ name: String, _ lines: [String]) -> Int {
        lines.map { $0.components(separatedBy: Probe.squeeze(name)).count - 1 }.reduce(0, +)
    }

    /// The PDF's lines (words on one baseline joined, spaces removed), page by page.
    func pdfLines(lead k: Int, names: Bool) throws -> [String] {
        let lead = String(repeating: "ก", count: k)
        let body = "    - \"\(lead) \(Self.paragraph)\""
        let rows = Self.names.map { "          - [\"\($0)\", \"ผู้ประสานงาน\", \"โครงการ\"]" }.joined(separator: "\n")
        let off = names ? "" : "\nstyle:\n  names:\n    titles: []\n"
        let yaml = MemoOptionsTests.memo.replacingOccurrences(of: "    - ข้อความ", with: body) + """

        attachments:
          - title: รายชื่อผู้ประสานงาน
            content:
              - table:
                  columns:
                    - { title: ชื่อ, width: 2 }
                    - { title: หน้าที่, width: 1 }
                    - { title: งาน, width: 1 }
                  rows:
        \(rows)
        """ + off
        var out = [String]()
        for page in Probe.pages(try Probe.render(yaml: yaml)) {
            let byLine = Dictionary(grouping: page.words) { Int(($0.yMin / 2).rounded()) }
            out += byLine.keys.sorted().map { y in byLine[y]!.sorted { $0.xMin < $1.xMin }.map(\.text).joined() }
        }
        return out
    }
}
