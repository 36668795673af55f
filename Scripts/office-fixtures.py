"""Writes the Office files the tests read: workbooks (openpyxl) and Word documents (python-docx)
from a JSON description, and the bad ones (a zip bomb, an encrypted workbook).

    office-fixtures.py JOBS.json

JOBS.json holds {"jobs": [...]}; each job has a "kind":
  table    {"xlsx": path?, "docx": path?, "widths": [...], "header_rows": n, "cells": [cell, ...],
            "sheet": name, "sheets_before": [names], "hidden_rows": [grid rows], "hidden_cols": [grid cols],
            "offset": [rows, cols], "notes": [[row, col, text]], "tables_before": n, "merges": [[r0, c0, r1, c1]]}
           cell: {"r", "c", "rs", "cs", "p": [paragraphs] | "runs": [[text, bold], ...] | "num": x, "fmt": code |
                  "date": "YYYY-MM-DD", "fmt": code; "bold": true; "docx_p": the Word cell's paragraphs instead;
                  "list": {"format", "texts", "items", "list"} a Word list (see fill_list)}
           Paragraphs starting "๑. " / "1. " become Word list paragraphs (thaiNumbers / decimal) whose
           marker Word prints; in the workbook they stay text on lines of one cell.
  records  {"xlsx": path, "rows": [[...], ...], "sheet": name, "sheets_before": [names], "hidden_rows": [...]}
  bomb     {"path": path, "megabytes": n}: a workbook whose sheet expands to n MB
  raw      {"path": path, "sheet_xml": text}: a workbook whose one sheet part is `sheet_xml` as given
  encrypt  {"src": path, "dst": path}: the workbook encrypted with a password (msoffcrypto-tool)
"""
import datetime
import json
import re
import sys
import zipfile

import docx
from msoffcrypto.format.ooxml import OOXMLFile
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips
from openpyxl.cell.cell import MergedCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

MARKER = re.compile(r"^([๐-๙]+|[0-9]+)\. (.*)$")


def xlsx_value(cell):
    if "num" in cell:
        return cell["num"]
    if "date" in cell:
        return datetime.date.fromisoformat(cell["date"])
    if "runs" in cell:
        return CellRichText([TextBlock(InlineFont(b=bool(b)), t) for t, b in cell["runs"]])
    return "\n".join(cell.get("p", []))


def put(ws, row, column, text):
    """Text into a cell unless a merged area covers it (a hidden column inside a merge)."""
    if not isinstance(ws.cell(row=row, column=column), MergedCell):
        ws.cell(row=row, column=column, value=text)


def write_xlsx(job):
    wb = openpyxl.Workbook()
    first = wb.active
    for name in job.get("sheets_before", []):
        wb.create_sheet(name)["A1"] = "แผ่นอื่น"
    ws = wb.create_sheet(job.get("sheet", "ตาราง"))
    wb.remove(first)
    dr, dc = job.get("offset", [0, 0])
    hidden_rows, hidden_cols = set(job.get("hidden_rows", [])), set(job.get("hidden_cols", []))
    # Grid rows and columns move down and right past the hidden ones inserted before them.
    rmap = lambda r: dr + r + sum(1 for h in hidden_rows if h <= r) + 1
    cmap = lambda c: dc + c + sum(1 for h in hidden_cols if h <= c) + 1
    for c, w in enumerate(job["widths"]):
        ws.column_dimensions[get_column_letter(cmap(c))].width = w * 4
    for cell in job["cells"]:
        r, c = rmap(cell["r"]), cmap(cell["c"])
        x = ws.cell(row=r, column=c, value=xlsx_value(cell))
        x.alignment = Alignment(wrap_text=True, vertical="top")
        if "fmt" in cell:
            x.number_format = cell["fmt"]
        if cell.get("bold"):
            x.font = Font(bold=True)
        rs, cs = cell.get("rs", 1), cell.get("cs", 1)
        if rs > 1 or cs > 1:
            ws.merge_cells(start_row=r, start_column=c, end_row=rmap(cell["r"] + rs - 1), end_column=cmap(cell["c"] + cs - 1))
    rows = max(x["r"] + x.get("rs", 1) for x in job["cells"])
    for h in hidden_rows:
        r = dr + h + sum(1 for k in hidden_rows if k < h) + 1
        put(ws, r, cmap(0), "แถวที่ซ่อนไว้")
        ws.row_dimensions[r].hidden = True
    for h in hidden_cols:
        c = dc + h + sum(1 for k in hidden_cols if k < h) + 1
        ws.column_dimensions[get_column_letter(c)].hidden = True
        for r in range(rows):
            put(ws, rmap(r), c, "คอลัมน์ที่ซ่อนไว้")
    for r, c, text in job.get("notes", []):
        ws.cell(row=r + 1, column=c + 1, value=text)
    for r0, c0, r1, c1 in job.get("merges", []):
        ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    wb.save(job["xlsx"])


