import Testing
@testable import ThaiText

@Test func isoDatePrintsBuddhistEra() {
    #expect(ThaiDate(iso: "2026-03-05")?.formatted() == "๕ มีนาคม ๒๕๖๙")
    #expect(ThaiDate(iso: "2026-03-05")?.formatted(.arabic) == "5 มีนาคม 2569")
    #expect(ThaiDate(iso: "2026-02-30") == nil)
    #expect(ThaiDate(iso: "5 March") == nil)
}

@Test func fiscalYearSpansOctoberToSeptember() {
    #expect(FiscalYear(buddhistYear: 2568).formatted() == "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘")
}

@Test func digitsConvertBothWays() {
    #expect(ThaiDigits.apply(.thai, to: "ปข 75001/389") == "ปข ๗๕๐๐๑/๓๘๙")
    #expect(ThaiDigits.apply(.arabic, to: "๙๕.๓๓") == "95.33")
    #expect(ListMarker.numbered(12, .thai) == "๑๒.")
}

@Test func protectedPhrasesCoverDatesYearsAndUnits() {
    let text = "ลงวันที่ ๘ มกราคม ๒๕๖๘ ปีงบประมาณ พ.ศ. ๒๕๖๘ จำนวน ๘ ราย คะแนน ๙๕.๓๓ คะแนน ต่าง ๆ"
    let s = Array(text.unicodeScalars)
    let found = ProtectedPhrases(phrases: []).ranges(in: s).map { String(String.UnicodeScalarView(s[$0])) }
    #expect(found.contains("๘ มกราคม ๒๕๖๘"))
    #expect(found.contains("พ.ศ. ๒๕๖๘"))
    #expect(found.contains { $0.hasSuffix("๘ ราย") })
    #expect(found.contains("๙๕.๓๓ คะแนน"))
    #expect(found.contains { $0.hasSuffix(" ๆ") }, "no break before ๆ")
}
