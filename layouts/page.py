"""Assemble a view's page from its parameters: the filters' values, a notice for refused values, filled cards.

The same functions fill the page for an address (layout time, no callback needed) and redraw it
after a filter change (the view's callback), so both always show the same thing.
"""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
from plotly.utils import PlotlyJSONEncoder

import charts
from cache import cache
from charts.params import control_text, parse, query_dict
from i18n import tx

from .card import failed_values, message_values, safe_values


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


class ChartFailed(Exception):
    """A chart could not be built; its card says so, and nothing is cached."""


@cache.memoize(timeout=charts.CHART_CACHE_TIMEOUT, unless=charts.outside_app)
def _cached_card(url: str, version: str, view: str, key: str, lang: str, qs: str, table_open: bool) -> list:
    with charts.connect(url) as conn:
        params, _ = parse(charts.view_params(view), query_dict(qs), conn)
        values = safe_values(lambda: charts.spec_for(conn, view, key, lang, params), lang, qs, table_open)
    if values is None:
        raise ChartFailed(f"{view}/{key}")
    # Plain JSON (dicts for components): read back from the cache in a fraction of the time components take.
    return json.loads(json.dumps(values, cls=PlotlyJSONEncoder))


def card_values_for(conn, view: str, keys, lang: str, params: dict, open_tables=()) -> dict[str, list]:
    """Return {key: card values} for the view's charts, taken from the cache when they were made before."""
    qs = charts.canonical(view, params, lang)
    result = {}
    for key in keys:
        if charts.outside_app():
            built = safe_values(
                lambda k=key: charts.spec_for(conn, view, k, lang, params), lang, qs, key in open_tables
            )
            result[key] = built or failed_values(lang)
            continue
        url = conn.engine.url.render_as_string(hide_password=False)
        try:
            result[key] = _cached_card(url, charts.store_version(conn), view, key, lang, qs, key in open_tables)
        except ChartFailed:
            result[key] = failed_values(lang)
    return result


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


def redraw(view_module, conn, controls: list, lang: str, table_states: list) -> tuple[dict, list, dict]:
    """Return (values, notices, parts) of a view for its filter controls' values: what its callback sends."""
    query = query_from_controls(list(view_module.FILTERS), controls, lang)
    values, notices = parse_view(view_module.VIEW, query, conn)
    return values, notices, view_module.parts(conn, lang, values, open_tables(table_states))


def flat_cards(cards: dict, keys, lang: str) -> list:
    """Return the cards' values in the order of their outputs (card.card_outputs per key); an absent card is empty."""
    return [value for key in keys for value in cards.get(key) or message_values(None, lang)]
