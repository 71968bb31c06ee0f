"""Chart cards in real headless Chromium: tables on demand, redraws, sizes and the loading indicator.

What a card looks like when a page is first opened is checked on the shared pages
(tests/test_pages_browser.py) and over HTTP (tests/test_cards.py); here a reader changes something.
"""

from __future__ import annotations

import threading

import pytest

import charts
from cache import cache
from tests.pages import PageWatch

pytestmark = pytest.mark.browser

CLUSTERS = "#foretagsenkat-clusters-chart"


def rows(page, card: str) -> int:
    return page.locator(f"{card} table.data-table tbody tr").count()


def test_visa_tabell_loads_the_table_when_opened_and_it_follows_the_filters(watched):
    page = watched.goto("/foretagsenkat?round=2017")
    card = page.locator(CLUSTERS)
    assert page.locator("table.data-table").count() == 0  # no card holds its table before it is asked for
    before = len(watched.callbacks)
    card.get_by_text("Visa tabell").click()
    card.locator("table.data-table tbody tr").first.wait_for()
    watched.settle()
    assert len(watched.callbacks) == before + 1  # the one table, from the server
    assert rows(page, CLUSTERS) == 1 + 11  # the total and every cluster
    assert "Triple Steelix" in card.locator("table.data-table").inner_text()
    # an open table follows a filter change in the same answer as the charts
    before = len(watched.callbacks)
    page.get_by_label("Län").select_option("21")
    page.wait_for_function("() => new URLSearchParams(location.search).get('county') === '21'")
    watched.settle()
    assert len(watched.callbacks) == before + 1
    assert rows(page, CLUSTERS) == 1 + 3  # the county's total and its three clusters
    assert page.locator("table.data-table").count() == 1  # the closed tables stay unbuilt
    assert watched.console_errors == []


# Count each graph's draws from now on.
COUNT_DRAWS_JS = """() => { window.__draws = {};
    for (const gd of document.querySelectorAll('#main .js-plotly-plot')) {
        const id = gd.closest('.dash-graph').id;
        gd.on('plotly_afterplot', () => { window.__draws[id] = (window.__draws[id] || 0) + 1; });
    } }"""
# Tick labels that reach outside their chart's SVG would be cut off for the reader.
LABELS_OUTSIDE_JS = """() => [...document.querySelectorAll('#main .js-plotly-plot')].flatMap(gd => {
    const box = gd.querySelector('svg.main-svg').getBoundingClientRect();
    return [...gd.querySelectorAll('.ytick text, .xtick text')].filter(t => {
        const r = t.getBoundingClientRect();
        return r.width && (r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1);
    }).map(t => t.textContent); })"""


def change_level(watched: PageWatch) -> dict:
    """Open Styrkeområden for Dalarna, change the industry level (other names, other heights); return the draws."""
    page = watched.goto("/styrkeomraden?region=20&year=2023")
    page.evaluate(COUNT_DRAWS_JS)
    page.locator("""select[id*='"param":"level"']""").select_option("section")
    page.wait_for_function("() => document.querySelector('#styrkeomraden-summary').innerText.includes('SNI-avsnitt')")
    watched.settle()
    page.wait_for_timeout(500)  # a resize or a wider margin would draw a chart again about now
    return page.evaluate("window.__draws")


# Both level tests in one worker (pytest-xdist): the second is answered from the first one's cache.
SAME_WORKER = pytest.mark.xdist_group("styrkeomraden level change")


@SAME_WORKER
def test_a_change_of_level_redraws_every_chart_with_room_for_its_labels(watched):
    draws = change_level(watched)
    assert len(draws) >= 7, draws  # every Plotly chart of the view, those below the fold too
    assert watched.page.evaluate("window.scrollY") == 0  # nobody scrolled to them
    assert watched.page.evaluate(LABELS_OUTSIDE_JS) == []
    assert watched.console_errors == []


@SAME_WORKER
@pytest.mark.xfail(
    strict=True,
    reason="regression since c175299: after a change of level, lq-bars and heatmap (the two charts whose "
    "height, the graph's style, changes in the same answer as the figure) are drawn twice; the removed card "
    "script drew each chart once",
)
def test_a_change_of_level_draws_each_chart_once(watched):
    draws = change_level(watched)
    assert set(draws.values()) == {1}, draws


def test_charts_follow_the_window_when_it_changes_size(watched):
    page = watched.goto("/styrkeomraden?region=20&year=2023")
    width = "() => document.querySelector('#styrkeomraden-lq-bars-graph svg.main-svg').getBoundingClientRect().width"
    wide = page.evaluate(width)
    page.set_viewport_size({"width": 700, "height": 900})
    page.wait_for_function(f"() => ({width})() < {wide} - 100", timeout=10_000)
    narrow = page.evaluate(width)
    box = page.evaluate("document.querySelector('#styrkeomraden-lq-bars-chart').clientWidth")
    assert narrow <= box
    assert page.evaluate(LABELS_OUTSIDE_JS) == []


