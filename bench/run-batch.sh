#!/usr/bin/env bash
# `make bench`: documents/s, pages/s and peak RSS of `saraban batch` on the hinlekfai example,
# --jobs 1 and 2, nothing shared and shared attachments; then instructions per document
# (callgrind, difference of 6 and 1 documents, nothing shared), which is stable on a busy machine.
# Then the distinct workload (bench/make-distinct.py: every unit its own memo text, title and
# table rows): documents/s and peak RSS with --jobs 1 and 2 at 1,000 rows (and at BENCH_ROWS
# when that is more), instructions per document, and Typst on the same distinct documents
# (a fresh source per unit, in-process, one core: bench/typst-distinct.py).
# usage: bench/run-batch.sh   (BENCH_ROWS=10000 for 10,000 rows; CALLGRIND=0 to skip valgrind;
#        TYPST_DOCS=N Typst documents, default 20, 0 to skip; DISTINCT=0 to skip the distinct case;
#        BENCH_PYTHON: a python with typst and PyYAML, default .build/bench-venv/bin/python)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exe="$root/.build/release/saraban"
rows=${BENCH_ROWS:-1000}
py=${BENCH_PYTHON:-$root/.build/bench-venv/bin/python}
[ -x "$py" ] || py=python3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 "$root/bench/make-units.py" "$root/Templates/examples/hinlekfai.yaml" "$work" "$rows"

pages_of() { python3 -c 'import json,sys; print(sum(d.get("pages") or 0 for d in json.load(open(sys.argv[1]))["documents"]))' "$1/manifest.json"; }

# One measured run: wall seconds and peak RSS from GNU time, pages from the manifest.
measure() { # label template jobs data
  local out="$work/out-$1"
  /usr/bin/time -f "%e %M" -o "$work/time" "$exe" batch --data "$4" --template "$work/$2.yaml" --out "$out" --jobs "$3" --quiet --force >/dev/null || true
  read -r secs kb < "$work/time"
  local pages; pages=$(pages_of "$out")
  local docs; docs=$(python3 -c 'import json,sys; print(sum(d["status"]=="ok" for d in json.load(open(sys.argv[1]))["documents"]))' "$out/manifest.json")
  awk -v l="$1" -v d="$docs" -v p="$pages" -v s="$secs" -v k="$kb" \
    'BEGIN { printf "%-28s %6d docs %7.1f docs/s %8.1f pages/s  peak RSS %6.1f MB  (%.2f s)\n", l, d, d/s, p/s, k/1024, s }'
  rate=$(awk -v d="$docs" -v s="$secs" 'BEGIN { printf "%.3f", d/s }')
  [ -n "${KEEP:-}" ] || rm -rf "$out"
}

echo "saraban batch, $rows rows of the hinlekfai example ($(nproc) cores)"
for case in unshared shared; do
  measure "$case --jobs 1" "$case" 1 "$work/units.csv"; one=$rate
  measure "$case --jobs 2" "$case" 2 "$work/units.csv"
  awk -v c="$case" -v a="$one" -v b="$rate" 'BEGIN { printf "%-28s %.2fx\n", c " --jobs 2 / --jobs 1", b/a }'
done
# Processes instead of threads: two --jobs 1 runs on the two halves at once.
half=$(( rows / 2 + 1 ))
head -n "$half" "$work/units.csv" > "$work/a.csv"
{ head -n 1 "$work/units.csv"; tail -n +"$(( half + 1 ))" "$work/units.csv"; } > "$work/b.csv"
start=$(date +%s.%N)
"$exe" batch --data "$work/a.csv" --template "$work/unshared.yaml" --out "$work/pa" --jobs 1 --quiet >/dev/null &
"$exe" batch --data "$work/b.csv" --template "$work/unshared.yaml" --out "$work/pb" --jobs 1 --quiet >/dev/null
wait
end=$(date +%s.%N)
awk -v r="$rows" -v a="$start" -v b="$end" 'BEGIN { printf "%-28s %6d docs %7.1f docs/s  (2 processes of --jobs 1, for comparison)\n", "unshared 2 processes", r, r/(b-a) }'

if [ "${CALLGRIND:-1}" = 1 ] && command -v valgrind >/dev/null; then
  head -n 2 "$work/units.csv" > "$work/u1.csv"; head -n 7 "$work/units.csv" > "$work/u6.csv"
  # valgrind cannot read the Swift toolchain's debug info: profile a copy without it (symbols stay).
  cp "$exe" "$work/saraban"; strip --strip-debug "$work/saraban"
  for k in 1 6; do
    SARABAN_HOME="$root" valgrind --tool=callgrind --callgrind-out-file="$work/cg.$k" "$work/saraban" batch --data "$work/u$k.csv" \
      --template "$work/unshared.yaml" --out "$work/cg-out-$k" --jobs 1 --quiet >/dev/null 2>&1
  done
  a=$(callgrind_annotate "$work/cg.1" 2>/dev/null | awk '/PROGRAM TOTALS/{gsub(",","",$1); print $1}')
  b=$(callgrind_annotate "$work/cg.6" 2>/dev/null | awk '/PROGRAM TOTALS/{gsub(",","",$1); print $1}')
  echo "saraban batch (nothing shared, PDF + thumbnail + manifest): $(( (b - a) / 5 / 1000000 )) M instructions per document"
  if [ -n "${CALLGRIND_KEEP:-}" ]; then cp "$work/cg.6" "$CALLGRIND_KEEP"; fi
