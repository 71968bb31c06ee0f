"""The `python -m data fetch-pxweb URL [--query FILE]` command: fetch a PxWeb table and import it.

API v1 tables are fetched with a POST of the query (format forced to json-stat2), API v2 tables
with a GET whose `valueCodes[...]` come from the query's selection. The API's own limits are read
from its configuration (SCB: at most 150 000 cells a request, 30 requests per 10 s) and kept: a
large selection is split into parts, requests wait for the time window, and a timeout or a
"too many requests" answer is retried after a pause. The parts are joined and imported exactly
like a saved JSON-stat file (data/importing/pxweb.py), in one transaction.
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections import deque
from pathlib import Path

import requests

from .base import ImportFailed, Problem
from .command import add_common_arguments, in_one_transaction
from .jsonstat import merge, parse_cube
from .pxapi import Api, Pick, api_of, picks_of, request_for, split
from .pxweb import import_cube
from .records import dataset_code

DEFAULT_LIMITS = {"max_cells": 150_000, "calls": 30, "window": 10.0}  # SCB's published limits
USER_AGENT = "s3-dashboard-import/1.0 (+python-requests)"


class RateLimit:
    """Keep to at most `calls` requests in any `window` seconds, sleeping when needed."""

    def __init__(self, calls: int, window: float, clock=time.monotonic, sleep=time.sleep):
        self.calls, self.window = max(int(calls), 1), float(window)
        self.clock, self.sleep = clock, sleep
        self.sent: deque[float] = deque()

    def wait(self) -> float:
        """Wait until a request may be sent, record it, and return the seconds waited."""
        now = self.clock()
        while self.sent and now - self.sent[0] >= self.window:
            self.sent.popleft()
        pause = 0.0
        if len(self.sent) >= self.calls:
            pause = self.sent[0] + self.window - now
            self.sleep(pause)
            now = self.clock()
            self.sent.popleft()
        self.sent.append(now)
        return pause


class PxClient:
    """Talk to one PxWeb API: limits, retries on timeouts and 429/503, progress on stderr."""

    def __init__(self, api: Api, *, timeout: float, retries: int, pause: float, out=None):
        self.api, self.timeout, self.retries, self.pause = api, timeout, retries, pause
        self.out = out or sys.stderr
        self.http = requests.Session()
        self.http.headers["User-Agent"] = USER_AGENT
        self.limits = dict(DEFAULT_LIMITS)
        self.limit = RateLimit(self.limits["calls"], self.limits["window"])

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def fail(self, why: str) -> ImportFailed:
        return ImportFailed([Problem(self.api.url, None, None, why)])

    def request(self, method: str, url: str, **kw) -> requests.Response:
        """Send one request within the limits, retrying a timeout or an overloaded server."""
        for attempt in range(1, self.retries + 2):
            self.limit.wait()
            try:
                answer = self.http.request(method, url, timeout=self.timeout, **kw)
            except (requests.Timeout, requests.ConnectionError) as exc:
                kind = "inget svar inom tidsgränsen" if isinstance(exc, requests.Timeout) else "ingen förbindelse"
                if attempt > self.retries:
                    raise self.fail(f"{kind} efter {attempt} försök ({url})") from None
                self._pause(attempt, f"{kind.capitalize()}; försöker igen ({attempt + 1} av {self.retries + 1})")
                continue
            if answer.status_code in (429, 503) and attempt <= self.retries:
                wait = answer.headers.get("Retry-After")
                self._pause(attempt, f"Servern ber oss vänta ({answer.status_code}); försöker igen", wait)
                continue
            if answer.status_code >= 400:
                raise self.fail(http_problem(answer))
            return answer
        raise self.fail("för många försök")  # not reached: the loop returns or raises

    def _pause(self, attempt: int, text: str, retry_after: str | None = None) -> None:
        seconds = float(retry_after) if retry_after and retry_after.isdigit() else self.pause * 2 ** (attempt - 1)
        self.say(f"{text} om {seconds:g} s …")
        time.sleep(seconds)

    def read_config(self) -> None:
        """Read the API's limits (maxDataCells/maxValues, calls per time window); keep SCB's if unreadable."""
        try:
            config = self.request("GET", self.api.config_url).json()
        except (ImportFailed, ValueError):
            self.say("Kunde inte läsa API:ts konfiguration; använder SCB:s gränser (150 000 celler, 30 anrop/10 s).")
            return
        self.limits["max_cells"] = int(
            config.get("maxDataCells") or config.get("maxValues") or DEFAULT_LIMITS["max_cells"]
        )
        self.limits["calls"] = int(
            config.get("maxCallsPerTimeWindow") or config.get("maxCalls") or DEFAULT_LIMITS["calls"]
        )
        self.limits["window"] = float(config.get("timeWindow") or DEFAULT_LIMITS["window"])
        self.limits["licence"] = config.get("license")
        self.limit.calls, self.limit.window = self.limits["calls"], self.limits["window"]

    def read_metadata(self) -> dict[str, list[str]]:
        """Return variable code -> its value codes, from the table's metadata (empty if unreadable)."""
        try:
            meta = self.request("GET", self.api.metadata_url).json()
        except (ImportFailed, ValueError):
            return {}
        if "variables" in meta:  # API v1
            return {v["code"]: [str(x) for x in v.get("values", [])] for v in meta["variables"]}
        dims = meta.get("dimension") or {}  # API v2: JSON-stat2 without values
        return {d: _category_codes(spec) for d, spec in dims.items()}

    def fetch(self, query: dict) -> list[str]:
        """Return the response texts of the query, split into parts that keep within the cell limit."""
        metadata = self.read_metadata()
        picks = picks_of(self.api, query, metadata)
        unknown = [p.code for p in picks if metadata and p.code not in metadata]
        if unknown:
            raise ImportFailed(
                [
                    Problem(
                        "--query",
                        None,
                        None,
                        f"variabeln {', '.join(map(str, unknown))} finns inte i tabellen; där finns {', '.join(metadata)}",
                    )
                ]
            )
        cells = math.prod(p.count for p in picks) if picks and all(p.count for p in picks) else None
        parts = split(picks, self.limits["max_cells"]) if cells else [picks]
        if cells:
            self.say(f"Hämtar {cells:,} celler i {len(parts)} del(ar) från {self.api.table} …".replace(",", " "))
        texts = []
        for number, part in enumerate(parts, start=1):
            if len(parts) > 1:
                self.say(
                    f"  del {number} av {len(parts)} ({math.prod(p.count for p in part):,} celler)".replace(",", " ")
                )
            method, url, kw = request_for(self.api, query, part)
            texts.append(self.request(method, url, **kw).text)
        return texts


