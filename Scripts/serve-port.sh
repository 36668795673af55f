#!/usr/bin/env bash
# Prints the port a `saraban serve --port 0` writes to LOG once it listens ("listening on
# 127.0.0.1:PORT"); exits 1 when it has not after 20 s. usage: Scripts/serve-port.sh LOG
set -euo pipefail
for _ in $(seq 1 200); do
  port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$1" | head -1)
  if [ -n "$port" ]; then echo "$port"; exit 0; fi
  sleep 0.1
done
exit 1
