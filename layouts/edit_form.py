"""Lay out the manager's record forms the same way: a record to pick, labelled fields, save, load again, delete.

A form has a name (indicator, assessment, value-chain) and fields; every id is a plain string made
here (edit-<form>-<field>, edit-<form>-<part>), so a label can name its control (for=) and the
callbacks and tests find them by the same function. The forms are shown to a signed-in manager
only; the server checks every save anyway (callbacks/edit_forms.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import dash_bootstrap_components as dbc
from dash import dcc, html

from i18n import tx

NEW = "ny"  # the picker's value for a new record


@dataclass(frozen=True)
class Field:
    name: str  # the field's key, as the save function and its checks name it
    label_sv: str
    label_en: str
    kind: str = "text"  # text | textarea | select | date | number
    required: bool = False
    hint_sv: str = ""
    hint_en: str = ""

    def label(self, lang: str) -> str:
        return tx(lang, self.label_sv, self.label_en) + (" *" if self.required else "")


def field_id(form: str, field: str) -> str:
    return f"edit-{form}-{field}"


def part_id(form: str, part: str) -> str:
    """Return the id of a form's part: pick, loaded, save, reload, delete, confirm, message."""
    return f"edit-{form}-{part}"


def control(form: str, field: Field, lang: str, options: list[dict] | None = None):
    """Return the field's input with its label above it and its hint below."""
    ident = field_id(form, field.name)
    if field.kind == "select":
        widget = dbc.Select(id=ident, options=options or [], value="", placeholder="–")
    elif field.kind == "textarea":
        widget = dbc.Textarea(id=ident, rows=3, maxLength=4000, value="")
    elif field.kind == "number":  # text, so that "1 200" and "12,5" reach the server's checks as typed
        widget = dbc.Input(id=ident, type="text", inputMode="decimal", value="")
    else:
        widget = dbc.Input(id=ident, type="date" if field.kind == "date" else "text", value="")
    hint = tx(lang, field.hint_sv, field.hint_en)
    return html.Div(
        [
            html.Label(field.label(lang), htmlFor=ident, className="form-label mb-1"),
            widget,
            html.Div(hint, className="form-text") if hint else None,
        ],
        className="mb-2",
    )


def picker(form: str, lang: str, label: str, options: list[dict]) -> html.Div:
    """Return the select that chooses the record to edit (or a new one) and the store of what it loaded."""
    ident = part_id(form, "pick")
    return html.Div(
        [
            html.Label(label, htmlFor=ident, className="form-label mb-1 fw-semibold"),
            dbc.Select(id=ident, options=options, value=NEW),
            dcc.Store(id=part_id(form, "loaded")),
        ],
        className="mb-3",
    )


def actions(form: str, lang: str, save_text: str) -> html.Div:
    """Return save, load again, and delete behind a confirmation box; the line that reports what happened."""
    confirm = part_id(form, "confirm")
    return html.Div(
        [
            html.Div(
                [
                    dbc.Button(save_text, id=part_id(form, "save"), color="primary", n_clicks=0),
                    dbc.Button(
                        tx(lang, "Läs in igen", "Load again"),
                        id=part_id(form, "reload"),
                        color="secondary",
                        outline=True,
                        n_clicks=0,
                    ),
                ],
                className="d-flex flex-wrap gap-2",
            ),
            html.Div(
                [
                    dbc.Checkbox(
                        id=confirm, value=False, label=tx(lang, "Ja, ta bort posten", "Yes, delete the record")
                    ),
                    dbc.Button(
                        tx(lang, "Ta bort", "Delete"),
                        id=part_id(form, "delete"),
                        color="danger",
                        outline=True,
                        size="sm",
                        n_clicks=0,
                    ),
                ],
                className="d-flex flex-wrap align-items-center gap-3 mt-2",
            ),
            html.Div(id=part_id(form, "message"), className="mt-2", role="status"),
        ]
    )


def required_note(lang: str) -> html.P:
    return html.P(tx(lang, "Fält märkta * måste fyllas i.", "Fields marked * must be filled in."), className="small")
