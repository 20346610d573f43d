#!/usr/bin/env python3
"""Latency of GET requests through the gateway of a running stack (`./aigcwatch up`), as a user's client sees it.

Usage, from the repository root: python3 local-stack/bench/api-latency.py PATH [PATH ...]
e.g.  python3 local-stack/bench/api-latency.py '/api/companies?q=zhipu' '/api/investors?sort=unicorns'

For each path: 20 warm-up calls, then 200 timed ones with curl and the read-only key from .aigcwatch/api-keys
(AIGCWATCH_HOME and AIGCWATCH_GATEWAY_PORT as the stack reads them), paced under the read key's rate limit.
Prints a Markdown row per path: p50 and p99 in milliseconds. Every answer must be 200.
"""
import os
import subprocess
import sys
import time

home = os.environ.get("AIGCWATCH_HOME", ".aigcwatch")
port = os.environ.get("AIGCWATCH_GATEWAY_PORT", "8080")
key = next(line.split("=")[0] for line in open(os.path.join(home, "api-keys")) if line.strip().endswith("=read"))


def call(url):
    out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-H", f"X-API-Key: {key}", "-w",
                          "%{http_code} %{time_total}", url], capture_output=True, text=True).stdout
    code, seconds = out.split()
    if code != "200":
        sys.exit(f"{url} answered {code}")
    time.sleep(0.03)  # the read key's limit is 50/s
    return float(seconds) * 1000


print("| request | p50 ms | p99 ms |\n| --- | --- | --- |")
for path in sys.argv[1:]:
    url = f"http://localhost:{port}{path}"
    for _ in range(20):
        call(url)
    times = sorted(call(url) for _ in range(200))
    print(f"| `{path}` | {times[99]:.1f} | {times[197]:.1f} |", flush=True)
