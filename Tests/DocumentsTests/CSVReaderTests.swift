import Documents
import Foundation
import Testing

/// Delimited text read as written: every row keeps its line, quotes hold delimiters, line breaks
/// and doubled quotes, and a quote that never closes is an error where it opened.
@Suite struct CSVReaderTests {
    @Test func rowsKeepTheirLinesAndQuotedCellsTheirText() throws {
        let text = "ก,ข,ค\r\n\"หนึ่ง, สอง\",\"บรรทัด\nถัดไป\",\"คำว่า \"\"ดี\"\"\"\n\nท้าย,,\n"
        let r = try CSVReader.records(text, delimiter: ",")
        #expect(r == [
            CSVRecord(line: 1, cells: ["ก", "ข", "ค"]),
            CSVRecord(line: 2, cells: ["หนึ่ง, สอง", "บรรทัด\nถัดไป", "คำว่า \"ดี\""]),
            CSVRecord(line: 4, cells: [""]),
            CSVRecord(line: 5, cells: ["ท้าย", "", ""]),
        ])
        #expect(r[2].isBlank && !r[3].isBlank)
        #expect(try CSVReader.records("a\tb\nc\td", delimiter: "\t").map(\.cells) == [["a", "b"], ["c", "d"]])
    }

    @Test func aQuoteThatNeverClosesIsAnErrorWhereItOpened() {
        let text = "ก,ข\nหนึ่ง,สอง\n\"สาม,สี่\nห้า,หก\nเจ็ด,แปด\n"
        #expect { try CSVReader.records(text, delimiter: ",") } throws: { error in
            let f = error as? CSVFailure
            return f?.line == 3 && f?.row == 2 && f?.message.contains("never closed") == true && f?.thai.contains("ไม่ได้ปิด") == true
        }
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        #expect { try CSVReader.records("ก,ข\n\"สาม\"สี่,ห้า\n", delimiter: ",") } throws: { error in
            (error as? CSVFailure)?.line == 2 && (error as? CSVFailure)?.row == 1
        }
    }
}

/// Text files decoded as UTF-8 (or UTF-16 with its mark); anything else named by its place.
@Suite struct TextFileTests {
    @Test func aBadByteIsNamedByLineColumnAndOffset() {
        let bytes = Array("ก\nขค".utf8) + [0xE0, 0x41]
        #expect { try TextFile.decode(Data(bytes)) } throws: { error in
            guard let e = error as? TextFile.NotUTF8 else { return false }
            return e.line == 2 && e.column == 3 && e.offset == 10 && e.byte == 0xE0
                && e.message == "is not UTF-8 text: byte 0xE0 at byte offset 10 (line 2, column 3); save it as UTF-8 (it looks like Thai saved as TIS-620 or Windows-874)"
        }
    }

    @Test func marksAndUTF16AreRead() throws {
        #expect(try TextFile.decode(Data([0xEF, 0xBB, 0xBF] + Array("ก".utf8))) == "ก")
        let utf16 = Data([0xFF, 0xFE]) + "ก\n".data(using: .utf16LittleEndian)!
        #expect(try TextFile.decode(utf16) == "ก\n")
        // Surrogates and overlong forms are not UTF-8.
        for bad: [UInt8] in [[0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80]] {
            #expect(throws: TextFile.NotUTF8.self) { try TextFile.decode(Data(bad)) }
        }
    }
}
