"""The accessibility statement (tillgänglighetsredogörelse): reachable from every page, says how to report a barrier."""

from __future__ import annotations

import pytest

from layouts import shell, tillganglighet


def links(component) -> list[str]:
    """Return every href in a component tree."""
    found, stack = [], [component]
    while stack:
        node = stack.pop()
        if getattr(node, "href", None):
            found.append(node.href)
        children = getattr(node, "children", None)
        stack += children if isinstance(children, list) else [children] if hasattr(children, "to_plotly_json") else []
    return found


def text(component) -> str:
    return str(component.to_plotly_json())


@pytest.mark.parametrize("lang,href", [("sv", "/tillganglighet"), ("en", "/tillganglighet?lang=en")])
def test_every_page_footer_links_to_the_statement(lang, href):
    assert href in links(shell.footer(lang, []))


@pytest.mark.parametrize(
    "lang,heading", [("sv", "Rapportera brister i tillgängligheten"), ("en", "Report a barrier to accessibility")]
)
def test_the_statement_says_how_to_report_a_barrier_and_where_to_complain(app, lang, heading):
    with app.server.test_request_context("/tillganglighet"):
        page = tillganglighet.layout(lang)
    assert heading in text(page)
    assert tillganglighet.DIGG_REPORT_URL in links(page)
    # without a configured address the regions' own sites are the way in, never an invented address
    assert {url for _name, url in tillganglighet.REGIONS} <= set(links(page))
    assert not [h for h in links(page) if h.startswith("mailto:")]


def test_a_configured_contact_address_is_offered(app, monkeypatch):
    monkeypatch.setitem(app.server.config, "ACCESSIBILITY_CONTACT", "tillganglighet@example.se")
    with app.server.test_request_context("/tillganglighet"):
        page = tillganglighet.layout("sv")
    assert "mailto:tillganglighet@example.se" in links(page)
