#!/usr/bin/env python3
"""Load for `saraban serve` over loopback: C clients, each on its own keep-alive connection,
POST documents to /v1/render one after another until N requests are done. Prints documents/s,
p50 and p99 latency, and how many answers were not 200 with a PDF. Documents come from a
template with {{unit}} filled per request, so every document has its own unit name.
  serve-client.py PORT TEMPLATE UNITS.csv N CLIENTS [--kill PID --kill-after K]
"""
import argparse, asyncio, csv, os, signal, sys, time


async def one_client(port, bodies, counter, n, latencies, failures, kill):
    reader = writer = None
    while True:
        i = counter[0]
        if i >= n:
            break
        counter[0] += 1
        if kill and i == kill["after"]:
            os.kill(kill["pid"], signal.SIGKILL)
            print(f"killed {kill['pid']} after {i} requests", file=sys.stderr)
        body = bodies[i % len(bodies)]
        head = (f"POST /v1/render HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode()
        start = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(head + body)
            await writer.drain()
            status, length, close = await read_head(reader)
            data = await reader.readexactly(length)
            ok = status == 200 and data[:5] == b"%PDF-"
            if close:
                writer.close()
                reader = writer = None
        except (OSError, asyncio.IncompleteReadError, ValueError) as e:
            ok = False
            status = f"{type(e).__name__}"
            if writer is not None:
                writer.close()
            reader = writer = None
        latencies.append(time.perf_counter() - start)
        if not ok:
            failures.append(status)


async def read_head(reader):
    line = await reader.readline()
    if not line:
        raise ValueError("connection closed")
    status = int(line.split()[1])
    length, close = 0, False
    while True:
        h = await reader.readline()
        if h in (b"\r\n", b""):
            break
        k, _, v = h.decode("latin-1").partition(":")
        if k.lower() == "content-length":
            length = int(v.strip())
        if k.lower() == "connection" and v.strip().lower() == "close":
            close = True
    return status, length, close


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] if s else 0


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("template")
    ap.add_argument("units")
    ap.add_argument("n", type=int)
    ap.add_argument("clients", type=int)
    ap.add_argument("--kill", type=int)
    ap.add_argument("--kill-after", type=int, default=0)
    ap.add_argument("--label", default="")
    a = ap.parse_args()
    template = open(a.template, encoding="utf-8").read()
    with open(a.units, encoding="utf-8") as f:
        units = [row["unit"] for row in csv.DictReader(f)]
    bodies = [template.replace("{{unit}}", u).encode() for u in units]
    counter, latencies, failures = [0], [], []
    kill = {"pid": a.kill, "after": a.kill_after} if a.kill else None
    start = time.perf_counter()
    await asyncio.gather(*(one_client(a.port, bodies, counter, a.n, latencies, failures, kill) for _ in range(a.clients)))
    secs = time.perf_counter() - start
    print(f"{a.label:<28} {a.n:6d} requests {a.clients} clients {a.n / secs:7.1f} docs/s  "
          f"p50 {percentile(latencies, 50) * 1000:6.1f} ms  p99 {percentile(latencies, 99) * 1000:6.1f} ms  "
          f"failed {len(failures)}" + (f" {sorted(set(map(str, failures)))}" if failures else ""))
    print(f"RATE {a.n / secs:.3f} FAILED {len(failures)}", file=sys.stderr)


asyncio.run(main())
