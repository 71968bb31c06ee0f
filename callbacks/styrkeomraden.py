"""Redraw the Styrkeområden view when a filter or threshold changes: every card, the summary, the rule."""

from __future__ import annotations

from dash import Input, Output, State, ctx

from data.store import current_engine
from i18n import lang_or_default
from layouts import ids, page
from layouts import styrkeomraden as v
from layouts.card import card_outputs, table_states
from layouts.page import notice


def redraw(*args):
    """Return every card, the summary, the rule, the reset link, the downloads and a notice for the filters."""
    *controls, lang, _clicks = args
    with current_engine().connect() as conn:
        _values, notices, p = page.redraw(v, conn, controls, lang_or_default(lang), ctx.states_list[1])
    return (
        *page.flat_cards(p["cards"], v.CHARTS, lang),
        v.summary_block(p["summary"], lang),
        v.rule_block(p["summary"], lang),
        p["reset"],
        v.view_downloads(v.VIEW, lang, p["qs"]),
        notice(notices, lang),
    )


def register(app) -> None:
    app.callback(
        output=[
            *[out for key in v.CHARTS for out in card_outputs(v.VIEW, key)],
            Output(v.SUMMARY, "children"),
            Output(v.RULE, "children"),
            Output(v.RESET, "href"),
            Output(v.DOWNLOADS, "children"),
            Output(ids.NOTICE, "children", allow_duplicate=True),
        ],
        inputs=[Input(ids.filter_id(v.VIEW, name), "value") for name in v.FILTERS],
        state=[State(ids.LANG, "data"), table_states(v.VIEW)],
        prevent_initial_call=True,
    )(redraw)
