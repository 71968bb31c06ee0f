"""Help browser tests and bench/run.py: the views, waiting until a page is drawn, reading its text.

Not a test module: the public-face tests (tests/test_public_*.py, tests/test_a11y*.py) and the
benchmark import it, so "all charts rendered" means the same in both.
"""

from __future__ import annotations

import time

from charts.views import VIEWS

LANGS = ("sv", "en")
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def view_paths() -> list[str]:
    """Return the URL path of every view, the pages outside the navigation included."""
    return [v.path for v in VIEWS]


def url_for(path: str, lang: str, query: str = "") -> str:
    """Return path?query with lang=en added for English (Swedish is the default and left out)."""
    parts = [q for q in (query.lstrip("?"), "lang=en" if lang == "en" else "") if q]
    return path + ("?" + "&".join(parts) if parts else "")


# True while Dash still works on the page: a callback pending, a spinner shown, a graph not drawn.
# dcc.Graph draws only once it is scrolled into view, so an undrawn graph is scrolled to.
BUSY_JS = """() => {
    if ((window.__s3Pending || 0) > 0) return true;
    if (document.querySelector('.chart-slot:not([data-s3-filled])')) return true;  // its first answer is not in yet
    if (document.querySelector('[data-dash-is-loading="true"], .dash-spinner, ._dash-loading')) return true;
    if ([...document.querySelectorAll('.s3-loading')].some(e => e.checkVisibility())) return true;
    if (!document.querySelector('#shell-content > *')) return true;
    // A card below the fold is filled after the first paint (assets/20-charts.js): bring it into view.
    if (document.querySelector('.dash-graph--pending')) return true;  // Plotly is drawing
    const waiting = document.querySelector('[data-s3-pending]');
    if (waiting) { waiting.scrollIntoView(); return true; }
    for (const g of document.querySelectorAll('.dash-graph')) {
        if (!g.querySelector('.main-svg') && g.checkVisibility()) { g.scrollIntoView(); return true; }
    }
    return false;
}"""


# Counts the page's Dash callback requests in flight (installed before the page's own scripts run).
PENDING_JS = """(() => {
    if (window.__s3Pending !== undefined) return;
    window.__s3Pending = 0;
    const original = window.fetch;
    window.fetch = function (...args) {
        const mine = String((args[0] && args[0].url) || args[0]).includes('_dash-update-component');
        if (mine) window.__s3Pending++;
        const answer = original.apply(this, args);
        if (mine) answer.finally(() => window.__s3Pending--);
        return answer;
    };
})()"""


def settle(page, timeout: float = 90.0) -> None:
    """Wait until the page is drawn: no callback pending, no spinner, every graph rendered.

    Requires three quiet checks in a row, because one callback's answer can start the next.
    """
    page.wait_for_load_state("networkidle")
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 3:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page did not settle within {timeout} s: {page.url}")
        quiet = 0 if page.evaluate(BUSY_JS) else quiet + 1
        page.wait_for_timeout(150)
    page.evaluate("window.scrollTo(0, 0)")


# True once the chart card has its figure drawn: filled from its store, not waiting below the fold
# (assets/20-charts.js), Plotly done, and the graph holding a figure with data. Every card's graph
# is on the page from the start with an empty figure, so ".js-plotly-plot" alone proves nothing.
CHART_DRAWN_JS = """sel => {
    const card = document.querySelector(sel);
    if (!card || !card.hasAttribute('data-s3-filled')) return false;
    const graph = card.querySelector('.dash-graph');
    if (card.hasAttribute('data-s3-pending')) return false;
    if (!graph || graph.classList.contains('dash-graph--pending')) return false;
    const gd = graph.querySelector('.js-plotly-plot');
    return !!(gd && gd._fullLayout && gd.data && gd.data.length && gd.querySelector('.main-svg'));
}"""


def chart_drawn(page, card_selector: str, timeout: float = 60_000) -> None:
    """Wait until the chart card (for example "#start-employment-chart") has its figure drawn."""
    page.locator(card_selector).scroll_into_view_if_needed(timeout=timeout)
    page.wait_for_function(CHART_DRAWN_JS, arg=card_selector, timeout=timeout)


def goto(page, url: str) -> None:
    """Open url and wait until it is drawn (callback requests are counted from the first one)."""
    page.add_init_script(PENDING_JS)
    page.goto(url)
    settle(page)


# Every visible text of the page with the language it is marked as (closest [lang]).
TEXT_BY_LANG_JS = r"""() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const text = node.textContent.trim();
        const el = node.parentElement;
        if (!text || !el || el.closest('script, style, noscript, .dash-scripts')) continue;
        if (!el.checkVisibility({visibilityProperty: true}) && !el.closest('details')) continue;
        const langEl = el.closest('[lang]');
        out.push({lang: langEl ? langEl.getAttribute('lang') : '', text});
    }
    const attrs = ['aria-label', 'title', 'alt', 'placeholder', 'data-title'];
    for (const el of document.querySelectorAll(attrs.map(a => '[' + a + ']').join(','))) {
        if (el.closest('.dash-scripts')) continue;
        const langEl = el.closest('[lang]');
        for (const a of attrs) {
            const v = el.getAttribute(a);
            if (v && v.trim()) out.push({lang: langEl ? langEl.getAttribute('lang') : '', text: v.trim(), attr: a});
        }
    }
    // the charts' own words, hover texts included (shown only on hover, so read from the figure)
    const clean = t => String(t).replace(/%\{[^}]*\}/g, ' ').replace(/<[^>]*>/g, ' ').trim();
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
        const langEl = gd.closest('[lang]');
        const lang = langEl ? langEl.getAttribute('lang') : '';
        const words = [];
        for (const trace of gd.data || []) {
            for (const key of ['hovertemplate', 'name', 'text', 'hovertext']) {
                const v = trace[key];
                (Array.isArray(v) ? v.flat(2) : [v]).forEach(x => typeof x === 'string' && words.push(x));
            }
        }
        const layout = gd.layout || {};
        for (const [key, axis] of Object.entries(layout)) {
            if (/^[xy]axis/.test(key) && axis && axis.title) words.push(axis.title.text || axis.title);
        }
        (layout.annotations || []).forEach(a => a.text && words.push(a.text));
        for (const w of words) {
            const text = clean(w);
            if (text) out.push({lang, text, attr: 'figure'});
        }
    }
    return out;
}"""


def texts_by_lang(page) -> list[dict]:
    """Return [{lang, text, attr?}] for every visible text and labelling attribute of the page."""
    return page.evaluate(TEXT_BY_LANG_JS)


def html_text(markup: str) -> str:
    """Return the text a reader sees in a string of HTML (as a chart card's static parts hold it)."""
    from html.parser import HTMLParser

    parts: list[str] = []
    parser = HTMLParser()
    parser.handle_data = parts.append
    parser.feed(markup or "")
    return " ".join(" ".join(parts).split())
