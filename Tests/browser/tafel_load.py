#!/usr/bin/env python3
"""Load on `akkoord serve`: N concurrent clients, each sending M evaluations (POST /api/evalueer) over one
keep-alive connection. Prints errors, requests per second, and p50/p95/max of the client-side latency and of the
server's own time per evaluation (Server-Timing).

Usage: python3 Tests/browser/tafel_load.py PATH/TO/akkoord [CLIENTS] [EVALUATIONS]   (default 20 x 500)
"""

import http.client
import json
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

CHOICES = [
    {},
    {"keuzes": {"2F.doorgaan": "sluiten"}, "aannames": {"provincie-cofinanciert-baan": False}},
    {"keuzes": {"2F.doorgaan": "verkopen", "3G.bijdrage": "bestendigen"}},
    {"keuzes": {"3C.structurele-middelen": "continueren"}, "aannames": {"aanbesteding-luchthaven-slaagt": False}},
]


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[index]


def client(port, count, number, latencies, server_times, errors):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for i in range(count):
        body = dict(CHOICES[(i + number) % len(CHOICES)], peildatum="2026-06-15")
        data = json.dumps(body)
        started = time.perf_counter()
        try:
            connection.request("POST", "/api/evalueer", body=data, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            if response.status != 200:
                errors.append(response.status)
                continue
            latencies.append(elapsed)
            timing = response.getheader("Server-Timing") or ""
            if "dur=" in timing:
                server_times.append(float(timing.split(",")[0].split("dur=")[1]))
        except Exception as error:  # noqa: BLE001 - every failure counts as an error
            errors.append(repr(error))
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.close()


def main():
    binary = sys.argv[1]
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    scenarios = tempfile.mkdtemp(prefix="akkoord-last-")
    server = subprocess.Popen([binary, "serve", "--rules", "rules", "--scenarios", scenarios, "--port", "0"],
                              stdout=subprocess.PIPE, text=True)
    try:
        port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))
        latencies, server_times, errors = [], [], []
        threads = [threading.Thread(target=client, args=(port, count, n, latencies, server_times, errors)) for n in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        total = clients * count
        print(f"{clients} clients x {count} evaluaties = {total} verzoeken in {wall:.1f} s ({total / wall:.0f}/s), fouten: {len(errors)}")
        print(f"latentie (client) p50={percentile(latencies, .5):.1f} ms p95={percentile(latencies, .95):.1f} ms max={max(latencies):.1f} ms")
        print(f"server per evaluatie p50={percentile(server_times, .5):.2f} ms p95={percentile(server_times, .95):.2f} ms "
              f"max={max(server_times):.2f} ms")
        if errors:
            print(f"eerste fouten: {errors[:5]}")
            sys.exit(1)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=15)


if __name__ == "__main__":
    main()
