"""Let a signed-in manager enter, change and delete qualitative assessments and value chains; checked on the server.

The same rules as the milestone form: every load, save and delete asks auth.current_manager(); a
save carries the version its form loaded and is refused when the record changed since;
data/assessments_write.py checks every value (naming each wrong field) and writes the audit log.
One set of functions serves both forms; the form's name is their first argument.
"""

from __future__ import annotations

import logging
from datetime import date
from functools import partial

from dash import Input, Output, State, no_update

from auth import current_manager
from charts.params import lang_from, query_dict
from data.assessments import ASSESSMENT_LABELS, VALUE_CHAIN_LABELS
from data.assessments_write import delete_assessment, delete_value_chain, save_assessment, save_value_chain
from data.followup_write import EditRefused
from data.store import current_engine
from indicators.qualitative import qualitative_assessments, value_chains
from layouts import bedomningar as v
from layouts import ids
from layouts.bedomningar.forms import ASSESSMENT, FIELD_NAMES, VALUE_CHAIN, industry_options
from layouts.bedomningar.records import records_section
from layouts.edit_form import NEW, field_id, part_id

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
# form: (read all records, save, delete, the checks' labels, picker options)
KINDS = {
    ASSESSMENT: (qualitative_assessments, save_assessment, delete_assessment, ASSESSMENT_LABELS, v.assessment_options),
    VALUE_CHAIN: (value_chains, save_value_chain, delete_value_chain, VALUE_CHAIN_LABELS, v.chain_options),
}


def _stored_text(field: str, value) -> str:
    if field == "regions_abroad":
        return "\n".join(value)
    if field == "test_area":
        return "" if value is None or value != value else str(int(value))
    return form_text(value)


def load_record(form: str, pick, _reload, _revision, search):
    """Fill the form with the chosen record (a new one: empty, dated today) and remember the version it loaded."""
    names = FIELD_NAMES[form]
    lang = lang_from(query_dict(search))
    clear = [False] * len(names)
    if current_manager() is None or not pick:
        return *[no_update] * len(names), None, *clear, no_update
    read = KINDS[form][0]
    with current_engine().connect() as conn:
        if pick == NEW:
            values = ["" if f != "assessed_on" else date.today().isoformat() for f in names]
            return *values, {"id": None, "version": None}, *clear, industry_options(conn, None, lang)
        frame = read(conn)
        row = frame[frame["id"] == int(pick)] if pick.isdigit() else frame.iloc[0:0]
        if row.empty:
            return *[no_update] * len(names), None, *clear, no_update
        record = row.iloc[0].to_dict()
        options = industry_options(conn, record["level"], lang)
    values = [_stored_text(f, record[f]) for f in names]
    return *values, {"id": int(record["id"]), "version": int(record["version"])}, *clear, options


def industry_choices(form: str, level, search):
    """Offer the industries of the chosen level."""
    with current_engine().connect() as conn:
        return industry_options(conn, level, lang_from(query_dict(search)))


def _picker(form: str, lang: str, value) -> tuple:
    with current_engine().connect() as conn:
        options = KINDS[form][4](conn, lang)
    new = {"label": "…", "value": NEW}
    return [{**new, "label": _new_label(form, lang)}, *options], value


def _new_label(form: str, lang: str) -> str:
    if form == ASSESSMENT:
        return "New assessment …" if lang == "en" else "Ny bedömning …"
    return "New value chain …" if lang == "en" else "Ny värdekedja …"


