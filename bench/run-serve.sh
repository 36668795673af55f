#!/usr/bin/env bash
# `make bench-serve`: the service over loopback beside `saraban batch --jobs 2` on the same
# documents in the same run: the hinlekfai example with its unit's name in the memo and every
# attachment (nothing shared between documents). Prints documents/s, p50/p99 at 1 and 8 clients,
# and the server's peak RSS after 1,000 and after 10,000 requests.
# usage: bench/run-serve.sh   (BENCH_ROWS units, default 1000; BENCH_REQUESTS, default 10000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exe="$root/.build/release/saraban"
rows=${BENCH_ROWS:-1000}
total=${BENCH_REQUESTS:-10000}
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
python3 "$root/bench/make-units.py" "$root/Templates/examples/hinlekfai.yaml" "$work" "$rows" 2>/dev/null
client() { python3 "$root/bench/serve-client.py" "$port" "$work/unshared.yaml" "$work/units.csv" "$@" 2>"$work/client.err"; }
rss() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }
# The server's CPU seconds so far (user + system): CPU per document is steadier than documents/s
# on a machine others are using.
cpu() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / t }' "/proc/$pid/stat"; }

echo "saraban serve against saraban batch, $rows units of the hinlekfai example, nothing shared ($(nproc) cores)"
# The batch runs before and after the service (the mean is compared): a busy machine moves both.
batch_run() { # label
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$exe" batch --data "$work/units.csv" --template "$work/unshared.yaml" \
    --out "$work/out" --jobs 2 --quiet --force >/dev/null
  read -r secs kb user sys < "$work/time"
  rm -rf "$work/out"
  printf "%-28s %6d docs   %7.1f docs/s  peak RSS %.1f MB  CPU %.1f ms/doc\n" "$1" "$rows" "$(awk -v d="$rows" -v s="$secs" 'BEGIN { print d / s }')" \
    "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')" "$(awk -v u="$user" -v s="$sys" -v d="$rows" 'BEGIN { print (u + s) * 1000 / d }')" >&2
  awk -v d="$rows" -v s="$secs" 'BEGIN { printf "%.3f", d / s }'
}
before=$(batch_run "saraban batch --jobs 2 (before)")

"$exe" serve --port 0 --jobs 2 --log-level warning >/dev/null 2>"$work/serve.log" &
pid=$!
port=$("$root/Scripts/serve-port.sh" "$work/serve.log" || true)
client 100 1 --label "warm-up" >/dev/null
client 300 1 --label "serve, 1 client"
first=$(( 1000 - 400 ))
client "$first" 8 --label "serve, 8 clients"
rate=$(awk '/^RATE/ { print $2 }' "$work/client.err")
rss1=$(rss)
cpu1=$(cpu)
client $(( total - 1000 )) 8 --label "serve, 8 clients (to $total)"
echo "serve: CPU $(awk -v a="$cpu1" -v b="$(cpu)" -v n=$(( total - 1000 )) 'BEGIN { printf "%.1f", (b - a) * 1000 / n }') ms/doc (the server process, 8 clients)"
rate=$(awk -v a="$rate" '/^RATE/ { print (a * 600 + $2 * '"$(( total - 1000 ))"') / '"$(( total - 400 ))"' }' "$work/client.err")
rss10=$(rss)
kill -STOP "$pid"
after=$(batch_run "saraban batch --jobs 2 (after)")
kill -CONT "$pid"
batch=$(awk -v a="$before" -v b="$after" 'BEGIN { print (a + b) / 2 }')
echo "serve (8 clients, $(( total - 400 )) requests) / batch --jobs 2 (mean of before and after): $(awk -v a="$rate" -v b="$batch" 'BEGIN { printf "%.1f / %.1f = %.2fx", a, b, a / b }') documents/s"
echo "peak RSS after 1,000 requests $rss1 MB, after $total requests $rss10 MB ($(awk -v a="$rss10" -v b="$rss1" 'BEGIN { printf "%.2fx", a / b }'))"
kill -TERM "$pid"
wait "$pid" && echo "saraban serve stopped with exit 0"
pid=""
