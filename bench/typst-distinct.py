#!/usr/bin/env python3
"""Typst on the distinct workload: each unit's own source (bench/make-distinct.py --typst K)
compiled once, in-process through Typst's Python binding, fonts loaded once before the clock
starts; the first unit is compiled untimed (it warms the process). Run it under `taskset -c 0`
for one core. Prints ms per document and pages.

usage: typst-distinct.py DIR_OF_TYP_FILES OUT_DIR"""
import pathlib, subprocess, sys, time
import typst

src = sorted(pathlib.Path(sys.argv[1]).glob("*.typ"))
out = pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
if len(src) < 2:
    sys.exit("typst-distinct.py: needs two sources or more")
fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True,
                    font_paths=["/usr/share/fonts/truetype/tlwg"])
typst.compile(src[0].read_bytes(), output=str(out / "warm.pdf"), font_paths=fonts)
sources = [p.read_bytes() for p in src[1:]]
start = time.perf_counter()
for i, s in enumerate(sources):
    typst.compile(s, output=str(out / f"{i:05d}.pdf"), font_paths=fonts)
secs = time.perf_counter() - start
pages = 0
for i in range(len(sources)):
    info = subprocess.run(["pdfinfo", str(out / f"{i:05d}.pdf")], capture_output=True, text=True).stdout
    pages += int(next((l.split()[1] for l in info.splitlines() if l.startswith("Pages:")), "0"))
print(f"{1000 * secs / len(sources):.1f} ms/doc {len(sources) / secs:.1f} docs/s "
      f"{pages / len(sources):.1f} pages/doc ({len(sources)} documents)")
