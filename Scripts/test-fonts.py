"""Builds the fonts the shaping tests use, into the folder given (not committed, made by `make test`):
Google's Sarabun (OFL, from PyPI's fontpkg-sarabun) and a copy of Laksaman without its GSUB/GPOS
tables, renamed "Laksaman NoLayout": it stands for the older TH Sarabun PSK-style fonts whose marks
HarfBuzz must place by its Thai fallback."""
import glob, os, shutil, sys
from fontTools.ttLib import TTFont
import fontpkg_sarabun

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
files = os.path.join(os.path.dirname(fontpkg_sarabun.__file__), "files")
for name in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf"):
    shutil.copy(os.path.join(files, name), os.path.join(out, name))
font = TTFont("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")
for table in ("GSUB", "GPOS", "GDEF"):
    if table in font:
        del font[table]
for record in font["name"].names:
    if record.nameID in (1, 3, 4, 6, 16):
        text = record.toUnicode().replace("Laksaman", "Laksaman NoLayout", 1)
        if record.nameID == 6:
            text = text.replace(" ", "")
        record.string = text
font.save(os.path.join(out, "LaksamanNoLayout.ttf"))
print("test fonts in", out, sorted(os.listdir(out)))
