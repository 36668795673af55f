#!/usr/bin/env bash
# `make bench-failover`: two `saraban serve` instances behind nginx (Debian's package) on
# loopback; 8 clients POST documents through nginx, and one instance is killed (SIGKILL) a third
# of the way through. nginx retries what failed on the other instance (proxy_next_upstream with
# non_idempotent, since renders are POSTs that change nothing): zero requests may fail.
# usage: bench/failover.sh   (FAILOVER_REQUESTS, default 1500)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exe="$root/.build/release/saraban"
n=${FAILOVER_REQUESTS:-1500}
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx-light >/dev/null
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
python3 "$root/bench/make-units.py" "$root/Templates/examples/hinlekfai.yaml" "$work" 200 2>/dev/null

started=""
start_instance() { # log; sets $started to the port
  # A queue long enough for all 8 clients: when one instance dies, the other takes them all.
  "$exe" serve --port 0 --jobs 1 --queue 16 --log-level warning >/dev/null 2>"$1" &
  pids+=($!)
  started=$("$root/Scripts/serve-port.sh" "$1" || true)
}
start_instance "$work/a.log"
a=$started
pid_a=${pids[0]}
start_instance "$work/b.log"
b=$started
front=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx"
# nginx's workers run as another user (nobody, www-data): they must reach their temp folders.
chmod 755 "$work"
chmod 777 "$work/nginx"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream saraban {
    server 127.0.0.1:$a max_fails=1 fail_timeout=30s;
    server 127.0.0.1:$b max_fails=1 fail_timeout=30s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$front;
    client_max_body_size 20m;
    location / {
      proxy_pass http://saraban;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Request-Id \$request_id;
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries 2;
      proxy_read_timeout 90s;
    }
  }
}
CONF
"$nginx" -c "$work/nginx.conf" -p "$work" >/dev/null 2>&1 &
pids+=($!)
sleep 1
echo "nginx on $front in front of saraban serve on $a and $b; $n requests, 8 clients; instance $a killed after $(( n / 3 ))"
python3 "$root/bench/serve-client.py" "$front" "$work/unshared.yaml" "$work/units.csv" "$n" 8 \
  --kill "$pid_a" --kill-after $(( n / 3 )) --label "through nginx, one killed" 2>"$work/client.err"
grep -v '^RATE' "$work/client.err" || true
failed=$(awk '/^RATE/ { print $4 }' "$work/client.err")
echo "nginx's log: $(grep -c 'upstream' "$work/nginx-error.log" 2>/dev/null || echo 0) upstream errors retried"
if [ "$failed" != 0 ]; then
  echo "FAILED: $failed requests failed; nginx said:"
  grep -v "buffered to a temporary" "$work/nginx-error.log" | head -8
  exit 1
fi
echo "zero failed requests"
