"""The Företagsenkät view in real headless Chromium: diverging bars, filters in the URL, hidden groups, CSV."""

from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from tests.pages import chart_drawn

pytestmark = pytest.mark.browser

CLUSTERS = "#foretagsenkat-kluster-chart"
QUESTIONS = "#foretagsenkat-fragor-chart"
ROUNDS = "#foretagsenkat-omgangar-chart"
# Each filter change rebuilds three charts; on a machine shared by many test runs that can take seconds.
SLOW = {"timeout": 30_000}


def open_view(watched, path="/foretagsenkat"):
    page = watched.goto(path)
    # The first page of a run loads plotly.js (several MB); on a busy machine that can take a while.
    for chart in (CLUSTERS, QUESTIONS, ROUNDS):
        chart_drawn(page, chart)
    return page


def test_three_charts_are_drawn_marked_as_example_data_with_hidden_groups_explained(watched):
    page = open_view(watched, "/foretagsenkat?round=2017")
    card = page.locator(CLUSTERS)
    expect(card.locator(".chart-title")).to_have_text("Klustren jämförda, Våren 2017", **SLOW)
    expect(card.locator(".badge-example").first).to_have_text("Exempeldata", **SLOW)
    # Five answer segments (legend) and the hidden groups named with the reason, inside the chart.
    expect(card.locator(".legend .traces")).to_have_count(5, **SLOW)
    expect(card.locator("svg text", has_text="Dold: färre än 5 svarande")).to_have_count(1, **SLOW)
    expect(card.locator("svg text", has_text="Dold för att skydda en annan grupp")).to_have_count(1, **SLOW)
    expect(card.locator(".chart-note").last).to_contain_text("Grupper med färre än 5 svarande visas inte", **SLOW)
    expect(card.locator("figcaption")).to_contain_text("2 kluster visas inte för att skydda de svarande", **SLOW)
    card.get_by_text("Visa tabell").click()
    expect(card.locator("table.data-table tbody tr")).to_have_count(12, **SLOW)
    expect(card.locator("table.data-table")).to_contain_text("Triple Steelix", **SLOW)
    assert watched.console_errors == []
    assert watched.foreign_requests == []


def test_filters_go_into_the_address_and_back_forward_restores_them(watched):
    page = open_view(watched)
    title = page.locator(f"{CLUSTERS} .chart-title")
    expect(title).to_have_text("Klustren jämförda, Våren 2018", **SLOW)

    page.get_by_label("Län").select_option(label="Dalarnas län")
    page.wait_for_url(re.compile(r"/foretagsenkat\?(.*&)?county=20$"))
    expect(title).to_have_text("Klustren jämförda, Dalarnas län, Våren 2018", **SLOW)
    expect(page.locator(f"{QUESTIONS} .chart-title")).to_have_text(
        "Alla frågor: Samtliga kluster, Dalarnas län, Våren 2018", **SLOW
    )

    page.get_by_label("Enkätomgång").select_option(label="Våren 2017")
    page.wait_for_url(re.compile(r"/foretagsenkat\?round=2017&(.*&)?county=20$"))
    expect(title).to_have_text("Klustren jämförda, Dalarnas län, Våren 2017", **SLOW)

    page.go_back()
    page.wait_for_url(re.compile(r"/foretagsenkat\?round=2018&(.*&)?county=20$"))
    expect(page.get_by_label("Enkätomgång")).to_have_value("2018", **SLOW)
    expect(title).to_have_text("Klustren jämförda, Dalarnas län, Våren 2018", **SLOW)
    page.go_back()
    page.wait_for_url(re.compile(r".*/foretagsenkat$"))
    expect(page.get_by_label("Län")).to_have_value("", **SLOW)
    expect(title).to_have_text("Klustren jämförda, Våren 2018", **SLOW)
    assert watched.console_errors == []


def test_a_link_with_a_cluster_opens_that_cluster_in_english(watched):
    page = open_view(watched, "/foretagsenkat?cluster=compare&question=samverkan_forskare&lang=en")
    expect(page.get_by_label("Cluster initiative")).to_have_value("compare", **SLOW)
    expect(page.get_by_label("Question")).to_have_value("samverkan_forskare", **SLOW)
    expect(page.locator(f"{QUESTIONS} .chart-title")).to_have_text("All questions: Compare, 2018", **SLOW)
    expect(page.locator(f"{ROUNDS} .chart-title")).to_have_text("Change between rounds: Compare", **SLOW)
    expect(page.locator(f"{ROUNDS} figcaption")).to_contain_text("the positive share was", **SLOW)
    expect(page.locator(f"{CLUSTERS} .chart-title")).to_have_text("The clusters compared, 2018", **SLOW)
    assert watched.console_errors == []


def test_the_csv_link_gives_the_aggregated_numbers_of_the_chart(watched):
    page = open_view(watched, "/foretagsenkat?county=21")
    link = page.locator(f'{CLUSTERS} a[href^="/export/foretagsenkat/kluster.csv"]')
    assert "county=21" in link.get_attribute("href")
    body = page.request.get(watched.base_url + link.get_attribute("href")).text().lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(body)))
    assert [r[0] for r in rows[1:]] == ["Samtliga kluster", "FindIT", "Fiber Optic Valley", "Future Position X"]
    assert rows[2][-1] == "" and rows[3][-1] == rows[4][-1] == "Dold: färre än 5 svarande"
    assert all(cell == "" for cell in rows[3][1:-1])  # a hidden cluster's numbers are not in the file
    assert re.search(r"-20\d\d-\d{3}", body) is None  # no respondent id


# The widest the page has been, measured every frame from the first script on.
WIDEST_JS = """(() => { window.__widest = 0;
    const look = () => { const d = document.documentElement;
        if (d) window.__widest = Math.max(window.__widest, d.scrollWidth); requestAnimationFrame(look); };
    requestAnimationFrame(look); })()"""


def test_the_view_fits_a_phone(watched):
    page = watched.page
    page.set_viewport_size({"width": 375, "height": 800})
    page.add_init_script(WIDEST_JS)
    open_view(watched, "/foretagsenkat?county=20&cluster=its-dalarna")
    expect(page.locator(f"{QUESTIONS} .chart-title")).to_contain_text("ITS Dalarna", **SLOW)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # not even for a moment while the charts are drawn (a graph first drawn while hidden was 700 px wide)
    assert page.evaluate("window.__widest") <= 375
    assert watched.console_errors == []
