"""Assemble a view's page from its parameters: the filters' values, a notice for refused values, filled cards.

The same functions fill the page for an address (layout time, no callback needed) and redraw it
after a filter change (the view's callback), so both always show the same thing.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc

import charts
from charts.params import control_text, parse
from i18n import tx

from .card import safe_values


def query_from_controls(names: list[str], values: list, lang: str) -> dict:
    """Return the URL query the filter controls' values stand for (the form's state as an address)."""
    query = {name: control_text(value) for name, value in zip(names, values)}
    query = {k: v for k, v in query.items() if v != ""}
    if lang == "en":
        query["lang"] = lang
    return query


def parse_view(view: str, query: dict, conn) -> tuple[dict, list]:
    """Return (params, notices) of a view for a query; refused values fall back to defaults."""
    return parse(charts.view_params(view), query, conn)


def notice(notices: list[tuple[str, str]], lang: str):
    """Return a notice naming the refused address values, or None."""
    if not notices:
        return None
    names = ", ".join(f"{name}={raw}" for name, raw in notices)
    return dbc.Alert(
        tx(
            lang,
            f"Okänt värde i adressen ({names}). Vi visar standardvalet i stället.",
            f"Unknown value in the address ({names}). Showing the default instead.",
        ),
        color="info",
        dismissable=True,
        className="url-notice",
    )


def card_values_for(conn, view: str, keys, lang: str, params: dict, open_tables=()) -> dict[str, list]:
    """Return {key: card values} for the view's charts (built or taken from the cache)."""
    qs = charts.canonical(view, params, lang)
    return {
        key: safe_values(lambda k=key: charts.spec_for(conn, view, k, lang, params), lang, qs, key in open_tables)
        for key in keys
    }


def open_tables(states: list) -> set[str]:
    """Return the keys of the cards whose table is open ("Visa tabell" clicked an odd number of times).

    states: the callback context's entries for card.table_states() (each with its id and value).
    """
    return {
        s["id"]["key"]
        for s in states or []
        if isinstance(s, dict)
        and isinstance(s.get("value"), int)
        and s["value"] % 2 == 1
        and isinstance(s.get("id"), dict)
    }
