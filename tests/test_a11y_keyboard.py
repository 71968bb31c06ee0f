"""Everything works with the keyboard alone, and the reader always sees where the focus is.

Real key presses in headless Chromium: the skip link, the navigation, a filter, a chart's table
view and its downloads; and on every view, each Tab stop is visible and clearly marked.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from layouts import VIEWS
from tests.pages import PHONE, goto, settle, view_paths

pytestmark = pytest.mark.browser

# What has focus: its description, whether it is visible, and whether a focus indicator is drawn.
FOCUS_JS = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const s = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    return {
        what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' «' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40) + '»',
        visible: r.width > 0 && r.height > 0 && e.checkVisibility({visibilityProperty: true, opacityProperty: true}),
        marked: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
        inView: r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth,
    };
}"""
MAX_STOPS = 250


def focus_state(page) -> dict | None:
    """Return what has focus; give a fading-in toolbar or a scrolling page a moment to show it."""
    focus = page.evaluate(FOCUS_JS)
    if focus and not (focus["visible"] and focus["inView"]):
        try:
            page.wait_for_function(
                f"() => {{ const f = ({FOCUS_JS})(); return f && f.visible && f.inView; }}", timeout=2000
            )
        except PlaywrightTimeout:
            pass
        focus = page.evaluate(FOCUS_JS)
    return focus


def tab_to(page, predicate: str, limit: int = MAX_STOPS) -> None:
    """Press Tab until the focused element matches the JS predicate (e => bool)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!e && ({predicate})(e); }}"):
            return
    raise AssertionError(f"no Tab stop matched {predicate}")


@pytest.mark.parametrize("path", view_paths())
def test_every_tab_stop_is_visible_and_marked(watched, path):
    page = watched.page
    page.emulate_media(reduced_motion="reduce")  # no smooth scrolling between the stops
    goto(page, watched.base_url + path)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    settle(page)
    hidden, unmarked, seen = [], [], []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        focus = focus_state(page)
        if focus is None or (seen and focus["what"] == seen[0]):
            break  # back at the start of the page
        seen.append(focus["what"])
        if not (focus["visible"] and focus["inView"]):
            hidden.append(focus["what"])
        if not focus["marked"]:
            unmarked.append(focus["what"])
    assert len(seen) > 3  # skip link, brand, navigation at least
    assert hidden == []
    assert unmarked == []


def test_skip_link_is_first_and_moves_focus_to_the_content(watched):
    page = watched.page
    goto(page, watched.base_url + "/")
    page.keyboard.press("Tab")
    focus = focus_state(page)
    assert "Hoppa till innehållet" in focus["what"] and focus["visible"] and focus["marked"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # the next stop is inside the content, not the navigation again
    assert page.evaluate("!!document.activeElement.closest('main')")


def test_navigation_works_with_the_keyboard(watched):
    page = watched.page
    goto(page, watched.base_url + "/")
    tab_to(page, "e => e.innerText === 'Milstolpar'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/milstolpar")
    page.wait_for_selector("h1:has-text('Milstolpar')")


def test_menu_button_opens_the_navigation_on_a_phone(watched):
    page = watched.page
    page.set_viewport_size(PHONE)
    goto(page, watched.base_url + "/")
    tab_to(page, "e => e.id === 'shell-nav-toggler'")
    toggler = page.locator("#shell-nav-toggler")
    assert toggler.get_attribute("aria-expanded") == "false"
    # the button's three lines are drawn dark on the white bar (not white on white)
    icon = toggler.locator(".navbar-toggler-icon").screenshot()
    assert Image.open(io.BytesIO(icon)).convert("L").getextrema()[0] < 100
    page.keyboard.press("Enter")
    page.locator("#shell-nav").get_by_role("link", name="Klusterkartering").wait_for(state="visible")
    assert page.locator("#shell-nav-toggler").get_attribute("aria-expanded") == "true"
    tab_to(page, "e => e.innerText === 'Klusterkartering'", limit=10)
    page.keyboard.press("Enter")
    page.wait_for_url("**/klusterkartering")


def first_filtered_view() -> str:
    return next(v.path for v in VIEWS if any(p.choices for p in getattr(v.load(), "PARAMS", [])))


def test_filter_table_view_and_download_with_the_keyboard_alone(watched):
    page = watched.page
    path = first_filtered_view()
    goto(page, watched.base_url + path)
    before = page.url
    # a filter: focus it with Tab, change it with the arrow keys
    tab_to(page, "e => e.tagName === 'SELECT' && e.id.includes('\"type\":\"filter\"')")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("u => window.location.href !== u", arg=before)
    settle(page)
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
