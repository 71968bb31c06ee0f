"""Every view as a reader first opens it, in real headless Chromium, checked without changing it.

Each view × language × screen size is loaded once (the `shown` fixture, grouped by pytest) and
every read-only check runs on that page: drawn without a callback, heading and language, no
console errors and nothing from other hosts, WCAG 2.1 AA with axe-core (every <details> opened
first, so "Visa tabell" loads its table and the tables are checked too), one language in every
text, every Tab stop visible and marked, and on a phone no sideways scrolling. A few views add
checks of their own (the start page's chart, downloads, hover) on the same loaded page.
"""

from __future__ import annotations

import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from pptx import Presentation

from charts.views import view_for_path
from tests.conftest import Address
from tests.pages import LANGS, PHONE, SIZES, foreign_words, open_all_details, texts_by_lang, view_paths

pytestmark = pytest.mark.browser

ADDRESSES = [Address(path, lang, size) for path in view_paths() for lang in LANGS for size in SIZES]
DESKTOP = [a for a in ADDRESSES if a.size == "desktop"]
PHONES = [a for a in ADDRESSES if a.size == "phone"]
SITE = {"sv": "Smart specialisering i Norra Mellansverige", "en": "Smart specialisation in North Middle Sweden"}


def on(addresses: list[Address]):
    """Run a test once on each of these loaded pages (the `shown` fixture).

    With several workers (pytest-xdist, --dist loadgroup) every check of one page goes to one worker.
    """
    params = [pytest.param(a, id=str(a), marks=pytest.mark.xdist_group(f"page {a}")) for a in addresses]
    return pytest.mark.parametrize("shown", params, indirect=True)


def heading(address: Address) -> str:
    return SITE[address.lang] if address.path == "/" else view_for_path(address.path).title(address.lang)


def no_errors(shown) -> None:
    assert shown.watch.console_errors == []
    assert shown.watch.foreign_requests == []


@on(ADDRESSES)
def test_a_first_visit_is_drawn_without_any_callback(shown):
    page, address = shown.page, shown.address
    # the server sends the page filled for its address: no _dash-update-component request at all
    assert shown.callbacks_on_first_visit == []
    assert page.locator("html").get_attribute("lang") == address.lang
    assert page.locator("h1").all_inner_texts() == [heading(address)]
    title = SITE[address.lang] if address.path == "/" else f"{heading(address)} – {SITE[address.lang]}"
    assert page.title() == title
    # every chart with data is drawn (tests.pages.settle waited for it): a graph per card, an SVG per graph
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')].filter(g => g.data && g.data.length)"
        ".map(g => !!g.querySelector('.main-svg'))"
    )
    assert all(drawn)
    no_errors(shown)


