"""Load: gunicorn with 2 workers, 50 concurrent readers for 60 s replaying a real visit's page and chart requests.

    python bench/load.py [--backend sqlite|postgresql] [--seconds 60] [--readers 50] [--requests FILE]

The requests are those Chromium made on every view (bench/record.py; recorded first when FILE is
missing): pages, /_dash-layout, /_dash-dependencies and every callback. Fingerprinted scripts and
assets are left out: a reader's browser keeps them. One pass over all requests fills the cache
first, as the first readers would. Reports errors (5xx and failed connections), p50/p95 latency
per kind and in all, and the workers' memory before and after. On PostgreSQL the cache and the
limits are in Redis (db 14, flushed before and after). The readers are threads of this process
on the same two cores as the server: the figures are for this whole machine.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serverctl import ROOT, Server, postgres_store, sqlite_copy  # noqa: E402

RESULTS = ROOT / "bench" / "results"
BENCH_REDIS = "redis://127.0.0.1:6379/14"
SERVER_ERROR = re.compile(r"s3\.request: \S+ \S+ 5\d\d \d+ ms$")  # the request log's line of a 5xx


def replayable(recorded: list[dict]) -> list[dict]:
    """Keep what a returning reader's browser asks the server for (not the scripts it keeps)."""
    skip = ("/_dash-component-suites/", "/assets/", "/_favicon")
    return [r for r in recorded if not r["path"].startswith(skip)]


def kind(request: dict) -> str:
    path = request["path"]
    if path.startswith("/_dash-update-component"):
        return "callback"
    return "dash-json" if path.startswith("/_dash-") else "page"


def send(session: requests.Session, base: str, request: dict) -> tuple[int, float]:
    # The page's address as Referer, as the browser sends it: /_dash-layout fills the view for it.
    headers = {"Referer": base + request["referer"]} if request.get("referer") else {}
    started = time.perf_counter()
    try:
        if request["method"] == "POST":
            headers.update({"Content-Type": "application/json", "Origin": base})
            r = session.post(base + request["path"], data=request["body"], headers=headers, timeout=60)
        else:
            r = session.get(base + request["path"], headers=headers, timeout=60)
        status = r.status_code
    except requests.RequestException:
        status = 0
    return status, (time.perf_counter() - started) * 1000


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run_readers(base: str, plan: list[dict], readers: int, seconds: float) -> list[tuple[str, int, float]]:
    results: list[tuple[str, int, float]] = []
    lock, stop = threading.Lock(), time.monotonic() + seconds

    def reader(seed: int):
        rng, session, mine = random.Random(seed), requests.Session(), []
        i = rng.randrange(len(plan))
        while time.monotonic() < stop:
            request = plan[i % len(plan)]
            status, ms = send(session, base, request)
            mine.append((kind(request), status, ms))
            i += 1
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(readers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def summary(results: list[tuple[str, int, float]], seconds: float) -> dict:
    out = {"requests": len(results), "per_second": round(len(results) / seconds, 1)}
    out["errors"] = sum(1 for _k, status, _ms in results if status == 0 or status >= 500)
    out["client_errors"] = sum(1 for _k, status, _ms in results if 400 <= status < 500)
    for name in ("page", "dash-json", "callback", "all"):
        ms = [m for k, _s, m in results if name in ("all", k)]
        out[name] = {
            "n": len(ms),
            "p50_ms": round(percentile(ms, 50), 1),
            "p95_ms": round(percentile(ms, 95), 1),
            "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
        }
    return out


def recorded_requests(path: Path, env: dict) -> list[dict]:
    if not path.exists():
        from record import record

        with Server(env) as server:
            requests_, errors = record(server.base)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(requests_, ensure_ascii=False))
        if errors:
            print(f"recording saw {len(errors)} console errors, e.g. {errors[0][:200]}")
    return json.loads(path.read_text())


def warm_pass(base: str, plan: list[dict]) -> None:
    session = requests.Session()
    for request in plan:
        send(session, base, request)


def measure(env: dict, plan: list[dict], readers: int, seconds: float) -> dict:
    with Server(env) as server:
        for _ in range(2):  # two passes by four readers each: both workers see every request
            threads = [threading.Thread(target=warm_pass, args=(server.base, plan)) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        before = server.memory()
        results = run_readers(server.base, plan, readers, seconds)
        after = server.memory()
        out = summary(results, seconds)
        out["worker_rss_mib"] = {
            str(pid): [round(before[pid] / 1024, 1), round(after.get(pid, 0) / 1024, 1)] for pid in before
        }
        growth = [(after.get(pid, 0) - kib) / kib * 100 for pid, kib in before.items() if kib]
        out["worker_memory_growth_pct_max"] = round(max(growth), 1) if growth else None
        out["server_5xx_in_log"] = sum(1 for line in server.log_lines() if SERVER_ERROR.search(line))
    return out


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--requests", type=Path, default=RESULTS / "requests.json")
    args = parser.parse_args()
    with sqlite_copy() as url:
        plan = replayable(recorded_requests(args.requests, {"DATABASE_URL": url}))
        if args.backend == "sqlite":
            result = measure({"DATABASE_URL": url}, plan, args.readers, args.seconds)
    if args.backend == "postgresql":
        flush_redis(BENCH_REDIS)
        try:
            with postgres_store() as url:
                result = measure({"DATABASE_URL": url, "REDIS_URL": BENCH_REDIS}, plan, args.readers, args.seconds)
        finally:
            flush_redis(BENCH_REDIS)
    result.update(backend=args.backend, readers=args.readers, seconds=args.seconds, distinct_requests=len(plan))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"load-{args.backend}.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
