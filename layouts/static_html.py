"""Show a large, inert table (a matrix, a chart's number table) as one component instead of thousands.

Dash's renderer handles every component of a callback's answer one by one: measured in Chromium on
this machine (bench/speed.py), redrawing Styrkeområden with its two matrices as html components
(about 1,200 of them) kept the browser busy for 3-5 s before the first chart was drawn. Written as
one HTML string in a StaticHtml component (below; its few lines of JavaScript are
assets/05-static-html.js), a matrix is one component and the browser's own HTML parser builds it.
It was a dcc.Markdown with HTML before, whose JavaScript parser took about 2 ms a kilobyte in
Chromium here (Uppföljning's tables are 80 kB) and which loaded a code highlighter on every page.

static(component) writes such a tree. Every text and attribute value is escaped. Only html.*
components and dbc.Alert are written; anything else raises, so a component with behaviour is
never silently turned into dead HTML.
"""

from __future__ import annotations

import re
from html import escape

import dash_bootstrap_components as dbc
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
        if tag in VOID:
            return f"<{tag}{_attributes(node)}>"
        return f"<{tag}{_attributes(node)}>{to_html(getattr(node, 'children', None))}</{tag}>"
    raise TypeError(f"cannot write {type(node).__name__} as static HTML")


class StaticHtml(Component):
    """A part of the page given as HTML (written by to_html, every value escaped), shown as it is.

    html: the HTML; className: the class of the <div> that holds it. The browser side is
    assets/05-static-html.js, loaded with the page's other assets before Dash's renderer starts.
    """

    _children_props: list[str] = []
    _base_nodes: list[str] = []
    _namespace = "s3_components"
    _type = "StaticHtml"
    _prop_names = available_properties = ["id", "className", "html"]
    _valid_wildcard_attributes = available_wildcard_properties = []

    def __init__(self, html: str = "", id: str | dict | None = None, className: str | None = None):
        given = {"id": id, "className": className, "html": html}
        super().__init__(**{k: v for k, v in given.items() if v is not None})


def static(component, class_name: str = "") -> StaticHtml:
    """Return an inert component tree as one StaticHtml holding its (escaped) HTML."""
    return StaticHtml(to_html(component), className=class_name or None)
