import Foundation
import Testing
@testable import Documents
@testable import Layout

/// The long memo's pages as text (every line's position, width and words, every rule), compared
/// with the committed snapshot. After an intended layout change, look at the PDF, then record
/// anew with SARABAN_RECORD_SNAPSHOTS=1 and read the diff.
@Test func longMemoLayoutMatchesItsSnapshot() throws {
    _ = Probe.setUpOnce
    let (doc, style) = try DocumentLoader(resources: Probe.resources).load(path: Probe.root + "/Templates/examples/long-memo.yaml")
    let dump = PageDump.text(try DocumentRenderer().pages(doc, style))
    let file = Probe.root + "/Tests/EndToEndTests/Fixtures/long-memo.layout.txt"
    if ProcessInfo.processInfo.environment["SARABAN_RECORD_SNAPSHOTS"] != nil {
        try dump.write(toFile: file, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: file, encoding: .utf8)
    let a = dump.split(separator: "\n"), b = expected.split(separator: "\n")
    let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
    #expect(first == nil && a.count == b.count,
            "line \((first?.offset ?? min(a.count, b.count)) + 1): got '\(first?.element.0 ?? "")', snapshot '\(first?.element.1 ?? "")'")
}