def _category_codes(spec: dict) -> list[str]:
    index = (spec.get("category") or {}).get("index") or {}
    if isinstance(index, list):
        return [str(c) for c in index]
    return [str(c) for c, _pos in sorted(index.items(), key=lambda kv: kv[1])]


def http_problem(answer: requests.Response) -> str:
    """Return an HTTP error answer in words, with the start of the server's own text."""
    words = {
        400: "frågan godtogs inte (kontrollera variabler och värden i --query)",
        403: "för stort uttag eller ingen åtkomst (tabellen har fler celler än API:t lämnar ut per anrop)",
        404: "tabellen finns inte på den adressen",
    }
    text = " ".join(answer.text.split())[:300]
    return f"servern svarade {answer.status_code}: {words.get(answer.status_code, 'fel hos servern')}" + (
        f" – ”{text}”" if text else ""
    )


def read_query(path: str | None) -> dict:
    if path is None:
        return {}
    file = Path(path)
    try:
        return json.loads(file.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ImportFailed([Problem(file.name, None, None, "frågefilen finns inte")]) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise ImportFailed([Problem(file.name, line, None, f"frågefilen är ingen giltig JSON ({exc})")]) from None


def add_arguments(sub) -> None:
    p = sub.add_parser(
        "fetch-pxweb",
        help="hämta en tabell från ett PxWeb-API (v1 eller v2) och läs in den",
        description="Hämta en tabell från ett PxWeb-API (SCB, Tillväxtanalys …) och läs in den som en import.",
    )
    p.add_argument(
        "url", metavar="URL", nargs="?", help="tabellens adress (v1: …/api/v1/sv/…/TABELL, v2: …/tables/ID/data)"
    )
    p.add_argument("--query", metavar="FILE", help="frågan som JSON (v1: {query: […]}, v2: {selection: […]})")
    p.add_argument(
        "--recipe",
        metavar="NAMN",
        help="ett recept i data/recipes (fråga, adress och mått), t.ex. scb_rams_sni_avdelning_2008_2018",
    )
    add_common_arguments(p)
    p.add_argument("--timeout", type=float, default=60.0, help="sekunder att vänta på svar (standard 60)")
    p.add_argument("--retries", type=int, default=3, help="nya försök efter timeout eller 429/503 (standard 3)")
    p.add_argument("--pause", type=float, default=2.0, help="första pausen före nytt försök, i sekunder")
    p.add_argument("--save", metavar="FILE", help="spara svaret (JSON-stat) också som fil")
    p.set_defaults(func=run)


def fetch_cube(args, client: PxClient):
    query = read_query(args.query)
    client.read_config()
    texts = client.fetch(query)
    if args.save:
        for number, text in enumerate(texts, start=1):
            target = Path(args.save)
            if len(texts) > 1:
                target = target.with_name(f"{target.stem}-{number}{target.suffix}")
            target.write_text(text, encoding="utf-8")
    return merge([parse_cube(text, f"{client.api.table} (del {n})") for n, text in enumerate(texts, start=1)])


def apply_recipe(args) -> None:
    """Fill URL, query, measure, title and source from --recipe where the command line leaves them out."""
    from data.recipes import recipe, recipes

    if not args.recipe:
        if not args.url:
            raise ImportFailed([Problem("URL", None, None, "ange tabellens adress eller --recipe NAMN")])
        return
    found = recipe(args.recipe)
    if found is None or found.file is None:
        known = ", ".join(r.key for r in recipes() if r.file is not None)
        raise ImportFailed([Problem("--recipe", None, None, f"okänt recept ”{args.recipe}”; recept: {known}")])
    args.url = args.url or found.url
    args.query = args.query or str(found.file)
    args.measure = args.measure or list(found.measures)
    args.title = args.title or json.loads(found.file.read_text(encoding="utf-8"))["recipe"]["title_sv"]
    args.source = args.source or found.source_sv
    args.dataset = args.dataset or found.key


def run(args) -> int:
    try:
        apply_recipe(args)
        api = api_of(args.url)
        client = PxClient(api, timeout=args.timeout, retries=args.retries, pause=args.pause)
        cube = fetch_cube(args, client)
    except ImportFailed as exc:
        print("Hämtningen misslyckades; databasen är oförändrad.", file=sys.stderr)
        print(exc.report(), file=sys.stderr)
        return 1
    stem = Path(dataset_code(f"{api.host}_{cube.table_id or api.table}"))

    def work(conn, _session, problems):
        try:
            return [
                import_cube(
                    conn, cube, api.table, stem, args, source_url=args.url, licence=client.limits.get("licence")
                )
            ]
        except ImportFailed as exc:
            problems.extend(exc.problems)
            return []

    return in_one_transaction(args, work)


__all__ = ["Pick", "PxClient", "RateLimit", "run"]
