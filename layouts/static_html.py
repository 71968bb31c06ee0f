"""Show a large, inert table (a matrix, a chart's number table) as one component instead of thousands.

Dash's renderer handles every component of a callback's answer one by one: measured in Chromium on
this machine (bench/speed.py), redrawing Styrkeområden with its two matrices as html components
(about 1,200 of them) kept the browser busy for 3-5 s before the first chart was drawn. Written as
one HTML string in a dcc.Markdown (Dash's own component for text with HTML), a matrix is one
component; the browser builds its table directly.

static(component) writes such a tree. Every text and attribute value is escaped. Only html.*
components and dbc.Alert are written; anything else raises, so a component with behaviour is
never silently turned into dead HTML.
"""

from __future__ import annotations

import re
from html import escape

import dash_bootstrap_components as dbc
from dash import dcc
from dash.development.base_component import Component

# Dash prop names that differ from their HTML attribute names.
ATTRIBUTE_NAMES = {"className": "class", "htmlFor": "for", "colSpan": "colspan", "rowSpan": "rowspan"}
SKIPPED = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "key", "loading_state"}
VOID = {"br", "hr", "img", "input", "meta", "link", "col", "source", "wbr"}


def _css_name(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"-\1", name).lower()


def _style(style: dict) -> str:
    return "; ".join(f"{_css_name(k)}: {v}" for k, v in style.items())


def _attributes(component: Component) -> str:
    out = []
    wildcards = sorted(k for k in vars(component) if k.startswith(("aria-", "data-")))  # not in _prop_names
    for name in [*component._prop_names, *wildcards]:
        value = getattr(component, name, None)
        if name in SKIPPED or value is None or value is False:
            continue
        attr = ATTRIBUTE_NAMES.get(name, name)
        if name == "style":
            value = _style(value)
        out.append(f' {attr}="{escape(str(value))}"' if value is not True else f" {attr}")
    return "".join(out)


def _alert(alert: dbc.Alert) -> str:
    classes = " ".join(c for c in ("alert", f"alert-{alert.color or 'secondary'}", alert.className) if c)
    return f'<div class="{escape(classes)}" role="alert">{to_html(alert.children)}</div>'


def to_html(node) -> str:
    """Return the HTML of a component, a string, a number, or a list of them (None writes nothing)."""
    if node is None:
        return ""
    if isinstance(node, str):
        return escape(node).replace("\n", " ")
    if isinstance(node, int | float):
        return escape(str(node))
    if isinstance(node, list | tuple):
        return "".join(to_html(n) for n in node)
    if isinstance(node, dbc.Alert):
        return _alert(node)
    if isinstance(node, Component) and node._namespace == "dash_html_components":
        tag = node._type.lower()
        if tag in VOID:  # self-closed: dcc.Markdown's HTML parser drops a whole block at a bare <br> or <img>
            return f"<{tag}{_attributes(node)} />"
        return f"<{tag}{_attributes(node)}>{to_html(getattr(node, 'children', None))}</{tag}>"
    raise TypeError(f"cannot write {type(node).__name__} as static HTML")


def static(component, class_name: str = "") -> dcc.Markdown:
    """Return an inert component tree as one dcc.Markdown holding its (escaped) HTML."""
    return dcc.Markdown(to_html(component), dangerously_allow_html=True, className=class_name or None)
