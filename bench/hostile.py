"""Hostile but well-formed traffic against the production server: it must answer no 5xx, write nothing, and let the
manager in while strangers guess.

    python bench/hostile.py [--backend sqlite|postgresql] [--requests 1000] [--seconds 20]

1. N callback requests of valid shape (every callback of /_dash-dependencies, and the callbacks a
   real visit made, bench/results/requests.json when present) with hostile values in their inputs
   and state: wrong types, huge numbers, long strings, markup, SQL, nested objects. Counts the
   answers by status and the writes (the store's version, the audit log, users and sessions).
2. For --seconds, strangers guess the manager's password (one address hammering, and 20 addresses
   of a botnet) while the manager signs in from her own address every 2 s: every one of her
   sign-ins must succeed.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import threading
import time
from collections import Counter
from contextlib import redirect_stderr
from pathlib import Path

import requests
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serverctl import ROOT, Server, postgres_store, sqlite_copy  # noqa: E402

from data import schema as s  # noqa: E402
from data.meta import store_version  # noqa: E402
from data.store import dispose_all, engine_for  # noqa: E402

PASSWORD = "bänkens-lösenord-2026"
HOSTILE_VALUES = [
    None, 0, -1, 2**63, 1e308, -1e308, 3.14159, True, False, "", " ", "1e309", "NaN", "Infinity", "-0",
    "x" * 20_000, "<script>alert(1)</script>", "../../etc/passwd", "'; DROP TABLE fact; --", "ÅÄÖ åäö",
    "\u0000\u202e", "2018-13-45", "17,20,99", "lang=en&lq_min=1.23456", [], {}, [1, 2, 3], ["17", "20", "99"],
    {"a": {"b": {"c": 1}}}, {"id": "13", "version": "x"}, {"id": 13, "version": None}, [None, {}, "x"],
    "https://evil.example/", "/logga-ut", 1.23456, 987654321, ["ALL"], {"type": "filter"},
]  # fmt: skip


def body_for(dep: dict, rng: random.Random) -> dict | None:
    """Return a request of valid shape for a callback, with hostile values; None for MATCH patterns."""
    if "MATCH" in dep["output"] or any("MATCH" in r["id"] for r in dep["inputs"] + dep["state"]):
        return None

    def ref(r):
        if r["id"].startswith("{"):  # ALL / ALLSMALLER: a list of matches; the page may have none
            return []
        return {"id": r["id"], "property": r["property"], "value": rng.choice(HOSTILE_VALUES)}

    def out(part):
        ident, prop = part.rsplit(".", 1)
        return [] if ident.startswith("{") else {"id": ident, "property": prop.split("@")[0]}

    parts = dep["output"].strip(".").split("...") if dep["output"].startswith("..") else [dep["output"]]
    outputs = [out(p) for p in parts] if dep["output"].startswith("..") else out(parts[0])
    inputs = [ref(r) for r in dep["inputs"]]
    changed = [f"{r['id']}.{r['property']}" for r in dep["inputs"] if not r["id"].startswith("{")][:1]
    return {
        "output": dep["output"],
        "outputs": outputs,
        "inputs": inputs,
        "state": [ref(r) for r in dep["state"]],
        "changedPropIds": changed,
    }


def mutate(body: dict, rng: random.Random) -> dict:
    """Return a recorded callback request with one input or state value made hostile."""
    body = json.loads(json.dumps(body))
    refs = [r for r in body.get("inputs", []) + body.get("state", []) if isinstance(r, dict)]
    for r in rng.sample(refs, k=min(len(refs), rng.randint(1, 2))):
        r["value"] = rng.choice(HOSTILE_VALUES)
    return body


def writes(url: str) -> tuple:
    with engine_for(url).connect() as conn:
        count = lambda t: conn.execute(select(func.count()).select_from(t)).scalar_one()  # noqa: E731
        return store_version(conn), count(s.audit_log), count(s.app_user), count(s.user_session)


def hostile_callbacks(server: Server, url: str, n: int, recorded: list[dict]) -> dict:
    rng = random.Random(17)
    deps = requests.get(server.base + "/_dash-dependencies", timeout=30).json()
    bodies = []
    while len(bodies) < n:
        if recorded and rng.random() < 0.5:
            bodies.append(mutate(json.loads(rng.choice(recorded)["body"]), rng))
        else:
            made = body_for(rng.choice(deps), rng)
            if made is not None:
                bodies.append(made)
    before = writes(url)
    statuses, lock = Counter(), threading.Lock()
    examples: dict[int, str] = {}

    def worker(chunk):
        session = requests.Session()
        for body in chunk:
            r = session.post(server.base + "/_dash-update-component", json=body, timeout=120)
            with lock:
                statuses[r.status_code] += 1
                if r.status_code >= 500:
                    examples.setdefault(r.status_code, body["output"][:120])

    threads = [threading.Thread(target=worker, args=(bodies[i::8],)) for i in range(8)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    after = writes(url)
    return {
        "requests": n,
        "seconds": round(time.monotonic() - started, 1),
        "statuses": dict(sorted(statuses.items())),
        "server_errors": sum(v for k, v in statuses.items() if k >= 500),
        "server_error_examples": examples,
        "writes": {
            name: [b, a] for name, b, a in zip(("version", "audit_log", "users", "sessions"), before, after) if b != a
        },
    }


def sign_in(session: requests.Session, base: str, address: str, password: str) -> int:
    page = session.get(base + "/logga-in", headers={"X-Forwarded-For": address}, timeout=30).text
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    data = {"username": "projektledare", "password": password, "csrf_token": token, "next": "/milstolpar"}
    r = session.post(
        base + "/logga-in", data=data, headers={"X-Forwarded-For": address}, allow_redirects=False, timeout=30
    )
    return r.status_code


def strangers_and_the_manager(server: Server, seconds: float) -> dict:
    stop = time.monotonic() + seconds
    stranger, manager, lock = Counter(), Counter(), threading.Lock()

    def guess(address_of):
        session = requests.Session()
        i = 0
        while time.monotonic() < stop:
            status = sign_in(session, server.base, address_of(i), f"gissning-{i}")
            with lock:
                stranger[status] += 1
            i += 1

    def manager_signs_in():
        while time.monotonic() < stop:
            status = sign_in(requests.Session(), server.base, "198.51.100.7", PASSWORD)
            with lock:
                manager[status] += 1
            time.sleep(2)

    threads = [threading.Thread(target=guess, args=(lambda i: "203.0.113.9",)) for _ in range(4)]
    threads += [threading.Thread(target=guess, args=(lambda i, k=k: f"192.0.2.{k * 10 + i % 10}",)) for k in range(2)]
    threads.append(threading.Thread(target=manager_signs_in))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "stranger_attempts": dict(stranger),
        "manager_sign_ins": dict(manager),
        "manager_always_in": set(manager) == {303},
    }


def add_manager(url: str) -> None:
    from data.__main__ import main as data_cli

    old = sys.stdin
    sys.stdin = io.StringIO(PASSWORD + "\n")
    try:
        with redirect_stderr(io.StringIO()):
            data_cli(["add-user", "projektledare", "--role", "manager", "--password-stdin", "--db", url])
    finally:
        sys.stdin = old
        dispose_all()


def run(env: dict, url: str, args) -> dict:
    add_manager(url)
    recorded_file = ROOT / "bench" / "results" / "requests.json"
    recorded = []
    if recorded_file.exists():
        recorded = [r for r in json.loads(recorded_file.read_text()) if r["method"] == "POST" and r["body"]]
    with Server({**env, "PROXY_FIX": "1"}) as server:
        result = {"callbacks": hostile_callbacks(server, url, args.requests, recorded)}
        result["sign_in"] = strangers_and_the_manager(server, args.seconds)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    if args.backend == "sqlite":
        with sqlite_copy() as url:
            result = run({"DATABASE_URL": url}, url, args)
    else:
        import redis

        bench_redis = "redis://127.0.0.1:6379/14"
        redis.Redis.from_url(bench_redis).flushdb()
        try:
            with postgres_store() as url:
                result = run({"DATABASE_URL": url, "REDIS_URL": bench_redis}, url, args)
        finally:
            redis.Redis.from_url(bench_redis).flushdb()
    result["backend"] = args.backend
    out = ROOT / "bench" / "results" / f"hostile-{args.backend}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print(json.dumps(result, indent=1, ensure_ascii=False))
    ok = result["callbacks"]["server_errors"] == 0 and not result["callbacks"]["writes"]
    return 0 if ok and result["sign_in"]["manager_always_in"] else 1


if __name__ == "__main__":
    sys.exit(main())
