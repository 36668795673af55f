#!/bin/bash
# `make fuzz`: the fuzz test of `make test` (Tests/EndToEndTests/Fuzz) run longer, with the release
# build: FUZZ_CASES cases (default 5000) from FUZZ_SEED (default: the date), each mutated example
# run through `check` and `render` under a 60 s timeout and a 2 GB address-space limit. Prints the
# cases by outcome; cases that end in a bug are kept under FUZZ_KEEP (default .build/fuzz-failures)
# with the mutations that made them. Exits 1 if any case is a bug.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cases=${FUZZ_CASES:-5000}
seed=${FUZZ_SEED:-$(date +%Y%m%d)}
keep=${FUZZ_KEEP:-$root/.build/fuzz-failures}
rm -rf "$keep"
mkdir -p "$keep"
swift build -c release --static-swift-stdlib --product saraban >/dev/null
swift build --build-tests >/dev/null
report=$(mktemp)
start=$(date +%s)
status=0
FUZZ_CASES=$cases FUZZ_SEED=$seed FUZZ_EXE="$root/.build/release/saraban" FUZZ_KEEP="$keep" FUZZ_REPORT="$report" \
  swift test --skip-build --filter FuzzTests > "$keep/log.txt" 2>&1 || status=$?
echo "seed $seed, $cases cases in $(( $(date +%s) - start )) s: $(cat "$report" 2>/dev/null || echo 'no report (see log)')"
grep -E "^↳ case" "$keep/log.txt" | cut -c1-300 || true
[ "$status" = 0 ] || echo "failing cases kept in $keep"
rm -f "$report"
exit $status