def save_record(form: str, _n, pick, *args):
    """Save the form if the user is a manager and the record has not changed since it was loaded."""
    *values, loaded, revision, search = args
    names = FIELD_NAMES[form]
    lang = lang_from(query_dict(search))
    clear, keep = [False] * len(names), (no_update, no_update, no_update)
    username = current_manager()
    if username is None:
        log.warning("refused %s save without a manager's session", form)
        return refused(lang), *keep, *clear
    ident = None if pick == NEW else int(pick) if str(pick).isdigit() else -1
    if not loaded or loaded.get("id") != ident:
        return load_first(lang), *keep, *clear
    _read, save, _delete, labels, _options = KINDS[form]
    try:
        result = save(
            current_engine(), ident, version=loaded.get("version"), values=dict(zip(names, values)), username=username
        )
    except EditRefused as exc:
        return refusal(exc, lang, names), *keep, *invalid_flags(names, exc)
    except Exception:  # no traceback reaches the user; the log has it
        log.exception("%s save failed", form)
        return failed(lang), *keep, *clear
    if not result.changes:
        return saved([], labels, lang), *keep, *clear
    message = saved(result.changes, labels, lang, created=ident is None)
    return message, (revision or 0) + 1, *_picker(form, lang, str(result.id)), *clear


def delete_record(form: str, _n, confirmed, pick, loaded, revision, search):
    """Delete the loaded record, if the user is a manager and ticked the confirmation."""
    lang = lang_from(query_dict(search))
    keep = (no_update, no_update, no_update)
    username = current_manager()
    if username is None:
        log.warning("refused %s delete without a manager's session", form)
        return refused(lang), *keep
    if pick == NEW or not str(pick).isdigit() or not loaded or loaded.get("id") != int(pick):
        return load_first(lang), *keep
    if not confirmed:
        return confirm_first(lang), *keep
    _read, _save, delete, labels, _options = KINDS[form]
    try:
        delete(current_engine(), int(pick), version=loaded.get("version"), username=username)
    except EditRefused as exc:
        return refusal(exc, lang), *keep
    return saved([], labels, lang, deleted=True), (revision or 0) + 1, *_picker(form, lang, NEW)


def show_records(_revision, search):
    """Show every record again after a save or a delete."""
    with current_engine().connect() as conn:
        return records_section(conn, lang_from(query_dict(search)))


def register(app) -> None:
    for form in (ASSESSMENT, VALUE_CHAIN):
        names = FIELD_NAMES[form]
        industry = Output(field_id(form, "industry"), "options", allow_duplicate=True)
        app.callback(
            *field_outputs(form, names, "value"),
            Output(part_id(form, "loaded"), "data"),
            *field_outputs(form, names, "invalid"),
            industry,
            Input(part_id(form, "pick"), "value"),
            Input(part_id(form, "reload"), "n_clicks"),
            Input(v.REVISION, "data"),
            State(ids.URL, "search"),
            prevent_initial_call="initial_duplicate",
        )(partial(load_record, form))
        app.callback(
            industry, Input(field_id(form, "level"), "value"), State(ids.URL, "search"), prevent_initial_call=True
        )(partial(industry_choices, form))
        writes = [
            Output(part_id(form, "message"), "children", allow_duplicate=True),
            Output(v.REVISION, "data", allow_duplicate=True),
            Output(part_id(form, "pick"), "options", allow_duplicate=True),
            Output(part_id(form, "pick"), "value", allow_duplicate=True),
        ]
        app.callback(
            *writes,
            *field_outputs(form, names, "invalid", allow_duplicate=True),
            Input(part_id(form, "save"), "n_clicks"),
            State(part_id(form, "pick"), "value"),
            *field_states(form, names),
            State(part_id(form, "loaded"), "data"),
            State(v.REVISION, "data"),
            State(ids.URL, "search"),
            prevent_initial_call=True,
        )(partial(save_record, form))
        app.callback(
            *writes,
            Input(part_id(form, "delete"), "n_clicks"),
            State(part_id(form, "confirm"), "value"),
            State(part_id(form, "pick"), "value"),
            State(part_id(form, "loaded"), "data"),
            State(v.REVISION, "data"),
            State(ids.URL, "search"),
            prevent_initial_call=True,
        )(partial(delete_record, form))
    app.callback(
        Output(v.RECORDS, "children"), Input(v.REVISION, "data"), State(ids.URL, "search"), prevent_initial_call=True
    )(show_records)