# Record, from the first script on, whether a card's loading indicator ("Laddar …") was ever on the page.
SPINNER_SEEN_JS = """new MutationObserver((_, observer) => {
    if (document.querySelector('.s3-loading')) { window.__spinnerSeen = true; observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});"""


def test_a_first_visit_shows_no_loading_indicator_for_charts_that_come_with_the_page(watched):
    # The page carries its cards filled: a spinner (and the chart dimmed under it) would flicker for nothing.
    watched.page.add_init_script(SPINNER_SEEN_JS)
    page = watched.goto("/styrkeomraden")
    assert page.locator("#styrkeomraden-lq-bars-graph .main-svg").count() > 0
    assert page.evaluate("window.__spinnerSeen === true") is False
    assert watched.callbacks == []


@pytest.fixture()
def slow_survey_chart(app, monkeypatch):
    """Hold the survey's cluster chart on the server until the test releases it (a slow chart)."""
    charts.load_all()
    build = charts.CHARTS["foretagsenkat"]["clusters"]
    release = threading.Event()

    def slow_chart(conn, lang, **params):
        if params.get("county") == "17":
            release.wait(60)
        return build(conn, lang, **params)

    monkeypatch.setitem(charts.CHARTS["foretagsenkat"], "clusters", slow_chart)
    with app.server.app_context():
        cache.clear()  # an answer kept from another test would not wait
    yield release
    release.set()


def loading(watched: PageWatch, path: str):
    """Open path, choose Värmland (the slow answer) and return the page and the card's loading indicator."""
    page = watched.goto(path)
    page.get_by_label("Län" if "lang=en" not in path else "County").select_option("17")
    indicator = page.locator(f"{CLUSTERS} .dash-spinner, {CLUSTERS} [role=status]").first
    indicator.wait_for(state="visible")
    return page, indicator


def test_a_loading_indicator_shows_in_the_card_while_its_chart_is_built(watched, slow_survey_chart):
    page, indicator = loading(watched, "/foretagsenkat")
    assert page.locator(f"{CLUSTERS} .js-plotly-plot").is_visible()  # the old chart stays, dimmed, until the new one
    slow_survey_chart.set()
    indicator.wait_for(state="hidden")
    watched.settle()
    assert "Värmlands län" in page.locator(f"{CLUSTERS} .chart-title").inner_text()
    assert watched.console_errors == []


@pytest.mark.parametrize("path,words", [("/foretagsenkat", "Laddar"), ("/foretagsenkat?lang=en", "Loading")])
def test_the_loading_indicator_says_in_the_pages_language_that_a_chart_is_coming(
    watched, slow_survey_chart, path, words
):
    page, _indicator = loading(watched, path)
    status = page.locator(CLUSTERS).get_by_role("status")
    assert status.is_visible()
    text = status.inner_text() + status.evaluate("e => getComputedStyle(e, '::after').content")
    assert words in text


# Dash's lazily loaded parts that no view uses; plotly.min.js is Plotly in full (the views use a partial bundle).
UNUSED_SCRIPTS = (
    "async-markdown",
    "async-highlight",
    "async-mathjax",
    "async-upload",
    "async-datepicker",
    "dash_table/async",
    "plotly.min.js",
)


def test_the_page_asks_for_its_layout_while_its_scripts_load_and_only_once(watched):
    page = watched.goto("/klusterkartering")
    asked = page.evaluate(
        """() => performance.getEntriesByType('resource')
            .filter(e => /(_dash-layout|_dash-dependencies|async-graph\\.js)$/.test(e.name))
            .map(e => [e.name.split('/').pop(), e.startTime])"""
    )
    scripts_run = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventStart")
    # once each: Dash's renderer and dcc take what the page asked for in its head (a second request would show)
    assert sorted(name for name, _ in asked) == ["_dash-dependencies", "_dash-layout", "async-graph.js"]
    assert all(start < scripts_run for _, start in asked), asked  # asked while the scripts still load and run
    assert page.locator("#klusterkartering-portfolio-graph .scatterlayer .point").count() > 5
    assert watched.console_errors == []


@pytest.mark.parametrize("path", ["/", "/uppfoljning"])  # the start page and the most text (80 kB of tables)
def test_a_page_loads_only_the_scripts_its_charts_and_words_use(watched, path):
    scripts = []
    watched.page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    page = watched.goto(path)
    assert page.locator("#main .chart-card").count() > 0
    assert page.locator("#main .chart-head .chart-title").first.inner_text().strip()  # the inert parts are drawn
    assert any("plotly-s3" in url for url in scripts)
    assert [url for url in scripts if any(name in url for name in UNUSED_SCRIPTS)] == []
