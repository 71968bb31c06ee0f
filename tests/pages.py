"""Help browser tests and bench/speed.py: the views, a watched page, waiting until a page is drawn, its text.

Not a test module: the browser tests and the benchmark import it, so "the page is drawn" means
the same in both: the view's content is there, no Dash callback is in flight (Dash marks every
component a pending callback will change with data-dash-is-loading; a watched page also counts
its callback requests), and every visible graph has Plotly's SVG.
"""

from __future__ import annotations

import re
import time

from charts.views import VIEWS

LANGS = ("sv", "en")
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
SIZES = {"desktop": DESKTOP, "phone": PHONE}
UPDATE_PATH = "/_dash-update-component"


def view_paths() -> list[str]:
    """Return the URL path of every view, the pages outside the navigation included."""
    return [v.path for v in VIEWS]


def filtered_paths() -> list[str]:
    """Return the paths of the views whose filters the address keeps (they have parameters)."""
    return [v.path for v in VIEWS if v.params()]


def url_for(path: str, lang: str, query: str = "") -> str:
    """Return path?query with lang=en added for English (Swedish is the default and left out)."""
    parts = [q for q in (query.lstrip("?"), "lang=en" if lang == "en" else "") if q]
    return path + ("?" + "&".join(parts) if parts else "")


class PageWatch:
    """Record what a page did that a user would notice: console errors, requests to other hosts, callbacks.

    callbacks lists the outputs of every Dash callback request the page made (in order); pending
    is the number of them not answered yet.
    """

    def __init__(self, page, base_url: str):
        self.page, self.base_url = page, base_url
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.callbacks: list[str] = []
        self.pending = 0
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("request", self._request)
        page.on("requestfinished", self._answered)
        page.on("requestfailed", self._answered)

    def _request(self, request):
        url = request.url
        if not (url.startswith(self.base_url) or url.startswith("data:") or url.startswith("blob:")):
            self.foreign_requests.append(url)
        if UPDATE_PATH in url:
            self.pending += 1
            body = request.post_data_json or {}
            self.callbacks.append(body.get("output", "?"))

    def _answered(self, request):
        if UPDATE_PATH in request.url:
            self.pending -= 1

    def goto(self, path: str):
        """Open path (relative to the server) and wait until the page is drawn."""
        self.page.goto(self.base_url + path)
        settle(self.page, self)
        return self.page

    def settle(self) -> None:
        settle(self.page, self)


def watch(page, base_url: str) -> PageWatch:
    return PageWatch(page, base_url)


# True while the page is not drawn yet: no view content, a callback in flight, or a visible graph
# whose figure Plotly has not drawn (a dcc.Graph gets its .js-plotly-plot and then its .main-svg).
BUSY_JS = """() => {
    if (!document.querySelector('#shell-content > *')) return true;
    if (document.querySelector('[data-dash-is-loading]')) return true;
    const shown = e => e.checkVisibility({visibilityProperty: true});
    if ([...document.querySelectorAll('.js-plotly-plot')].some(g => shown(g) && !g.querySelector('.main-svg'))) return true;
    return [...document.querySelectorAll('.dash-graph')].some(g => shown(g) && !g.querySelector('.js-plotly-plot .main-svg'));
}"""


def settle(page, watched: PageWatch | None = None, timeout: float = 120.0) -> None:
    """Wait until the page is drawn: content there, no callback in flight, every visible graph drawn.

    Requires three quiet checks in a row, because one callback's answer can start the next.
    """
    page.wait_for_load_state("load")
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 3:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page was not drawn within {timeout} s: {page.url}")
        busy = (watched is not None and watched.pending > 0) or page.evaluate(BUSY_JS)
        quiet = 0 if busy else quiet + 1
        page.wait_for_timeout(60)


def goto(page, url: str) -> None:
    """Open url and wait until it is drawn."""
    page.goto(url)
    settle(page)


# True once the chart card's graph holds a figure with data and Plotly has drawn it.
CHART_DRAWN_JS = """sel => {
    const gd = document.querySelector(sel + ' .js-plotly-plot');
    return !!(gd && gd.data && gd.data.length && gd.querySelector('.main-svg'));
}"""


def chart_drawn(page, card_selector: str, timeout: float = 60_000) -> None:
    """Wait until the chart card (for example "#start-employment-chart") has its figure drawn."""
    page.wait_for_function(CHART_DRAWN_JS, arg=card_selector, timeout=timeout)


