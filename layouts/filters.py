"""Build filter controls kept in the URL, and tell the browser each parameter's default.

A filter control's id is ids.filter_id(view, param); the browser writes every control's value
into the address (callbacks/shell.py) and, on back/forward, the address into the controls.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from charts.params import NONE

from . import ids


def filter_defaults(view) -> dict:
    """Return the data of the store (ids.FILTER_DEFAULTS) naming the view's parameters: each one's default as URL text and its kind.

    A fixed default is left out of the address; a computed one (the latest year) is written out,
    so that a shared link shows the same view tomorrow.
    """
    params = {}
    for p in view.params():
        computed = callable(p.default)
        default = None if computed else p.encode(p.default)
        params[p.name] = {"default": default or "", "always": computed, "kind": p.kind.__name__}
    return {"view": view.key, "path": view.path, "params": params}


def select(view: str, param: str, label: str, options: list[dict], value, all_label: str | None = None) -> html.Label:
    """Return a labelled native select (keyboard- and screen-reader-friendly) kept in the URL.

    all_label adds a choosable first option for no value (all counties, all areas). dbc.Select always puts
    a hidden placeholder option with the value "" first, so a choosable "no value" option has the value
    NONE ("*") instead: with two options of the value "" the arrow keys got stuck on the visible one.
    The address and the server read NONE as no value (charts.params.control_text, assets/10-shell.js).
    """
    if all_label is not None:
        options = [{"label": all_label, "value": ""}] + options
    empty = next((o["label"] for o in options if o["value"] == ""), None)
    options = [{**o, "value": NONE} if o["value"] == "" else o for o in options]
    if empty is not None and (value is None or value == ""):
        value = NONE
    return html.Label(
        [
            html.Span(label, className="d-block"),
            dbc.Select(
                id=ids.filter_id(view, param),
                options=options,
                value="" if value is None else str(value),
                size="sm",
                placeholder=empty,
            ),
        ],
        className="w-100",
    )
