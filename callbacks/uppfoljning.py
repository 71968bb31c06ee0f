"""Redraw the Uppföljning view when a filter changes: every card, the downloads."""

from __future__ import annotations

from dash import Input, Output, State, ctx

from data.store import current_engine
from i18n import lang_or_default
from layouts import ids, page
from layouts import uppfoljning as v
from layouts.card import card_outputs, table_states
from layouts.page import notice


def redraw(*args):
    """Return every card, the downloads and a notice for the filters."""
    *controls, lang, _clicks = args
    with current_engine().connect() as conn:
        _values, notices, p = page.redraw(v, conn, controls, lang_or_default(lang), ctx.states_list[1])
    return (
        *page.flat_cards(p["cards"], v.CHARTS, lang),
        v.view_downloads(v.VIEW, lang, p["qs"]),
        notice(notices, lang),
    )


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
