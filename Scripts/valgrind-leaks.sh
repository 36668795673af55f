#!/bin/bash
# `make leaks`: renders every example (and runs a small batch) under valgrind's memcheck and fails
# unless it reports 0 bytes definitely lost. Not part of `make test` (30–80 s in all).
# The release build is profiled from a copy without debug info (valgrind 3.19 cannot read the
# Swift toolchain's DWARF 5; symbols stay). Scripts/valgrind.supp holds the leaks of system
# libraries (each named and explained); a leak of Saraban's own shows with its Swift stack.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exe=${SARABAN_EXE:-$root/.build/release/saraban}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$exe" "$work/saraban"
strip --strip-debug "$work/saraban"
status=0
check() {
  local name=$1; shift
  SARABAN_HOME="$root" valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --num-callers=50 \
    --suppressions="$root/Scripts/valgrind.supp" --log-file="$work/$name.log" "$work/saraban" "$@" >/dev/null
  local lost
  lost=$(awk '/definitely lost:/ { gsub(",", "", $4); print $4 }' "$work/$name.log")
  echo "$name: ${lost:-0} bytes definitely lost"
  if [ "${lost:-0}" != 0 ]; then sed -n '/definitely lost in loss record/,/^==[0-9]*== $/p' "$work/$name.log"; status=1; fi
}
for f in "$root"/Templates/examples/*.yaml; do
  n=$(basename "$f" .yaml)
  check "render-$n" render "$f" -o "$work/$n.pdf"
done
check "check-long-memo" check "$root/Templates/examples/long-memo.yaml"
sed 's/องค์การบริหารส่วนตำบลหินเหล็กไฟ/{{unit}}/' "$root/Templates/examples/long-memo.yaml" > "$work/template.yaml"
printf 'unit\nก\nข\nค\n' > "$work/units.csv"
check "batch-3-rows" batch --data "$work/units.csv" --template "$work/template.yaml" --out "$work/out" --jobs 2 --quiet
exit $status
