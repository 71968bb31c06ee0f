"""Chart cards: static parts as escaped HTML, the view's answers cached per address, charts drawn in view first."""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
import plotly
import pytest
from dash import dcc, html

from callbacks import registry
from callbacks.styrkeomraden import show_styrkeomraden
from layouts.static_html import to_html
from layouts.styrkeomraden import CHARTS as KEYS
from layouts.styrkeomraden import VIEW
from tests.pages import goto, html_text, settle


def test_static_html_escapes_text_and_attributes_and_keeps_the_markup():
    tree = html.Details(
        [
            html.Summary("Visa <tabell> & mer", className="btn"),
            html.A("Ladda ner", href='/export/a.csv?x=1&y="2"', download=""),
            html.Span("Industri", lang="sv", style={"fontWeight": "bold"}, **{"aria-hidden": "true"}),
        ],
        className="chart-downloads",
    )
    out = to_html(tree)
    assert out.startswith(
        '<details class="chart-downloads"><summary class="btn">Visa &lt;tabell&gt; &amp; mer</summary>'
    )
    assert 'href="/export/a.csv?x=1&amp;y=&quot;2&quot;"' in out and 'download=""' in out
    assert 'style="font-weight: bold"' in out and 'aria-hidden="true"' in out and 'lang="sv"' in out
    assert html_text(out) == "Visa <tabell> & mer Ladda ner Industri"
    alert = to_html(dbc.Alert("Kunde <inte>", color="warning", className="mb-0"))
    assert alert == '<div class="alert alert-warning mb-0" role="alert">Kunde &lt;inte&gt;</div>'


def test_static_html_refuses_a_component_with_behaviour():
    with pytest.raises(TypeError, match="Dropdown"):
        to_html(html.Div(dcc.Dropdown(options=["a"])))


def as_json(value) -> str:
    return json.dumps(value, cls=plotly.utils.PlotlyJSONEncoder, sort_keys=True)


def test_the_views_answer_is_kept_per_address_and_store_version(app, monkeypatch):
    calls = []
    build = registry.CHARTS[VIEW]["bubble"]

    def counted(conn, lang, **params):
        calls.append(params["region"])
        return build(conn, lang, **params)

    monkeypatch.setitem(registry.CHARTS[VIEW], "bubble", counted)
    with app.server.app_context():
        from cache import cache

        cache.clear()
        with app.server.test_request_context("/"):
            first = show_styrkeomraden("http://x/styrkeomraden?region=21&year=2022")
        with app.server.test_request_context("/"):
            again = show_styrkeomraden("http://x/styrkeomraden?year=2022&region=21")  # same choice, other order
        with app.server.test_request_context("/"):
            other = show_styrkeomraden("http://x/styrkeomraden?region=17&year=2022")
    assert calls == ["21", "17"]  # the second address was answered from the cache
    assert as_json(first) == as_json(again)
    assert as_json(other[0]["cards"]["bubble"]["figure"]) != as_json(first[0]["cards"]["bubble"]["figure"])
    assert list(first[0]["cards"]) == list(KEYS) and len(first) == 2  # every card in one store, and the reset link


@pytest.mark.browser
def test_a_filter_change_redraws_every_chart_even_those_below_the_fold(watched):
    page = watched.page
    goto(page, watched.base_url + "/styrkeomraden?region=20&year=2023")
    page.evaluate(
        "() => { window.__old = document.querySelector('#styrkeomraden-academic-graph .js-plotly-plot')._fullLayout; }"
    )
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("""select[id*='"param":"region"']""").select_option("21")
    # The card's words change at once; the graph far below the window is drawn when the browser is idle.
    page.wait_for_function(
        """() => (document.querySelector('#styrkeomraden-academic-chart-head')?.innerText || '') !== ''
            && document.querySelector('#styrkeomraden-summary').innerText.includes('I Gävleborgs län')"""
    )
    page.wait_for_function(
        """() => { const g = document.querySelector('#styrkeomraden-academic-graph .js-plotly-plot');
            return g._fullLayout !== window.__old && !document.querySelector('[data-s3-pending]'); }""",
        timeout=30_000,
    )
    assert page.evaluate("window.scrollY") == 0  # nobody scrolled: the idle browser drew it
    words = page.locator("#styrkeomraden-academic-chart-caption").text_content()  # the new region's subjects
    assert "Gävleborgs län" in words and "Dalarnas län" not in words
    drawn = page.evaluate("document.querySelector('#styrkeomraden-academic-graph .js-plotly-plot').data[0].y")
    assert "Maskinteknik" in drawn  # a subject among Gävleborg's strongest, not Dalarna's
    assert watched.console_errors == []


@pytest.mark.browser
def test_a_view_left_and_opened_again_draws_its_charts_again(watched):
    page = watched.page
    goto(page, watched.base_url + "/styrkeomraden?region=20&year=2023")
    page.get_by_role("link", name="Klusterkartering").first.click()
    page.wait_for_url("**/klusterkartering**")
    settle(page)
    page.go_back()
    page.wait_for_url("**/styrkeomraden**")
    settle(page)
    bubble = page.locator("#styrkeomraden-bubble-graph")
    assert bubble.is_visible() and bubble.locator(".scatterlayer .point").count() > 10
    assert watched.console_errors == []


# Count each graph's draws from its next Plotly.react on (a listener added earlier would be gone
# if Plotly.newPlot purged the graph meanwhile).
COUNT_DRAWS_JS = """() => { window.__draws = {}; const react = Plotly.react;
    Plotly.react = function (gd) {
        if (!gd.__counted) {
            gd.__counted = true;
            const id = gd.closest('.dash-graph').id;
            gd.on('plotly_afterplot', () => { window.__draws[id] = (window.__draws[id] || 0) + 1; });
        }
        return react.apply(this, arguments);
    }; }"""
