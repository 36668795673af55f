import Testing
@testable import Layout
@testable import Typeset

/// The paragraph cache keeps what is used again and lets one-off paragraphs go.
@Test func lineCacheKeepsWhatIsUsedAgain() {
    let cache = LineCache(capacity: 4)
    let font = FontSpec(family: "Laksaman", size: 16)
    func key(_ s: String) -> LineCache.Key { LineCache.Key(text: InlineText(s, font: font), style: ParagraphStyle(width: 100)) }
    var made = 0
    func ask(_ s: String) { _ = cache.lines(key(s)) { made += 1; return [] } }
    for s in ["shared1", "shared2", "one1", "one2"] { ask(s) }
    #expect(made == 4)
    ask("shared1"); ask("shared2")          // used again: marked
    #expect(made == 4, "hits make nothing")
    // Ten documents: each brings one paragraph of its own and uses the shared two again.
    for n in 3...12 {
        ask("one\(n)")
        ask("shared1"); ask("shared2")
    }
    #expect(made == 14, "only the one-offs were made")
    made = 0
    ask("shared1"); ask("shared2")
    #expect(made == 0, "the shared paragraphs survived the one-offs")
    ask("one3")
    #expect(made == 1, "an old one-off was evicted")
    var other = ParagraphStyle(width: 100); other.firstIndent = 10
    _ = cache.lines(LineCache.Key(text: InlineText("shared1", font: font), style: other)) { made += 1; return [] }
    #expect(made == 2, "same text in another style is another entry")
}
