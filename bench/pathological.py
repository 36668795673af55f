#!/usr/bin/env python3
"""Writes the pathological inputs of issue 18 into a folder (default /tmp/saraban-pathological):
long pastes a careless user makes, each as a document beside the files it names.

  thai-1mb.yaml       one body paragraph of 1 MB of Thai prose (words and spaces as written)
  memo-1mb.yaml       one paragraph of 1 MB made of long-memo's paragraphs (compounds, names, dates)
  name-5000.yaml      a phone number of 5,000 equal words (each word a phrase kept whole)
  thai-unspaced.yaml  one body paragraph of 1 MB of Thai with no space at all
  one-word-cell.yaml  a table whose source has one cell of a single 1 MB "word" (no break opportunity)
  lines-100k.yaml     one paragraph of 100,000 short lines (a pasted column of numbers)
  cell-10mb.yaml      a table whose source has one cell of 10 MB (over the cell limit: a message)
  big.yaml            a 2 GB document file (sparse: over the document limit, a message)

bench/robustness.sh times `saraban render` on each.
"""
import os
import sys

HEAD = """memo:
  agency: องค์การบริหารส่วนตำบลหินเหล็กไฟ
  ref: ปข ๗๕๐๐๑/๓๘๙
  date: 2026-03-05
  subject: ทดสอบข้อความยาว
  to: นายกองค์การบริหารส่วนตำบลหินเหล็กไฟ
"""

PROSE = ("ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติได้กำหนดให้หน่วยงานภาครัฐทุกหน่วยงาน"
         "เข้าร่วมการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ "
         "โดยให้หน่วยงานจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน และรายงานผลการดำเนินการ ")


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def repeat_to(unit, size):
    n = size // len(unit.encode()) + 1
    return (unit * n)[: size // 3]


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def table(source):
    return HEAD + f"""  body:
    - ดูตารางที่แนบ
attachments:
  - title: ตาราง
    content:
      - table:
          source: {source}
"""


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/saraban-pathological"
    os.makedirs(out, exist_ok=True)
    prose = repeat_to(PROSE, 1 << 20)
    write(f"{out}/thai-1mb.yaml", HEAD + "  body:\n    - " + quoted(prose) + "\n")
    here = os.path.dirname(os.path.abspath(__file__))
    memo = open(os.path.join(here, "..", "Templates", "examples", "long-memo.yaml"), encoding="utf-8").read()
    paragraphs = [l.strip()[2:] for l in memo.splitlines() if l.strip().startswith("- ") and len(l) > 200]
    head = memo.split("  body:")[0]
    write(f"{out}/memo-1mb.yaml", head + "  body:\n    - " + quoted(repeat_to(" ".join(paragraphs) + " ", 1 << 20)) + "\n")
    write(f"{out}/name-5000.yaml", HEAD.replace("  to:", "  phone: " + quoted("กำ่ " * 5000) + "\n  to:") + "  body:\n    - ข้อความ\n")
    unspaced = repeat_to(PROSE.replace(" ", ""), 1 << 20)
    write(f"{out}/thai-unspaced.yaml", HEAD + "  body:\n    - " + quoted(unspaced) + "\n")
    write(f"{out}/one-word.csv", "คำ\n" + "a" * (1 << 20) + "\n")
    write(f"{out}/one-word-cell.yaml", table("one-word.csv"))
    write(f"{out}/lines-100k.yaml", HEAD + "  body:\n    - " + quoted("\n".join(str(i) for i in range(100_000))) + "\n")
    write(f"{out}/cell-10mb.csv", "คำ\n" + "a" * (10 << 20) + "\n")
    write(f"{out}/cell-10mb.yaml", table("cell-10mb.csv"))
    with open(f"{out}/big.yaml", "wb") as f:
        f.write(HEAD.encode())
        f.truncate(2 << 30)
    print(out)


if __name__ == "__main__":
    main()