class Numbering:
    """Word list definitions: an abstract list per format and level texts, one instance per run of items."""

    def __init__(self, document):
        self.root = document.part.numbering_part.element
        self.abstract = {}
        self.next_id = 900

    def abstract_id(self, fmt, texts):
        key = (fmt, tuple(texts))
        if key in self.abstract:
            return self.abstract[key]
        aid = str(90 + len(self.abstract))
        a = OxmlElement("w:abstractNum")
        a.set(qn("w:abstractNumId"), aid)
        for level, text in enumerate(texts):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(level))
            for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:suff", "space"), ("w:lvlText", text), ("w:lvlJc", "left")):
                e = OxmlElement(tag)
                e.set(qn("w:val"), val)
                lvl.append(e)
            a.append(lvl)
        nums = self.root.findall(qn("w:num"))
        if nums:
            nums[0].addprevious(a)
        else:
            self.root.append(a)
        self.abstract[key] = aid
        return aid

    def start(self, fmt, at, texts=("%1.",)):
        """A new list instance of `fmt` whose first item is numbered `at` (None: go on counting)."""
        self.next_id += 1
        n = OxmlElement("w:num")
        n.set(qn("w:numId"), str(self.next_id))
        a = OxmlElement("w:abstractNumId")
        a.set(qn("w:val"), self.abstract_id(fmt, texts))
        n.append(a)
        if at is not None:
            o = OxmlElement("w:lvlOverride")
            o.set(qn("w:ilvl"), "0")
            s = OxmlElement("w:startOverride")
            s.set(qn("w:val"), str(at))
            o.append(s)
            n.append(o)
        self.root.append(n)
        return str(self.next_id)


def number_paragraph(paragraph, num_id, level=0):
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    numpr.append(ilvl)
    numpr.append(nid)
    ppr.append(numpr)


def fill_list(cell, spec, numbering, lists):
    """A Word list: {"format", "texts": level texts, "items": [[level, text], ...], "list": name}; items
    of lists of one name share one instance, so their count goes on from cell to cell."""
    fmt = spec["format"]
    name = spec.get("list")
    if name and name in lists:
        num_id = lists[name]
    else:
        num_id = numbering.start(fmt, None, spec.get("texts", ["%1."]))
        if name:
            lists[name] = num_id
    for k, (level, text) in enumerate(spec["items"]):
        paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        number_paragraph(paragraph, num_id, level)
        paragraph.add_run(text)


