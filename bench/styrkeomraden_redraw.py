"""Measure how long the Styrkeområden view takes to redraw every chart after the reader changes a filter.

    .venv/bin/python bench/styrkeomraden_redraw.py [--db URL] [--rounds N]

Serves the app from a thread (as the browser tests do), opens the view in Debian's headless
Chromium, then changes region, level and year through the page's own selects and times each
change from the choice until all nine charts show the new selection. The first round fills the
cache; the figures printed are the rounds after it. Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from data.build import build  # noqa: E402
from data.store import database_url, sqlite_path  # noqa: E402
from tests.browser import LiveServer, launch  # noqa: E402

CHANGES = [  # (filter, value, words the summary shows once the view has redrawn)
    ("region", "21", "I Gävleborgs län"),
    ("region", "17", "I Värmlands län"),
    ("level", "a10", "NACE A*10"),
    ("year", "2020", "(2020)"),
    ("region", "20", "I Dalarnas län"),
    ("level", "division", "SNI-avdelning"),
    ("year", "2023", "(2023)"),
]
# Done when the summary names the new choice and the graphs have been drawn again since the change
# (Plotly.react gives a graph a new _fullLayout; dcc.Graph marks a graph pending until it has drawn).
# "in view": the graphs inside the window; "every": all nine, those below the fold drawn when idle.
BEFORE = """() => { window.__before = new Map([...document.querySelectorAll('#main .js-plotly-plot')]
    .map(g => [g, g._fullLayout])); }"""
DRAWN = """([words, scope]) => {
    if (!(document.querySelector('#styrkeomraden-summary')?.innerText || '').includes(words)) return false;
    const before = window.__before || new Map();
    const inView = g => { const r = g.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
    const shown = [...document.querySelectorAll('#main .js-plotly-plot')].filter(g => g.checkVisibility());
    const graphs = scope === 'view' ? shown.filter(inView) : shown;
    return (scope === 'view' || shown.length >= 9)
        && graphs.every(g => g._fullLayout && g._fullLayout !== before.get(g)
            && !g.classList.contains('dash-graph--pending') && !g.closest('[data-s3-pending]'))
        && (scope === 'view' || !document.querySelector('#main [data-s3-pending]'))
        && ![...document.querySelectorAll('#main .s3-loading')].some(e => e.checkVisibility());
}"""


# The longest callback request of the redraw: the view's own, from sending to the last byte received.
SERVER_TIME = """() => Math.max(0, ...performance.getEntriesByType('resource')
    .filter(e => e.name.includes('_dash-update-component')).map(e => e.responseEnd - e.startTime))"""


def select(page, param: str, value: str) -> None:
    page.locator(f"""select[id*='"param":"{param}"']""").select_option(value)


def redraw_times(url: str, rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "/styrkeomraden?region=20&year=2023")
        page.wait_for_function(DRAWN, arg=["I Dalarnas län", "every"], timeout=300_000)
        page.mouse.wheel(0, 700)  # the first charts in view, the filters' row just above the window
        page.wait_for_timeout(500)
        for _round in range(rounds + 1):
            for param, value, words in CHANGES:
                page.evaluate("performance.clearResourceTimings()")
                page.evaluate(BEFORE)
                start = time.perf_counter()
                select(page, param, value)
                page.wait_for_function(DRAWN, arg=[words, "view"], timeout=300_000, polling=10)
                seen = time.perf_counter() - start
                page.wait_for_function(DRAWN, arg=[words, "every"], timeout=300_000, polling=10)
                total = time.perf_counter() - start
                if _round:  # round 0 fills the cache
                    times.setdefault(f"{param}={value}", []).append(total)
                    times.setdefault("in view", []).append(seen)
                    times.setdefault("server", []).append(page.evaluate(SERVER_TIME) / 1000)
                else:  # a choice nobody made before since the server started: computed, not cached
                    times.setdefault("first", []).append(total)
                    times.setdefault("first in view", []).append(seen)
                    times.setdefault("first server", []).append(page.evaluate(SERVER_TIME) / 1000)
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="store URL (default: DATABASE_URL or data/s3.sqlite; built if missing)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    url = database_url(args.db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        url = build(f"sqlite:///{tempfile.mkdtemp()}/s3.sqlite")
    from app import create_app

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
    with LiveServer(app.server) as server:
        times = redraw_times(server.url, args.rounds)
    requests = times.pop("server")
    first, first_server = times.pop("first"), times.pop("first server")
    seen, first_seen = times.pop("in view"), times.pop("first in view")
    every = [t for ts in times.values() for t in ts]
    print("every chart drawn again, per change:")
    for change, ts in times.items():
        print(f"{change:16s} median {statistics.median(ts) * 1000:6.0f} ms  best {min(ts) * 1000:6.0f} ms")
    print(
        f"all changes: median {statistics.median(every) * 1000:.0f} ms, best {min(every) * 1000:.0f} ms, "
        f"worst {max(every) * 1000:.0f} ms ({len(every)} redraws of nine charts)"
    )
    print(
        f"of which the view's callback request (server and network): median {statistics.median(requests) * 1000:.0f} ms"
    )
    print(
        f"charts in the window drawn again: median {statistics.median(seen) * 1000:.0f} ms, "
        f"best {min(seen) * 1000:.0f} ms, worst {max(seen) * 1000:.0f} ms"
    )
    print(f"first time each choice is made, charts in the window: median {statistics.median(first_seen) * 1000:.0f} ms")
    print(
        f"first time each choice is made (nothing cached yet): median {statistics.median(first) * 1000:.0f} ms, "
        f"worst {max(first) * 1000:.0f} ms; callback request median {statistics.median(first_server) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