WIDENED_JS = """() => [...document.querySelectorAll('#main .js-plotly-plot')].filter(gd => gd.data && gd.data.length)
    .map(gd => [gd.closest('.dash-graph').id, gd.layout.margin, gd._fullLayout._size])
    .filter(([id, sent, size]) => size.l > sent.l || size.b > sent.b)"""
# Tick labels that reach outside their chart's SVG would be cut off for the reader.
LABELS_OUTSIDE_JS = """() => [...document.querySelectorAll('#main .js-plotly-plot')].flatMap(gd => {
    const box = gd.querySelector('svg.main-svg').getBoundingClientRect();
    return [...gd.querySelectorAll('.ytick text, .xtick text')].filter(t => {
        const r = t.getBoundingClientRect();
        return r.width && (r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1);
    }).map(t => t.textContent); })"""


@pytest.mark.browser
def test_a_change_of_level_draws_each_chart_once_with_room_for_its_labels(watched):
    page = watched.page
    goto(page, watched.base_url + "/styrkeomraden?region=20&year=2023")
    page.evaluate(COUNT_DRAWS_JS)
    page.locator("""select[id*='"param":"level"']""").select_option("section")  # other names, other heights
    page.wait_for_function(
        "() => document.querySelector('#styrkeomraden-summary').innerText.includes('SNI-avsnitt')"
        " && !document.querySelector('#main [data-s3-pending], #main .dash-graph--pending')",
        timeout=60_000,
    )
    page.wait_for_timeout(500)  # a resize or a wider margin would draw a chart again about now
    draws = page.evaluate("window.__draws")
    # Plotly draws a chart a second time when its labels need wider margins than the figure has, or
    # when its box changes size after the draw; the card script and figures/margins.py avoid both.
    assert len(draws) >= 6 and set(draws.values()) == {1}, draws
    # Plotly widens a margin, drawing the chart again in the same call, when the labels need more room.
    widened = page.evaluate(WIDENED_JS)
    assert widened == [], widened
    assert page.evaluate(LABELS_OUTSIDE_JS) == []
    assert watched.console_errors == []


@pytest.mark.browser
def test_charts_follow_the_window_when_it_changes_size(watched):
    page = watched.page
    goto(page, watched.base_url + "/styrkeomraden?region=20&year=2023")
    width = "() => document.querySelector('#styrkeomraden-lq-bars-graph svg.main-svg').getBoundingClientRect().width"
    wide = page.evaluate(width)
    page.set_viewport_size({"width": 700, "height": 900})
    page.wait_for_function(f"() => ({width})() < {wide} - 100", timeout=10_000)
    narrow = page.evaluate(width)
    box = page.evaluate("document.querySelector('#styrkeomraden-lq-bars-chart').clientWidth")
    assert narrow <= box
    assert page.evaluate(LABELS_OUTSIDE_JS) == []


@pytest.mark.browser
def test_a_chart_keeps_its_margins_when_the_new_labels_fit_them(watched):
    page = watched.page
    goto(page, watched.base_url + "/styrkeomraden?region=21&year=2023")
    left = "() => document.querySelector('#styrkeomraden-lq-bars-graph .js-plotly-plot')._fullLayout._size.l"
    before = page.evaluate(left)
    page.evaluate("window.__old = document.querySelector('#styrkeomraden-lq-bars-graph .js-plotly-plot').data[0].y")
    page.locator("""select[id*='"param":"region"']""").select_option("17")
    page.wait_for_function(
        """() => { const gd = document.querySelector('#styrkeomraden-lq-bars-graph .js-plotly-plot');
            return JSON.stringify(gd.data[0].y) !== JSON.stringify(window.__old)
                && !document.querySelector('#main [data-s3-pending], #main .dash-graph--pending'); }""",
        timeout=30_000,
    )
    # Värmland's industry names need a little less room than Gävleborg's (figures/margins.py: 251 px
    # against 255): the bars stay where they were.
    assert page.evaluate(left) == before
    assert page.evaluate(LABELS_OUTSIDE_JS) == []


@pytest.mark.browser
def test_on_a_phone_long_industry_names_are_shortened_so_the_bars_keep_the_width(browser, live_server):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        goto(page, live_server.url + "/styrkeomraden?region=20&year=2023")
        page.locator("#styrkeomraden-heatmap-chart").scroll_into_view_if_needed()
        page.wait_for_function(
            "() => !document.querySelector('#main [data-s3-pending], #main .dash-graph--pending')", timeout=30_000
        )
        for key, share in (("lq-bars", 0.45), ("heatmap", 0.3)):  # the heatmap's colour scale takes a fifth
            shown = page.evaluate(
                """key => { const gd = document.querySelector(`#styrkeomraden-${key}-graph .js-plotly-plot`);
                    return {plot: gd._fullLayout._size.w, graph: gd.clientWidth,
                            labels: [...gd.querySelectorAll('.ytick text')].map(t => t.textContent),
                            names: [...new Set(gd.data.flatMap(t => t.y))]}; }""",
                key,
            )
            assert shown["plot"] >= share * shown["graph"], (key, shown["plot"], shown["graph"])
            labels, names = shown["labels"], shown["names"]
            assert len(set(labels)) == len(labels) == len(names)  # shortened, yet each row its own label
            assert any(label.endswith("…") and label not in names for label in labels)
            assert all(len(label) <= 20 for label in labels)
            assert any(name.startswith("Tillverkning av") for name in names)  # the data keeps the whole names
        assert page.evaluate(LABELS_OUTSIDE_JS) == []
    finally:
        page.close()