def fill_docx_cell(cell, spec, numbering, lists):
    if "list" in spec and isinstance(spec["list"], dict):
        return fill_list(cell, spec["list"], numbering, lists)
    texts = spec.get("docx_p", spec.get("p", []))
    if "runs" in spec:
        texts = ["\n".join(t for t, _ in spec["runs"])]
    previous = None  # (format, number) of the previous list item in this cell
    for k, text in enumerate(texts):
        paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        m = MARKER.match(text) if numbering else None
        if m:
            thai = m.group(1)[0] in "๐๑๒๓๔๕๖๗๘๙"
            fmt = "thaiNumbers" if thai else "decimal"
            n = int("".join(str("๐๑๒๓๔๕๖๗๘๙".index(d)) if d in "๐๑๒๓๔๕๖๗๘๙" else d for d in m.group(1)))
            if previous is None or previous != (fmt, n - 1):
                num_id = numbering.start(fmt, n, ("%1.",))
            previous = (fmt, n)
            number_paragraph(paragraph, num_id)
            text = m.group(2)
        else:
            previous = None
        if "runs" in spec:
            for t, b in spec["runs"]:
                paragraph.add_run(t).bold = bool(b)
        else:
            paragraph.add_run(text).bold = bool(spec.get("bold"))


def write_docx(job):
    document = docx.Document()
    numbering = Numbering(document) if job.get("numbered", True) else None
    lists = {}
    for k in range(job.get("tables_before", 0)):
        document.add_paragraph(f"ตารางอื่นที่ {k + 1}")
        document.add_table(rows=1, cols=2).cell(0, 0).text = "ตารางอื่น"
    document.add_paragraph("ตารางนี้")
    rows = max(x["r"] + x.get("rs", 1) for x in job["cells"])
    cols = len(job["widths"])
    table = document.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    for c, w in enumerate(job["widths"]):
        table.columns[c].width = Twips(round(w * 600))
    for cell in sorted(job["cells"], key=lambda x: (x["r"], x["c"])):
        target = table.cell(cell["r"], cell["c"])
        rs, cs = cell.get("rs", 1), cell.get("cs", 1)
        if rs > 1 or cs > 1:
            target = target.merge(table.cell(cell["r"] + rs - 1, cell["c"] + cs - 1))
            for p in target.paragraphs[1:]:
                p._p.getparent().remove(p._p)
            target.paragraphs[0].text = ""
        fill_docx_cell(target, cell, numbering, lists)
    for r in range(job.get("header_rows", 1)):
        table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    document.add_paragraph("ท้ายเอกสาร")
    document.save(job["docx"])


def write_records(job):
    wb = openpyxl.Workbook()
    for name in job.get("sheets_before", []):
        wb.active.title = name
        wb.active.append(["ชื่อ", "หมายเหตุ"])
        wb.active.append(["แผ่นอื่น", "ไม่ใช่รายชื่อหน่วยงาน"])
    ws = wb.create_sheet() if job.get("sheets_before") else wb.active
    ws.title = job.get("sheet", "หน่วยงาน")
    for row in job["rows"]:
        ws.append(row)
    for h in job.get("hidden_rows", []):
        ws.row_dimensions[h + 1].hidden = True
    wb.save(job["xlsx"])


def write_bomb(job):
    """A real workbook whose sheet is mostly spaces: small on disk, huge expanded."""
    head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'

    def sheet(f):
        f.write(head.encode())
        block = b" " * (1 << 20)
        for _ in range(job["megabytes"]):
            f.write(block)
        f.write(b"</sheetData></worksheet>")
    write_workbook(job["path"], sheet)


def write_raw(job):
    write_workbook(job["path"], lambda f: f.write(job["sheet_xml"].encode()))


def write_workbook(path, sheet):
    """The few parts a workbook needs, its sheet written by `sheet(file)`."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            sheet(f)


def encrypt(job):
    with open(job["src"], "rb") as src, open(job["dst"], "wb") as dst:
        office = OOXMLFile(src)
        office.encrypt("รหัสผ่าน1234", dst)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)["jobs"]
    for job in jobs:
        kind = job["kind"]
        if kind == "table":
            if job.get("xlsx"):
                write_xlsx(job)
            if job.get("docx"):
                write_docx(job)
        elif kind == "records":
            write_records(job)
        elif kind == "bomb":
            write_bomb(job)
        elif kind == "raw":
            write_raw(job)
        elif kind == "encrypt":
            encrypt(job)
        else:
            raise SystemExit(f"unknown job kind {kind}")


if __name__ == "__main__":
    main()
