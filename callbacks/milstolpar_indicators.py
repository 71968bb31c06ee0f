"""Let a signed-in manager create, change and delete activity indicators on Milstolpar; checked on the server.

The same rules as the milestone form (callbacks/milstolpar.py): every load, save and delete asks
auth.current_manager(); a save carries the version its form loaded and is refused when the
indicator changed since; data/indicator_write.py checks every value and writes the audit log.
"""

from __future__ import annotations

import logging

from dash import Input, Output, State, no_update

from auth import current_manager
from charts.params import lang_from, query_dict
from data.followup_write import EditRefused
from data.indicator_write import INDICATOR_LABELS, delete_indicator, save_indicator
from data.store import current_engine
from indicators.goals import activity_indicators
from layouts import ids
from layouts import milstolpar as v
from layouts.edit_form import NEW, part_id
from layouts.milstolpar.indicator_form import FIELD_NAMES, FORM, indicator_options

from .edit_forms import (
    confirm_first,
    failed,
    field_outputs,
    field_states,
    form_text,
    invalid_flags,
    load_first,
    refusal,
    refused,
    saved,
)

log = logging.getLogger(__name__)
NOT_LOADED = [no_update] * len(FIELD_NAMES)
CLEAR = [False] * len(FIELD_NAMES)  # no field marked as wrong


def load_indicator(pick, _reload, _revision):
    """Fill the form with the chosen indicator (empty for a new one) and remember the version it loaded."""
    if current_manager() is None or not pick:
        return *NOT_LOADED, None, *CLEAR
    if pick == NEW:
        return *[""] * len(FIELD_NAMES), {"code": None, "version": None}, *CLEAR
    with current_engine().connect() as conn:
        frame = activity_indicators(conn)
    row = frame[frame["code"] == pick]
    if row.empty:
        return *NOT_LOADED, None, *CLEAR
    record = row.iloc[0].to_dict()
    values = ["" if f == "code" else form_text(record[f]) for f in FIELD_NAMES]
    return *values, {"code": pick, "version": int(record["version"])}, *CLEAR


def _refresh(lang: str, value):
    """Return the new picker options (and the value to show) for both indicator selects after a change."""
    with current_engine().connect() as conn:
        options = indicator_options(conn, lang)
    return options, value, options[1:]


def save_indicator_edit(_n, pick, *args):
    """Save the form if the user is a manager and the indicator has not changed since it was loaded."""
    *values, loaded, revision, search = args
    lang = lang_from(query_dict(search))
    keep = (no_update, no_update, no_update)
    username = current_manager()
    if username is None:
        log.warning("refused indicator save without a manager's session")
        return refused(lang), no_update, *keep, *CLEAR
    code = None if pick == NEW else pick
    if not loaded or loaded.get("code") != code:
        return load_first(lang), no_update, *keep, *CLEAR
    fields = dict(zip(FIELD_NAMES, values))
    try:
        result = save_indicator(current_engine(), code, version=loaded.get("version"), values=fields, username=username)
    except EditRefused as exc:
        return refusal(exc, lang, FIELD_NAMES), no_update, *keep, *invalid_flags(FIELD_NAMES, exc)
    except Exception:  # no traceback reaches the user; the log has it
        log.exception("indicator save failed")
        return failed(lang), no_update, *keep, *CLEAR
    message = saved(result.changes, INDICATOR_LABELS, lang, created=code is None)
    refresh = _refresh(lang, result.code) if code is None else keep
    return message, (revision or 0) + (1 if result.changes else 0), *refresh, *CLEAR


def delete_indicator_edit(_n, confirmed, pick, loaded, revision, search):
    """Delete the loaded indicator and its outcomes, if the user is a manager and ticked the confirmation."""
    lang = lang_from(query_dict(search))
    keep = (no_update, no_update, no_update)
    username = current_manager()
    if username is None:
        log.warning("refused indicator delete without a manager's session")
        return refused(lang), no_update, *keep
    if pick == NEW or not loaded or loaded.get("code") != pick:
        return load_first(lang), no_update, *keep
    if not confirmed:
        return confirm_first(lang), no_update, *keep
    try:
        delete_indicator(current_engine(), pick, version=loaded.get("version"), username=username)
    except EditRefused as exc:
        return refusal(exc, lang), no_update, *keep
    return saved([], INDICATOR_LABELS, lang, deleted=True), (revision or 0) + 1, *_refresh(lang, NEW)


def register(app) -> None:
    form_outputs = [
        Output(part_id(FORM, "message"), "children", allow_duplicate=True),
        Output(v.REVISION, "data", allow_duplicate=True),
        Output(part_id(FORM, "pick"), "options", allow_duplicate=True),
        Output(part_id(FORM, "pick"), "value", allow_duplicate=True),
        Output(v.OUTCOME_INDICATOR, "options", allow_duplicate=True),
    ]
    app.callback(
        *field_outputs(FORM, FIELD_NAMES, "value"),
        Output(part_id(FORM, "loaded"), "data"),
        *field_outputs(FORM, FIELD_NAMES, "invalid"),
        Input(part_id(FORM, "pick"), "value"),
        Input(part_id(FORM, "reload"), "n_clicks"),
        Input(v.REVISION, "data"),
    )(load_indicator)
    app.callback(
        *form_outputs,
        *field_outputs(FORM, FIELD_NAMES, "invalid", allow_duplicate=True),
        Input(part_id(FORM, "save"), "n_clicks"),
        State(part_id(FORM, "pick"), "value"),
        *field_states(FORM, FIELD_NAMES),
        State(part_id(FORM, "loaded"), "data"),
        State(v.REVISION, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(save_indicator_edit)
    app.callback(
        *form_outputs,
        Input(part_id(FORM, "delete"), "n_clicks"),
        State(part_id(FORM, "confirm"), "value"),
        State(part_id(FORM, "pick"), "value"),
        State(part_id(FORM, "loaded"), "data"),
        State(v.REVISION, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(delete_indicator_edit)
