#!/usr/bin/env python3
"""Checks a PDF's fonts against their embedded programs and prints what it finds:
  widths: CODES checked, MISMATCHES   each code's /W width against its glyph's advance in the
                                       embedded TrueType program (hmtx * 1000 / unitsPerEm)
  sizes: S1 S2 ...                    the distinct sizes text is set with (Tf), with the text
  matrix scale of every Tm (a and d) listed as `scales:` (1 when text is declared as drawn).
usage: pdf-fonts-check.py FILE.pdf"""
import io, sys
import pikepdf
from fontTools.ttLib import TTFont

pdf = pikepdf.open(sys.argv[1])
checked = mismatched = 0
seen = set()
for page in pdf.pages:
    for name, font in page.Resources.get("/Font", {}).items():
        if font.objgen in seen:
            continue
        seen.add(font.objgen)
        cid = font.DescendantFonts[0]
        if cid.Subtype != "/CIDFontType2":
            continue
        program = TTFont(io.BytesIO(cid.FontDescriptor.FontFile2.read_bytes()))
        upem = program["head"].unitsPerEm
        order = program.getGlyphOrder()
        gidmap = cid.get("/CIDToGIDMap")
        raw = gidmap.read_bytes() if isinstance(gidmap, pikepdf.Stream) else None
        w = list(cid.get("/W", []))
        i = 0
        while i < len(w):
            first = int(w[i])
            if isinstance(w[i + 1], pikepdf.Array):
                widths = [float(x) for x in w[i + 1]]; i += 2
            else:
                widths = [float(w[i + 2])] * (int(w[i + 1]) - first + 1); i += 3
            for k, width in enumerate(widths):
                c = first + k
                gid = int.from_bytes(raw[2 * c:2 * c + 2], "big") if raw else c
                advance = program["hmtx"][order[gid]][0] * 1000 / upem
                checked += 1
                if abs(advance - width) > 0.01:
                    mismatched += 1
                    if mismatched <= 5:
                        print(f"  {font.get('/BaseFont')}: code {c} glyph {gid}: /W {width} but the program's advance {advance:.3f}")
sizes, scales = set(), set()
for page in pdf.pages:
    for operands, op in pikepdf.parse_content_stream(page):
        if str(op) == "Tf":
            sizes.add(float(operands[1]))
        elif str(op) == "Tm":
            scales.add(float(operands[0])); scales.add(float(operands[3]))
print(f"widths: {checked} codes checked, {mismatched} mismatches")
print("sizes: " + " ".join(f"{s:g}" for s in sorted(sizes)))
print("scales: " + " ".join(f"{s:g}" for s in sorted(scales)))