# Open every closed <details> the way a reader does, by clicking its <summary>: a chart card's
# "Visa tabell" then asks the server for its table (one callback each), download menus open.
OPEN_DETAILS_JS = """() => {
    const closed = [...document.querySelectorAll('details:not([open]) > summary')];
    closed.forEach(s => s.click());
    return closed.length;
}"""


def open_all_details(page, watched: PageWatch | None = None) -> int:
    """Open every <details> of the page (tables loaded) and wait until drawn; return how many were opened."""
    opened = 0
    for _ in range(3):  # a table or menu may itself hold a <details>
        count = page.evaluate(OPEN_DETAILS_JS)
        if not count:
            break
        opened += count
        settle(page, watched)
    page.evaluate("window.scrollTo(0, 0)")
    return opened


# Every visible text of the page with the language it is marked as (closest [lang]).
TEXT_BY_LANG_JS = r"""() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const text = node.textContent.trim();
        const el = node.parentElement;
        if (!text || !el || el.closest('script, style, noscript, .dash-scripts, textarea, code, pre')) continue;
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


# What the reader sees of the view: its words (headings, filters, summaries, cards) and the data
# each graph draws. A graph is compared by the data Plotly draws, not by the text of its SVG:
# Plotly.react reuses elements, so the same picture can come with another text order.
CONTENT_JS = """() => {
    const root = document.querySelector('#shell-content').cloneNode(true);
    root.querySelectorAll('.js-plotly-plot').forEach(g => g.remove());
    const words = root.textContent.replace(/\\s+/g, ' ').trim();
    const drawn = [...document.querySelectorAll('#shell-content .js-plotly-plot')]
        .map(g => JSON.stringify([g.data, g.layout.title, g.layout.annotations]));
    return [words, drawn];
}"""


def content(page) -> list:
    """Return [words, drawn figures] of the view: equal when a reader sees the same thing."""
    return page.evaluate(CONTENT_JS)


# Everyday Swedish words that no English sentence, label or English name of ours contains.
SWEDISH_WORDS = {
    "och", "för", "är", "inte", "eller", "med", "som", "av", "på", "från", "till", "vid", "efter",
    "visa", "dölj", "tabell", "tabellen", "ladda", "ner", "källa", "exempeldata", "diagram", "diagrammet",
    "sysselsatta", "år", "län", "länet", "välj", "alla", "antal", "andel", "saknas", "finns", "kunde", "vyn",
    "bransch", "branscher", "klustret", "milstolpe", "milstolpar", "delmål", "enkät", "ja", "nej", "vet", "ej",
    "hög", "grad", "mycket", "liten", "omfattning", "inga", "laddar", "sidan", "område", "områden", "riket",
    "företag", "företagen", "fas", "fasen", "klar", "pågår", "planerad", "försenad", "struken", "kvartal",
}  # fmt: skip
# Everyday English words that no Swedish sentence, label or Swedish name of ours contains.
ENGLISH_WORDS = {
    "the", "and", "of", "with", "show", "hide", "download", "source", "chart", "table", "employees", "year",
    "years", "could", "choose", "loading", "example", "invented", "numbers", "strength", "survey", "milestone",
    "milestones", "not", "yes", "no", "county", "page", "this",
    "zoom", "autoscale", "reset", "axes", "plot", "done", "ongoing", "planned", "delayed", "cancelled",
}  # fmt: skip
OTHER = {"sv": ENGLISH_WORDS, "en": SWEDISH_WORDS}


def foreign_words(texts: list[dict], lang: str) -> list[str]:
    """Return 'word in «text»' for each word of the other language in a text marked as lang."""
    found = []
    for item in texts:
        if (item["lang"] or "sv").split("-")[0] != lang:
            continue
        # identifiers such as phase_assessment or SURVEY_MIN_GROUP are code, not words
        words = set(re.findall(r"\w+", item["text"].lower()))
        found += [f"{w!r} in «{item['text'][:90]}»" for w in sorted(words & OTHER[lang])]
    return sorted(set(found))


def html_text(markup: str) -> str:
    """Return the text a reader sees in a string of HTML (as a chart card's static parts hold it)."""
    from html.parser import HTMLParser

    parts: list[str] = []
    parser = HTMLParser()
    parser.handle_data = parts.append
    parser.feed(markup or "")
    return " ".join(" ".join(parts).split())
