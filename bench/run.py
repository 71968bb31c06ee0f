"""Print this machine's speed figures: time to a fully drawn view, and the server time of each callback.

    python bench/run.py [--db URL] [--runs 5] [--views styrkeomraden,milstolpar] [--lang sv]

For each view, in headless Chromium (Debian's), a fresh browser context opens the view's URL and
the clock stops when the page is drawn as tests.pages defines it: the view's content there, no Dash
callback in flight, every visible graph with Plotly's SVG.
The median of the runs is printed, and the first run (cold server cache) apart. The server time of each
callback is measured by Flask hooks that this script adds to the app (the app itself has no
timing code), grouped by the callback's output. A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from app import create_app  # noqa: E402
from charts.views import VIEWS  # noqa: E402
from data.store import database_url  # noqa: E402
from tests.browser import LiveServer, launch  # noqa: E402
from tests.pages import BUSY_JS as DRAWN_BUSY_JS  # noqa: E402

VIEWPORT = {"width": 1280, "height": 900}
UPDATE_PATH = "/_dash-update-component"
# Busy while the page is not drawn (tests.pages.BUSY_JS), with the page's clock for the moment it was asked.
BUSY_JS = f"() => [({DRAWN_BUSY_JS})(), performance.now()]"


class CallbackClock:
    """Time every Dash callback request on the server, grouped by the output it fills."""

    def __init__(self, server: flask.Flask):
        self.times: dict[str, list[float]] = defaultdict(list)
        self.lock = threading.Lock()
        server.before_request(self._start)
        server.after_request(self._stop)

    def _start(self):
        if flask.request.path == UPDATE_PATH:
            flask.g.bench_started = time.perf_counter()

    def _stop(self, response):
        started = getattr(flask.g, "bench_started", None)
        if started is not None:
            elapsed = time.perf_counter() - started
            body = flask.request.get_json(silent=True) or {}
            with self.lock:
                self.times[output_name(body.get("output", "?"))].append(elapsed)
        return response


def output_name(output: str) -> str:
    """Shorten Dash's output key ('..a.children...b.href..') to its component ids."""
    parts = [p for p in output.strip(".").split("...") if p]
    names = []
    for part in parts:
        component = part.rsplit(".", 1)[0]
        if component.startswith("{"):
            try:
                component = "{" + ",".join(f"{k}:{v}" for k, v in json.loads(component).items()) + "}"
            except ValueError:
                pass
        names.append(component)
    return names[0] + (f" (+{len(names) - 1} outputs)" if len(names) > 1 else "")


def time_to_drawn(page, url: str, pending: list[int], timeout: float = 120.0) -> float:
    """Open url and return milliseconds from navigation start until the view is fully drawn."""
    page.goto(url, wait_until="commit")
    first_quiet, deadline = None, time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy, now = page.evaluate(BUSY_JS)
        if busy or pending[0]:
            first_quiet = None
        elif first_quiet is None:
            first_quiet = (now, time.monotonic())
        elif time.monotonic() - first_quiet[1] > 0.5:  # quiet for half a second: nothing follows
            return first_quiet[0]
        time.sleep(0.02)
    raise TimeoutError(f"{url} was not drawn within {timeout} s")


def measure_view(browser, base: str, path: str, runs: int) -> list[float]:
    """Return the milliseconds to a drawn view for each run, each in a fresh browser context."""
    result = []
    for _ in range(runs):
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        pending = [0]

        def count(delta, request, pending=pending):
            if UPDATE_PATH in request.url:
                pending[0] += delta

        page.on("request", lambda r, count=count: count(1, r))
        page.on("requestfinished", lambda r, count=count: count(-1, r))
        page.on("requestfailed", lambda r, count=count: count(-1, r))
        result.append(time_to_drawn(page, base + path, pending))
        context.close()
    return result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=None, help="store URL (default: DATABASE_URL or data/s3.sqlite)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--views", default="", help="comma-separated view keys (default: all)")
    parser.add_argument("--lang", default="sv", choices=["sv", "en"])
    args = parser.parse_args(argv)
    app = create_app({"DATABASE_URL": database_url(args.db)})
    clock = CallbackClock(app.server)
    views = [v for v in VIEWS if not args.views or v.key in args.views.split(",")]
    suffix = "?lang=en" if args.lang == "en" else ""
    print(
        f"Store: {database_url(args.db)}; {args.runs} runs per view; viewport {VIEWPORT['width']} px; lang {args.lang}"
    )
    print(f"\n{'view':<18}{'median ms':>10}{'first ms':>10}{'min ms':>9}{'max ms':>9}")
    with LiveServer(app.server) as server, sync_playwright() as p:
        browser = launch(p)
        for view in views:
            times = measure_view(browser, server.url, view.path + suffix, args.runs)
            print(
                f"{view.key:<18}{statistics.median(times):>10.0f}{times[0]:>10.0f}{min(times):>9.0f}{max(times):>9.0f}",
                flush=True,
            )
        browser.close()
    print(f"\n{'callback (first output)':<70}{'calls':>6}{'median ms':>10}{'max ms':>9}")
    for name, secs in sorted(clock.times.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"{name[:69]:<70}{len(secs):>6}{statistics.median(secs) * 1000:>10.1f}{max(secs) * 1000:>9.1f}")


if __name__ == "__main__":
    main()
