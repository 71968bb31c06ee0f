"""Charts a politician can read on a phone: at 375 px every chart text lies inside its chart and meets no other.

One visit per view in real Chromium (Debian's, tests/browser.py); tests/chart_boxes.py reads where
Plotly drew every tick label, legend entry, annotation and value, and names what is clipped or overlaps.
"""

from __future__ import annotations

import pytest

import charts
from figures.style import HEADING_CHARS
from tests.browser import LiveServer
from tests.chart_boxes import chart_problems, drawn_charts, settle
from tests.export_support import example_app

PHONE = {"width": 375, "height": 800}
VIEWS = {  # path: the charts the page draws there (a matrix shown as an HTML table has no graph)
    "/": 1,
    "/styrkeomraden": 7,
    "/styrkeomraden?region=lanen": 7,  # three panels each
    "/klusterkartering?cluster=byggdialog-dalarna": 4,  # with the cluster's card
    "/foretagsenkat": 3,
    "/milstolpar": 6,  # with attainment per activity and per sub-goal
}


def phone_page(browser, url: str):
    """Yield (url, a page at 375 px) for a module's visits."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield url, page
    context.close()


@pytest.fixture(scope="module")
def phone(browser, live_server):
    yield from phone_page(browser, live_server.url)


def check_charts(phone, path: str, expected: int) -> None:
    """Open path and assert: the expected charts drawn, each text inside its chart and clear of the others."""
    base, page = phone
    page.goto(base + path)
    settle(page)
    drawn = drawn_charts(page)
    assert len(drawn) == expected, [c["id"] for c in drawn]
    assert all(c["texts"] for c in drawn)  # the check read the charts' words, not empty boxes
    assert all(c["box"]["w"] <= PHONE["width"] for c in drawn)  # no chart wider than the phone
    assert chart_problems(page) == {}
    assert page.locator(".modebar").count() == 0  # no mode bar over the legends


@pytest.mark.parametrize("path", list(VIEWS))
def test_every_chart_text_is_inside_its_chart_and_clear_of_the_others(phone, path):
    check_charts(phone, path, VIEWS[path])


REAL_VIEWS = {"/": 4, "/styrkeomraden": 5, "/uppfoljning": 1}  # the shipped statistics: other numbers and labels


@pytest.fixture(scope="module")
def real_phone(browser, real_app):
    with LiveServer(real_app.server) as server:
        yield from phone_page(browser, server.url)


@pytest.mark.parametrize("path", list(REAL_VIEWS))
def test_with_the_shipped_statistics_every_chart_text_is_inside_its_chart(real_phone, path):
    check_charts(real_phone, path, REAL_VIEWS[path])


def test_the_phase_history_shows_the_newest_year_first(phone):
    base, page = phone
    page.goto(base + "/klusterkartering")
    settle(page)
    years = page.locator("#klusterkartering-history-graph .xtick text").all_text_contents()
    assert len(years) >= 2 and years == sorted(years, reverse=True), years


def test_long_industry_names_are_written_whole_above_their_bars():
    app = example_app()
    with app.server.test_request_context():
        chart = charts.build_chart("styrkeomraden", "lq-bars", {}, strict=True)
    figure = chart.figure_dict()
    headings = [a for a in figure["layout"]["annotations"] if a.get("name") == "row-heading"]
    names = list(chart.table.iloc[:, 0])
    assert len(headings) == len(names)
    for heading, name in zip(headings, names):  # the whole name, at most two lines, no "…"
        text = heading["text"].replace("<br>", " ").replace("&amp;", "&")
        assert text == name and len(name) <= 2 * HEADING_CHARS
    assert not figure["layout"]["yaxis"].get("showticklabels", True)  # no names beside the bars eating them
