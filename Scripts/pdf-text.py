#!/usr/bin/env python3
"""The text of a PDF as MuPDF (pymupdf) or pdfium (pypdfium2) gives it, pages joined by a line
break. usage: pdf-text.py mupdf|pdfium FILE.pdf   (run from the venv `make test` builds)"""
import sys

reader, path = sys.argv[1], sys.argv[2]
if reader == "mupdf":
    import pymupdf
    print("\n".join(page.get_text() for page in pymupdf.open(path)))
elif reader == "pdfium":
    import pypdfium2
    doc = pypdfium2.PdfDocument(path)
    print("\n".join(page.get_textpage().get_text_range() for page in doc))
else:
    sys.exit(f"unknown reader {reader}: mupdf or pdfium")
