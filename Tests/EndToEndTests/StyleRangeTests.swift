import Foundation
import Testing
@testable import Documents

/// Issue 18, case 2: every numeric style value has a range, checked when the style is read and
/// stated in the style file: extremes (zero, negative, 1e30, 1e308, infinity, NaN, huge whole
/// numbers) are refused at their line, and each range's own ends render.
@Suite struct StyleRangeTests {
    /// A memo with an attachment holding a table and a chart, so that every part of the style is used.
    static let document = BadInputTests.good + """

      signature:
        name: นายสมชาย ใจดี
        position: ผู้อำนวยการ
      comments:
        - title: ความเห็น
    attachments:
      - title: ตารางและแผนภูมิ
        content:
          - table:
              columns: [ก, ข]
              rows:
                - { group: กลุ่ม }
                - [หนึ่ง, สอง]
          - chart: { title: แผนภูมิ, data: { ก: 10, ข: 55.5 } }
    """

    static let extremes = ["0", "-1", "1e30", "1e308", "inf", "nan", "99999999999999999999"]

    /// Every numeric key with its range: lengths, whole numbers, numbers.
    static let keys: [(key: String, range: String, length: Bool)] =
        StyleRanges.lengths.map { ($0.key, $0.value, true) } + StyleRanges.integers.map { ($0.key, $0.value, false) }
        + StyleRanges.numbers.map { ($0.key, $0.value, false) }

    static var cases: [(String, String)] {
        keys.sorted { $0.key < $1.key }.flatMap { k in
            let ends = k.range.split(separator: "–").map(String.init)
            return (extremes + ends).map { (k.key, $0) }
        }
    }

    @Test(arguments: cases)
    func aStyleValueIsRefusedOutsideItsRangeAndRendersInside(key: String, value: String) throws {
        let k = Self.keys.first { $0.key == key }!
        let parts = key.split(separator: ".")
        let yaml = Self.document + "\nstyle:\n  \(parts[0]):\n    \(parts[1]): \(value)\n"
        let bounds = StyleRanges.bounds(k.range, length: k.length)
        let number = k.length ? Length.points(value) : Double(value)
        let inRange = number.map { $0.isFinite && bounds.contains($0) && (k.length || !StyleRanges.integers.keys.contains(key) || $0 == $0.rounded()) } ?? false
        do {
            let pdf = try Probe.render(yaml: yaml)
            #expect(inRange, "\(key): \(value) was accepted")
            #expect(FuzzRunner.validPDF(pdf))
        } catch let p as Problems {
            #expect(!inRange || Self.leavesNoRoom(key, value), "\(key): \(value) refused: \(p)")
            let line = Self.document.split(separator: "\n", omittingEmptySubsequences: false).count + 3
            #expect(p.description.contains("doc.yaml:\(line):") && p.description.contains("style '\(key)'"), "\(p)")
        }
    }

    /// A value within its own range that takes the page's whole width or height for margins.
    static func leavesNoRoom(_ key: String, _ value: String) -> Bool {
        ["page.width", "page.height", "page.margin_left", "page.margin_right", "page.margin_bottom", "page.first_top",
         "page.number_top", "attachment.landscape_margin"].contains(key)
    }

    /// The style file states each key's range where the key is set, the same as the code checks.
    @Test func theStyleFileStatesEveryRange() throws {
        let text = try String(contentsOfFile: Probe.resources.defaultStyle, encoding: .utf8)
        var section = ""
        var stated = [String: String]()
        for line in text.split(separator: "\n") {
            if let m = line.firstMatch(of: /^([a-z_]+):/) { section = String(m.1) }
            if let m = line.firstMatch(of: /^  ([a-z_]+):[^#]*# \[([^\]]+)\]/) { stated[section + "." + m.1] = String(m.2) }
        }
        // The names file's few numbers sit at its top level.
        let names = try String(contentsOfFile: Probe.resources.templates + "/styles/names.yaml", encoding: .utf8)
        for line in names.split(separator: "\n") {
            if let m = line.firstMatch(of: /^([a-z_]+):[^#]*# \[([^\]]+)\]/) { stated["names." + m.1] = String(m.2) }
        }
        let code = Dictionary(uniqueKeysWithValues: Self.keys.map { ($0.key, $0.range) })
        #expect(stated == code)
        // Every value in the file that reads as a number or a length has a range.
        var numeric = Set<String>()
        section = ""
        for line in text.split(separator: "\n") {
            if let m = line.firstMatch(of: /^([a-z_]+):/) { section = String(m.1) }
            if let m = line.firstMatch(of: /^  ([a-z_]+): *([^ #]+)/), Length.points(String(m.2)) != nil { numeric.insert(section + "." + m.1) }
        }
        #expect(numeric.subtracting(code.keys).isEmpty, "numbers without a range: \(numeric.subtracting(code.keys).sorted())")
    }

    @Test func marginsMustLeaveRoomForText() throws {
        #expect { try Probe.render(yaml: Self.document + "\nstyle:\n  page:\n    margin_left: 20cm\n") } throws: { error in
            "\(error)".contains("style 'page.margin_left' (with 'page.margin_right' and 'page.width') leaves 0.0pt of the page's width for text; at least 1in is needed")
        }
    }
}
