"""Print, in one run, the speed figures the project is held to (issue: fast on a phone).

    python bench/speed.py [--db URL] [--runs 3] [--views styrkeomraden,milstolpar] [--skip-loads] [--skip-redraw]

1. Page loads in headless Chromium (Debian's): a bare one-graph Dash page, served the way Dash serves it
   by default, and every view, each opened cold (a new browser context: nothing cached) and warm (the same
   context again: assets cached). The clock stops when the page is completely drawn: no callback in
   flight, nothing loading, every graph drawn (graphs below the fold are scrolled to). The runs alternate
   between the bare page and the views, so that drift of the machine hits both; ratios are per run.
2. Bytes a first visit transfers (response bodies as sent, compressed where the server compresses, plus
   headers).
3. Server time per chart answer, for every chart of every view at its default address: uncached (the
   cache cleared) and cached; median and 95th percentile.
4. Redraw after a filter change on Styrkeområden: time until the charts in the window are drawn, and
   until every chart is.
A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import plotly.graph_objects as go  # noqa: E402
from dash import Dash, dcc, html  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

import charts  # noqa: E402
from app import create_app  # noqa: E402
from cache import cache  # noqa: E402
from charts.views import VIEWS  # noqa: E402
from data.store import database_url  # noqa: E402
from layouts.page import card_values_for, parse_view  # noqa: E402
from tests.browser import LiveServer, launch  # noqa: E402
from web.caching import BoundedFileSystemCache  # noqa: E402

VIEWPORT = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}
UPDATE = "_dash-update-component"
DRAWN_JS = """() => {
    if (document.querySelector('._dash-loading, [data-dash-is-loading="true"], .dash-graph--pending')) return false;
    if (!document.querySelector('#react-entry-point > *')) return false;
    const graphs = [...document.querySelectorAll('.js-plotly-plot')].filter(g => g.checkVisibility());
    const undrawn = graphs.find(g => !g.querySelector('.main-svg'));
    if (undrawn) { undrawn.scrollIntoView(); return false; }
    return true;
}"""


def bare_app() -> Dash:
    """Return the reference: one dcc.Graph with a small bar chart, Dash's defaults throughout."""
    app = Dash(__name__)
    app.layout = html.Div([html.H1("Bare"), dcc.Graph(figure=go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2])))])
    return app


class Visit:
    """One page visit: time to drawn and bytes transferred."""

    def __init__(self, page):
        self.page, self.pending, self.bytes, self.requests = page, 0, 0, 0
        page.on("request", self._start)
        page.on("requestfinished", self._finish)
        page.on("requestfailed", self._failed)

    def _start(self, request):
        self.requests += 1
        if UPDATE in request.url:
            self.pending += 1

    def _finish(self, request):
        sizes = request.sizes()
        self.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if UPDATE in request.url:
            self.pending -= 1

    def _failed(self, request):
        if UPDATE in request.url:
            self.pending -= 1

    def open(self, url: str, timeout: float = 120.0) -> float:
        """Open url and return the milliseconds from navigation until the page is drawn and quiet."""
        self.page.goto(url, wait_until="commit")
        quiet_since, deadline = None, time.monotonic() + timeout
        while time.monotonic() < deadline:
            drawn = self.page.evaluate(DRAWN_JS) and self.pending == 0
            now = self.page.evaluate("performance.now()")
            if not drawn:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = (now, time.monotonic())
            elif time.monotonic() - quiet_since[1] > 0.4:
                return quiet_since[0]
            time.sleep(0.02)
        raise TimeoutError(f"{url} was not drawn within {timeout} s")


