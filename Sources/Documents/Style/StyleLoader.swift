import Foundation
import Layout
import ThaiText
import Typeset
import Typeset
import Yams

/// Reads a style file, lays the document's overrides over it, and checks every value.
struct StyleLoader {
    /// Loads the style file and applies `overrides` (the document's `style:` node).
    static func load(styleFile: String, overrides: Node?, documentFile: String) throws -> Style {
        let name = (styleFile as NSString).lastPathComponent
        guard let text = try? String(contentsOfFile: styleFile, encoding: .utf8) else {
            throw Problems([Problem(file: styleFile, line: 0, column: 0, message: "cannot read the style file",
                                    thai: "อ่านแฟ้มรูปแบบไม่ได้")])
        }
        let key = ParsedStyles.Key(path: styleFile, text: text, names: try NameLists.text(besideStyle: styleFile))
        // A document without its own style values gets the style file's style as read before.
        if overrides == nil, let style = ParsedStyles.shared.style(key) { return style }
        var problems = [Problem]()
        var tree = try ParsedStyles.shared.tree(key, file: name)
        if let overrides { tree = tree.merged(with: StyleTree.from(overrides, file: documentFile), path: "", problems: &problems) }
        var read = Reader(tree: tree, problems: problems)
        var style = read.style()
        read.checkTextArea(style, documentFile: documentFile)
        if style.emblem?.isEmpty == true { style.emblem = nil }
        // The document's own emblem is read from the document's files; the style file's from the style's folder.
        let fromDoc = overrides.flatMap { StyleTree.from($0, file: documentFile)["emblem"] } != nil
        if !fromDoc { style.emblemFolder = (styleFile as NSString).deletingLastPathComponent }
        if !read.problems.isEmpty { throw Problems(read.problems) }
        if overrides == nil { ParsedStyles.shared.keep(style, for: key) }
        return style
    }

    /// Typed access with a problem at the value's line for anything wrong.
    struct Reader {
        let tree: StyleTree
        var problems: [Problem]

