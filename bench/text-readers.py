#!/usr/bin/env python3
"""How much Thai text PDF readers get back out of Saraban's PDFs.

usage: bench/text-readers.py [SARABAN]   (default .build/release/saraban)

Renders the Thai corpus (as a memo body) and the examples, writes each one's source text, and runs
../shared/tools/pdf-thai-text on them: the share of source words each of poppler, pdfium, mupdf
and pdfminer returns whole; and ../shared/tools/more-readers, which adds pdf.js and PDFBox (needs
nodejs, libjs-pdf, a JDK and libpdfbox2-java; skipped when missing). Also prints each PDF's size.
A measurement, not a test.
"""
import os, re, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
exe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release/saraban")
tool = os.path.join(root, "..", "shared", "tools", "pdf-thai-text")
more = os.path.join(root, "..", "shared", "tools", "more-readers")
work = tempfile.mkdtemp(prefix="saraban-readers-")
thai = re.compile("[\u0e01-\u0e5b]")

def corpus():
    lines = open(os.path.join(root, "Tests/EndToEndTests/Fixtures/thai-corpus.txt"), encoding="utf-8").read().splitlines()
    return [l.split("\t", 1)[1] for l in lines if not l.startswith("#") and "\t" in l]

def yaml_values(path, memo_only=False):
    """Thai-bearing scalar values of a document, as the test suite reads them (no YAML library)."""
    text = open(path, encoding="utf-8").read()
    if memo_only:
        text = text.split("\nattachments:")[0]
    values = []
    for line in text.splitlines():
        l = line.strip()
        if l.startswith("#"):
            continue
        l = re.sub(r"^(- )+", "- ", l)
        m = re.search(r"^(?:- )?[\w\u0e00-\u0e7f_]+: (.*)$", l) or re.search(r"^- (.*)$", l)
        if not m:
            continue
        v = m.group(1).strip()
        if v.startswith("{") or v.startswith("["):
            # a flow mapping or list: its Thai strings, without keys and punctuation
            parts = [p.split(": ", 1)[-1] for p in re.split(r",\s*(?=[\w\u0e00-\u0e7f]+: )|^[{\[]\s*|\s*[}\]]$", v) if p]
            for p in parts:
                for q in ([p] if not p.startswith("[") else re.split(r'",\s*"', p.strip("[]"))):
                    q = q.strip().strip('"')
                    if thai.search(q):
                        values.append(q.replace("\\n", " "))
            continue
        v = v.strip('"').replace("\\n", " ")
        if thai.search(v) and not re.match(r"^\d{4}-\d\d-\d\d", v):
            values.append(v)
    return values

def csv_values(path):
    import csv
    with open(path, encoding="utf-8") as f:
        return [c for row in csv.reader(f) for c in row if thai.search(c)]

def clean(values):
    out = []
    for v in values:
        v = re.sub(r"</?p>|<br\s*/?>|\*\*|__", " ", v)
        out.append(v)
    return "\n".join(out) + "\n"

def render(yaml_path, name):
    pdf = os.path.join(work, name + ".pdf")
    subprocess.run([exe, "render", yaml_path, "-o", pdf], check=True, stdout=subprocess.DEVNULL)
    return pdf

def measure(name, pdf, expected_text):
    exp = os.path.join(work, name + ".txt")
    open(exp, "w", encoding="utf-8").write(expected_text)
    out = subprocess.run([tool, pdf, exp], capture_output=True, text=True).stdout.strip().splitlines()
    print(f"== {name} ({os.path.getsize(pdf)/1024:.1f} KB)")
    for l in out:
        print("   " + l)
    if os.path.exists(more):
        r = subprocess.run([more, pdf, exp], capture_output=True, text=True)
        lines = [l for l in r.stdout.splitlines() if not l.startswith("    ")]
        print("   six readers (whole/joined/no-ws): " + (lines[-1].split(": ", 1)[-1] if r.returncode == 0 and lines else "not run: " + r.stderr.strip()[-200:]))

c = corpus()
doc = os.path.join(work, "corpus.yaml")
body = "\n".join('    - "' + l.replace('"', '\\"') + '"' for l in c)
open(doc, "w", encoding="utf-8").write(
    "memo:\n  agency: องค์การบริหารส่วนตำบลหินเหล็กไฟ\n  ref: ทดสอบ\n  subject: ข้อความภาษาไทยที่ต้องถูกต้อง\n"
    "  to: ผู้ทดสอบ\n  body:\n" + body + "\n")
measure("corpus", render(doc, "corpus"), "\n".join(c) + "\n")
ex = os.path.join(root, "Templates/examples")
h = render(os.path.join(ex, "hinlekfai.yaml"), "hinlekfai")
measure("hinlekfai memo", h, clean(yaml_values(os.path.join(ex, "hinlekfai.yaml"), memo_only=True)))
measure("hinlekfai whole", h, clean(yaml_values(os.path.join(ex, "hinlekfai.yaml"))))
m = render(os.path.join(ex, "measures-6-months.yaml"), "measures")
measure("measures-6-months", m, clean(yaml_values(os.path.join(ex, "measures-6-months.yaml")) + csv_values(os.path.join(ex, "measures-6-months.csv"))))
l = render(os.path.join(ex, "long-memo.yaml"), "long-memo")
measure("long-memo", l, clean(yaml_values(os.path.join(ex, "long-memo.yaml"))))
print(f"(files in {work})")
