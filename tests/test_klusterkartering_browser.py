"""The Klusterkartering view in real headless Chromium: filters change what is shown, a cluster card opens."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.pages import chart_drawn

pytestmark = pytest.mark.browser

PORTFOLIO = "#klusterkartering-portfolio-chart"
HISTORY = "#klusterkartering-history-chart"
CRITERIA = "#klusterkartering-criteria-chart"
CARD = "#klusterkartering-card-chart"
# Generous waits: the first page of a run loads plotly.js (several MB) and the test machine is shared.
WAIT = 60_000


def open_view(watched, path="/klusterkartering"):
    watched.page.set_default_timeout(WAIT)
    page = watched.goto(path)
    chart_drawn(page, PORTFOLIO)
    return page


def address(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


def wait_for_address(page, **wanted):
    """Wait until the URL holds these parameters (others, such as the year, may be there too)."""
    page.wait_for_function(
        "wanted => { const q = new URLSearchParams(location.search);"
        " return Object.entries(wanted).every(([k, v]) => q.get(k) === v); }",
        arg=wanted,
    )


def test_filters_change_the_charts_and_the_address(watched):
    page = open_view(watched)
    summary = page.locator(f"{PORTFOLIO} figcaption")
    expect(summary).to_have_text(re.compile(r"^År 2020 bedömdes 11 klusterinitiativ"), timeout=WAIT)
    expect(page.locator(f"{PORTFOLIO} .ytick")).to_have_count(11)

    page.get_by_label("Län").select_option(label="Dalarnas län")
    wait_for_address(page, county="20")
    expect(summary).to_have_text(re.compile(r"^År 2020 bedömdes 6 klusterinitiativ"), timeout=WAIT)
    expect(page.locator(f"{PORTFOLIO} .ytick")).to_have_count(6, timeout=WAIT)
    expect(page.locator(f"{HISTORY} .chart-subtitle")).to_have_text(
        re.compile(r"^Dalarnas län, alla bedömningsår"), timeout=WAIT
    )
    expect(page.locator(f"{HISTORY} .ytick")).to_have_count(6, timeout=WAIT)

    page.get_by_label("Tematiskt område").select_option(label="IT och kommunikation")
    wait_for_address(page, county="20", theme="it")
    expect(page.locator(f"{PORTFOLIO} .ytick")).to_have_count(1, timeout=WAIT)
    expect(page.locator(f"{PORTFOLIO} .ytick")).to_have_text("ITS Dalarna", timeout=WAIT)

    page.get_by_label("Bedömningsår").select_option("2016")
    wait_for_address(page, county="20", theme="it", year="2016")
    expect(page.locator(f"{PORTFOLIO} .chart-title")).to_have_text(
        "Klusterportföljen 2016: utvecklingsfas", timeout=WAIT
    )
    expect(page.locator(f"{CRITERIA} .chart-title")).to_have_text("Horisontella kriterier 2016", timeout=WAIT)

    page.go_back()  # back to 2020; the filters follow the address
    page.wait_for_function("() => new URLSearchParams(location.search).get('year') !== '2016'")
    expect(page.get_by_label("Bedömningsår")).to_have_value("2020", timeout=WAIT)
    expect(page.locator(f"{PORTFOLIO} .chart-title")).to_have_text(
        "Klusterportföljen 2020: utvecklingsfas", timeout=WAIT
    )
    assert address(page)["theme"] == "it"
    assert watched.console_errors == []


def test_a_cluster_card_opens_with_the_keyboard_and_the_address_keeps_it(watched):
    page = open_view(watched)
    expect(page.locator(CARD)).to_have_text("Inget klusterinitiativ valt ännu.", timeout=WAIT)
    page.get_by_label("Välj klusterinitiativ").focus()
    page.keyboard.press("ArrowDown")  # the first initiative in the list, by name
    wait_for_address(page, cluster="byggdialog-dalarna")
    card = page.locator(CARD)
    expect(card.locator("h3").first).to_have_text("Byggdialog Dalarna", timeout=WAIT)
    facts = card.locator(".cluster-facts")
    expect(facts).to_contain_text("Grundat")
    expect(facts).to_contain_text("uppgift saknas")
    survey = card.get_by_role("link", name=re.compile("företagsenkäten"))
    assert survey.get_attribute("href") == "/foretagsenkat?cluster=byggdialog-dalarna"
    chart_drawn(page, CARD)  # the phase over time

    page.reload()  # the address alone opens the same card
    expect(page.locator(CARD).locator("h3").first).to_have_text("Byggdialog Dalarna", timeout=WAIT)
    expect(page.get_by_label("Välj klusterinitiativ")).to_have_value("byggdialog-dalarna", timeout=WAIT)
    assert watched.console_errors == []


def test_clicking_a_cluster_in_the_portfolio_opens_its_card(watched):
    page = open_view(watched, "/klusterkartering?county=17")
    expect(page.locator(f"{PORTFOLIO} .ytick")).to_have_count(2, timeout=WAIT)
    point = page.locator(f"{PORTFOLIO} .scatterlayer .trace .point").first  # Compare: first by name in Värmland
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_for_address(page, county="17", cluster="compare")
    expect(page.locator(CARD).locator("h3").first).to_have_text("Compare", timeout=WAIT)
    expect(page.get_by_label("Välj klusterinitiativ")).to_have_value("compare", timeout=WAIT)
    assert watched.console_errors == []


def test_english_view_names_phases_and_levels_in_english(watched):
    page = open_view(watched, "/klusterkartering?lang=en&cluster=findit")
    expect(page.locator("h1")).to_have_text("Cluster mapping")
    expect(page.locator(f"{PORTFOLIO} .xtick").first).to_contain_text("Initiation", timeout=WAIT)
    expect(page.locator(CARD).locator(".cluster-facts")).to_contain_text("not known", timeout=WAIT)
    chart_drawn(page, CRITERIA)
    assert "Partly" in page.locator(f"{CRITERIA} .textpoint").all_text_contents()
    assert watched.console_errors == []