# --- accessibility with axe-core ---------------------------------------------------------------

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Findings inside third-party components that the app cannot fix, by axe rule: (CSS fragment of
# the element, reason). This list is the only place such exceptions live; keep it short and true.
THIRD_PARTY: dict[str, list[tuple[str, str]]] = {}
AXE = Axe()


def unfixable(rule: str, target: str) -> bool:
    return any(fragment in target for fragment, _reason in THIRD_PARTY.get(rule, []))


def violations(page) -> list[str]:
    """Return 'rule: element' for each WCAG 2.1 A/AA violation the app could fix."""
    result = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    found = []
    for rule in result.response["violations"]:
        for node in rule["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if not unfixable(rule["id"], target):
                found.append(f"{rule['id']}: {target} ({rule['help']})")
    return found


@on(ADDRESSES)
def test_axe_finds_nothing_the_app_can_fix(shown):
    open_all_details(shown.page, shown.watch)  # tables, download menus and settings are checked too
    assert violations(shown.page) == []
    no_errors(shown)


@on([Address("/")])
def test_the_axe_check_can_fail(shown):
    # an image without a text alternative must be reported, or the test above proves nothing
    page = shown.page
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:,\" id=\"no-alt\">')"
    )
    try:
        assert any(v.startswith("image-alt: #no-alt") for v in violations(page))
    finally:
        page.evaluate("document.getElementById('no-alt').remove()")


# --- one language ------------------------------------------------------------------------------


@on(DESKTOP)
def test_the_page_speaks_one_language(shown):
    page, lang = shown.page, shown.address.lang
    open_all_details(page, shown.watch)  # the tables' words too
    assert foreign_words(texts_by_lang(page), lang) == []
    # Every link within the site keeps the language, so the reader never falls back to Swedish.
    hrefs = page.eval_on_selector_all("a[href^='/']", "els => els.map(e => e.getAttribute('href'))")
    lang_link = page.locator("#shell-lang-link").get_attribute("href")
    assert [h for h in hrefs if h != lang_link and ("lang=en" in h) != (lang == "en")] == []
    # the language link leads to the same view in the other language
    assert lang_link.split("?")[0] == shown.address.path and ("lang=en" in lang_link) == (lang == "sv")
    no_errors(shown)


@on([Address("/", lang) for lang in LANGS])
def test_chart_axis_groups_thousands_as_the_language_does(shown):
    thousands = {"sv": "\u00a0", "en": ","}[shown.address.lang]
    ticks = shown.page.locator("#start-employment-chart .ytick text").all_text_contents()
    big = [t for t in ticks if len(re.sub(r"\D", "", t)) >= 4]
    assert big, ticks
    assert all(thousands in t for t in big), big


@on([Address("/")])
def test_charts_carry_no_plotly_toolbar_and_the_cards_menu_speaks_swedish(shown):
    page = shown.page
    # No mode bar over the legends: the card's own menu gives finished pictures and the numbers, and
    # nothing offers Plotly's "Share chart", which would upload the chart to Plotly's cloud.
    assert page.locator(".modebar, .modebar-btn").count() == 0
    assert page.locator("#start-employment-chart summary", has_text="Ladda ner").count() == 1
    links = [t.strip() for t in page.locator("#start-employment-chart a").all_text_contents()]
    assert "PNG 1920 × 1080 (presentation)" in links and "Data (CSV)" in links


# --- keyboard ----------------------------------------------------------------------------------

# What has focus: its description, whether it is visible, and whether a focus indicator is drawn.
FOCUS_JS = """() => {
    const e = document.activeElement;
    if (!e || e === document.body || e.id === 'tab-start') return null;
    const s = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    return {
        what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' «' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40) + '»',
        visible: r.width > 0 && r.height > 0 && e.checkVisibility({visibilityProperty: true, opacityProperty: true}),
        marked: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
        inView: r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth,
    };
}"""
# Put the keyboard's starting point before everything else on the page, as on a fresh load.
TAB_START_JS = """() => {
    let start = document.getElementById('tab-start');
    if (!start) { start = document.createElement('span'); start.id = 'tab-start'; start.tabIndex = -1; document.body.prepend(start); }
    start.focus(); window.scrollTo(0, 0);
}"""
MAX_STOPS = 300


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


@on(DESKTOP)
def test_every_tab_stop_is_visible_and_marked(shown):
    page = shown.page
    page.emulate_media(reduced_motion="reduce")  # no smooth scrolling between the stops
    open_all_details(page, shown.watch)
    page.evaluate(TAB_START_JS)
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
    no_errors(shown)


@on([Address("/")])
def test_skip_link_is_first_and_moves_focus_to_the_content(shown):
    page = shown.page
    page.evaluate(TAB_START_JS)
    page.keyboard.press("Tab")
    focus = focus_state(page)
    assert "Hoppa till innehållet" in focus["what"] and focus["visible"] and focus["marked"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # the next stop is inside the content, not the navigation again
    assert page.evaluate("!!document.activeElement.closest('main')")


# --- phones ------------------------------------------------------------------------------------

# Charts wider than the screen, unless they sit in a box of their own that scrolls sideways (a wide
# grid may do that: WCAG 1.4.10 allows two-dimensional content to scroll, but not the page).
CHARTS_TOO_WIDE = """width => [...document.querySelectorAll('.js-plotly-plot')].filter(g => {
    let box = g;
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
    return (box || g).getBoundingClientRect().right > width;
}).map(g => g.closest('[id]').id)"""


@on(PHONES)
def test_a_phone_never_scrolls_sideways_and_hides_the_navigation_behind_the_menu_button(shown):
    page = shown.page
    open_all_details(page, shown.watch)  # an opened table scrolls in its own box, not the page
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # not even for a moment while the charts were drawn (a graph first drawn hidden was 700 px wide)
    assert page.evaluate("window.__widest") <= PHONE["width"]
    assert page.evaluate(CHARTS_TOO_WIDE, PHONE["width"]) == []
    assert not page.locator("#shell-nav").is_visible()
    assert page.locator("#shell-nav-toggler").is_visible()
    no_errors(shown)


# --- what some views show ----------------------------------------------------------------------


@on([Address("/", lang) for lang in LANGS])
def test_the_start_page_chart_is_drawn_and_marked_as_example_data(shown):
    card = shown.page.locator("#start-employment-chart")
    words = {"sv": ("Exempeldata", "Sysselsatta 2023"), "en": ("Example data", "Employees in 2023")}
    badge, summary = words[shown.address.lang]
    assert badge in card.locator(".chart-head").inner_text()
    assert card.locator("figcaption").inner_text().startswith(summary)
    assert card.locator(".scatterlayer .trace").count() == 3  # one line per county


def close_menus(card) -> None:
    card.evaluate("c => c.querySelectorAll('details').forEach(d => d.open = false)")


@on([Address("/")])
def test_the_export_menu_gives_the_slide_png_with_a_telling_name(shown, tmp_path):
    page = shown.page
    card = page.locator("#start-employment-chart")
    close_menus(card)
    link = card.get_by_role("link", name="PNG 1920 × 1080 (presentation)")
    assert not link.is_visible()  # the menu is closed until asked for
    card.locator("summary", has_text="Ladda ner").click()
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "start_sysselsatta_lan.png"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert Image.open(path).size == (1920, 1080)
    no_errors(shown)


@on([Address("/", "en")])
def test_the_export_menu_works_with_the_keyboard_alone(shown):
    page = shown.page
    card = page.locator("#start-employment-chart")
    close_menus(card)
    card.locator(".export-menu > summary").focus()
    page.keyboard.press("Enter")
    csv_link = card.get_by_role("link", name="Data (CSV)")
    assert csv_link.is_visible()
    csv_link.focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "start_sysselsatta_lan.csv"
    assert open(download.path(), encoding="utf-8-sig").readline().strip() == "Region,Year,Employees,Example data"


@on([Address("/foretagsenkat")])
def test_the_whole_view_downloads_as_a_presentation(shown):
    page = shown.page
    with page.expect_download() as info:
        page.get_by_role("link", name="Ladda ner som presentation (PPTX)").click()
    download = info.value
    assert download.suggested_filename.startswith("foretagsenkat_presentation_")
    deck = Presentation(io.BytesIO(open(download.path(), "rb").read()))
    titles = [s.shapes.title.text for s in deck.slides]
    # the view's filters as the page shows them; a chart too long for one slide goes on several, numbered
    assert "Klustren jämförda, Våren 2018 (1/4)" in titles and "Klustren jämförda, Våren 2018 (4/4)" in titles
    no_errors(shown)


@on([Address("/styrkeomraden")])
def test_a_bubble_shows_its_words_on_hover(shown):
    page = shown.page
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
    page.evaluate("() => Plotly.Fx.unhover(document.querySelector('#styrkeomraden-bubble-chart .js-plotly-plot'))")
    no_errors(shown)


@on([Address("/styrkeomraden", "sv", "phone")])
def test_on_a_phone_long_industry_names_leave_the_bars_their_width(shown):
    page = shown.page
    for key, share in (("lq-bars", 0.45), ("heatmap", 0.3)):  # the heatmap's colour scale takes a fifth
        drawn = page.evaluate(
            """key => { const gd = document.querySelector(`#styrkeomraden-${key}-graph .js-plotly-plot`);
                return {plot: gd._fullLayout._size.w, graph: gd.clientWidth,
                        labels: [...gd.querySelectorAll('.ytick text')].map(t => t.textContent)}; }""",
            key,
        )
        assert drawn["plot"] >= share * drawn["graph"], (key, drawn["plot"], drawn["graph"])
        assert len(set(drawn["labels"])) == len(drawn["labels"])  # shortened, yet each row its own label
