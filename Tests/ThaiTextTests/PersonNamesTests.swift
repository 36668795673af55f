import Testing
@testable import ThaiText

/// The name finder's rule on small lists (the full lists in Templates/ are tested end to end).
@Suite struct PersonNamesTests {
    let finder = PersonNames(PersonNames.Rules(
        titles: ["นาย", "นาง", "นางสาว", "ดร.", "ศ.", "ผศ.", "พล.ต.อ.", "ว่าที่ ร.ต.", "ว่าที่ร้อยตรี", "พระครู"],
        notNames: ["นายกเทศมนตรี", "นายอำเภอ", "มิถุนายน", "ทนาย"],
        surnameParticles: ["ณ"], maxGivenName: 20, maxSurname: 24))

    /// The whole names found, as text.
    func names(_ text: String) -> [String] {
        let s = Scalars.of(text)
        return wholes(s).map { String(String.UnicodeScalarView(s[$0])) }
    }

    /// Every third range is a whole name (then its given-name part and its surname, if any).
    func wholes(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out = [Range<Int>]()
        var rest = finder.ranges(in: s)[...]
        while let whole = rest.first {
            out.append(whole)
            let given = rest.dropFirst().first ?? whole
            let parts = given == whole ? 2 : 3
            rest = rest.dropFirst(parts)
        }
        return out
    }

    @Test func aNameInRunningTextAndItsParts() {
        let s = Scalars.of("โดยนายสมชาย ใจดี เป็นผู้รับผิดชอบ")
        let r = finder.ranges(in: s)
        let texts = r.map { String(String.UnicodeScalarView(s[$0])) }
        #expect(texts == ["นายสมชาย ใจดี", "นายสมชาย", "ใจดี"])
    }

    @Test func namesAtTheEndBeforePunctuationAndInBrackets() {
        #expect(names("ลงนามโดยนางสาวพิมลวรรณ คุ่มครอง") == ["นางสาวพิมลวรรณ คุ่มครอง"])
        #expect(names("(นางสาวพิมลวรรณ คุ่มครอง)") == ["นางสาวพิมลวรรณ คุ่มครอง"])
        #expect(names("นายสมชาย ใจดี, นางสมศรี ใจงาม และนายสมศักดิ์ รักดี") == ["นายสมชาย ใจดี", "นางสมศรี ใจงาม", "นายสมศักดิ์ รักดี"])
        // No surname: the title and given name alone.
        #expect(names("มอบหมายให้นายสมชาย.") == ["นายสมชาย"])
        #expect(names("นายสมชาย ๒ คน") == ["นายสมชาย"])
    }

    @Test func abbreviatedTitlesChainAndMayHaveASpace() {
        #expect(names("ขอเชิญผศ.ดร.สมหญิง รักไทย บรรยาย") == ["ผศ.ดร.สมหญิง รักไทย"])
        #expect(names("พล.ต.อ. ดร.สมศักดิ์ ใจกล้า") == ["พล.ต.อ. ดร.สมศักดิ์ ใจกล้า"])
        #expect(names("ว่าที่ ร.ต.สมชาย ใจดี") == ["ว่าที่ ร.ต.สมชาย ใจดี"])
        #expect(names("ว่าที่ร้อยตรีสมชาย ใจดี") == ["ว่าที่ร้อยตรีสมชาย ใจดี"])
        #expect(names("ดร. สมชาย ใจดี") == ["ดร. สมชาย ใจดี"])
        // With a space after the title the surname must follow: "ดร. สมชาย" alone is not read.
        #expect(names("ดร. สมชาย.").isEmpty)
        // ศ. after another "." is part of an abbreviation (พ.ศ.), not a title.
        #expect(names("พ.ศ.กำหนด ใหม่").isEmpty)
    }

    @Test func theLongestTitleFirstAndTheShorterWhenNoNameFollows() {
        #expect(names("นางสาวมาลี ใจงาม") == ["นางสาวมาลี ใจงาม"])
        // นางสาว + "ิตรี" starts with a vowel sign: the title is นาง, the given name สาวิตรี.
        #expect(names("นางสาวิตรี ใจงาม") == ["นางสาวิตรี ใจงาม"])
        #expect(finder.ranges(in: Scalars.of("นางสาวิตรี ใจงาม")).first == 0..<16)
        #expect(names("พระครูสมุห์สมชาย ฐิตธมฺโม") == ["พระครูสมุห์สมชาย ฐิตธมฺโม"])
    }

    @Test func positionsAndWordsThatAreNotNames() {
        #expect(names("เรียน นายอำเภอปราณบุรี เพื่อโปรดทราบ").isEmpty)
        #expect(names("นายกเทศมนตรีตำบลหินเหล็กไฟ ได้อนุมัติ").isEmpty)
        #expect(names("เดือนมิถุนายน ๒๕๖๙").isEmpty)
        #expect(names("ทนายความ ของบริษัท").isEmpty)
        // A given name that starts like a not-name word is still a name.
        #expect(names("นายกมล ใจดี") == ["นายกมล ใจดี"])
        #expect(names("นายอำนาจ ใจดี") == ["นายอำนาจ ใจดี"])
    }

    @Test func surnamesWithAParticleOrTextRunningOn() {
        #expect(names("นายสมชาย ณ อยุธยา ได้รับ") == ["นายสมชาย ณ อยุธยา"])
        // Text straight after the surname: kept with it up to max_surname letters.
        let run = names("นายสมชาย ใจดีเป็นผู้รับผิดชอบโครงการทั้งหมดของหน่วยงาน")
        #expect(run == ["นายสมชาย ใจดีเป็นผู้รับผิดชอบโครง"])
        #expect(run.first.map { Scalars.of($0).count } == 9 + 24)
        // A run after a title longer than max_given_name is not a given name.
        #expect(names("นาย" + String(repeating: "ก", count: 21) + " ใจดี").isEmpty)
    }

    @Test func equalRulesMakeEqualFinders() {
        let again = PersonNames(finder.rules)
        #expect(again == finder && again.hashValue == finder.hashValue)
        var other = finder.rules
        other.notNames.append("นายช่าง")
        #expect(PersonNames(other) != finder)
    }
}
