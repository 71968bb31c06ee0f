"""Redraw the Milstolpar view on a filter change or a save; let a signed-in manager edit milestones and outcomes.

Every save is checked here, on the server.
The forms are only shown to a manager, but that is a convenience: a request that reaches a save
callback without a manager's session is refused and changes nothing.
"""

from __future__ import annotations

import logging

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, ctx, html, no_update
from sqlalchemy import select

from auth import current_manager
from charts.params import lang_from, query_dict
from data import schema as s
from data.followup_write import EditRefused, StaleEdit, save_milestone, save_outcome
from data.store import current_engine
from i18n import fmt_number, lang_or_default, tx
from indicators.followup import quarter_label
from indicators.goals import indicator_outcomes
from layouts import ids, page
from layouts import milstolpar as v
from layouts.card import card_outputs, table_states
from layouts.milstolpar.milestone_list import FIELD_WORDS
from layouts.page import notice

log = logging.getLogger(__name__)


def refused(lang: str) -> dbc.Alert:
    return dbc.Alert(
        tx(
            lang,
            "Du måste vara inloggad som projektledare för att ändra. Inget sparades.",
            "You must be signed in as the project manager to make changes. Nothing was saved.",
        ),
        color="danger",
        className="mb-0",
    )


def outcome_message(exc: EditRefused, lang: str) -> dbc.Alert:
    return dbc.Alert(exc.message(lang), color="warning" if isinstance(exc, StaleEdit) else "danger", className="mb-0")


def saved_message(changes: list, lang: str) -> dbc.Alert:
    if not changes:
        return dbc.Alert(
            tx(lang, "Inget var ändrat, så inget sparades.", "Nothing had changed, so nothing was saved."),
            color="info",
            className="mb-0",
        )
    hidden = ("status_is_example", "is_example")
    fields = ", ".join(tx(lang, *FIELD_WORDS[c.field]).lower() for c in changes if c.field not in hidden)
    return dbc.Alert(tx(lang, f"Sparat ({fields}).", f"Saved ({fields})."), color="success", className="mb-0")


def load_milestone(milestone_id, _reload, _revision):
    """Fill the milestone form with the stored values and remember the version it loaded."""
    if current_manager() is None or not milestone_id:
        return no_update, no_update, no_update, None
    m = s.milestone
    with current_engine().connect() as conn:
        row = conn.execute(select(m).where(m.c.id == int(milestone_id))).mappings().first()
    if row is None:
        return no_update, no_update, no_update, None
    done = row["completed_on"].isoformat() if row["completed_on"] else ""
    return row["status"] or "", done, row["comment"] or "", {"id": row["id"], "version": row["version"]}


def save_milestone_edit(n_clicks, milestone_id, status, completed_on, comment, loaded, revision, search):
    """Save the milestone form if the user is a manager and the version is still current."""
    lang = lang_from(query_dict(search))
    username = current_manager()
    if username is None:
        log.warning("refused milestone edit without a manager's session")
        return refused(lang), no_update
    if not loaded or str(loaded.get("id")) != str(milestone_id):
        return dbc.Alert(tx(lang, "Läs in milstolpen först.", "Load the milestone first."), color="warning"), no_update
    try:
        changes = save_milestone(
            current_engine(),
            int(milestone_id),
            version=loaded.get("version"),
            status=status,
            completed_on=completed_on,
            comment=comment,
            username=username,
        )
    except EditRefused as exc:
        return outcome_message(exc, lang), no_update
    return saved_message(changes, lang), (revision or 0) + (1 if changes else 0)


def _quarter(value: str | None) -> tuple[int, int] | None:
    if not isinstance(value, str):
        return None
    try:
        year, quarter = (int(x) for x in (value or "").split("-"))
    except ValueError:
        return None
    return (year, quarter) if 1 <= quarter <= 4 else None


def outcome_overview(frame: pd.DataFrame, lang: str):
    """Return the indicator's stored outcomes as one line: '2016 K2: 1 · 2016 K3: 2 …'."""
    if frame.empty:
        return tx(lang, "Inga utfall rapporterade ännu.", "No outcomes reported yet.")
    parts = [f"{quarter_label(r.year, r.quarter, lang)}: {fmt_number(r.value, lang)}" for r in frame.itertuples()]
    return html.P(
        [html.Strong(tx(lang, "Rapporterat hittills: ", "Reported so far: ")), " · ".join(parts)], className="mb-0"
    )


