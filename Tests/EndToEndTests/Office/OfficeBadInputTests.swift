import Foundation
import Testing

/// Office sources that cannot be read: each gives its message (file, key, line; the cell for cell
/// problems) in English and Thai, exit 1 and no PDF.
@Suite struct OfficeBadInputTests {
    static let titles = ["ลำดับ", "หน่วยงาน", "ผลงาน"]

    /// A small workbook and Word document (three tables), an encrypted copy, a zip bomb, a
    /// billion-laughs sheet, workbooks with overlapping merges and with a merge across the header.
    static let files: [String: Data]? = {
        let dir = Probe.tempDir()
        let cells: [[String: Any]] = titles.enumerated().map { OfficeFixtures.cell(0, $0.offset, [$0.element]) }
            + [OfficeFixtures.cell(1, 0, ["๑"]), OfficeFixtures.cell(1, 1, ["สำนักปลัด"]), OfficeFixtures.cell(1, 2, ["ผ่าน"])]
        let table: [String: Any] = ["kind": "table", "widths": [1, 2, 1], "cells": cells, "sheet": "ตาราง", "sheets_before": ["สรุป"], "tables_before": 2]
        var overlap = table, header = table
        overlap["xlsx"] = dir + "/overlap.xlsx"
        overlap["merges"] = [[1, 0, 2, 1], [2, 1, 3, 2]]
        header["xlsx"] = dir + "/header.xlsx"
        header["cells"] = [OfficeFixtures.cell(0, 0, ["ลำดับ"], rowspan: 2), OfficeFixtures.cell(0, 1, ["ก"]), OfficeFixtures.cell(1, 1, ["ข"])]
        header["widths"] = [1, 1]
        var plain = table
        plain["xlsx"] = dir + "/t.xlsx"
        plain["docx"] = dir + "/t.docx"
        let laughs = #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>"#
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>"#
        do {
            try OfficeFixtures.make([plain, overlap, header,
                                     ["kind": "encrypt", "src": dir + "/t.xlsx", "dst": dir + "/locked.xlsx"],
                                     ["kind": "bomb", "path": dir + "/bomb.xlsx", "megabytes": 80],
                                     ["kind": "raw", "path": dir + "/laughs.xlsx", "sheet_xml": laughs]], in: dir)
            try OfficeFixtures.libreOffice([dir + "/t.xlsx"], to: "xls", outdir: dir)
        } catch { return nil }
        var out = [String: Data]()
        for f in ["t.xlsx", "t.docx", "overlap.xlsx", "header.xlsx", "locked.xlsx", "bomb.xlsx", "laughs.xlsx", "t.xls"] {
            out[f] = FileManager.default.contents(atPath: dir + "/" + f)
        }
        out["notes.xlsx"] = Data("ลำดับ,หน่วยงาน\n๑,สำนักปลัด\n".utf8)
        out["word.xlsx"] = out["t.docx"]
        out["old.xlsx"] = out["t.xls"]
        out["t.csv"] = Data("a,b\n1,2\n".utf8)
        return out
    }()

    func rejected(_ keys: String, english: String, thai: String) throws {
        let files = try #require(Self.files, "the fixtures were made")
        try expectRejected(AttachmentDoc.document("      - table:\n" + keys), english: english, thai: thai, files: files)
    }

    @Test func aMissingFileIsNamed() throws {
        try rejected("          source: ไม่มีแฟ้มนี้.xlsx\n", english: "source file 'ไม่มีแฟ้มนี้.xlsx' not found", thai: "ไม่พบแฟ้มข้อมูล")
    }

    @Test func aSheetThatIsNotThereListsTheSheetsThatAre() throws {
        try rejected("          source: t.xlsx\n          sheet: งบประมาณ\n",
                     english: "doc.yaml:15:18: 'source' (แฟ้มข้อมูล): 't.xlsx' has no sheet named 'งบประมาณ'; its sheets are 1 'สรุป', 2 'ตาราง'",
                     thai: "แผ่นงานที่มีคือ 1 'สรุป', 2 'ตาราง'")
        try rejected("          source: t.xlsx\n          sheet: 3\n", english: "'t.xlsx' has no sheet 3; its sheets are 1 'สรุป', 2 'ตาราง'",
                     thai: "ไม่มีแผ่นงานที่ 3")
    }

    @Test func aTableThatIsNotThereSaysHowManyThereAre() throws {
        try rejected("          source: t.docx\n          table: 4\n", english: "doc.yaml:15:18: 'source' (แฟ้มข้อมูล): 't.docx' has no table 4; it has 3 (table: 1 to 3)",
                     thai: "ไม่มีตารางที่ 4 มีตารางทั้งหมด 3 ตาราง")
    }

