"""Build a chart card's number table when the reader opens "Visa tabell" (not before: the page stays light), and
redraw a view whose filters change only its cards and downloads (Företagsenkät, Uppföljning)."""

from __future__ import annotations

from dash import MATCH, Input, Output, State, ctx, no_update

import charts
from charts.params import query_dict
from data.store import current_engine
from i18n import lang_or_default
from layouts import ids, page
from layouts.card import TOGGLE, card_outputs, data_table, failed_values, table_id, table_states
from layouts.page import notice, parse_view


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


def cards_redraw(view_module):
    """Return the callback that redraws a view's cards, downloads and notice when a filter changes."""

    def redraw(*args):
        *controls, lang, _clicks = args
        with current_engine().connect() as conn:
            _values, notices, p = page.redraw(view_module, conn, controls, lang_or_default(lang), ctx.states_list[1])
        return (
            *page.flat_cards(p["cards"], view_module.CHARTS, lang),
            view_module.view_downloads(view_module.VIEW, lang, p["qs"]),
            notice(notices, lang),
        )

    return redraw


def register_cards_redraw(app, v) -> None:
    """Register cards_redraw for a view module (its VIEW, CHARTS, FILTERS, DOWNLOADS and view_downloads)."""
    app.callback(
        output=[
            *[out for key in v.CHARTS for out in card_outputs(v.VIEW, key)],
            Output(v.DOWNLOADS, "children"),
            Output(ids.NOTICE, "children", allow_duplicate=True),
        ],
        inputs=[Input(ids.filter_id(v.VIEW, name), "value") for name in v.FILTERS],
        state=[State(ids.LANG, "data"), table_states(v.VIEW)],
        prevent_initial_call=True,
    )(cards_redraw(v))
