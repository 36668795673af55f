#!/bin/bash
# Wall time and peak RSS of `saraban render` on issue 18's pathological inputs (bench/pathological.py
# writes them), best of three; REF=path/to/another/saraban times that build too (with
# REF_HOME its Templates/ folder). Timed figures on a shared machine are noisy: compare runs made
# one after the other.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exe=${SARABAN_EXE:-$root/.build/release/saraban}
dir=${PATHOLOGICAL:-/tmp/saraban-pathological}
python3 "$root/bench/pathological.py" "$dir" >/dev/null
best() { # exe home file -> "seconds KB exit"
  local b="" 
  for _ in 1 2 3; do
    local r
    SARABAN_HOME=$2 /usr/bin/time -o "$dir/time.txt" -f "%e %M %x" timeout 600 "$1" render "$dir/$3.yaml" -o "$dir/$3.pdf" >/dev/null 2>&1 || true
    r=$(tail -1 "$dir/time.txt")
    if [ -z "$b" ] || awk -v x="${r%% *}" -v y="${b%% *}" 'BEGIN { exit !(x < y) }'; then b=$r; fi
  done
  echo "$b"
}
printf '%-16s %22s %22s\n' input "this build (s, MB, exit)" "REF (s, MB, exit)"
for f in thai-1mb memo-1mb thai-unspaced one-word-cell name-5000 lines-100k cell-10mb big; do
  a=$(best "$exe" "$root" "$f")
  b=""
  if [ -n "${REF:-}" ]; then b=$(best "$REF" "${REF_HOME:-$root}" "$f"); fi
  fmt() { [ -z "$1" ] && return; echo "$1" | awk '{printf "%.2f s %4.0f MB exit %s", $1, $2/1024, $3}'; }
  printf '%-16s %22s %22s\n' "$f" "$(fmt "$a")" "$(fmt "$b")"
done
