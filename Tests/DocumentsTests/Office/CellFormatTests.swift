import Testing
@testable import Documents

/// Numbers and dates as their cell format shows them, dates the Thai way (Buddhist-Era years,
/// Thai month and day names); digits stay Arabic for the style to set.
@Suite struct CellFormatTests {
    @Test(arguments: [
        (1234.5, "General", "1234.5"), (0.1 + 0.2, "General", "0.3"), (42, "General", "42"), (-7, "General", "-7"),
        (123_456_789_012, "General", "1.23457E+11"),
        (1234.5, "0", "1235"), (1234.5, "0.00", "1234.50"), (1234567.891, "#,##0", "1,234,568"),
        (1234567.891, "#,##0.00", "1,234,567.89"), (-1234.5, "#,##0.00", "-1,234.50"), (0.5, "#.##", ".5"),
        (2.675, "0.00", "2.68"), (0.125, "0%", "13%"), (0.125, "0.00%", "12.50%"), (12345, "0.00E+00", "1.23E+04"),
        (-1234.5, "#,##0 ;(#,##0)", "(1,235)"), (1234.5, "#,##0 ;(#,##0)", "1,235 "), (0, "#,##0;-#,##0;\"-\"", "-"),
        (1234.5, "[$฿-41E]#,##0.00", "฿1,234.50"), (95.33, "0.00 \"คะแนน\"", "95.33 คะแนน"), (1500000, "#,##0,\"K\"", "1,500K"),
        (7, "000", "007"), (3.14159, "0.0?", "3.14"), (1234.5, "General\" บาท\"", "1234.5 บาท"),
    ] as [(Double, String, String)])
    func numbers(value: Double, code: String, shown: String) {
        #expect(CellFormat.text(value, code: code) == shown, "\(value) as \(code)")
    }

    /// 46086 is 2026-03-05 (a Thursday), 45000.75 is 2023-03-15 18:00.
    @Test(arguments: [
        (46086, "d mmmm yyyy", "5 มีนาคม 2569"), (46086, "d/m/yyyy", "5/3/2569"), (46086, "dd/mm/yy", "05/03/69"),
        (46086, "d mmm yy", "5 มี.ค. 69"), (46086, "dddd d mmmm yyyy", "พฤหัสบดี 5 มีนาคม 2569"), (46086, "ddd", "พฤ."),
        (46086, "[$-th-TH,107]d mmmm bbbb", "5 มีนาคม 2569"), (46086, "yyyy-mm-dd", "2569-03-05"),
        (45000.75, "d/m/yyyy h:mm", "15/3/2566 18:00"), (45000.75, "h:mm AM/PM", "6:00 PM"), (1.5, "[h]:mm", "36:00"),
        (0.5, "mm:ss.0", "00:00.0"), (61, "d/m/yyyy", "1/3/2443"), (60, "d/m/yyyy", "29/2/2443"), (1, "d mmmm yyyy", "1 มกราคม 2443"),
        (244_413, "d mmmm yyyy", "5 มีนาคม 2569"),
    ] as [(Double, String, String)])
    func dates(serial: Double, code: String, shown: String) {
        #expect(CellFormat.text(serial, code: code) == shown, "\(serial) as \(code)")
    }

    @Test func the1904DateSystemCountsFrom1904() {
        #expect(CellFormat.text(44624, code: "d mmmm yyyy", date1904: true) == "5 มีนาคม 2569")
    }

    @Test func builtInFormatsAreTheThaiExcelOnes() {
        let styles = XLSXStyles.builtin
        #expect(CellFormat.text(46086, code: styles[14]!) == "5/3/2569")
        #expect(CellFormat.text(46086, code: styles[15]!) == "5-มี.ค.-69")
        #expect(CellFormat.text(1234.5, code: styles[4]!) == "1,234.50")
        #expect(CellFormat.text(46086, code: styles[71]!) == "5/3/2569")
    }

    @Test func cellRangesReadTheSpreadsheetWay() {
        #expect(CellRange("A2:F40") == CellRange(top: 1, left: 0, bottom: 39, right: 5))
        #expect(CellRange("f40:a2") == CellRange(top: 1, left: 0, bottom: 39, right: 5))
        #expect(CellRange("$B$3") == CellRange(top: 2, left: 1, bottom: 2, right: 1))
        #expect(CellRange("AA10")?.left == 26 && CellRange("XFD1048576")?.right == 16383)
        for bad in ["A0", "2A", "A", "XFE1", "A1:B", "A1:B2:C3", "", "ก1"] { #expect(CellRange(bad) == nil, "\(bad)") }
        #expect(CellRange.columnName(27) == "AB" && CellRange.name(6, 2) == "C7")
    }

    @Test func cellRunsBecomeParagraphsWithBoldMarkup() {
        let runs = [TextRun(text: "ปกติ ", bold: false), TextRun(text: "หนา", bold: true), TextRun(text: " ต่อ\n๑. ข้อหนึ่ง\r\n\n  ", bold: false),
                    TextRun(text: "๒. ข้อสอง", bold: true)]
        #expect(CellParagraphs.make(runs) == ["ปกติ **หนา** ต่อ", "๑. ข้อหนึ่ง", "**๒. ข้อสอง**"])
        #expect(CellParagraphs.make([TextRun(text: "หัวตาราง", bold: true)], plainBold: true) == ["หัวตาราง"])
        #expect(XLSXRuns.unescape("ก_x000D_\n_x0041_ข_x00") == "ก\nAข_x00")
    }
}

/// Values no sheet should hold still give text, never a trap.
@Test(arguments: [1e308, -1e308, 1e-300, 4e18, 9.3e18, 999_999_999_999_999, -0.000_000_1, 2_958_465.99, 0])
func extremeValuesGiveText(value: Double) {
    for code in ["General", "#,##0.00", "0.00E+00", "0%", "d/m/yyyy h:mm:ss.000000000000000000000", "[h]:mm:ss", "#,##0,,", "0.0000000000000000000000000000000"] {
        #expect(!CellFormat.text(value, code: code).isEmpty, "\(value) as \(code)")
    }
}