        mutating func style() -> Style {
            Style(
                font: string("font"), digits: DigitStyle(rawValue: string("digits")) ?? bad("digits", "thai or arabic", " thai หรือ arabic", .thai),
                emblem: optionalString("emblem"), keepTogether: list("keep_together"), compounds: list("compounds"), names: names(),
                pageSize: PageSize(width: length("page.width"), height: length("page.height")),
                marginLeft: length("page.margin_left"), marginRight: length("page.margin_right"),
                marginBottom: length("page.margin_bottom"), firstTop: length("page.first_top"),
                numberTop: length("page.number_top"), linesAfterNumber: int("page.lines_after_number"),
                numberFormat: string("page.number_format"), numberSize: length("page.number_size"),
                continuation: bool("page.continuation"), continuationFormat: string("page.continuation_format"),
                pageCutBetweenWordsLines: int("page.cut_between_words"),
                textSize: length("text.size"), lineHeight: optionalString("text.line_height").map { _ in length("text.line_height") },
                alignment: Alignment(rawValue: string("text.alignment")) ?? bad("text.alignment", "left or thai-distributed", " left หรือ thai-distributed", .thaiDistributed),
                maxClusterGap: length("text.max_cluster_gap"), maxLatinLetterSpace: length("text.max_latin_letter_space"),
                minLastLineExtra: length("text.min_last_line_past_indent"),
                emblemHeight: length("emblem_box.height"), emblemAlt: string("emblem_box.alt"),
                titleText: string("title.text"), titleSize: length("title.size"), titleLineHeight: length("title.line_height"),
                titleBaseline: length("title.baseline_below_emblem_top"),
                labelSize: length("header.label_size"), valueSize: length("header.value_size"),
                spaceAfterTitle: length("header.space_after_title"), dateColumn: number("header.date_column"),
                leaderDotGap: length("header.leader_dot_gap"), leaderDotSize: length("header.leader_dot_size"),
                leaderBelowBaseline: length("header.leader_below_baseline"),
                leaderGapBeforeDate: length("header.leader_gap_before_date"), toSpaceBefore: length("header.to_space_before"),
                toLabel: string("header.to_label"), referencesLabel: string("header.references_label"),
                enclosuresLabel: string("header.enclosures_label"),
                bodyIndent: length("body.indent"), bodySpaceBefore: length("body.space_before"),
                headingBold: bool("body.heading_bold"), listHanging: bool("body.list_hanging"),
                listSpaceBefore: length("body.list_space_before"),
                signatureAxis: number("signature.axis"), signingLines: int("signature.signing_lines"),
                signatureSpaceBefore: length("signature.space_before"), signatureImageHeight: length("signature.image_height"),
                signing: SigningStyleValues(size: length("signing.size"), padding: length("signing.padding"),
                                            ruleWidth: length("signing.rule_width"), words: string("signing.words"),
                                            timeFormat: string("signing.time_format")),
                signatureAlt: string("signature.image_alt"),
                commentSpaceBefore: length("comments.space_before"), commentTitleBold: bool("comments.title_bold"),
                commentDottedLines: int("comments.dotted_lines"), commentSigningLines: int("comments.signing_lines"),
                landscapeMargin: length("attachment.landscape_margin"), attachmentTitleSize: length("attachment.title_size"),
                attachmentTitleBold: bool("attachment.title_bold"), attachmentTitleSpaceAfter: length("attachment.title_space_after"),
                attachmentNumbered: bool("attachment.numbered"), attachmentContinuation: bool("attachment.continuation"),
                table: table(), chart: chart(),
                pdfStandard: PDFStandard(rawValue: string("pdf.standard")) ?? bad("pdf.standard", "pdfa-3u or none", " pdfa-3u หรือ none", .pdfA3u))
        }

        mutating func table() -> TableStyleValues {
            TableStyleValues(
                textSize: length("table.text_size"), lineHeight: optionalString("table.line_height").map { _ in length("table.line_height") },
                alignment: Alignment(rawValue: string("table.alignment")) ?? bad("table.alignment", "left or thai-distributed", " left หรือ thai-distributed", .left),
                paddingTop: length("table.padding_top"), paddingBottom: length("table.padding_bottom"),
                paddingX: length("table.padding_x"), ruleWidth: length("table.rule_width"),
                headerBold: bool("table.header_bold"), headerFill: number("table.header_fill"),
                groupBold: bool("table.group_bold"), groupFill: number("table.group_fill"),
                paragraphSpace: length("table.paragraph_space"), spaceBefore: length("table.space_before"),
                pageCutBetweenWords: int("table.page_cut_between_words"))
        }

        mutating func chart() -> ChartStyleValues {
            ChartStyleValues(
                textSize: length("chart.text_size"), titleBold: bool("chart.title_bold"),
                titleSpaceAfter: length("chart.title_space_after"), labelWidth: number("chart.label_width"),
                labelGap: length("chart.label_gap"), barHeight: length("chart.bar_height"), rowGap: length("chart.row_gap"),
                barFill: number("chart.bar_fill"), ruleWidth: length("chart.rule_width"), gridWidth: length("chart.grid_width"),
                valueGap: length("chart.value_gap"), tickLength: length("chart.tick_length"),
                scaleMax: number("chart.scale_max"), ticks: int("chart.ticks"), spaceBefore: length("chart.space_before"))
        }

        func node(_ path: String) -> StyleTree? {
            var t: StyleTree? = tree
            for part in path.split(separator: ".") { t = t?[String(part)] }
            return t
        }

