"""Loading and errors: the reader sees that a chart is on its way, and a broken chart breaks only itself."""

from __future__ import annotations

import threading

import pytest
from layouts.chart import GRAPH_HIDDEN, render_safely
from playwright.sync_api import expect

from callbacks import registry
from tests.pages import chart_drawn, goto


def broken_chart(conn, lang):
    raise RuntimeError("the store said no")


def test_a_failing_builder_gives_a_message_instead_of_an_exception():
    [value] = render_safely(lambda: broken_chart(None, "sv"), "sv", {})
    assert "Diagrammet kunde inte visas just nu" in value["head"] and 'role="alert"' in value["head"]
    assert value["figure"] is None and value["style"] == GRAPH_HIDDEN  # no empty graph under it
    assert value["caption"] == "" and value["body"] == ""
    [english] = render_safely(lambda: broken_chart(None, "en"), "en", {})
    assert "The chart could not be shown right now" in english["head"]


@pytest.mark.browser
def test_an_error_in_one_chart_shows_in_that_chart_and_the_page_stays(watched, monkeypatch):
    monkeypatch.setitem(registry.CHARTS["start"], "employment", broken_chart)
    page = watched.page
    goto(page, watched.base_url + "/")
    card = page.locator("#start-employment-chart")
    assert "Diagrammet kunde inte visas just nu" in card.inner_text()
    assert card.get_by_role("alert").count() == 1
    # the rest of the page is there: heading, the four views, navigation, footer
    assert page.locator("h1").inner_text() == "Smart specialisering i Norra Mellansverige"
    assert page.locator(".view-card").count() == 4
    assert page.locator("#shell-footer").is_visible()
    assert watched.console_errors == []


@pytest.mark.browser
@pytest.mark.parametrize("lang,words", [("sv", '"Laddar …"'), ("en", '"Loading …"')])
def test_a_loading_indicator_shows_while_a_chart_is_built(watched, monkeypatch, lang, words):
    release = threading.Event()
    build = registry.CHARTS["start"]["employment"]

    def slow_chart(conn, lang):
        release.wait(60)  # held until the test has seen the indicator
        return build(conn, lang)

    monkeypatch.setitem(registry.CHARTS["start"], "employment", slow_chart)
    page = watched.page
    page.goto(watched.base_url + ("/?lang=en" if lang == "en" else "/"))
    status = page.locator("#start-employment-chart").locator("xpath=../..").get_by_role("status")
    try:
        status.wait_for(state="visible")
        # the spinner says in words what is happening, in the page's language (CSS ::after)
        assert status.evaluate("e => getComputedStyle(e, '::after').content") == words
    finally:
        release.set()
    chart_drawn(page, "#start-employment-chart")
    expect(page.get_by_role("status")).to_have_count(0)
