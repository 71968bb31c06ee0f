"""Give the page for an address: the one table from a view to the module that lays it out.

Each module has page(conn, lang, query) -> (component, refused values). The page comes filled
(cards, words, filters), so a first visit draws without waiting for a callback.
"""

from __future__ import annotations

import charts
from charts.params import lang_from
from charts.views import view_for_path
from i18n import tx

from . import (
    bedomningar,
    foretagsenkat,
    home,
    klusterkartering,
    metod,
    milstolpar,
    projekt,
    styrkeomraden,
    tillganglighet,
    uppfoljning,
)
from .filters import filter_defaults

PAGES = {
    "start": home.page,
    "styrkeomraden": styrkeomraden.page,
    "klusterkartering": klusterkartering.page,
    "foretagsenkat": foretagsenkat.page,
    "milstolpar": milstolpar.page,
    "uppfoljning": uppfoljning.page,
    "projekt": projekt.page,
    "bedomningar": bedomningar.page,
    "metod": metod.page,
    "tillganglighet": tillganglighet.page,
}


def not_found(lang: str):
    from dash import html

    return html.Div(
        [
            html.H1(tx(lang, "Sidan finns inte", "Page not found")),
            html.P(
                tx(
                    lang,
                    "Adressen leder inte till någon vy. Välj en vy i menyn ovan.",
                    "The address does not lead to a view. Choose a view in the menu above.",
                )
            ),
        ]
    )


def content_for(conn, path, query: dict) -> tuple[object, list, dict | None]:
    """Return (the page's content, refused address values, the view's filter defaults) for a path and query."""
    lang = lang_from(query)
    view = view_for_path(path)
    if view is None or view.key not in PAGES:
        return not_found(lang), [], None
    component, notices = PAGES[view.key](conn, lang, query)
    return component, notices, filter_defaults(view)


def views_with_charts() -> list[str]:
    return [v for v in PAGES if charts.chart_keys(v)]