        /// A problem at the value's place: what it should be (`expected`, `thai`), and what it is.
        mutating func report(_ path: String, _ expected: String, _ thai: String) {
            let o = node(path)?.origin ?? tree.origin
            var found = ""
            if let v = node(path)?.value, !v.isEmpty { found = v }
            problems.append(Problem(file: o.file, line: o.line, column: o.column,
                                    message: "style '\(path)' should be \(expected)" + (found.isEmpty ? "" : ", found '\(found)'"),
                                    thai: "ค่ารูปแบบ '\(path)' ต้องเป็น\(thai)" + (found.isEmpty ? "" : " แต่พบ '\(found)'")))
        }

        mutating func bad<T>(_ path: String, _ expected: String, _ thai: String, _ fallback: T) -> T {
            report(path, expected, thai)
            return fallback
        }

        mutating func optionalString(_ path: String) -> String? {
            guard let v = node(path)?.value, !v.isEmpty, v != "~", v != "null" else { return nil }
            return v
        }

        /// A text of the style (labels, formats, the font chain); a control character is refused like the document's.
        mutating func string(_ path: String) -> String {
            guard let v = node(path)?.value else { return bad(path, "text", "ข้อความ", "") }
            if let (c, at) = ControlCharacters.firstRefused(in: v) {
                return bad(path, "text without control characters (\(ControlCharacters.name(c)) at character \(at))",
                           "ข้อความที่ไม่มีอักขระควบคุม (\(ControlCharacters.code(c)) ที่อักขระที่ \(at))", "")
            }
            return v
        }

        mutating func list(_ path: String) -> [String] {
            guard let t = node(path) else { return [] }
            if let v = t.value, v.isEmpty { return [] }
            guard let l = t.list else { return bad(path, "a list of text", "รายการข้อความ", []) }
            if l.contains(where: { ControlCharacters.firstRefused(in: $0) != nil }) {
                return bad(path, "a list of text without control characters", "รายการข้อความที่ไม่มีอักขระควบคุม", [])
            }
            return l
        }

        /// A length within the key's range (StyleRanges), in points.
        mutating func length(_ path: String) -> Double {
            let range = StyleRanges.lengths[path] ?? "0–0"
            let bounds = StyleRanges.bounds(range, length: true)
            guard let v = optionalString(path), let p = Length.points(v), p.isFinite, bounds.contains(p) else {
                let (from, to) = ends(range)
                return bad(path, "a length from \(from) to \(to) (such as 2.5cm, 20mm or 16pt)",
                           "ความยาวตั้งแต่ \(from) ถึง \(to) (เช่น 2.5cm, 20mm หรือ 16pt)", bounds.lowerBound)
            }
            return p
        }

        /// A whole number within the key's range.
        mutating func int(_ path: String) -> Int {
            let range = StyleRanges.integers[path] ?? "0–0"
            let bounds = StyleRanges.bounds(range, length: false)
            guard let v = optionalString(path), let n = Int(v.trimmingCharacters(in: .whitespaces)), bounds.contains(Double(n)) else {
                let (from, to) = ends(range)
                return bad(path, "a whole number from \(from) to \(to)", "จำนวนเต็มตั้งแต่ \(from) ถึง \(to)", Int(bounds.lowerBound))
            }
            return n
        }

        /// A number (a fraction, the chart's scale) within the key's range.
        mutating func number(_ path: String) -> Double {
            let range = StyleRanges.numbers[path] ?? "0–0"
            let bounds = StyleRanges.bounds(range, length: false)
            guard let v = optionalString(path), let n = Double(v.trimmingCharacters(in: .whitespaces)), n.isFinite, bounds.contains(n) else {
                let (from, to) = ends(range)
                return bad(path, "a number from \(from) to \(to)", "ตัวเลขตั้งแต่ \(from) ถึง \(to)", bounds.lowerBound)
            }
            return n
        }

