#!/usr/bin/env python3
"""How long market-service takes to refit the funding-share projections after one round, on a running stack
(`./aigcwatch up`) with however many rounds it holds (docs/benchmarks.md runs it at 1,000,000).

Usage, from the repository root: python3 local-stack/bench/refit-latency.py [ROUNDS]   (default 100)

Records ROUNDS new rounds one at a time through the gateway (POST /api/funding-events with the stack's admin key
from .aigcwatch/api-keys; AIGCWATCH_HOME and AIGCWATCH_GATEWAY_PORT as the stack reads them), each of a new
company in the current quarter, cycling through the layers, five countries and the content types. After each one
it waits until market-service's layer series has moved past its previous revision, then reads from
GET /api/market/funding-projections the refit of every series that round moved: `refitMillis`, the time market-service
took to read the series' cells from PostgreSQL and fit them (measured inside the service, whichever caller - the
recompute or this reader - made it first). It also times each round from the 201 to the moved revision being
visible (Kafka, the outbox relay and market-service's consumer on the way). Prints Markdown tables.
"""
import datetime
import json
import os
import subprocess
import sys
import time
import uuid

home = os.environ.get("AIGCWATCH_HOME", ".aigcwatch")
port = os.environ.get("AIGCWATCH_GATEWAY_PORT", "8080")
base = f"http://localhost:{port}"
key = next(line.split("=")[0] for line in open(os.path.join(home, "api-keys"))
           if line.strip().endswith("=read+write+admin"))
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 100

LAYERS = ["INFRASTRUCTURE", "MODEL", "APPLICATION"]
COUNTRIES = ["US", "CN", "GB", "FR", "JP"]
CONTENT_TYPES = ["TEXT", "IMAGE", "VIDEO", "AUDIO", "CODE"]


def curl(*args):
    out = subprocess.run(["curl", "-s", "-H", f"X-API-Key: {key}", "-w", "\n%{http_code}", *args],
                         capture_output=True, text=True).stdout
    body, code = out.rsplit("\n", 1)
    return int(code), body


def projections():
    code, body = curl(f"{base}/api/market/funding-projections")
    if code != 200:
        sys.exit(f"GET /api/market/funding-projections answered {code}: {body[:300]}")
    return json.loads(body)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


code, body = curl(f"{base}/api/market/shares?by=quarter")
held = json.loads(body)["count"] + (json.loads(body).get("unplacedRounds") or 0)
today = datetime.date.today()
run = uuid.uuid4().hex[:8]
refits = {"layer": [], "country": [], "segment": []}
visible = []
before = projections()["series"]
for i in range(rounds):
    layer = LAYERS[i % 3]
    body = {"company": {"name": f"Refit Bench {run} {i}", "country": COUNTRIES[i % 5], "layer": layer,
                        "segments": [CONTENT_TYPES[i % 5]] if layer == "APPLICATION" else []},
            "round": "SERIES_A", "amount": {"value": str(5_000_000 + 1_000 * i), "currency": "USD"},
            "announcedOn": today.isoformat(), "source": f"https://example.org/refit-bench/{run}/{i}",
            "investors": [{"name": "Refit Bench Capital", "lead": True}]}
    posted = time.monotonic()
    code, answer = curl("-X", "POST", f"{base}/api/funding-events", "-H", "Content-Type: application/json",
                        "-d", json.dumps(body))
    if code != 201:
        sys.exit(f"POST /api/funding-events answered {code}: {answer[:300]}")
    deadline = posted + 30
    while True:
        now = projections()["series"]
        if now["layer"]["revision"] > before["layer"]["revision"]:
            break
        if time.monotonic() > deadline:
            sys.exit("market-service did not apply the round within 30 s")
        time.sleep(0.02)
    visible.append((time.monotonic() - posted) * 1000)
    for series, state in now.items():
        if state["revision"] > before[series]["revision"]:
            refits[series].append(state["refitMillis"])
    before = now

print(f"{held:,} rounds held before the run; {rounds} rounds recorded one at a time\n")
print("| series | refits | p50 ms | p95 ms | max ms |\n| --- | --- | --- | --- | --- |")
for series, times in refits.items():
    if times:
        print(f"| {series} | {len(times)} | {percentile(times, 50):.1f} | {percentile(times, 95):.1f} |"
              f" {max(times):.1f} |")
print("\n| from the POST's 201 to the refit series visible | p50 ms | p95 ms |\n| --- | --- | --- |")
print(f"| {len(visible)} rounds | {percentile(visible, 50):.0f} | {percentile(visible, 95):.0f} |")
