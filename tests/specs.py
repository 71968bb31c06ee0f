"""Build charts in tests as the page and the exports do: the address's values parsed, then the view's builder."""

from __future__ import annotations

from dataclasses import replace

import plotly.graph_objects as go

import charts
from charts.params import lang_from, parse
from data.store import current_engine
from figures.spec import ChartSpec


def build_spec(view: str, key: str, query: dict | None = None, *, strict: bool = False) -> ChartSpec:
    """Return the chart for URL query values with its figure as a go.Figure (inside an app context).

    The same parsing as charts.build_chart, without its cache. Most views build their figures as plain
    dicts (figures.style.figure); Plotly reads each here and refuses one with a property it does not know.
    """
    query = query or {}
    charts.load_all()
    with current_engine().connect() as conn:
        params, _ = parse(charts.view_params(view), query, conn, strict=strict)
        return drawn(charts.CHARTS[view][key](conn, lang_from(query), **params))


def drawn(spec: ChartSpec) -> ChartSpec:
    """Return the spec with its figure as Plotly reads it: a go.Figure, which refuses a property it does not know."""
    return replace(spec, figure=go.Figure(spec.figure_dict()))


def built(app, view: str, key: str, query: dict | None = None, *, strict: bool = False) -> ChartSpec:
    """Return build_spec() in the app's context."""
    with app.server.app_context():
        return build_spec(view, key, query, strict=strict)
