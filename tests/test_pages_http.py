"""Every page over HTTP, as the server fills it for an address: headings, cards, downloads, notices.

No browser is needed for what the server writes into a page (app.serve_layout reads the page's
address from the Referer of /_dash-layout); the browser tests check what only a browser shows.
"""

from __future__ import annotations

import pytest

import charts
from charts.views import VIEWS, view_for_path
from layouts import ids
from tests.dash_json import card, find, find_all, links, page_layout, text
from tests.pages import LANGS, filtered_paths, url_for, view_paths

SITE = {"sv": "Smart specialisering i Norra Mellansverige", "en": "Smart specialisation in North Middle Sweden"}


# Charts a view shows other than as a card at its default address.
NOT_CARDS = {
    ("klusterkartering", "card"): "the cluster card waits until a cluster is chosen",
    ("milstolpar", "list"): "the milestone list is a table of its own (milstolpar-list)",
}


def downloads_of(page, view: str, key: str) -> dict[str, str]:
    if (view, key) == ("milstolpar", "list"):  # the list is a table of its own: its menu is in its footer
        footer = next(n for n in find_all(find(page, "milstolpar-list"), class_name="chart-footer"))
        return links(footer)
    return card(page, view, key)["links"]


def is_message(shown: dict) -> bool:
    """Return whether a card shows words instead of a chart (no data for this store), as layouts.card does."""
    return not shown["footer"] and not shown["figure"].get("data")


def headings(page) -> list[str]:
    return [text(h) for h in find_all(page, "H1")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", view_paths())
def test_every_view_comes_filled_for_its_address(client, path, lang):
    page = page_layout(client, url_for(path, lang))
    view = view_for_path(path)
    assert headings(page) == [SITE[lang] if path == "/" else view.title(lang)]
    assert find(page, ids.LANG)["props"]["data"] == lang
    assert text(find(page, ids.NOTICE)) == ""
    location = find(page, ids.URL)["props"]  # the address the page was made for: no router call on load
    assert (location["pathname"], location["search"]) == (path, "?lang=en" if lang == "en" else "")
    for key in charts.chart_keys(view.key):
        if (view.key, key) in NOT_CARDS:
            continue
        shown = card(page, view.key, key)
        if is_message(shown):  # nothing to draw for this store: the card says why, in words, and offers no file
            assert shown["head"] and shown["body"], key
            continue
        assert shown["head"] and shown["footer"].startswith(("Källa:", "Source:")), key
        if "exempeldata" in shown["footer"].lower() or "example data" in shown["footer"].lower():
            # example numbers are marked where the chart is, in the page's language
            assert {"sv": "Exempeldata", "en": "Example data"}[lang] in shown["head"], key


def card_keys() -> list:
    """Return (view, key) of every chart card a view shows at its default address."""
    found = []
    for view in VIEWS:
        for key in charts.chart_keys(view.key):
            if (view.key, key) == ("klusterkartering", "card"):
                continue
            found.append(pytest.param(view.path, view.key, key, id=f"{view.key}-{key}"))
    return found


@pytest.mark.parametrize("path,view,key", card_keys())
def test_each_cards_downloads_lead_to_its_own_chart(client, path, view, key):
    page = page_layout(client, path)
    if (view, key) != ("milstolpar", "list") and is_message(card(page, view, key)):
        return  # no data for this store: a message, nothing to download (checked above)
    offered = downloads_of(page, view, key)
    assert offered, "no downloads"
    for name, href in offered.items():
        assert href.startswith(f"/export/{view}/{key}."), (name, href)
    response = client.get(offered["Data (CSV)"])
    assert response.status_code == 200
    assert f"{view}_" in response.headers["Content-Disposition"]


def refusable(path: str) -> str:
    """Return the name of a parameter of the view that has allowed values or a type to break."""
    return next(p.name for p in view_for_path(path).params() if p.choices is not None or p.kind is not str)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", filtered_paths())
def test_an_invalid_value_falls_back_to_the_default_with_a_notice(client, path, lang):
    name = refusable(path)
    page = page_layout(client, url_for(path, lang, f"{name}=nonsense-99"))
    notice = text(find(page, ids.NOTICE))
    assert f"{name}=nonsense-99" in notice
    assert notice.startswith("Unknown value in the address" if lang == "en" else "Okänt värde i adressen")
    assert ("Showing the default" in notice) == (lang == "en")
    # what is shown is the default view, never an error page
    default = page_layout(client, url_for(path, lang))
    assert text(find(page, ids.CONTENT)) == text(find(default, ids.CONTENT))
    assert len(headings(page)) == 1


@pytest.mark.parametrize("lang,words", [("sv", "Sidan finns inte"), ("en", "Page not found")])
def test_an_unknown_address_says_so_in_the_page(client, lang, words):
    page = page_layout(client, url_for("/finns-inte", lang))
    assert headings(page) == [words]
    assert find(page, "shell-nav")  # the navigation is there to go on from


def test_a_referer_from_another_site_does_not_choose_the_page(client):
    page = page_layout(client, "/styrkeomraden", Referer="http://elsewhere.example/milstolpar")
    assert find(page, ids.CONTENT)["props"].get("children") is None  # left to the router in the browser


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.key)
def test_a_page_asks_in_its_head_for_what_it_will_draw_with(client, view):
    head = client.get(view.path).get_data(as_text=True).split("</head>")[0]
    assert 'href="/_dash-layout" as="fetch"' in head and 'href="/_dash-dependencies" as="fetch"' in head
    # dcc.Graph's code only where there are graphs: elsewhere Chromium would warn of a preload nobody used
    assert ("/dash/dcc/async-graph.js" in head) == (view.charts_module is not None)
