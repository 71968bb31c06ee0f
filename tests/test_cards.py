"""Chart cards over HTTP: filled when the page is served, cached per address, tables only on demand, failures contained.

A card's inert parts (heading, notes, matrices, source and downloads, tables) travel as one HTML string
(layouts/static_html.py); tests.dash_json reads them back as the components they stand for.
"""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
import pytest
from dash import dcc, html

import charts
from cache import cache
from charts.foretagsenkat import CHARTS as SURVEY_CHARTS
from layouts.card import BLANK_FIGURE, GRAPH_HIDDEN
from layouts.static_html import static, to_html
from tests.dash_json import as_json, card, find, find_all, links, nodes, open_table, page_layout, redraw, text
from tests.pages import view_paths
from tests.specs import built


def counted_builder(monkeypatch, view: str, key: str, calls: list, param: str):
    """Replace a chart's builder by one that records the value of param on each call."""
    charts.load_all()
    build = charts.CHARTS[view][key]

    def counted(conn, lang, **params):
        calls.append(params[param])
        return build(conn, lang, **params)

    monkeypatch.setitem(charts.CHARTS[view], key, counted)


def clear_cache(app):
    with app.server.app_context():
        cache.clear()


def test_the_answer_for_an_address_is_kept_and_reused_whatever_the_order_of_its_parameters(app, client, monkeypatch):
    calls = []
    counted_builder(monkeypatch, "styrkeomraden", "bubble", calls, "region")
    clear_cache(app)
    first = card(page_layout(client, "/styrkeomraden?region=21&year=2022"), "styrkeomraden", "bubble")
    again = card(page_layout(client, "/styrkeomraden?year=2022&region=21"), "styrkeomraden", "bubble")
    other = card(page_layout(client, "/styrkeomraden?region=17&year=2022"), "styrkeomraden", "bubble")
    after = redraw(client, "styrkeomraden", {"region": "21", "year": "2022"})  # a filter change to the same choice
    assert calls == ["21", "17"]  # the second address and the redraw were answered from the cache
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert first["figure"] != other["figure"] and "Gävleborgs län" in first["head"] + first["caption"]
    assert after["styrkeomraden-bubble-graph"]["figure"] == first["figure"]


@pytest.mark.parametrize("path", view_paths())
def test_no_page_holds_a_hidden_table(client, path):
    page = page_layout(client, path)
    assert find_all(page, class_name="data-table") == []
    for node in find_all(page, "Details"):  # every "Visa tabell" is closed and empty
        summary = node["props"]["children"][0]
        if text(summary) == "Visa tabell":
            assert (
                node["props"].get("open") in (None, False) and node["props"]["children"][1]["props"]["children"] is None
            )


def test_visa_tabell_builds_the_table_of_the_address_when_opened(app, client):
    search = "?round=2017&county=21"
    response = open_table(client, "foretagsenkat", "clusters", search)
    assert response.status_code == 200
    [table] = list(response.get_json()["response"].values())
    [html_table] = find_all(table["children"], "Table")
    spec = built(app, "foretagsenkat", "clusters", {"round": "2017", "county": "21"})
    rows = find_all(html_table, "Tbody")[0]["props"]["children"]
    assert len(rows) == len(spec.table)
    assert text(find_all(html_table, "Caption")[0]) == spec.title
    assert [text(th) for th in find_all(html_table, "Th")] == list(spec.table.columns)
    # closing the table again changes nothing
    closed = open_table(client, "foretagsenkat", "clusters", search, clicks=2)
    assert closed.status_code in (200, 204) and not (closed.get_json(silent=True) or {}).get("response")


def test_an_open_table_follows_a_filter_change(client):
    answer = redraw(client, "foretagsenkat", {"round": "2017", "county": "21"}, tables={"clusters": 1, "rounds": 2})
    tables = {
        key: answer[json.dumps({"key": key, "type": "card-table", "view": "foretagsenkat"}, separators=(",", ":"))]
        for key in SURVEY_CHARTS
    }
    assert tables["rounds"]["children"] is None and tables["questions"]["children"] is None  # closed ones stay empty
    rows = find_all(tables["clusters"]["children"], "Tbody")[0]["props"]["children"]
    assert len(rows) == 4  # the total and Gävleborg's three clusters


def broken_chart(conn, lang, **params):
    raise RuntimeError("the store said no")


@pytest.mark.parametrize(
    "lang,words", [("sv", "Diagrammet kunde inte visas just nu"), ("en", "The chart could not be shown right now")]
)
def test_a_failing_chart_says_so_in_its_card_after_a_filter_change(app, client, monkeypatch, lang, words):
    charts.load_all()
    monkeypatch.setitem(charts.CHARTS["foretagsenkat"], "questions", broken_chart)
    clear_cache(app)
    answer = redraw(client, "foretagsenkat", {"county": "20"}, lang)
    head = answer["foretagsenkat-questions-chart-head"]["children"]
    assert head["type"] == "Alert" and words in text(head)  # dbc.Alert: role="alert"
    graph = answer["foretagsenkat-questions-graph"]
    assert graph["figure"] == BLANK_FIGURE and graph["style"] == GRAPH_HIDDEN  # no empty graph under it
    assert answer["foretagsenkat-questions-chart-footer"]["children"] is None  # and nothing to download
    assert answer["foretagsenkat-clusters-graph"]["figure"]["data"]  # the other cards are drawn
    clear_cache(app)


def test_an_error_in_one_chart_shows_in_that_chart_and_the_page_stays(app, client, monkeypatch):
    charts.load_all()
    monkeypatch.setitem(charts.CHARTS["start"], "employment", broken_chart)
    clear_cache(app)
    page = page_layout(client, "/")
    shown = card(page, "start", "employment")
    assert "Diagrammet kunde inte visas just nu" in shown["head"]
    # the rest of the page is there: heading, the four views, navigation, footer
    assert [text(h) for h in find_all(page, "H1")] == ["Smart specialisering i Norra Mellansverige"]
    assert len(find_all(page, class_name="view-card")) == 4
    assert text(find(page, "shell-footer")).startswith("Datakällor")
    clear_cache(app)  # the other tests see the real chart again


def test_a_redraw_gives_downloads_for_the_new_filters(client):
    answer = redraw(client, "styrkeomraden", {"region": "21", "year": "2022", "level": "a10"})
    footer = answer["styrkeomraden-lq-bars-chart-footer"]["children"]
    csv = links(footer)["Data (CSV)"]
    assert csv.startswith("/export/styrkeomraden/lq-bars.csv?")
    assert "region=21" in csv and "year=2022" in csv and "level=a10" in csv
    assert client.get(csv).status_code == 200
    view = links(answer["styrkeomraden-downloads"]["children"])
    assert all("region=21" in href for href in view.values()) and len(view) == 2  # the deck and the ZIP


def test_inert_parts_written_as_html_escape_text_and_attributes_and_keep_the_markup():
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
    alert = to_html(dbc.Alert("Kunde <inte>", color="warning", className="mb-0"))
    assert alert == '<div class="alert alert-warning mb-0" role="alert">Kunde &lt;inte&gt;</div>'
    # read back as the browser gets it: the same words, no element made of the text
    parsed = as_json(static(tree))
    assert text(parsed) == "Visa <tabell> & mer Ladda ner Industri"
    assert [n["type"] for n in nodes(parsed)][1:] == ["Details", "Summary", "A", "Span"]


def test_inert_html_refuses_a_component_with_behaviour():
    with pytest.raises(TypeError, match="Dropdown"):
        to_html(html.Div(dcc.Dropdown(options=["a"])))
