"""Show a ChartSpec as a card: heading, figure, text alternative, notes, table on demand, source, downloads.

A card is standard Dash: its figure is a dcc.Graph's `figure`, its words are children of fixed
elements, and a view's callback fills them through card_outputs()/card_values(). The page for an
address carries every card filled (layout time), so a first visit draws without a callback; a
filter change redraws the cards through one callback per view. The card's number table is built
only when the reader opens "Visa tabell" (callbacks/cards.py), so the page holds no hidden tables.
"""

from __future__ import annotations

import logging
import math

import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, MATCH, Output, State, dcc, html

from figures.legend import legend_entries, without_legend
from figures.margins import settle
from figures.spec import ChartSpec
from i18n import PLOTLY_OFFLINE, fmt_number, plotly_locale, tx

from . import matrix
from .downloads import downloads
from .static_html import static

log = logging.getLogger(__name__)
MAX_TABLE_ROWS = 500
# A graph with nothing to show takes no room and is not read out; it keeps its width (Plotly sizes
# a graph at its first draw, and one drawn hidden would keep Plotly's default 700 px on a phone).
GRAPH_HIDDEN = {"visibility": "hidden", "height": "0px", "overflow": "hidden"}
BLANK_FIGURE = {"data": [], "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}}}
TOGGLE = "card-table-toggle"
TABLE = "card-table"
PARTS = ("head", "caption", "body", "table", "footer")


def card_id(view: str, key: str) -> str:
    return f"{view}-{key}-chart"


def graph_id(view: str, key: str) -> str:
    return f"{view}-{key}-graph"


def part_id(view: str, key: str, part: str) -> str:
    return f"{card_id(view, key)}-{part}"


def toggle_id(view: str, key) -> dict:
    return {"type": TOGGLE, "view": view, "key": key}


def table_id(view: str, key) -> dict:
    return {"type": TABLE, "view": view, "key": key}


def graph_config(view: str, key: str, lang: str) -> dict:
    """Return the graph's Plotly config: language, nothing sent to other hosts, no mode bar.

    The mode bar is hidden: the card's download menu gives finished pictures (title, source, date)
    and the numbers, which the mode bar's camera did not; the charts neither zoom nor pan (a finger
    scrolls the page); and on a phone the bar covered the legend and the first labels.
    """
    return {
        "displaylogo": False,
        "displayModeBar": False,
        "responsive": True,
        **plotly_locale(lang),
        **PLOTLY_OFFLINE,
    }


def card_outputs(view: str, key: str) -> list[Output]:
    """Return the outputs that fill one card, in the order of card_values()."""
    return [
        Output(graph_id(view, key), "figure"),
        Output(graph_id(view, key), "style"),
        Output(part_id(view, key, "head"), "children"),
        Output(part_id(view, key, "caption"), "children"),
        Output(part_id(view, key, "body"), "children"),
        Output(table_id(view, key), "children"),
        Output(part_id(view, key, "footer"), "children"),
    ]


def table_states(view: str) -> State:
    """Return the state that tells a view's callback which cards have their table open (odd clicks)."""
    return State(toggle_id(view, ALL), "n_clicks")


def table_outputs() -> list[Output]:
    return [Output(table_id(MATCH, MATCH), "children")]


def example_badge(status: str, lang: str):
    """Return the "Exempeldata" mark for example (or partly example) numbers; None for real ones."""
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


def source_parts(source: str, lang: str) -> list:
    """Return a source line's parts, the sources' own (Swedish) names marked lang="sv" on English pages (WCAG 3.1.2)."""
    prefix = "Source: "
    if lang != "en" or not source.startswith(prefix):
        return [source]
    parts: list = [prefix]
    for i, name in enumerate(source[len(prefix) :].split("; ")):
        parts += ["; "] if i else []
        own = name.startswith("example data") or name == "no data"  # the dashboard's own words
        parts.append(name if own else html.Span(name, lang="sv"))
    return parts


def _cell(value, lang: str) -> str:
    if isinstance(value, bool):
        return tx(lang, "ja", "yes") if value else tx(lang, "nej", "no")
    if isinstance(value, int):
        return fmt_number(value, lang)
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return fmt_number(value, lang, 0 if value.is_integer() and abs(value) >= 100 else 2)
    return "" if value is None else str(value)


def data_table(frame: pd.DataFrame, lang: str, caption: str):
    """Return an accessible table of a frame (at most MAX_TABLE_ROWS rows), numbers formatted for the language."""
    shown = frame.head(MAX_TABLE_ROWS)
    numeric = {c for c in shown.columns if pd.api.types.is_numeric_dtype(shown[c]) and shown[c].dtype != bool}
    align = {c: "text-end" if c in numeric else None for c in shown.columns}
    more = len(frame) - len(shown)
    note = (
        tx(
            lang,
            f" Visar {len(shown)} av {len(frame)} rader; ladda ner CSV för alla.",
            f" Showing {len(shown)} of {len(frame)} rows; download the CSV for all.",
        )
        if more
        else ""
    )
    head = html.Thead(html.Tr([html.Th(str(c), scope="col", className=align[c]) for c in shown.columns]))
    body = html.Tbody(
        [
            html.Tr([html.Td(_cell(v, lang), className=align[c]) for c, v in zip(shown.columns, row)])
            for row in shown.itertuples(index=False)
        ]
    )
    table = html.Table([html.Caption(caption + note), head, body], className="table table-sm table-striped data-table")
    return static(table, "data-table-wrap")


def head_part(spec: ChartSpec, lang: str, legend: list[dict] | None = None):
    return static(
        [
            html.Div(
                [html.H3(spec.title, className="h5 mb-1 chart-title"), example_badge(spec.data_status, lang)],
                className="d-flex flex-wrap align-items-baseline gap-2",
            ),
            html.P(spec.subtitle, className="chart-subtitle small text-muted mb-1") if spec.subtitle else None,
            legend_list(legend, lang) if legend else None,
        ]
    )


def legend_list(entries: list[dict], lang: str) -> html.Ul:
    """Return a chart's legend as text: each name after its mark in the chart's colour (figures.legend)."""
    return html.Ul(
        [
            html.Li(
                [
                    html.Span(
                        className=f"legend-mark legend-{e['kind']}",
                        style={"color": e["color"]},
                        **{"aria-hidden": "true"},
                    ),
                    e["name"],
                ]
            )
            for e in entries
        ],
        className="chart-legend",
        **{"aria-label": tx(lang, "Förklaring", "Legend")},
    )


def body_part(spec: ChartSpec, lang: str) -> list:
    page = matrix.RENDERERS[spec.page[0]](lang=lang, **spec.page[1]) if spec.page is not None else None
    return static([page, *[html.P(n, className="chart-note small") for n in spec.notes]])


def footer_part(spec: ChartSpec, lang: str, qs: str):
    """Return the source line and the download menu, as one inert HTML component (layouts/static_html.py):
    as some 30 components a card, the footers were most of what Dash's renderer handled on a redraw."""
    return static(
        [
            html.P(
                [*source_parts(spec.source, lang), " ", example_badge(spec.data_status, lang)],
                className="chart-source small mb-1",
            ),
            downloads(spec.view, spec.key, spec.title, lang, qs),
        ]
    )


def card_values(spec: ChartSpec, lang: str, qs: str, table_open: bool = False) -> list:
    """Return the values of card_outputs() for a finished chart; qs is the view's canonical query (downloads)."""
    if spec.message:  # nothing to draw: say why, in words, where the chart would be
        note = dbc.Alert(spec.message, color="info", className="mb-0 chart-message")
        return [BLANK_FIGURE, GRAPH_HIDDEN, head_part(spec, lang), "", note, None, None]
    entries = []
    if spec.page is not None:  # an HTML table in place of the figure
        figure, style = BLANK_FIGURE, GRAPH_HIDDEN
    else:
        # The legend is written as text above the chart (figures.legend says why); pictures keep Plotly's.
        entries = legend_entries(spec.figure_dict())
        figure = settle(without_legend(spec.figure_dict()) if entries else spec.figure_dict())
        height = spec.figure_size()[1]
        style = {"height": f"{int(height)}px"} if height else {}
    table = data_table(spec.table, lang, spec.title) if table_open else None
    return [
        figure,
        style,
        head_part(spec, lang, entries),
        spec.summary,
        body_part(spec, lang),
        table,
        footer_part(spec, lang, qs),
    ]


def message_values(message, lang: str) -> list:
    """Return card values that show only a message (no graph, table or downloads)."""
    return [BLANK_FIGURE, GRAPH_HIDDEN, message, "", None, None, None]


def failed_values(lang: str) -> list:
    alert = dbc.Alert(
        tx(
            lang,
            "Diagrammet kunde inte visas just nu. Försök igen eller välj andra filter.",
            "The chart could not be shown right now. Try again or choose other filters.",
        ),
        color="warning",
        className="mb-0",
    )
    return message_values(alert, lang)


def safe_values(build, lang: str, qs: str, table_open: bool = False) -> list | None:
    """Build a chart and return its card values; None when it fails (the caller shows failed_values, uncached)."""
    try:
        return card_values(build(), lang, qs, table_open)
    except Exception:  # an error in one chart must not blank the page
        log.exception("chart failed")
        return None


def card(view: str, key: str, lang: str, values: list | None = None, before: list | None = None) -> html.Section:
    """Return a chart card, filled with card_values() (or empty, to be filled by its view's callback)."""
    figure, style, head, caption, body, table, footer = values or message_values(None, lang)
    loading = dcc.Loading(
        [
            html.Figure(
                [
                    dcc.Graph(
                        id=graph_id(view, key),
                        figure=figure,
                        style=style,
                        responsive=True,
                        config=graph_config(view, key, lang),
                    ),
                    html.Figcaption(caption, id=part_id(view, key, "caption"), className="chart-summary"),
                ],
                className="mb-1",
            ),
            html.Div(body, id=part_id(view, key, "body"), className="chart-body"),
        ],
        delay_show=200,
        # Not shown while the page is first drawn (Dash's default shows it, then hides it a moment later:
        # every card was drawn twice, dimmed and then not, on every visit).
        show_initially=False,
        overlay_style={"visibility": "visible", "opacity": 0.45},
        # The spinner says in words, to screen readers too, that the chart is on its way (WCAG 4.1.3).
        custom_spinner=html.Div(
            [html.Span(className="s3-spinner", **{"aria-hidden": "true"}), tx(lang, "Laddar …", "Loading …")],
            className="s3-loading",
            role="status",
        ),
        parent_className="chart-loading",
    )
    table_details = html.Details(
        [
            html.Summary(tx(lang, "Visa tabell", "Show table"), id=toggle_id(view, key), n_clicks=0),
            html.Div(table, id=table_id(view, key), **{"aria-live": "polite"}),
        ],
        className="chart-table",
    )
    return html.Section(
        [
            *(before or []),
            html.Div(head, id=part_id(view, key, "head"), className="chart-head"),
            loading,
            table_details,
            html.Div(footer, id=part_id(view, key, "footer"), className="chart-footer"),
        ],
        id=card_id(view, key),
        className="chart-card",
    )
