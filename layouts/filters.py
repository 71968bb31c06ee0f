"""Build filter controls kept in the URL, and tell the browser each parameter's default.

A filter control's id is ids.filter_id(view, param); the browser writes every control's value
into the address (callbacks/shell.py) and, on back/forward, the address into the controls.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

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

    all_label adds a choosable first option with the value "" (all counties, all areas). dbc.Select
    puts a hidden placeholder option with the value "" first; it says the same.
    """
    if all_label is not None:
        options = [{"label": all_label, "value": ""}] + options
    empty = next((o["label"] for o in options if o["value"] == ""), None)
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
