"""The page's plotly.js draws every chart the views show: the bundle (assets/vendor, built from web/plotly_bundle
by `make plotly-bundle`) holds only the trace types in use, so a chart of a new type must be added to it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import plotly.graph_objects as go
import pytest

import charts
from charts.views import VIEWS
from tests.dash_json import find_all, page_layout

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "assets" / "vendor"


def shipped_bundle() -> Path:
    (bundle,) = VENDOR.glob("plotly-*.min.js")  # one plotly.js, or the page would load two
    return bundle


def bundle_traces() -> set[str]:
    """Return the trace types the shipped bundle registers (each trace module says so in its own words)."""
    return set(re.findall(r'moduleType:"trace",name:"(\w+)"', shipped_bundle().read_text(encoding="utf-8")))


def test_the_shipped_bundle_is_the_one_its_recipe_builds():
    entry = (ROOT / "web" / "plotly_bundle" / "entry.js").read_text(encoding="utf-8")
    registered = set(re.findall(r"require\('plotly\.js/lib/(\w+)'\)", entry)) - {"core"}
    assert bundle_traces() == registered | {"scatter"}  # scatter is part of plotly.js's core
    assert shipped_bundle().read_text(encoding="utf-8").startswith("/**\n* plotly.js (scatter, bar, heatmap")


# Every view at its address, and Styrkeområden also for the three counties side by side and for one county.
ADDRESSES = [v.path for v in VIEWS] + ["/styrkeomraden?region=lanen", "/styrkeomraden?region=20"]


def test_every_chart_a_page_draws_has_its_trace_types_in_the_page_s_plotly(real_app):
    client = real_app.server.test_client()  # the shipped statistics, and the example records of the other views
    available, drawn = bundle_traces(), {}
    for address in ADDRESSES:
        for graph in find_all(page_layout(client, address), "Graph"):
            for trace in (graph["props"].get("figure") or {}).get("data") or []:
                drawn.setdefault(trace.get("type", "scatter"), set()).add(graph["props"]["id"])
    assert {"scatter", "bar", "heatmap"} <= set(drawn)  # the check sees the charts it is about
    missing = {t: sorted(where) for t, where in drawn.items() if t not in available}
    assert missing == {}, f"trace types the page's plotly.js cannot draw: {missing}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_chart_a_page_draws_is_a_figure_plotly_accepts(real_app, lang):
    # The views build their figures as plain dicts (figures.style.figure), which nothing checks as they are
    # built: Plotly reads each figure the page sends and refuses a property it does not know or a bad value.
    client = real_app.server.test_client()
    checked = 0
    for address in ADDRESSES:
        query = ("&" if "?" in address else "?") + "lang=en" if lang == "en" else ""
        for graph in find_all(page_layout(client, address + query), "Graph"):
            figure = graph["props"].get("figure")
            if figure:
                go.Figure(figure)  # raises ValueError naming the property
                checked += 1
    assert checked > 30


def test_every_embedded_chart_is_drawn_by_the_page_s_plotly_or_written_as_html(real_app):
    client = real_app.server.test_client()
    available, missing = bundle_traces(), {}
    for view in (v for v in VIEWS if v.charts_module):
        for key in charts.chart_keys(view.key):
            page = client.get(f"/embed/{view.key}/{key}").get_data(as_text=True)
            found = re.search(r'<script type="application/json" id="chart-figure">(.*?)</script>', page, re.S)
            if found is None:  # written as HTML: a matrix, a list
                assert 'class="chart-matrix"' in page or 'class="chart-list"' in page, f"{view.key}/{key}"
                continue
            for trace in json.loads(found.group(1)).get("data") or []:
                if trace.get("type", "scatter") not in available:
                    missing.setdefault(trace.get("type"), []).append(f"{view.key}/{key}")
    assert missing == {}, f"embedded charts the page's plotly.js cannot draw: {missing}"


def test_the_embedded_milestone_list_is_a_table_of_every_milestone_shown(real_app):
    client = real_app.server.test_client()
    page = client.get("/embed/milstolpar/list").get_data(as_text=True)
    assert 'id="chart-figure"' not in page  # not a Plotly table, which the page's plotly.js does not have
    listed = client.get("/export/milstolpar/list.csv").get_data(as_text=True).strip().splitlines()
    assert page.count("<tr") == len(listed)  # a header row and one row per milestone, as in the CSV
