"""The Styrkeområden view in real headless Chromium: drawn, marked, hoverable, and redrawn by its filters."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Seven charts drawn by Plotly and the two matrices, which are HTML tables.
ALL_DRAWN = """[...document.querySelectorAll('#main .js-plotly-plot')]
        .filter(g => g.checkVisibility({visibilityProperty: true})).length >= 7
    && document.querySelectorAll('#main table.matrix').length >= 2
    && !document.querySelector('#main [data-s3-pending]')"""
SLOW = 180_000  # nine charts on a shared two-core machine: generous, never a timing assertion


def open_view(watched, path: str):
    page = watched.goto(path)
    page.wait_for_function(ALL_DRAWN, timeout=SLOW)
    return page


def test_the_view_draws_every_chart_marks_example_data_and_shows_a_bubble_on_hover(watched):
    page = open_view(watched, "/styrkeomraden?region=20&year=2023")
    summary = page.locator("#styrkeomraden-summary")
    assert "I Dalarnas län är stål- och metallframställning" in summary.inner_text()
    bubble = page.locator("#styrkeomraden-bubble-chart")
    assert "Exempeldata" in bubble.inner_text()
    assert bubble.locator("figcaption").inner_text().startswith("Varje bubbla är en bransch")
    # Hover the largest bubble of the first class, as a mouse would, and read the label Plotly shows.
    page.evaluate(
        """() => {
            const gd = document.querySelector('#styrkeomraden-bubble-chart .js-plotly-plot');
            Plotly.Fx.hover(gd, [{curveNumber: 0, pointNumber: 0}]);
        }"""
    )
    hover = page.locator("#styrkeomraden-bubble-chart .hoverlayer").text_content()
    for word in ("Sysselsatta", "Lokaliseringskvot", "Förändring"):
        assert word in hover
    assert "Regeln" in page.locator("#styrkeomraden-rule").inner_text()
    assert watched.console_errors == []
    assert watched.foreign_requests == []


def test_choosing_another_region_updates_the_address_and_redraws_the_charts(watched):
    page = open_view(watched, "/styrkeomraden?region=20&year=2023")
    page.locator("""select[id*='"param":"region"']""").select_option("21")
    page.wait_for_url("**region=21**", timeout=SLOW)
    page.wait_for_function(
        "document.querySelector('#styrkeomraden-summary').innerText.includes('I Gävleborgs län')", timeout=SLOW
    )
    page.wait_for_function(ALL_DRAWN, timeout=SLOW)
    csv_link = page.locator("#styrkeomraden-lq-bars-chart a[href*='.csv']").first
    assert "region=21" in csv_link.get_attribute("href")
    assert watched.console_errors == []


def test_a_region_compared_with_itself_is_explained_in_words(watched):
    page = watched.goto("/styrkeomraden?region=SE31&reference=SE31")
    card = page.locator("#styrkeomraden-bubble-chart")
    card.get_by_text("samma som referensen").first.wait_for(timeout=SLOW)
    assert "välj en annan referens" in page.locator("#styrkeomraden-summary").inner_text()
    assert watched.console_errors == []
