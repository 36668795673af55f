#!/bin/bash
# A batch on a disk that really fills up (needs root for the tmpfs): 100 rows of the hinlekfai
# example onto a 1.2 MB tmpfs, then the same command again once the tmpfs is made larger.
# The first run must stop with "No space left on device", exit 1 and leave manifest.json listing
# the PDFs it wrote; the second must render the rest and find those up to date.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exe=${SARABAN_EXE:-$root/.build/release/saraban}
work=$(mktemp -d)
mnt="$work/disk"
mkdir -p "$mnt"
mount -t tmpfs -o size=1200k tmpfs "$mnt"
trap 'umount "$mnt"; rm -rf "$work"' EXIT
sed 's/องค์การบริหารส่วนตำบลหินเหล็กไฟ/{{unit}}/' "$root/Templates/examples/hinlekfai.yaml" > "$work/template.yaml"
{ echo unit; for i in $(seq 1 100); do echo "ตำบลที่$i"; done; } > "$work/units.csv"
set +e
"$exe" batch --data "$work/units.csv" --template "$work/template.yaml" --out "$mnt/out" --jobs 2
echo "first run: exit $?, $(ls "$mnt/out" | grep -c '\.pdf$') PDFs, manifest lists $(grep -c '"row"' "$mnt/out/manifest.json") rows"
mount -o remount,size=16m "$mnt"
"$exe" batch --data "$work/units.csv" --template "$work/template.yaml" --out "$mnt/out" --jobs 2
echo "second run: exit $?, $(ls "$mnt/out" | grep -c '\.pdf$') PDFs"