fi

[ "${DISTINCT:-1}" = 1 ] || exit 0
# The distinct workload: 1,000 units always (peak RSS at 1,000 rows), BENCH_ROWS more when asked.
typst_docs=${TYPST_DOCS:-20}
distinct_rows=$(( rows > 1000 ? rows : 1000 ))
"$py" "$root/bench/make-distinct.py" "$work/d" "$distinct_rows" 17 --typst $(( typst_docs > 0 ? typst_docs + 1 : 0 ))
head -n 1001 "$work/d/distinct.json" | sed '$ s/,$//' > "$work/d/d1000.json"; echo "]" >> "$work/d/d1000.json"
echo "saraban batch, distinct units (each its own memo text, attachment title and table rows)"
measure "distinct --jobs 1" d/distinct 1 "$work/d/d1000.json"; one=$rate; d1=$rate
measure "distinct --jobs 2" d/distinct 2 "$work/d/d1000.json"; d2=$rate; rss1000=$kb
awk -v a="$one" -v b="$rate" 'BEGIN { printf "%-28s %.2fx\n", "distinct --jobs 2 / --jobs 1", b/a }'
if [ "$distinct_rows" -gt 1000 ]; then
  KEEP=1 measure "distinct $distinct_rows --jobs 2" d/distinct 2 "$work/d/distinct.json"
  awk -v a="$rss1000" -v b="$kb" -v n="$distinct_rows" 'BEGIN { printf "%-28s %.2fx the peak RSS at 1,000 rows\n", "distinct " n " rows", b/a }'
  # The same command again: every row up to date (the data read and hashed, the manifest rewritten).
  /usr/bin/time -f "%e %M" -o "$work/time" "$exe" batch --data "$work/d/distinct.json" --template "$work/d/distinct.yaml" \
    --out "$work/out-distinct $distinct_rows --jobs 2" --jobs 2 --quiet >/dev/null || true
  read -r secs kb < "$work/time"
  awk -v n="$distinct_rows" -v s="$secs" -v k="$kb" 'BEGIN { printf "%-28s %.2f s, peak RSS %.1f MB (every row up to date)\n", "distinct " n " re-run", s, k/1024 }'
  rm -rf "$work/out-distinct $distinct_rows --jobs 2"
fi
if [ "${CALLGRIND:-1}" = 1 ] && command -v valgrind >/dev/null; then
  for k in 1 6; do
    { head -n "$(( k + 1 ))" "$work/d/distinct.json" | sed '$ s/,$//'; echo "]"; } > "$work/d/d$k.json"
    SARABAN_HOME="$root" valgrind --tool=callgrind --callgrind-out-file="$work/dcg.$k" "$work/saraban" batch --data "$work/d/d$k.json" \
      --template "$work/d/distinct.yaml" --out "$work/dcg-out-$k" --jobs 1 --quiet >/dev/null 2>&1
  done
  a=$(callgrind_annotate "$work/dcg.1" 2>/dev/null | awk '/PROGRAM TOTALS/{gsub(",","",$1); print $1}')
  b=$(callgrind_annotate "$work/dcg.6" 2>/dev/null | awk '/PROGRAM TOTALS/{gsub(",","",$1); print $1}')
  echo "saraban batch (distinct, PDF + thumbnail + manifest): $(( (b - a) / 5 / 1000000 )) M instructions per document"
  if [ -n "${CALLGRIND_KEEP_DISTINCT:-}" ]; then cp "$work/dcg.6" "$CALLGRIND_KEEP_DISTINCT"; fi
fi
if [ "$typst_docs" -gt 0 ]; then
  if "$py" -c 'import typst' 2>/dev/null; then
    t=$(taskset -c 0 "$py" "$root/bench/typst-distinct.py" "$work/d/typst" "$work/typst-out")
    echo "typst, the same distinct units, in-process, one core: $t"
    awk -v t="$t" -v s="$d1" 'BEGIN { split(t, f, " "); printf "%-28s %.1fx Typst per core (--jobs 1: %.1f ms/doc)\n", "saraban distinct", f[1] / (1000 / s), 1000 / s }'
  else
    echo "typst: not installed (make bench-venv, or BENCH_PYTHON=a python with typst)"
  fi
fi
