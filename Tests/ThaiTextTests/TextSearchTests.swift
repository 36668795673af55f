import Testing
@testable import ThaiText

@Test func listMarkersAtTheStartOfParagraphs() {
    let long = String(repeating: "ข้อความยาวมาก ", count: 20)
    #expect(TextSearch.listMarker("๑. " + long) == "๑. ")
    #expect(TextSearch.listMarker("(๒) ประชุม") == "(๒) ")
    #expect(TextSearch.listMarker("1) item") == "1) ")
    #expect(TextSearch.listMarker("๑.๒ " + long) == "๑.๒ ")
    #expect(TextSearch.listMarker(long) == nil)
    #expect(TextSearch.listMarker("๒๕๖๙ " + long) == nil)
    #expect(TextSearch.listMarker("๑.") == nil)
    // A marker whose spaces run past the first 64 scalars is still found whole.
    let spaces = String(repeating: " ", count: 70)
    #expect(TextSearch.listMarker("๑." + spaces + long) == "๑." + spaces)
    #expect(TextSearch.listMarker("๑." + spaces) == nil)
}

@Test func scalarsAndBytesMatchTheStandardLibrary() {
    for s in ["", "abc", "น้ำ ที่ ๒๕๖๙", "ก\u{0E33}e\u{301}😀", "ผู้อำนวยการ x"] {
        #expect(Scalars.of(s) == Array(s.unicodeScalars))
        #expect(Scalars.sameBytes(s, String(decoding: Array(s.utf8), as: UTF8.self)))
    }
    // The same text typed two ways is not the same bytes (the layout keeps what was typed).
    #expect(!Scalars.sameBytes("e\u{301}", "\u{E9}"))
    #expect(!Scalars.sameBytes("น้ำ", "น้ํา"))
}
