"""The Klusterkartering view in real headless Chromium: a cluster card opens from the list or from a chart.

What the filters make the charts show, and the card an address opens, are checked over HTTP
(tests/test_klusterkartering.py); the address, history and shared links on every view in
tests/test_filters_browser.py.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.pages import chart_drawn

pytestmark = pytest.mark.browser

PORTFOLIO = "#klusterkartering-portfolio-chart"
CARD = "#klusterkartering-card-chart"
WAIT = 60_000  # generous: the machine is shared; never a timing assertion


def wait_for_address(page, timeout: float = 30_000, **wanted):
    """Wait until the URL holds these parameters (others, such as the year, may be there too)."""
    page.wait_for_function(
        "wanted => { const q = new URLSearchParams(location.search);"
        " return Object.entries(wanted).every(([k, v]) => q.get(k) === v); }",
        arg=wanted,
        timeout=timeout,
    )


def test_a_cluster_chosen_in_the_list_opens_its_card_and_the_address_keeps_it(watched):
    page = watched.goto("/klusterkartering")
    expect(page.locator("#klusterkartering-card-facts")).to_have_text("Inget klusterinitiativ valt ännu.")
    before = len(watched.callbacks)
    page.get_by_label("Välj klusterinitiativ").select_option(label="Byggdialog Dalarna")
    wait_for_address(page, cluster="byggdialog-dalarna")
    card = page.locator(CARD)
    expect(card.locator("h3").first).to_have_text("Byggdialog Dalarna", timeout=WAIT)
    expect(card.locator(".cluster-facts")).to_contain_text("uppgift saknas")
    survey = card.get_by_role("link", name=re.compile("företagsenkäten"))
    assert survey.get_attribute("href") == "/foretagsenkat?cluster=byggdialog-dalarna"
    chart_drawn(page, CARD)  # the phase over time
    watched.settle()
    assert len(watched.callbacks) == before + 1  # the card came with the view's one redraw
    assert watched.console_errors == []


def test_clicking_a_cluster_in_the_portfolio_opens_its_card(watched):
    page = watched.goto("/klusterkartering?county=17")
    expect(page.locator(f"{PORTFOLIO} .ytick")).to_have_count(2)
    point = page.locator(f"{PORTFOLIO} .scatterlayer .trace .point").first  # Compare: first by name in Värmland
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_for_address(page, county="17", cluster="compare")
    expect(page.locator(CARD).locator("h3").first).to_have_text("Compare", timeout=WAIT)
    expect(page.get_by_label("Välj klusterinitiativ")).to_have_value("compare")
    chart_drawn(page, CARD)
    assert watched.console_errors == []


def test_the_cluster_list_can_be_walked_with_the_arrow_keys(watched):
    page = watched.goto("/klusterkartering")
    picker = page.get_by_label("Välj klusterinitiativ")
    picker.focus()
    for _ in range(2):  # from '– inget valt –' to the first initiative by name
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(300)
        if picker.input_value():
            break
    assert picker.input_value() == "byggdialog-dalarna"
    wait_for_address(page, cluster="byggdialog-dalarna")
