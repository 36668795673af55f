import Foundation
import Testing

/// Mutated examples, each run through `check` and `render` under a timeout and a memory limit:
/// every case must end in exit 0 with a PDF poppler reads, or exit 1 with a message whose every
/// line names the file and line (and whose Thai half is Thai); never a signal, a hang or an empty
/// message; and `check` must accept exactly what `render` renders. FUZZ_CASES, FUZZ_SEED and
/// FUZZ_EXE run more cases or another build (Scripts/fuzz.sh runs thousands with the release
/// build); FUZZ_KEEP keeps each failing case's files there.
@Suite struct FuzzTests {
    static let env = ProcessInfo.processInfo.environment
    static let cases = Int(env["FUZZ_CASES"] ?? "") ?? 300
    static let seed = UInt64(env["FUZZ_SEED"] ?? "") ?? 18
    static let exe = env["FUZZ_EXE"] ?? Probe.saraban

    /// The examples as they are, and one more document with what they lack (a chart, spans,
    /// dotted comment lines, a Markdown table source).
    static func seeds() throws -> [FuzzCase] {
        let dir = Probe.root + "/Templates/examples/"
        func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: dir + name))) }
        return [
            FuzzCase(seed: "hinlekfai", document: try read("hinlekfai.yaml"), files: [:]),
            FuzzCase(seed: "long-memo", document: try read("long-memo.yaml"), files: [:]),
            FuzzCase(seed: "measures-6-months", document: try read("measures-6-months.yaml"),
                     files: ["measures-6-months.csv": try read("measures-6-months.csv")]),
            FuzzCase(seed: "chart", document: Array(FuzzTests.chartDocument.utf8), files: ["steps.md": Array(FuzzTests.markdown.utf8)]),
        ]
    }

    static let chartDocument = """
    memo:
      agency: กองคลัง องค์การบริหารส่วนตำบลหินเหล็กไฟ
      ref: ปข ๗๕๐๐๑/๔๕๖
      date: 2026-05-01
      subject: รายงาน**ผลการเบิกจ่าย**งบประมาณ
      to: นายกองค์การบริหารส่วนตำบลหินเหล็กไฟ
      references: [หนังสือที่ ๑, หนังสือที่ ๒]
      body:
        - ตามที่ได้รับ__มอบหมาย__ให้รายงานผล นั้น
        - list: [รายการแรก, รายการที่สอง]
      signature: { name: นายสมชาย ใจดี, position: [ผู้อำนวยการกองคลัง, รักษาราชการแทน] }
      comments:
        - { title: ความเห็นปลัด, lines: 3, name: นายปลัด ดีมาก, position: ปลัด }
    attachments:
      - title: ผลการเบิกจ่าย
        content:
          - chart: { title: ร้อยละของการเบิกจ่าย, max: 100, data: { ไตรมาส ๑: 20, ไตรมาส ๒: 45.5, ไตรมาส ๓: 80 } }
          - table:
              columns: [{ title: ลำดับ, width: 1 }, { title: รายการ, width: 4 }, { title: หมายเหตุ, width: 2 }]
              rows:
                - { group: หมวดที่ ๑ }
                - [๑, { text: รวมสองคอลัมน์, colspan: 2 }]
                - [{ text: สองแถว, rowspan: 2 }, ข, ค]
                - [ง, จ]
      - title: ขั้นตอน
        orientation: landscape
        content:
          - table: { source: steps.md }
    """
    static let markdown = "| ขั้นตอน | ผู้รับผิดชอบ |\n|---|---|\n| ๑. วางแผน | กองคลัง |\n| ๒. ดำเนินการ \\| ติดตาม | สำนักปลัด |\n"

    @Test func mutatedExamplesEndInAPDFOrAMessage() throws {
        let seeds = try Self.seeds()
        var mutator = DocumentMutator(random: SeededRandom(seed: Self.seed))
        let cases = (0..<Self.cases).map { k -> FuzzCase in
            let base = seeds[k % seeds.count]
            return k < seeds.count ? base : mutator.mutate(base)
        }
        let root = Probe.tempDir()
        let runner = FuzzRunner(exe: Self.exe)
        let results = ResultList(count: cases.count)
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for k in stride(from: worker, to: cases.count, by: 2) {
                results.set(k, runner.outcome(cases[k], dir: root + "/case-\(k)"))
            }
        }
        var counts = [Outcome: Int]()
        for (k, r) in results.all.enumerated() {
            counts[r.0, default: 0] += 1
            #expect(!r.0.isBug, "case \(k) (\(cases[k].seed): \(cases[k].mutations.joined(separator: "; "))): \(r.0.rawValue): \(r.1)")
            if r.0.isBug, let keep = Self.env["FUZZ_KEEP"] { keepCase(cases[k], k, into: keep) }
        }
        let summary = Outcome.allCases.filter { counts[$0] != nil }.map { "\($0.rawValue) \(counts[$0]!)" }.joined(separator: ", ")
        print("fuzz: seed \(Self.seed), \(cases.count) cases: \(summary)")
        if let report = Self.env["FUZZ_REPORT"] { try? (summary + "\n").write(toFile: report, atomically: true, encoding: .utf8) }
        // The seeds themselves render, and the mutations reach both outcomes.
        #expect(results.all.prefix(seeds.count).allSatisfy { $0.0 == .pdf })
        #expect((counts[.pdf] ?? 0) > seeds.count && (counts[.message] ?? 0) > 0)
        try? FileManager.default.removeItem(atPath: root)
    }

    func keepCase(_ c: FuzzCase, _ k: Int, into dir: String) {
        let d = dir + "/case-\(k)"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: d + "/doc.yaml", contents: Data(c.document))
        for (name, bytes) in c.files { FileManager.default.createFile(atPath: d + "/" + name, contents: Data(bytes)) }
        try? (c.mutations.joined(separator: "\n") + "\n").write(toFile: d + "/mutations.txt", atomically: true, encoding: .utf8)
    }
}

/// Results filled in by the worker threads.
final class ResultList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(Outcome, String)]
    init(count: Int) { items = Array(repeating: (.pdf, ""), count: count) }
    func set(_ k: Int, _ r: (Outcome, String)) { lock.withLock { items[k] = r } }
    var all: [(Outcome, String)] { lock.withLock { items } }
}
