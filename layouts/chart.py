"""Render a ChartSpec as a card: heading, figure, text alternative, table view, downloads, source."""

from __future__ import annotations

import logging
import math
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from figures.spec import ChartSpec

from . import ids
from .i18n import fmt_number, tx

log = logging.getLogger(__name__)
MAX_TABLE_ROWS = 500


def chart_slot(view: str, key: str) -> html.Div:
    """Return the empty place of a chart, filled by the view's callback; it shows a spinner while waiting."""
    return dcc.Loading(
        html.Div(id=ids.chart_id(view, key), className="chart-card"),
        type="default",
        delay_show=150,
        className="chart-loading",
    )


def example_badge(status: str, lang: str):
    if status == "example":
        return html.Span(
            tx(lang, "Exempeldata", "Example data"),
            className="badge-example",
            title=tx(lang, "Påhittade siffror, inte verklig statistik", "Invented numbers, not real statistics"),
        )
    if status == "mixed":
        return html.Span(
            tx(lang, "Delvis exempeldata", "Partly example data"),
            className="badge-example",
            title=tx(
                lang, "Tabellen visar vilka rader som är exempeldata", "The table shows which rows are example data"
            ),
        )
    return None


def _cell(value, lang: str):
    if isinstance(value, bool):
        return tx(lang, "ja", "yes") if value else tx(lang, "nej", "no")
    if isinstance(value, int):
        return fmt_number(value, lang)
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return fmt_number(value, lang, 0 if value.is_integer() and abs(value) >= 100 else 2)
    return "" if value is None else str(value)


def data_table(frame: pd.DataFrame, lang: str, caption: str) -> html.Table:
    """Return an accessible HTML table of a frame, numbers formatted for the language."""
    shown = frame.head(MAX_TABLE_ROWS)
    numeric = {c for c in shown.columns if pd.api.types.is_numeric_dtype(shown[c]) and shown[c].dtype != bool}
    head = html.Thead(
        html.Tr([html.Th(str(c), scope="col", className="text-end" if c in numeric else None) for c in shown.columns])
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(_cell(v, lang), className="text-end" if c in numeric else None)
                    for c, v in zip(shown.columns, row)
                ]
            )
            for row in shown.itertuples(index=False)
        ]
    )
    more = len(frame) - len(shown)
    foot = html.Caption(
        caption
        + (
            tx(
                lang,
                f" Visar {len(shown)} av {len(frame)} rader; ladda ner CSV för alla.",
                f" Showing {len(shown)} of {len(frame)} rows; download the CSV for all.",
            )
            if more
            else ""
        )
    )
    return html.Table([foot, head, body], className="table table-sm table-striped data-table")


def export_href(spec: ChartSpec, fmt: str, query: dict) -> str:
    qs = urlencode({k: v for k, v in query.items() if v not in (None, "")})
    return f"/export/{spec.view}/{spec.key}.{fmt}" + (f"?{qs}" if qs else "")


def downloads(spec: ChartSpec, lang: str, query: dict) -> html.Div:
    """Return the chart's download links (the export issue adds image and slide formats here)."""
    return html.Div(
        [
            html.A(
                tx(lang, "Ladda ner data (CSV)", "Download data (CSV)"),
                href=export_href(spec, "csv", query),
                className="btn btn-sm btn-outline-secondary",
                download="",
            )
        ],
        className="chart-downloads d-flex flex-wrap gap-2",
    )


def render_chart(spec: ChartSpec, lang: str, query: dict) -> list:
    """Return the children of a chart card for a finished spec."""
    graph_id = f"{spec.view}-{spec.key}-graph"
    return [
        html.Div(
            [html.H3(spec.title, className="h5 mb-1 chart-title"), example_badge(spec.data_status, lang)],
            className="d-flex flex-wrap align-items-baseline gap-2",
        ),
        html.P(spec.subtitle, className="chart-subtitle small text-muted mb-1") if spec.subtitle else None,
        html.Figure(
            [
                dcc.Graph(
                    id=graph_id,
                    figure=spec.figure,
                    responsive=True,
                    config={
                        "displaylogo": False,
                        "responsive": True,
                        "toImageButtonOptions": {
                            "filename": spec.filename or f"{spec.view}_{spec.key}",
                            "format": "png",
                            "width": 1920,
                            "height": 1080,
                            "scale": 1,
                        },
                    },
                ),
                # The text alternative of the chart, generated from its numbers.
                html.Figcaption(spec.summary, className="chart-summary"),
            ],
            className="mb-1",
        ),
        *[html.P(n, className="chart-note small") for n in spec.notes],
        html.Details(
            [html.Summary(tx(lang, "Visa tabell", "Show table")), data_table(spec.table, lang, spec.title)],
            className="chart-table",
        ),
        html.Div(
            [
                html.P([spec.source, " ", example_badge(spec.data_status, lang)], className="chart-source small mb-1"),
                downloads(spec, lang, query),
            ],
            className="chart-footer",
        ),
    ]


def render_safely(build, lang: str, query: dict) -> list:
    """Build a chart and render it; on failure, say so in that chart only (the page stays)."""
    try:
        spec = build()
    except Exception:  # an error in one chart must not blank the page
        log.exception("chart failed")
        return [
            dbc.Alert(
                tx(
                    lang,
                    "Diagrammet kunde inte visas just nu. Försök igen eller välj andra filter.",
                    "The chart could not be shown right now. Try again or choose other filters.",
                ),
                color="warning",
                className="mb-0",
            )
        ]
    return render_chart(spec, lang, query)