    @Test func aRangeOutsideTheSheetNamesTheCellsInUse() throws {
        try rejected("          source: t.xlsx\n          sheet: ตาราง\n          range: Z100:AB200\n",
                     english: "doc.yaml:16:18: 'source' (แฟ้มข้อมูล): 'range' (ช่วงเซลล์) Z100:AB200 is outside the cells of sheet 'ตาราง' in 't.xlsx', which are A1:C2",
                     thai: "อยู่นอกช่วงที่มีข้อมูลของแผ่นงาน 'ตาราง' (A1:C2)")
        try rejected("          source: t.xlsx\n          range: A0:B\n", english: "'range' (ช่วงเซลล์) 'A0:B' is not a cell range like A2:F40", thai: "ไม่ใช่ช่วงเซลล์")
    }

    @Test func aFileThatIsNotARealWorkbookSaysWhatItIs() throws {
        try rejected("          source: notes.xlsx\n", english: "'notes.xlsx' is not a real workbook (it is not a zip file)", thai: "ไม่ใช่สมุดงาน Excelที่ถูกต้อง")
        try rejected("          source: word.xlsx\n", english: "'word.xlsx' is a Word document, not a workbook; name it .docx", thai: "เป็นเอกสาร Word")
        try rejected("          source: old.xlsx\n", english: "'old.xlsx' is an old Excel 97–2003 (.xls) file; open it in Excel and save it as .xlsx", thai: "แฟ้มรุ่นเก่า")
    }

    @Test func anEncryptedWorkbookAsksToBeSavedWithoutAPassword() throws {
        try rejected("          source: locked.xlsx\n", english: "'locked.xlsx' is password-protected (encrypted); open it, then save it without a password",
                     thai: "ถูกตั้งรหัสผ่านไว้")
    }

    @Test func aZipBombStopsAtTheLimit() throws {
        try rejected("          source: bomb.xlsx\n", english: "'bomb.xlsx': its part xl/worksheets/sheet1.xml expands past 64 MB", thai: "ขยายออกแล้วใหญ่เกิน 64 MB")
    }

    @Test func aPartThatDeclaresEntitiesIsRefused() throws {
        try rejected("          source: laughs.xlsx\n", english: "'laughs.xlsx' is not a real workbook (xl/worksheets/sheet1.xml declares a DTD)", thai: "ไม่ใช่สมุดงาน")
    }

    @Test func overlappingMergesNameTheirCells() throws {
        try rejected("          source: overlap.xlsx\n          sheet: ตาราง\n", english: "'overlap.xlsx' sheet 'ตาราง': merged cells A2:B3 and B3:C4 overlap at B3; unmerge one of them",
                     thai: "ซ้อนกันที่ช่อง B3")
        try rejected("          source: header.xlsx\n          sheet: 2\n",
                     english: "doc.yaml:14:19: 'source' (แฟ้มข้อมูล): 'header.xlsx' sheet 'ตาราง': merged cells A1:A2 reach past the header's 1 row(s); set 'header_rows' (แถวหัวตาราง)",
                     thai: "เลยแถวหัวตาราง 1 แถว")
    }

    @Test func keysForOtherKindsOfSourceAreReported() throws {
        try rejected("          source: t.docx\n          sheet: ตาราง\n", english: "doc.yaml:15:18: 'sheet' (แผ่นงาน) applies to .xlsx or .ods sources only",
                     thai: "ใช้ได้กับแฟ้มข้อมูลชนิด .xlsx หรือ .ods เท่านั้น")
        try rejected("          source: t.xlsx\n          table: 2\n", english: "'table' (ตาราง) applies to .docx sources only", thai: ".docx เท่านั้น")
        try rejected("          source: t.csv\n          header_rows: 2\n", english: "'header_rows' (แถวหัวตาราง) applies to .xlsx, .ods or .docx sources only", thai: "เท่านั้น")
        try rejected("          source: t.xlsx\n          header_rows: 0\n", english: "has no header row (header_rows: 0): give 'columns' (คอลัมน์) with titles", thai: "ไม่มีแถวหัวตาราง")
        try rejected("          columns: [a, b]\n          source: t.docx\n          table: 3\n", english: "'source' (แฟ้มข้อมูล) t.docx has 3 columns but 'columns' names 2",
                     thai: "มี 3 คอลัมน์")
    }
}
