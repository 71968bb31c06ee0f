"""Filters kept in the address, in real headless Chromium: one request per change, history, shared links.

A reader changes a filter: the address follows at once (in the browser, no request) and the view's
one callback redraws every card (one request). Back and forward step through the changes, the
filters and cards following the address. The address, copied into a new browser, shows the same
view in the same language, and the language link keeps view and filters. A bad value in the address
falls back to the default with a short notice (its words are checked over HTTP in
tests/test_pages_http.py), which goes once the reader picks a value.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from charts.views import view_for_path
from tests.pages import DESKTOP, PageWatch, content, filtered_paths, url_for

pytestmark = pytest.mark.browser

FILTER = '[id*=\'"type":"filter"\']'


def query_of(url: str) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query).items()}


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


def redrawn(watched: PageWatch, before: int) -> int:
    """Wait until the view is drawn again; return how many callback requests that took."""
    watched.settle()
    return len(watched.callbacks) - before


def change_and_wait(watched: PageWatch, nth: int = 0) -> tuple[str, str]:
    """Change a filter, wait until the URL holds it and the view is redrawn by one request."""
    page, before, requests = watched.page, watched.page.url, len(watched.callbacks)
    param, value = change_filter(page, nth)
    page.wait_for_function("u => window.location.href !== u", arg=before)
    assert value in query_of(page.url).get(param, "").split(",")
    assert redrawn(watched, requests) == 1  # every card of the view in one answer
    return param, value


def step(watched: PageWatch, direction: str, url: str) -> None:
    """Go back or forward to url and wait until the view is redrawn (by one request)."""
    requests = len(watched.callbacks)
    getattr(watched.page, f"go_{direction}")()
    watched.page.wait_for_function("u => window.location.href === u", arg=url)
    assert redrawn(watched, requests) == 1


def shown_value(page, param: str) -> str:
    """Return the value the filter control of param shows (selects) or its checked boxes (checklists)."""
    control = page.locator(f'[id*=\'"param":"{param}"\']{FILTER}').first
    if control.evaluate("e => e.tagName") == "SELECT":
        return control.input_value()
    checked = control.locator("input[type=checkbox]:checked").evaluate_all("bs => bs.map(b => b.value)")
    return ",".join(checked)


def open_link_in_a_new_browser(browser, link: str, lang: str, expected_content, param: str, value: str) -> None:
    """Open the address with no history and no cookies: it must show the same view, filters and language."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        parts = urlsplit(link)
        other = PageWatch(context.new_page(), f"{parts.scheme}://{parts.netloc}")
        other.page.goto(link)
        other.settle()
        assert other.callbacks == []  # filled by the server, like any first visit
        assert other.foreign_requests == []
        assert content(other.page) == expected_content
        assert value in shown_value(other.page, param).split(",")
        assert other.page.locator("html").get_attribute("lang") == lang
        assert other.console_errors == []
    finally:
        context.close()


@pytest.mark.parametrize("path", filtered_paths())
def test_filters_history_shared_link_and_language_link(watched, browser, path):
    page = watched.page
    watched.goto(path)
    states = [(page.url, content(page))]
    for nth in (0, 1):
        param, value = change_and_wait(watched, nth)
        states.append((page.url, content(page), param, value))
    assert states[1][1] != states[0][1] and states[2][1] != states[1][1]  # each change changed what is seen
    # back twice and forward once: the filters and the cards follow the address
    for direction, state in (("back", states[1]), ("back", states[0]), ("forward", states[1])):
        step(watched, direction, state[0])
        assert content(page) == state[1], direction
    _, seen, param, value = states[1]
    assert value in shown_value(page, param).split(",")
    open_link_in_a_new_browser(browser, page.url, "sv", seen, param, value)
    # the language link leads to the same view with the same filters, in English
    page.locator("#shell-lang-link").click()
    page.wait_for_url("**lang=en**")
    watched.settle()
    assert urlsplit(page.url).path == path
    assert value in query_of(page.url)[param].split(",")
    assert value in shown_value(page, param).split(",")
    assert page.locator("html").get_attribute("lang") == "en"
    assert watched.console_errors == []


def refusable(path: str) -> str:
    """Return the name of a parameter of the view that has allowed values or a type to break."""
    return next(p.name for p in view_for_path(path).params() if p.choices is not None or p.kind is not str)


@pytest.mark.parametrize("path", filtered_paths())
def test_in_english_a_bad_value_gives_a_notice_that_goes_once_a_filter_is_chosen(watched, browser, path):
    page = watched.page
    name = refusable(path)
    watched.goto(url_for(path, "en", f"{name}=nonsense-99"))
    notice = page.locator(".url-notice")
    assert notice.is_visible() and f"{name}=nonsense-99" in notice.inner_text()
    untouched = content(page)
    param, value = change_and_wait(watched)
    assert page.locator(".url-notice").count() == 0  # the address is valid again
    seen, link = content(page), page.url
    assert seen != untouched and "lang=en" in link
    open_link_in_a_new_browser(browser, link, "en", seen, param, value)
    assert watched.console_errors == []