def visit(browser, url: str, viewport=VIEWPORT) -> tuple[float, int, float]:
    """Return (cold ms, cold bytes, warm ms) for a URL: a new context, then the same context again."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    first = Visit(page)
    cold = first.open(url)
    cold_bytes = first.bytes
    page.goto("about:blank")
    warm = Visit(page).open(url)
    context.close()
    return cold, cold_bytes, warm


def page_loads(browser, bare_url: str, base: str, views, runs: int, viewport) -> None:
    print(f"\n1-2. Page loads, {runs} runs, {viewport['width']} px; ratios to the bare page of the same run")
    print(f"{'page':<18}{'cold ms':>9}{'ratio':>7}{'warm ms':>9}{'ratio':>7}{'first visit kB':>16}")
    rows = {"bare": [], **{v.key: [] for v in views}}
    for _ in range(runs):
        for key, url in [("bare", bare_url), *[(v.key, base + v.path) for v in views]]:
            rows[key].append(visit(browser, url, viewport))
    bare_cold = [r[0] for r in rows["bare"]]
    bare_warm = [r[2] for r in rows["bare"]]
    for key, results in rows.items():
        cold, warm = [r[0] for r in results], [r[2] for r in results]
        ratio_cold = statistics.median(c / b for c, b in zip(cold, bare_cold))
        ratio_warm = statistics.median(w / b for w, b in zip(warm, bare_cold))
        kb = statistics.median(r[1] for r in results) / 1024
        print(
            f"{key:<18}{statistics.median(cold):>9.0f}{ratio_cold:>7.2f}{statistics.median(warm):>9.0f}"
            f"{ratio_warm:>7.2f}{kb:>16.0f}"
        )
    print(
        f"(warm ratios are to the bare page's cold visit; the bare page's own warm visit: {statistics.median(bare_warm):.0f} ms)"
    )


def percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))]


KEPT = 5000  # answers of other addresses a busy site's file cache holds (20 kB each): what a worker meets


class Clearing:
    """Empty the cache between timings; with kept=True, leave KEPT answers of other addresses in it (file cache)."""

    def __init__(self, kept: bool):
        backend = cache.cache
        self.folder = getattr(backend, "_path", None) if isinstance(backend, BoundedFileSystemCache) else None
        self.kept = set()
        cache.clear()
        if kept and self.folder:
            for i in range(KEPT):
                backend.set(f"bench-kept-{i}", b"x" * 20_000)
            self.kept = set(os.listdir(self.folder))

    def __call__(self) -> None:
        if not self.kept:
            cache.clear()
            return
        for name in set(os.listdir(self.folder)) - self.kept:
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(self.folder, name))


def chart_times(app, views, repeats: int = 3) -> None:
    """Print each chart's server time: uncached alone (the cache cleared before it; and again with KEPT answers of
    other addresses left in the file cache, as on a busy site), in a new address (the cache cleared once per view,
    then every chart in the page's order, as a reader's first visit or redraw builds them: the charts of a view
    share work such as Styrkeområden's strength analysis), and cached."""
    print("\n3. Server time per chart answer (build + card, default address of each view), ms")
    print(f"{'chart':<34}{'alone':>9}{'alone, ' + str(KEPT) + ' kept':>18}{'new address':>13}{'cached':>9}")
    columns = ("alone", "kept", "address", "cached")
    times: dict[str, dict[str, list[float]]] = {c: {} for c in columns}
    with app.server.test_request_context("/"):
        from data.store import current_engine

        with current_engine().connect() as conn:
            addresses = [(view.key, parse_view(view.key, {}, conn)[0]) for view in views]

            def each_chart(column: str, view: str, params, clear=None) -> None:
                for key in charts.chart_keys(view):
                    if clear:
                        clear()
                    started = time.perf_counter()
                    card_values_for(conn, view, [key], "sv", params)
                    times[column].setdefault(f"{view}/{key}", []).append((time.perf_counter() - started) * 1000)

            clear = Clearing(kept=False)
            for view, params in addresses:
                for _ in range(repeats):
                    each_chart("alone", view, params, clear)
                    clear()
                    each_chart("address", view, params)
                    each_chart("cached", view, params)
            clear_kept = Clearing(kept=True)
            for view, params in addresses:
                for _ in range(repeats):
                    each_chart("kept", view, params, clear_kept)
            cache.clear()
    widths = {"alone": 9, "kept": 18, "address": 13, "cached": 9}
    for chart in times["alone"]:
        row = "".join(f"{statistics.median(times[c][chart]):>{widths[c]}.1f}" for c in columns)
        print(f"{chart:<34}{row}")
    if clear.folder is None:
        print(f"(the cache is not the file cache: the '{KEPT} kept' column is the same as 'alone')")
    for name, share in (("median", 0.5), ("95th percentile", 0.95)):
        every = {c: [t for ts in times[c].values() for t in ts] for c in columns}
        row = "".join(f"{percentile(every[c], share):>{widths[c]}.1f}" for c in columns)
        print(f"{'all charts: ' + name:<34}{row}")


# Time from a filter's change to the frames that show the new charts: in the window, and all of them.
# A chart whose box changes height is drawn twice by dcc.Graph: once with the new figure, then again about
# 100 ms later after its resize (the same figure at the same size). "in window" is when the charts in the
# window were last drawn; "shown" when each was first drawn at its final size, i.e. what the reader saw.
REDRAW_JS = """([selector, value]) => new Promise(resolve => {
    const graphs = [...document.querySelectorAll('.js-plotly-plot')];
    const inWindow = new Set(graphs.filter(g => { const r = g.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && g.checkVisibility(); }));
    const drawn = new Map();
    const size = g => { const svg = g.querySelector('svg.main-svg');
        return svg ? svg.getAttribute('width') + 'x' + svg.getAttribute('height') : ''; };
    graphs.forEach(g => g.on && g.on('plotly_afterplot', () => {
        if (!drawn.has(g)) drawn.set(g, []);
        drawn.get(g).push([performance.now(), size(g)]);
    }));
    const select = document.querySelector(selector);
    const started = performance.now();
    select.value = value;
    select.dispatchEvent(new Event('change', {bubbles: true}));
    let lastChange = performance.now();
    let count = 0;
    const poll = () => {
        const seen = [...drawn.values()].reduce((n, d) => n + d.length, 0);
        if (seen !== count) { count = seen; lastChange = performance.now(); }
        const busy = document.querySelector('[data-dash-is-loading="true"], .dash-graph--pending');
        if (!busy && performance.now() - lastChange > 600) {
            const last = d => d[d.length - 1][0] - started;
            const shown = d => d.find(([, s]) => s === d[d.length - 1][1])[0] - started;
            const inside = [...drawn.entries()].filter(([g]) => inWindow.has(g)).map(([, d]) => d);
            const all = [...drawn.values()];
            const max = xs => xs.length ? Math.max(...xs) : null;
            resolve([max(inside.map(last)), max(inside.map(shown)),
                     all.length ? Math.min(...all.map(d => d[0][0] - started)) : null, max(all.map(last)), all.length]);
        } else { setTimeout(poll, 20); }
    };
    setTimeout(poll, 20);
})"""


def redraws(browser, base: str, rounds: int) -> None:
    print(f"\n4. Styrkeområden redraw after a filter change, the answer cached on the server ({rounds} rounds), ms")
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    Visit(page).open(base + "/styrkeomraden")
    changes = [("region", "20"), ("region", "17"), ("region", "SE31")]
    levels = page.evaluate("""() => [...document.querySelectorAll("select[id*='\\"param\\":\\"level\\"'] option")]
        .map(o => o.value).filter(Boolean)""")
    changes += [("level", lv) for lv in levels[:2]]
    inside, shown, first, every = [], [], [], []
    show = lambda ms: "     –" if ms is None else f"{ms:>6.0f}"  # noqa: E731
    # Two untimed rounds first: every address the timed rounds visit is then answered from the server's cache
    # (the level stays as the last change left it, so a second round meets other addresses than the first).
    for _ in range(2):
        for param, value in changes:
            page.evaluate(REDRAW_JS, [f"""select[id*='"param":"{param}"']""", value])
    for _ in range(rounds):
        for param, value in changes:
            selector = f"""select[id*='"param":"{param}"']"""
            window_ms, shown_ms, first_ms, all_ms, n = page.evaluate(REDRAW_JS, [selector, value])
            inside += [window_ms] if window_ms is not None else []
            shown += [shown_ms] if shown_ms is not None else []
            first += [first_ms] if first_ms is not None else []
            every += [all_ms] if all_ms is not None else []
            print(
                f"  {param}={value:<10} in window {show(window_ms)} (shown {show(shown_ms)})"
                f"   first {show(first_ms)}   all {show(all_ms)}"
                f"   ({n} graphs drawn)"
            )
    median = lambda xs: show(statistics.median(xs) if xs else None).strip()  # noqa: E731
    print(
        f"  median: charts in the window {median(inside)} ms, shown at their final size {median(shown)} ms"
        " (– : none in the window at the top of the page),"
    )
    print(f"          first chart {median(first)} ms, all charts {median(every)} ms")
    context.close()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=None, help="store URL (default: DATABASE_URL or data/s3.sqlite)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--views", default="", help="comma-separated view keys (default: all)")
    parser.add_argument("--phone", action="store_true", help="also load every page at 375 px")
    parser.add_argument("--skip-redraw", action="store_true")
    parser.add_argument("--skip-loads", action="store_true", help="leave out the page loads (1-2)")
    args = parser.parse_args(argv)
    app = create_app({"DATABASE_URL": database_url(args.db)})
    for name in ("werkzeug", "s3"):  # one line per request would bury the figures
        logging.getLogger(name).setLevel(logging.WARNING)
    views = [v for v in VIEWS if not args.views or v.key in args.views.split(",")]
    print(f"Store: {database_url(args.db)}")
    with LiveServer(app.server) as server, LiveServer(bare_app().server) as bare, sync_playwright() as p:
        browser = launch(p)
        if not args.skip_loads:
            page_loads(browser, bare.url + "/", server.url, views, args.runs, VIEWPORT)
        if args.phone:
            page_loads(browser, bare.url + "/", server.url, views, args.runs, PHONE)
        chart_times(app, [v for v in views if v.charts_module])
        if not args.skip_redraw and any(v.key == "styrkeomraden" for v in views):
            redraws(browser, server.url, 2)
        browser.close()


if __name__ == "__main__":
    main()
