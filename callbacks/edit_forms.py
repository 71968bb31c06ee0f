"""Share what every manager's record form does on the server: check the user, say what was refused and why.

The forms are only shown to a signed-in manager, but that is a convenience: every load, save and
delete asks auth.current_manager() itself, and a request without a manager's session changes nothing.
"""

from __future__ import annotations

import logging

import dash_bootstrap_components as dbc
from dash import Output, State, html

from data.assessments import RecordRefused
from data.followup_write import EditRefused, StaleEdit
from i18n import tx
from layouts.edit_form import field_id

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


def load_first(lang: str) -> dbc.Alert:
    return dbc.Alert(
        tx(lang, "Läs in posten först (välj den i listan).", "Load the record first (choose it in the list)."),
        color="warning",
        className="mb-0",
    )


def confirm_first(lang: str) -> dbc.Alert:
    return dbc.Alert(
        tx(
            lang,
            "Kryssa i ”Ja, ta bort posten” först. Inget togs bort.",
            "Tick “Yes, delete the record” first. Nothing was deleted.",
        ),
        color="warning",
        className="mb-0",
    )


def refusal(exc: EditRefused, lang: str, fields: list[str] | None = None) -> dbc.Alert:
    """Return why a save was refused: every field that is wrong, by its label (in the form's order when fields
    gives it), or the one reason."""
    if isinstance(exc, RecordRefused):
        head = tx(lang, "Inget sparades. Rätta det här:", "Nothing was saved. Correct this:")
        order = {f: i for i, f in enumerate(fields or [])}
        problems = sorted(exc.problems, key=lambda p: order.get(p.field, len(order)))
        items = [html.Li(p.message(lang)) for p in problems]
        return dbc.Alert([html.P(head, className="mb-1"), html.Ul(items, className="mb-0")], color="danger")
    return dbc.Alert(exc.message(lang), color="warning" if isinstance(exc, StaleEdit) else "danger", className="mb-0")


def failed(lang: str) -> dbc.Alert:
    return dbc.Alert(
        tx(
            lang,
            "Det gick inte att spara just nu. Inget sparades; försök igen.",
            "Could not save just now. Nothing was saved; try again.",
        ),
        color="danger",
        className="mb-0",
    )


def saved(changes: list, labels: dict, lang: str, *, created: bool = False, deleted: bool = False) -> dbc.Alert:
    """Return what a save did: the changed fields by their labels, or that nothing had changed."""
    if deleted:
        return dbc.Alert(tx(lang, "Posten är borttagen.", "The record is deleted."), color="success", className="mb-0")
    if not changes:
        return dbc.Alert(
            tx(lang, "Inget var ändrat, så inget sparades.", "Nothing had changed, so nothing was saved."),
            color="info",
            className="mb-0",
        )
    names = ", ".join(dict.fromkeys(tx(lang, *labels[c.field]).lower() for c in changes if c.field in labels))
    what = tx(lang, "Ny post sparad", "New record saved") if created else tx(lang, "Sparat", "Saved")
    return dbc.Alert(f"{what} ({names}).", color="success", className="mb-0")


def invalid_flags(fields: list[str], exc: Exception | None) -> list[bool]:
    """Return, per field, whether the refusal names it (the field is then marked in the form)."""
    named = {p.field for p in exc.problems} if isinstance(exc, RecordRefused) else set()
    return [f in named for f in fields]


def field_outputs(form: str, fields: list[str], prop: str, **kw) -> list[Output]:
    return [Output(field_id(form, f), prop, **kw) for f in fields]


def field_states(form: str, fields: list[str]) -> list[State]:
    return [State(field_id(form, f), "value") for f in fields]


def form_text(value) -> str:
    """Return a stored value as the form shows it: dates as YYYY-MM-DD, whole numbers without decimals, None as ''."""
    if value is None or value != value:  # None or NaN
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
