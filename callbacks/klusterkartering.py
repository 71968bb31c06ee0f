"""Redraw the Klusterkartering view when a filter changes; a click on a cluster in a chart opens its card."""

from __future__ import annotations

from dash import Input, Output, State, ctx

from data.store import current_engine
from i18n import lang_or_default
from layouts import ids, page
from layouts import klusterkartering as v
from layouts.card import card_outputs, table_states
from layouts.page import notice

# A click on a cluster in a chart chooses it in the card's list (the address follows) and shows the card.
OPEN_CARD_ON_CLICK = """
function(click) {
    if (!click || !click.points || !click.points.length || !click.points[0].customdata) {
        return window.dash_clientside.no_update;
    }
    const section = document.getElementById("klusterkartering-card-section");
    if (section) { section.scrollIntoView({behavior: "smooth", block: "start"}); }
    return click.points[0].customdata[0];
}
"""


def redraw(*args):
    """Return every card, the chosen cluster's facts, the downloads and a notice for the filters."""
    *controls, lang, _clicks = args
    with current_engine().connect() as conn:
        _values, notices, p = page.redraw(v, conn, controls, lang_or_default(lang), ctx.states_list[1])
    return (
        *page.flat_cards(p["cards"], v.CHARTS, lang),
        p["facts"],
        v.view_downloads(v.VIEW, lang, p["qs"]),
        notice(notices, lang),
    )


def register(app) -> None:
    app.callback(
        output=[
            *[out for key in v.CHARTS for out in card_outputs(v.VIEW, key)],
            Output(v.CARD_FACTS, "children"),
            Output(v.DOWNLOADS, "children"),
            Output(ids.NOTICE, "children", allow_duplicate=True),
        ],
        inputs=[Input(ids.filter_id(v.VIEW, name), "value") for name in v.FILTERS],
        state=[State(ids.LANG, "data"), table_states(v.VIEW)],
        prevent_initial_call=True,
    )(redraw)
    for key in ("portfolio", "history", "criteria"):
        app.clientside_callback(
            OPEN_CARD_ON_CLICK,
            Output(ids.filter_id(v.VIEW, "cluster"), "value", allow_duplicate=True),
            Input(f"{v.VIEW}-{key}-graph", "clickData"),
            prevent_initial_call=True,
        )
