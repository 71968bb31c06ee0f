"""Moving around the site in real headless Chromium: keyboard, phone menu, views left and opened again.

Tab stops, the skip link and the language of every page are checked on the shared pages
(tests/test_pages_browser.py); here the reader goes somewhere.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.pages import PHONE, PageWatch, filtered_paths

pytestmark = pytest.mark.browser


def tab_to(page, predicate: str, limit: int = 250) -> None:
    """Press Tab until the focused element matches the JS predicate (e => bool)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!e && ({predicate})(e); }}"):
            return
    raise AssertionError(f"no Tab stop matched {predicate}")


def test_navigation_works_with_the_keyboard_and_a_view_opened_again_is_drawn_again(watched):
    page = watched.goto("/")
    tab_to(page, "e => e.innerText === 'Styrkeområden'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/styrkeomraden**")
    page.wait_for_selector("h1:has-text('Styrkeområden')")
    watched.settle()
    page.locator("#shell-nav").get_by_role("link", name="Klusterkartering").click()
    page.wait_for_selector("h1:has-text('Klusterkartering')")
    watched.settle()
    page.locator("#shell-nav").get_by_role("link", name="Styrkeområden").click()
    page.wait_for_selector("h1:has-text('Styrkeområden')")
    watched.settle()
    bubble = page.locator("#styrkeomraden-bubble-graph")
    assert bubble.is_visible() and bubble.locator(".scatterlayer .point").count() > 10
    assert page.title().startswith("Styrkeområden – ")  # the tab and the history entry name the view
    assert watched.console_errors == []


def current_views(page) -> list[str]:
    """Return the names of the menu's links marked as the current view."""
    return page.locator("#shell-nav .nav-link.active").all_inner_texts()


def test_the_menu_marks_the_current_view_in_either_language_and_follows_the_reader(watched):
    page = watched.goto("/klusterkartering?lang=en")
    assert current_views(page) == ["Cluster mapping"]
    page.locator("#shell-nav").get_by_role("link", name="Milestones").click()
    page.wait_for_selector("h1:has-text('Milestones')")
    watched.settle()
    assert current_views(page) == ["Milestones"]
    page.locator("#shell-nav").get_by_role("link", name="På svenska").click()
    page.wait_for_selector("h1:has-text('Milstolpar')")
    watched.settle()
    assert current_views(page) == ["Milstolpar"]
    page.locator(".navbar-brand").click()  # the start page is not in the menu: nothing is marked
    page.wait_for_url(lambda url: url.endswith("/"))
    watched.settle()
    assert current_views(page) == []
    assert watched.console_errors == []


def test_back_after_following_a_menu_link_returns_to_the_previous_view(watched):
    page = watched.goto("/styrkeomraden?region=20&year=2023")
    page.locator("#shell-nav").get_by_role("link", name="Klusterkartering").click()
    page.wait_for_selector("h1:has-text('Klusterkartering')")
    watched.settle()
    before = page.url
    page.go_back()
    page.wait_for_function("u => location.href !== u", arg=before)
    watched.settle()
    assert page.evaluate("location.pathname") == "/styrkeomraden"
    assert page.locator("h1").inner_text() == "Styrkeområden"
    assert page.locator("#styrkeomraden-bubble-graph .scatterlayer .point").count() > 10


def test_the_menu_button_opens_the_navigation_on_a_phone_by_keyboard_and_by_touch(watched):
    page = watched.page
    page.set_viewport_size(PHONE)
    watched.goto("/")
    link = page.locator("#shell-nav").get_by_role("link", name="Klusterkartering")
    assert not link.is_visible()
    tab_to(page, "e => e.id === 'shell-nav-toggler'")
    toggler = page.locator("#shell-nav-toggler")
    assert toggler.get_attribute("aria-expanded") == "false"
    # the button's three lines are drawn dark on the white bar (not white on white)
    icon = toggler.locator(".navbar-toggler-icon").screenshot()
    assert Image.open(io.BytesIO(icon)).convert("L").getextrema()[0] < 100
    asked = len(watched.callbacks)
    page.keyboard.press("Enter")
    link.wait_for(state="visible")
    assert toggler.get_attribute("aria-expanded") == "true"
    # the menu opens in the browser: nothing is asked of the server (a slow connection would delay it)
    assert watched.callbacks[asked:] == []
    tab_to(page, "e => e.innerText === 'Klusterkartering'", limit=10)
    page.keyboard.press("Enter")
    page.wait_for_url("**/klusterkartering")
    watched.settle()
    # and with a finger: the menu button closes and opens the menu, then a view
    button = page.get_by_role("button", name="Meny")
    if toggler.get_attribute("aria-expanded") == "true":
        button.click()
        page.wait_for_function(
            "() => document.getElementById('shell-nav-toggler').getAttribute('aria-expanded') === 'false'"
        )
        link.wait_for(state="hidden")
    button.click()
    page.wait_for_selector("#shell-nav-collapse.show")  # open, the animation over
    page.locator("#shell-nav").get_by_role("link", name="Milstolpar", exact=True).click()
    page.wait_for_url("**/milstolpar")
    page.wait_for_selector("h1:has-text('Milstolpar')")
    watched.settle()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert watched.console_errors == []


def test_filter_table_view_and_download_with_the_keyboard_alone(watched: PageWatch):
    page = watched.goto(filtered_paths()[0])
    before = page.url
    # a filter: focus it with Tab, change it with the arrow keys
    tab_to(page, "e => e.tagName === 'SELECT' && e.id.includes('\"type\":\"filter\"')")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("u => window.location.href !== u", arg=before)
    watched.settle()
    # a chart's table view: a <summary> that opens with Enter
    tab_to(page, "e => e.tagName === 'SUMMARY' && !!e.closest('.chart-card .chart-table')")
    page.keyboard.press("Enter")
    table = page.locator(".chart-card .chart-table[open] table").first
    table.wait_for(state="visible")
    assert table.locator("tbody tr").count() > 0
    # the chart's downloads: open the menu, then fetch the data with Enter
    tab_to(page, "e => e.tagName === 'SUMMARY' && !!e.closest('.chart-card .chart-downloads')")
    page.keyboard.press("Enter")
    tab_to(page, "e => e.tagName === 'A' && e.getAttribute('href').includes('.csv')", limit=20)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".csv")
    assert watched.console_errors == []