        /// The margins must leave room for text across and down the page, portrait and landscape.
        /// Reported at the key the document set, when it set one of those involved.
        mutating func checkTextArea(_ s: Style, documentFile: String) {
            let least = Length.points(StyleRanges.leastTextArea) ?? 72
            let w = s.pageSize.width, h = s.pageSize.height
            let areas: [([String], Double, String, String)] = [
                (["page.margin_left", "page.margin_right", "page.width"], w - s.marginLeft - s.marginRight, "width", "ความกว้าง"),
                (["page.first_top", "page.margin_bottom", "page.height"], h - s.firstTop - s.marginBottom, "height on the first page", "ความสูงของหน้าแรก"),
                (["page.number_top", "page.margin_bottom", "page.height"], h - s.numberTop - s.marginBottom, "height on later pages", "ความสูงของหน้าต่อไป"),
                (["attachment.landscape_margin", "page.width", "page.height"], min(w, h) - 2 * s.landscapeMargin, "height of a landscape page", "ความสูงของหน้าแนวนอน"),
            ]
            for (keys, room, what, thai) in areas where room < least {
                let key = keys.first { node($0)?.origin.file == documentFile } ?? keys[0]
                let others = keys.filter { $0 != key }.map { "'\($0)'" }.joined(separator: " and ")
                let o = node(key)?.origin ?? tree.origin
                let left = String(format: "%.1f", max(room, 0))
                problems.append(Problem(file: o.file, line: o.line, column: o.column,
                                        message: "style '\(key)' (with \(others)) leaves \(left)pt of the page's \(what) for text; at least \(StyleRanges.leastTextArea) is needed",
                                        thai: "ค่ารูปแบบ '\(key)' (รวมกับ \(others.replacingOccurrences(of: " and ", with: " และ "))) เหลือ\(thai)ของหน้าไว้สำหรับข้อความเพียง \(left)pt ต้องมีอย่างน้อย \(StyleRanges.leastTextArea)"))
            }
        }

        func ends(_ range: String) -> (String, String) {
            let e = range.split(separator: "–").map(String.init)
            return (e.first ?? "", e.last ?? "")
        }

        mutating func bool(_ path: String) -> Bool {
            switch optionalString(path)?.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: return bad(path, "true or false", " true หรือ false", false)
            }
        }
    }
}

/// Style files parsed once per process: a batch loads the same style for every row, and parsing
/// it again per document cost more than filling the template.
final class ParsedStyles: @unchecked Sendable {
    static let shared = ParsedStyles()
    private let lock = NSLock()
    private var trees: [Key: StyleTree] = [:]
    private var styles: [Key: Style] = [:]

    /// A style file by path and text (and the text of the names file beside it), hashed once as
    /// bytes (String hashing normalises the Thai in the file's comments at every lookup, and a
    /// batch looks it up for every row).
    struct Key: Hashable {
        let path: String
        let text: String
        let names: String
        let digest: Int

        init(path: String, text: String, names: String) {
            self.path = path
            self.text = text
            self.names = names
            var h = Hasher()
            Scalars.hashBytes(text, into: &h)
            Scalars.hashBytes(names, into: &h)
            h.combine(path)
            digest = h.finalize()
        }

        static func == (a: Key, b: Key) -> Bool {
            a.digest == b.digest && a.path == b.path && Scalars.sameBytes(a.text, b.text) && Scalars.sameBytes(a.names, b.names)
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    func tree(_ key: Key, file: String) throws -> StyleTree {
        if let t = lock.withLock({ trees[key] }) { return t }
        let reader = YAMLReader(file: file)
        guard let node = reader.parse(key.text) else { throw Problems(reader.problems) }
        let t = StyleTree.from(node, file: file).adding(NameLists.key, try NameLists.tree(key.names))
        lock.withLock { trees[key] = t }
        return t
    }

    /// The style read from the file alone (no document values), once it has been read without problems.
    func style(_ key: Key) -> Style? { lock.withLock { styles[key] } }

    func keep(_ style: Style, for key: Key) { lock.withLock { styles[key] = style } }
}
