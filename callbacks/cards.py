"""Build a chart card's number table when the reader opens "Visa tabell" (not before: the page stays light)."""

from __future__ import annotations

from dash import MATCH, Input, Output, State, ctx, no_update

import charts
from charts.params import query_dict
from data.store import current_engine
from layouts import ids
from layouts.card import TOGGLE, data_table, failed_values, table_id
from layouts.page import parse_view


def show_table(n_clicks, search, lang):
    """Return the opened card's table for the address's filters; nothing when the table is being closed."""
    if not isinstance(n_clicks, int) or n_clicks % 2 == 0:
        return no_update
    view, key = ctx.triggered_id["view"], ctx.triggered_id["key"]
    if key not in charts.chart_keys(view):
        return no_update
    query = query_dict(search)
    try:
        with current_engine().connect() as conn:
            params, _ = parse_view(view, query, conn)
            spec = charts.spec_for(conn, view, key, lang, params)
    except Exception:  # the card says so; the page stays
        return failed_values(lang)[2]
    return data_table(spec.table, lang, spec.title)


def register(app) -> None:
    app.callback(
        Output(table_id(MATCH, MATCH), "children", allow_duplicate=True),
        Input({"type": TOGGLE, "view": MATCH, "key": MATCH}, "n_clicks"),
        State(ids.URL, "search"),
        State(ids.LANG, "data"),
        prevent_initial_call=True,
    )(show_table)
