#!/usr/bin/env python3
"""A tagged PDF's structure as text, for tests: one line per structure element, indented by depth:
  ROLE [RowSpan=n] [ColSpan=n] [Scope=..] [Alt=...] | its own text (marked content, in order)
then one line per artifact sequence: `artifact TYPE[/SUBTYPE] page N | text`, and a last line
`untagged page N | text` for any text outside marked content. Text is decoded with the fonts'
ToUnicode maps (bfchar entries, as Saraban writes them). usage: pdf-tags.py FILE.pdf"""
import re, sys
import pikepdf

pdf = pikepdf.open(sys.argv[1])

def cmap(font):
    m = {}
    if "/ToUnicode" not in font:
        return m
    data = font.ToUnicode.read_bytes().decode("latin-1")
    for a, b in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", data.split("endcodespacerange", 1)[-1]):
        m[int(a, 16)] = bytes.fromhex(b).decode("utf-16-be") if b else ""
    return m

def decode(s, m):
    b = bytes(s)
    return "".join(m.get(int.from_bytes(b[i:i + 2], "big"), "") for i in range(0, len(b) - 1, 2))

texts = {}          # (page index, mcid) -> text
artifacts = []      # (type, page, text)
untagged = {}
for n, page in enumerate(pdf.pages):
    fonts = {k: cmap(v) for k, v in page.Resources.get("/Font", {}).items()}
    stack, font = [], {}
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "BDC":
            tag, props = str(operands[0]), operands[1]
            if tag == "/Artifact":
                kind = str(props.get("/Type", "")).lstrip("/") + ("/" + str(props["/Subtype"]).lstrip("/") if "/Subtype" in props else "")
                artifacts.append([kind, n + 1, ""])
                stack.append(("artifact", len(artifacts) - 1))
            else:
                stack.append(("mcid", int(props.MCID)))
                texts.setdefault((n, int(props.MCID)), "")
        elif op == "BMC":
            stack.append(("other", 0))
        elif op == "EMC":
            stack.pop()
        elif op == "Tf":
            font = fonts.get(str(operands[0]), {})
        elif op in ("TJ", "Tj"):
            parts = operands[0] if op == "TJ" else [operands[0]]
            t = "".join(decode(p, font) for p in parts if isinstance(p, pikepdf.String))
            if not stack:
                untagged[n + 1] = untagged.get(n + 1, "") + t
            elif stack[-1][0] == "artifact":
                artifacts[stack[-1][1]][2] += t
            elif stack[-1][0] == "mcid":
                texts[(n, stack[-1][1])] += t

pages = {p.objgen: i for i, p in enumerate(pdf.pages)}

def walk(e, depth, page):
    role = str(e.get("/S", "")).lstrip("/")
    if "/Pg" in e:
        page = pages.get(e.Pg.objgen, page)
    attrs = []
    a = e.get("/A")
    if a is not None:
        for key in ("/RowSpan", "/ColSpan", "/Scope"):
            if key in a:
                attrs.append(f"{key[1:]}={str(a[key]).lstrip('/')}")
    if "/Alt" in e:
        attrs.append(f"Alt={str(e.Alt)}")
    own, kids = [], e.get("/K", [])
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    children = []
    for k in kids:
        if isinstance(k, int):
            own.append(texts.get((page, k), ""))
        elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR":
            own.append(texts.get((pages.get(k.Pg.objgen, page), int(k.MCID)), ""))
        elif isinstance(k, pikepdf.Dictionary):
            children.append(k)
    print("  " * depth + " ".join([role] + attrs) + (" | " + "".join(own) if own else ""))
    for c in children:
        walk(c, depth + 1, page)

root = pdf.Root.StructTreeRoot
top = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
for e in top:
    walk(e, 0, 0)
for kind, page, text in artifacts:
    print(f"artifact {kind} page {page} | {text}")
for page, text in untagged.items():
    print(f"untagged page {page} | {text}")
