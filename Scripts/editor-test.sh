#!/usr/bin/env bash
# The web editor in a real browser (Tests/Editor/editor_test.py): Debian's chromium and
# chromium-driver (make installs them), selenium (and openpyxl, python-docx for the table files
# the import test writes) from PyPI in .build/editor-venv, and a
# `saraban serve` the test starts itself on a free port. Screenshots: .build/editor-screens/.
# The preview's speed is printed (EDITOR_EDITS edits, default 20), never asserted.
# Usage: Scripts/editor-test.sh [path/to/saraban] [unittest names...]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/saraban}
shift || true
venv=.build/editor-venv
if ! "$venv/bin/python" -c 'import selenium, openpyxl, docx' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q selenium==4.51.0 openpyxl==3.1.5 python-docx==1.2.0
fi
for tool in chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install chromium chromium-driver (make test-deps)"; exit 1; }
done
SARABAN="$binary" "$venv/bin/python" -W ignore::ResourceWarning Tests/Editor/editor_test.py "$@"
