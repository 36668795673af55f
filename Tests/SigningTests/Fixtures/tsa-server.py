"""A loopback RFC 3161 time-stamp server for the signing tests: each POSTed request is answered
by `openssl ts -reply` with the test PKI's TSA. Prints its port, then serves until stdin closes
(the test keeps the pipe open) or 300 seconds pass, whichever comes first."""
import http.server
import os
import subprocess
import sys
import tempfile
import threading

pki = sys.argv[1]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        if length <= 0 or length > 65536:
            self.send_error(400)
            return
        query = self.rfile.read(length)
        with tempfile.TemporaryDirectory() as tmp:
            q = os.path.join(tmp, "q.tsq")
            r = os.path.join(tmp, "r.tsr")
            with open(q, "wb") as f:
                f.write(query)
            done = subprocess.run(["openssl", "ts", "-reply", "-config", "tsa.cnf", "-queryfile", q, "-out", r],
                                  cwd=pki, capture_output=True)
            if done.returncode != 0:
                self.send_error(500, done.stderr.decode(errors="replace")[:200])
                return
            with open(r, "rb") as f:
                reply = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
watch = threading.Thread(target=sys.stdin.read, daemon=True)
watch.start()
watch.join(300)
server.shutdown()
