"""Links that keep the view: the URL holds every filter and the language, in real headless Chromium.

A reader changes a filter, copies the address and opens it elsewhere: the same view, the same
numbers, the same language. Back and forward step through the changes. A bad value in the address
falls back to the default with a short notice, never an error page.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from layouts import VIEWS
from tests.pages import DESKTOP, LANGS, goto, settle, url_for

pytestmark = pytest.mark.browser

FILTER = '[id*=\'"type":"filter"\']'
# Views with filters the URL keeps (their PARAMS); found from the code, so new views are tested too.
FILTERED = [v.path for v in VIEWS if getattr(v.load(), "PARAMS", [])]


def query_of(url: str) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query).items()}


def content(page) -> tuple:
    """Return what the reader sees of the view: its words (headings, filters, summaries, chart cards) and
    the data each graph draws.

    A graph is compared by the data Plotly draws, not by the text of its SVG: Plotly.react reuses
    elements (a table trace's rows, tick labels), so the same picture can come with another text order.
    """
    return page.evaluate(
        """() => {
            const root = document.querySelector('#shell-content').cloneNode(true);
            root.querySelectorAll('.js-plotly-plot').forEach(g => g.remove());
            const words = root.textContent.replace(/\\s+/g, ' ').trim();
            const drawn = [...document.querySelectorAll('#shell-content .js-plotly-plot')]
                .map(g => JSON.stringify([g.data, g.layout.title, g.layout.annotations]));
            return [words, drawn];
        }"""
    )


def filter_param(locator) -> str:
    return json.loads(locator.get_attribute("id"))["param"]


def change_filter(page, nth: int = 0) -> tuple[str, str]:
    """Change the nth visible filter the way a reader does; return (param, new value)."""
    selects = [s for s in page.locator(f"select{FILTER}").all() if s.is_visible()]
    if nth < len(selects):
        select = selects[nth]
        current = select.input_value()
        values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
        new = [v for v in values if v != current][-1]
        select.select_option(new)
        return filter_param(select), new
    boxes = [b for b in page.locator(f"{FILTER} input[type=checkbox]").all() if b.is_visible()]
    box = [b for b in boxes if not b.is_checked()][nth - len(selects)]
    box.check()
    group = box.locator('xpath=ancestor::*[contains(@id, \'"type":"filter"\')][1]')
    return filter_param(group), box.get_attribute("value")


def change_and_wait(page, nth: int = 0) -> tuple[str, str]:
    """Change a filter and wait until the URL holds it and the view is redrawn."""
    before = page.url
    param, value = change_filter(page, nth)
    page.wait_for_function("u => window.location.href !== u", arg=before)
    assert value in query_of(page.url).get(param, "").split(",")
    settle(page)
    return param, value


def shown_value(page, param: str) -> str:
    """Return the value the filter control of param shows (selects) or its checked boxes (checklists)."""
    control = page.locator(f'[id*=\'"param":"{param}"\']{FILTER}').first
    if control.evaluate("e => e.tagName") == "SELECT":
        return control.input_value()
    checked = control.locator("input[type=checkbox]:checked").evaluate_all("bs => bs.map(b => b.value)")
    return ",".join(checked)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", FILTERED)
def test_a_shared_link_reproduces_the_view_in_a_new_browser(browser, live_server, path, lang):
    first = browser.new_context(viewport=DESKTOP)
    page = first.new_page()
    goto(page, live_server.url + url_for(path, lang))
    untouched = content(page)
    param, value = change_and_wait(page)
    seen, link = content(page), page.url
    first.close()
    assert seen != untouched  # the filter changed what the reader sees
    assert ("lang=en" in link) == (lang == "en")

    second = browser.new_context(viewport=DESKTOP)  # no history, no cookies: only the link
    other = second.new_page()
    errors = []
    other.on("pageerror", lambda e: errors.append(str(e)))
    goto(other, link)
    assert content(other) == seen
    assert value in shown_value(other, param).split(",")
    assert other.locator("html").get_attribute("lang") == lang
    assert errors == []
    second.close()


@pytest.mark.parametrize("path", FILTERED)
def test_back_and_forward_step_through_filter_changes(watched, path):
    page = watched.page
    goto(page, watched.base_url + path)
    states = [(page.url, content(page))]
    for nth in (0, 1):
        param, value = change_and_wait(page, nth)
        states.append((page.url, content(page), param, value))
    for expected in (states[1], states[0]):
        page.go_back()
        page.wait_for_function("u => window.location.href === u", arg=expected[0])
        settle(page)
        assert content(page) == expected[1]
    page.go_forward()
    page.wait_for_function("u => window.location.href === u", arg=states[1][0])
    settle(page)
    assert content(page) == states[1][1]
    assert states[1][3] in shown_value(page, states[1][2]).split(",")
    assert watched.console_errors == []


def refusable(path: str) -> str:
    """Return the name of a parameter of the view that has allowed values or a type to break."""
    view = next(v for v in VIEWS if v.path == path)
    params = view.load().PARAMS
    return next(p.name for p in params if p.choices is not None or p.kind is not str)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", FILTERED)
def test_an_invalid_value_falls_back_to_the_default_with_a_notice(watched, path, lang):
    page = watched.page
    name = refusable(path)
    goto(page, watched.base_url + url_for(path, lang, f"{name}=nonsense-99"))
    notice = page.locator(".url-notice")
    assert notice.is_visible()
    assert f"{name}=nonsense-99" in notice.inner_text()
    assert ("Showing the default" in notice.inner_text()) == (lang == "en")
    assert page.locator("h1").count() == 1
    assert watched.console_errors == []
    # once the reader picks a value, the address is valid again and the notice goes
    change_and_wait(page)
    assert page.locator(".url-notice").count() == 0


def test_an_unknown_address_says_so_in_the_page(watched):
    page = watched.page
    goto(page, watched.base_url + "/finns-inte?lang=en")
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator("#shell-nav").is_visible()


def test_the_language_link_keeps_view_and_filters(watched):
    page = watched.page
    path = FILTERED[0]
    goto(page, watched.base_url + path)
    param, value = change_and_wait(page)
    page.locator("#shell-lang-link").click()
    page.wait_for_url("**lang=en**")
    settle(page)
    assert urlsplit(page.url).path == path
    assert value in query_of(page.url)[param].split(",")
    assert value in shown_value(page, param).split(",")
    assert page.locator("html").get_attribute("lang") == "en"