def load_outcome(indicator, quarter, _reload, _revision, search):
    """Fill the outcome form with the stored value of that quarter (empty if none) and its version."""
    key = _quarter(quarter)
    if current_manager() is None or not isinstance(indicator, str) or not indicator or key is None:
        return no_update, None, no_update
    with current_engine().connect() as conn:
        frame = indicator_outcomes(conn, indicator)
    row = frame[(frame["year"] == key[0]) & (frame["quarter"] == key[1])]
    value = None if row.empty else float(row["value"].iloc[0])
    version = None if row.empty else int(row["version"].iloc[0])
    loaded = {"indicator": indicator, "year": key[0], "quarter": key[1], "version": version}
    return value, loaded, outcome_overview(frame, lang_from(query_dict(search)))


def save_outcome_edit(n_clicks, indicator, quarter, value, loaded, revision, search):
    """Save the outcome form if the user is a manager and the version is still current."""
    lang = lang_from(query_dict(search))
    username = current_manager()
    if username is None:
        log.warning("refused outcome edit without a manager's session")
        return refused(lang), no_update
    key = _quarter(quarter)
    if (
        not isinstance(loaded, dict)
        or not isinstance(indicator, str)
        or key is None
        or (loaded.get("indicator"), loaded.get("year"), loaded.get("quarter")) != (indicator, *key)
    ):
        return dbc.Alert(tx(lang, "Läs in utfallet först.", "Load the outcome first."), color="warning"), no_update
    try:
        changes = save_outcome(
            current_engine(), indicator, key[0], key[1], version=loaded.get("version"), value=value, username=username
        )
    except EditRefused as exc:
        return outcome_message(exc, lang), no_update
    return saved_message(changes, lang), (revision or 0) + (1 if changes else 0)


def redraw(*args):
    """Return every card, the list, the summary, the downloads and a notice for the filters (and after a save)."""
    *controls, _revision, lang, _clicks = args
    with current_engine().connect() as conn:
        values, notices, p = page.redraw(v, conn, controls, lang_or_default(lang), ctx.states_list[1])
    return (
        *page.flat_cards(p["cards"], v.GRAPH_CARDS, lang),
        p["list"],
        p["summary"],
        v.export_links(lang, values["asof"]),
        v.view_downloads(v.VIEW, lang, p["qs"]),
        notice(notices, lang),
    )


def register(app) -> None:
    app.callback(
        output=[
            *[out for key in v.GRAPH_CARDS for out in card_outputs(v.VIEW, key)],
            Output(v.LIST, "children"),
            Output(v.SUMMARY, "children"),
            Output(v.EXPORT_LINKS, "children"),
            Output(v.DOWNLOADS, "children"),
            Output(ids.NOTICE, "children", allow_duplicate=True),
        ],
        inputs=[*[Input(ids.filter_id(v.VIEW, name), "value") for name in v.FILTERS], Input(v.REVISION, "data")],
        state=[State(ids.LANG, "data"), table_states(v.VIEW)],
        prevent_initial_call=True,
    )(redraw)
    app.callback(
        Output(v.EDIT_STATUS, "value"),
        Output(v.EDIT_DATE, "value"),
        Output(v.EDIT_COMMENT, "value"),
        Output(v.EDIT_LOADED, "data"),
        Input(v.EDIT_MILESTONE, "value"),
        Input(v.EDIT_RELOAD, "n_clicks"),
        Input(v.REVISION, "data"),
    )(load_milestone)
    app.callback(
        Output(v.EDIT_MESSAGE, "children"),
        Output(v.REVISION, "data"),
        Input(v.EDIT_SAVE, "n_clicks"),
        State(v.EDIT_MILESTONE, "value"),
        State(v.EDIT_STATUS, "value"),
        State(v.EDIT_DATE, "value"),
        State(v.EDIT_COMMENT, "value"),
        State(v.EDIT_LOADED, "data"),
        State(v.REVISION, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(save_milestone_edit)
    app.callback(
        Output(v.OUTCOME_VALUE, "value"),
        Output(v.OUTCOME_LOADED, "data"),
        Output(v.OUTCOME_CURRENT, "children"),
        Input(v.OUTCOME_INDICATOR, "value"),
        Input(v.OUTCOME_QUARTER, "value"),
        Input(v.OUTCOME_RELOAD, "n_clicks"),
        Input(v.REVISION, "data"),
        State(ids.URL, "search"),
    )(load_outcome)
    app.callback(
        Output(v.OUTCOME_MESSAGE, "children"),
        Output(v.REVISION, "data", allow_duplicate=True),
        Input(v.OUTCOME_SAVE, "n_clicks"),
        State(v.OUTCOME_INDICATOR, "value"),
        State(v.OUTCOME_QUARTER, "value"),
        State(v.OUTCOME_VALUE, "value"),
        State(v.OUTCOME_LOADED, "data"),
        State(v.REVISION, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(save_outcome_edit)
