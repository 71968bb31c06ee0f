"""Redraw the Klusterkartering view when a filter changes; a click on a cluster in a chart opens its card."""

from __future__ import annotations

from dash import Input, Output, State, ctx

from charts.params import lang_from
from data.store import current_engine
from layouts import ids
from layouts import klusterkartering as v
from layouts.card import card_outputs, message_values, table_states
from layouts.page import notice, open_tables, parse_view, query_from_controls

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
    query = query_from_controls(list(v.FILTERS), controls, lang_from({"lang": lang}))
    with current_engine().connect() as conn:
        values, notices = parse_view(v.VIEW, query, conn)
        p = v.parts(conn, lang, values, open_tables(ctx.states_list[1]))
    cards = [value for key in v.CHARTS for value in p["cards"].get(key, message_values(None, lang))]
    return (*cards, p["facts"], v.view_downloads(v.VIEW, lang, p["qs"]), notice(notices, lang))


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
