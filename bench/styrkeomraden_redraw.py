"""Measure how long the Styrkeområden view takes to redraw every chart after the reader changes a filter.

    .venv/bin/python bench/styrkeomraden_redraw.py [--db URL] [--rounds N]

Serves the app from a thread (as the browser tests do), opens the view in Debian's headless
Chromium, then changes region, level and year through the page's own selects and times each
change from the choice until all nine charts show the new selection (seven Plotly charts and two
HTML matrices). The first round fills the
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
# Done when the summary names the new choice and every graph shows the figure of its card's newest
# value: assets/20-charts.js gives a graph a new data-s3-shown when it draws it, or when it skips a
# figure the graph shows already; dcc.Graph and the card script mark a graph pending until drawn.
# "in view": the graphs inside the window; "every": all seven Plotly charts, those below the fold
# drawn after them. The two matrices are HTML tables, written with the card's words.
#
# The times are taken in the page, so that watching does not slow what is watched: from the select's
# change event to the start of the first frame after a graph is drawn, the frame that shows it (a
# MutationObserver sees the graph drawn, requestAnimationFrame the frame; the frame's own layout and
# paint, 10-50 ms, come after). Waiting for the paint itself would also wait for the cards below the
# fold, which the card script fills in the tasks right after that frame.
RECORD = """() => {
    const rec = window.__rec = {t0: null, graphs: new Map(), words: null};
    document.addEventListener('change', () => { rec.t0 = performance.now(); }, {capture: true, once: true});
    const before = new Map([...document.querySelectorAll('#main .dash-graph')]
        .map(g => [g, g.getAttribute('data-s3-shown')]));
    const painted = (then) => requestAnimationFrame(() => then(performance.now()));
    const check = () => {
        for (const [g, was] of before) {
            if (rec.graphs.has(g) || g.getAttribute('data-s3-shown') === was || g.querySelector('.dash-graph--pending')) continue;
            rec.graphs.set(g, null);
            painted(t => rec.graphs.set(g, t));
        }
        if (rec.words === null && rec.wanted && (document.querySelector('#styrkeomraden-summary')?.innerText || '').includes(rec.wanted)) {
            rec.words = 0;
            painted(t => { rec.words = t; });
        }
    };
    if (window.__watch) window.__watch.disconnect();
    window.__watch = new MutationObserver(check);
    window.__watch.observe(document.getElementById('main'),
        {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'data-s3-shown']});
}"""
DONE = """() => {
    const rec = window.__rec;
    const shown = [...document.querySelectorAll('#main .dash-graph')]
        .filter(g => g.checkVisibility({visibilityProperty: true}));
    return rec.words > 0 && shown.length >= 7 && shown.every(g => rec.graphs.get(g) > 0)
        && ![...document.querySelectorAll('#main .s3-loading')].some(e => e.checkVisibility());
}"""
TIMES = """() => {
    const rec = window.__rec;
    const inView = g => { const r = g.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
    const shown = [...document.querySelectorAll('#main .dash-graph')]
        .filter(g => g.checkVisibility({visibilityProperty: true}));
    const last = gs => Math.max(rec.words, ...gs.map(g => rec.graphs.get(g))) - rec.t0;
    return {view: last(shown.filter(inView)), every: last(shown)};
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
        page.wait_for_function(
            "() => (document.querySelector('#styrkeomraden-summary')?.innerText || '').includes('I Dalarnas län')"
            " && !document.querySelector('#main [data-s3-pending], #main .dash-graph--pending')",
            timeout=300_000,
        )
        page.mouse.wheel(0, 700)  # the first charts in view, the filters' row just above the window
        page.wait_for_timeout(1000)
        for _round in range(rounds + 1):
            for param, value, words in CHANGES:
                page.evaluate("performance.clearResourceTimings()")
                page.evaluate(RECORD)
                page.evaluate("words => { window.__rec.wanted = words; }", words)
                select(page, param, value)
                page.wait_for_function(DONE, timeout=300_000, polling=100)
                measured = page.evaluate(TIMES)
                seen, total = measured["view"] / 1000, measured["every"] / 1000
                page.wait_for_timeout(300)  # let the last frame and the other callbacks settle
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
    parser.add_argument(
        "--warm", action="store_true", help="first compute what the app computes after start-up (WARM_CACHE)"
    )
    args = parser.parse_args()
    url = database_url(args.db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        url = build(f"sqlite:///{tempfile.mkdtemp()}/s3.sqlite")
    from app import create_app

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "WARM_CACHE": False})
    if args.warm:
        from callbacks import styrkeomraden_warm

        started = time.perf_counter()
        count = styrkeomraden_warm.warm(app.server, pause=0)
        print(f"computed in advance: {count} choices in {time.perf_counter() - started:.1f} s")
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
        f"worst {max(every) * 1000:.0f} ms ({len(every)} redraws of the nine charts)"
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
        f"first time each choice is made ({'after the warm-up' if args.warm else 'nothing cached yet'}): median {statistics.median(first) * 1000:.0f} ms, "
        f"worst {max(first) * 1000:.0f} ms; callback request median {statistics.median(first_server) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
