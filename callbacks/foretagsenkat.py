"""Redraw the Företagsenkät view when a filter changes: clusters compared, all questions, change between rounds."""

from __future__ import annotations

from dash import Input, Output, State, ctx

from charts.params import lang_from
from data.store import current_engine
from layouts import foretagsenkat as v
from layouts import ids
from layouts.card import card_outputs, table_states
from layouts.page import notice, open_tables, parse_view, query_from_controls


def redraw(*args):
    """Return every card, the downloads and a notice for the filters."""
    *controls, lang, _clicks = args
    query = query_from_controls(list(v.FILTERS), controls, lang_from({"lang": lang}))
    with current_engine().connect() as conn:
        values, notices = parse_view(v.VIEW, query, conn)
        p = v.parts(conn, lang, values, open_tables(ctx.states_list[1]))
    cards = [value for key in v.CHARTS for value in p["cards"][key]]
    return (*cards, v.view_downloads(v.VIEW, lang, p["qs"]), notice(notices, lang))


def register(app) -> None:
    app.callback(
        output=[
            *[out for key in v.CHARTS for out in card_outputs(v.VIEW, key)],
            Output(v.DOWNLOADS, "children"),
            Output(ids.NOTICE, "children", allow_duplicate=True),
        ],
        inputs=[Input(ids.filter_id(v.VIEW, name), "value") for name in v.FILTERS],
        state=[State(ids.LANG, "data"), table_states(v.VIEW)],
        prevent_initial_call=True,
    )(redraw)
