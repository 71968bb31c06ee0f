"""WCAG 2.1 AA with axe-core in real headless Chromium: every view x language x desktop and phone.

axe-core comes bundled with axe-playwright-python and runs inside the page, offline. Every
<details> (table views, download menus, settings) is opened first, so what they hide is checked too.
The same pages are checked at 375 px for what a phone needs: no sideways scrolling of the page,
charts that fit, navigation behind the menu button.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.pages import DESKTOP, LANGS, PHONE, goto, settle, url_for, view_paths

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Findings inside third-party components that the app cannot fix, by axe rule: (CSS fragment of
# the element, reason). This list is the only place such exceptions live; keep it short and true.
THIRD_PARTY: dict[str, list[tuple[str, str]]] = {}

AXE = Axe()

# Charts wider than the screen, unless they sit in a box of their own that scrolls sideways (a wide
# grid may do that: WCAG 1.4.10 allows two-dimensional content to scroll, but not the page).
CHARTS_TOO_WIDE = """width => [...document.querySelectorAll('.js-plotly-plot')].filter(g => {
    let box = g;
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
    return (box || g).getBoundingClientRect().right > width;
}).map(g => g.closest('[id]').id)"""


def unfixable(rule: str, target: str) -> bool:
    return any(fragment in target for fragment, _reason in THIRD_PARTY.get(rule, []))


def violations(page) -> list[str]:
    """Return 'rule: element' for each WCAG 2.1 A/AA violation the app could fix."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    settle(page)
    result = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    found = []
    for rule in result.response["violations"]:
        for node in rule["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if not unfixable(rule["id"], target):
                found.append(f"{rule['id']}: {target} ({rule['help']})")
    return found


@pytest.fixture(params=["desktop", "phone"])
def sized_page(request, browser, live_server):
    context = browser.new_context(viewport=DESKTOP if request.param == "desktop" else PHONE)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page, live_server.url, request.param
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", view_paths())
def test_axe_finds_nothing_the_app_can_fix(sized_page, path, lang):
    page, base_url, size = sized_page
    goto(page, base_url + url_for(path, lang))
    assert violations(page) == []
    if size == "phone":
        # phones: the page never scrolls sideways, charts fit, the navigation hides behind the menu button
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.evaluate(CHARTS_TOO_WIDE, PHONE["width"]) == []
        assert not page.locator("#shell-nav").is_visible()
        assert page.locator("#shell-nav-toggler").is_visible()


def test_the_check_can_fail(watched):
    # an image without a text alternative on the page must be reported, or the tests above prove nothing
    page = watched.page
    goto(page, watched.base_url + "/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:,\" id=\"no-alt\">')"
    )
    assert any(v.startswith("image-alt: #no-alt") for v in violations(page))
