"""The shell in real headless Chromium: every view by its URL, headings, no errors, nothing from other hosts."""

from __future__ import annotations

import pytest

from tests.pages import chart_drawn

pytestmark = pytest.mark.browser

VIEWS = [
    ("/", "Smart specialisering i Norra Mellansverige"),
    ("/styrkeomraden", "Styrkeområden"),
    ("/klusterkartering", "Klusterkartering"),
    ("/foretagsenkat", "Företagsenkät"),
    ("/milstolpar", "Milstolpar"),
    ("/om-data-och-metod", "Om data och metod"),
]


@pytest.mark.parametrize("path,heading", VIEWS)
def test_view_opens_by_url_without_errors_or_foreign_requests(watched, path, heading):
    page = watched.goto(path)
    page.wait_for_selector("h1")
    assert page.locator("h1").first.inner_text() == heading
    assert page.locator("html").get_attribute("lang") == "sv"
    assert watched.console_errors == []
    assert watched.foreign_requests == []


def test_start_page_chart_is_drawn_and_marked_as_example(watched):
    page = watched.goto("/")
    card = page.locator("#start-employment-chart")
    chart_drawn(page, "#start-employment-chart")
    assert "Exempeldata" in card.inner_text()
    assert card.locator("figcaption").inner_text().startswith("Sysselsatta 2023")


def test_navigation_collapses_on_a_phone_and_opens_with_the_menu_button(watched):
    page = watched.page
    page.set_viewport_size({"width": 375, "height": 800})
    watched.goto("/")
    link = page.locator("#shell-nav").get_by_role("link", name="Milstolpar", exact=True)
    assert not link.is_visible()
    page.get_by_role("button", name="Meny").click()
    link.click()
    page.wait_for_url("**/milstolpar")
    page.wait_for_selector("h1:has-text('Milstolpar')")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_language_link_switches_to_english_on_the_same_view(watched):
    page = watched.goto("/milstolpar")
    page.get_by_role("link", name="In English").click()
    page.wait_for_url("**/milstolpar?lang=en")
    page.wait_for_selector("h1:has-text('Milestones')")
    assert page.locator("html").get_attribute("lang") == "en"
