#!/usr/bin/env bash
# Runs schemathesis (from PyPI, in .build/schemathesis) against a `saraban serve` started here on a
# free port: a bounded number of examples per operation, a fixed seed; fails on any 5xx or any
# response that is not as Templates/service/openapi.yaml says (status, content type, headers,
# schema). The server must then stop on SIGTERM with exit 0.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/saraban}
examples=${SCHEMATHESIS_EXAMPLES:-25}
venv=.build/schemathesis
if [ ! -x "$venv/bin/st" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q schemathesis==4.32.5
fi
log=$(mktemp)
"$binary" serve --port 0 --jobs 2 --timeout 30 --log-level warning 2>"$log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
port=$(Scripts/serve-port.sh "$log") || { echo "saraban serve did not start:"; cat "$log"; exit 1; }
# Run from a temporary folder: schemathesis writes nothing into the repository.
(cd "$(mktemp -d)" && "$OLDPWD/$venv/bin/st" run "http://127.0.0.1:$port/openapi.yaml" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
  --max-examples "$examples" --seed 20261201 --generation-database none --request-timeout 60 --no-color --workers 2)
kill -TERM "$pid"
wait "$pid"
echo "saraban serve stopped cleanly after schemathesis"
trap - EXIT
rm -f "$log"
