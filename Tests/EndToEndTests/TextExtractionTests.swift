import Foundation
import Testing

/// Every word of the source comes back whole from the PDF (poppler's pdftotext), for the Thai
/// corpus and the example documents; characters the Thai font lacks come from a fallback font.
@Suite struct TextExtractionTests {
    static let corpus: [String] = {
        let text = try! String(contentsOfFile: Probe.root + "/Tests/EndToEndTests/Fixtures/thai-corpus.txt", encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("\t") }.map { String($0.split(separator: "\t", maxSplits: 1)[1]) }
    }()

    static func corpusDocument() -> String {
        let body = corpus.map { "    - \"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: "\n")
        return """
        memo:
          agency: องค์การบริหารส่วนตำบลหินเหล็กไฟ
          ref: ทดสอบ
          subject: ข้อความภาษาไทยที่ต้องถูกต้อง
          to: ผู้ทดสอบ
          body:
        \(body)
        """
    }

    /// Words of the text that poppler does not return whole (line breaks joined, as Thai adds no
    /// space there), in poppler's own reading order and in the order the page draws them (-raw).
    func lostWords(_ pdf: String, _ source: [String]) -> [String] {
        lost(run("/usr/bin/pdftotext", ["-enc", "UTF-8", pdf, "-"]).out, source)
            + lost(run("/usr/bin/pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"]).out, source)
    }

    func lost(_ raw: String, _ source: [String]) -> [String] {
        let joined = raw.replacingOccurrences(of: "[ \\t]*[\\r\\n\\f]+[ \\t]*", with: "", options: .regularExpression)
        let tokens = source.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        return tokens.filter { !joined.contains($0) }
    }

    @Test func corpusComesBackWordForWord() throws {
        let pdf = try Probe.render(yaml: Self.corpusDocument())
        let lost = lostWords(pdf, Self.corpus)
        #expect(lost.isEmpty, "lost: \(lost)")
    }

    @Test(arguments: ["hinlekfai", "long-memo"])
    func exampleMemoComesBackWordForWord(example: String) throws {
        let pdf = try Probe.render(path: Probe.root + "/Templates/examples/\(example).yaml")
        let yaml = try String(contentsOfFile: Probe.root + "/Templates/examples/\(example).yaml", encoding: .utf8)
        // The memo's own text: every quoted or plain value under memo: (the table has its own test).
        let memoPart = yaml.components(separatedBy: "\nattachments:").first!
        let values = memoPart.split(separator: "\n").compactMap { line -> String? in
            let l = line.trimmingCharacters(in: .whitespaces)
            guard !l.hasPrefix("#"), let r = l.range(of: ": ") ?? (l.hasPrefix("- ") ? l.range(of: "- ") : nil) else { return nil }
            let v = l[r.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            return v.unicodeScalars.contains { (0x0E01...0x0E5B).contains($0.value) } ? v : nil
        }
        #expect(values.count > 10)
        let lost = lostWords(pdf, values.filter { !$0.hasPrefix("20") })
        #expect(lost.isEmpty, "lost: \(lost)")
    }

    @Test func checkboxesComeFromAFallbackFont() throws {
        let pdf = try Probe.render(yaml: Self.corpusDocument())
        let fonts = run("/usr/bin/pdffonts", [pdf]).out
        #expect(fonts.contains("Laksaman"))
        #expect(fonts.split(separator: "\n").contains { !$0.contains("Laksaman") && $0.contains("yes yes") }, "a second, fallback font is embedded: \(fonts)")
        let text = Probe.text(pdf)
        #expect(text.contains("☐") && text.contains("☑"))
    }
}
