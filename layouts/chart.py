"""Render a ChartSpec as a card: heading, figure, text alternative, table view, downloads, source."""

from __future__ import annotations

import logging
import math
from html import escape
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Output, dcc, html

from figures.margins import label_room
from figures.spec import ChartSpec
from i18n import PLOTLY_OFFLINE, fmt_number, plotly_locale, tx

from . import ids
from .static_html import to_html

log = logging.getLogger(__name__)
MAX_TABLE_ROWS = 500


# A graph with no figure to show takes no room and is not read out. It keeps its width, though: Plotly
# sizes a graph once, at its first draw, and one first drawn under display: none would keep Plotly's
# default 700 px, far too wide for a phone, until the next window resize.
GRAPH_HIDDEN = {"visibility": "hidden", "height": "0px", "overflow": "hidden"}
# What a graph shows before its first figure: nothing (no empty axes whose tick labels a reader could hear).
BLANK_FIGURE = {"data": [], "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}}}


def graph_id(view: str, key: str) -> str:
    return f"{view}-{key}-graph"


def figure_store_id(view: str, key: str) -> dict:
    """Return the id of the store that holds a chart's newest figure (assets/20-charts.js draws it)."""
    return {"type": "chart-figure", "view": view, "key": key}


def cards_store_id(view: str) -> dict:
    """Return the id of the one store that fills every card of a view at once (see cards_value)."""
    return {"type": "chart-cards", "view": view}


def graph_config(view: str, key: str, lang: str) -> dict:
    """Return the graph's Plotly config: language, no requests to other hosts, the camera's slide preset."""
    return {
        "displaylogo": False,
        "responsive": True,
        **plotly_locale(lang),
        **PLOTLY_OFFLINE,
        "toImageButtonOptions": {
            "filename": f"{view}_{key}",
            "format": "png",
            # the export menu's slide preset: 1920x1080 pixels with slide-sized text
            "width": 1280,
            "height": 720,
            "scale": 1.5,
        },
    }


def chart_slot(view: str, key: str, lang: str = "sv", before: list | None = None, store: bool = True) -> html.Div:
    """Return the place of a chart, filled by the view's callback.

    The card's parts stay on the page. A redraw puts one value in the card's store (see
    render_chart): assets/20-charts.js writes its HTML parts (heading, text alternative, the rest)
    into the card and draws the figure with Plotly.react, at once when the card is in view and
    otherwise right after the first paint or when the card is scrolled into view. While the view's
    callback runs for more than 150 ms, a spinner with words shows in the card's corner.
    store=False: the card has no store of its own; the view fills all its cards from one
    (cards_store_id, cards_value).
    """
    cid = ids.chart_id(view, key)
    return html.Div(
        [
            *(before or []),
            *([dcc.Store(id=figure_store_id(view, key))] if store else []),
            html.Div(id=f"{cid}-head", className="chart-head"),
            html.Figure(
                [
                    dcc.Graph(
                        id=graph_id(view, key),
                        figure=BLANK_FIGURE,
                        responsive=True,
                        style=GRAPH_HIDDEN,
                        config=graph_config(view, key, lang),
                    ),
                    # The text alternative of the chart, generated from its numbers.
                    html.Figcaption(id=f"{cid}-caption", className="chart-summary"),
                ],
                className="mb-1",
            ),
            html.Div(id=f"{cid}-body", className="chart-body"),
            # Shown by CSS (10-style.css) while the card waits for its callback; words from html[lang].
            html.Div(
                html.Span(className="s3-spinner", **{"aria-hidden": "true"}), className="s3-loading", role="status"
            ),
        ],
        id=cid,
        className="chart-card chart-slot",
    )


def chart_outputs(view: str, key: str) -> list[Output]:
    """Return the outputs that fill a chart slot (one: its store), for the values render_chart returns."""
    return [Output(figure_store_id(view, key), "data")]


def cards_value(view: str, cards: dict[str, dict], parts: dict[str, object]) -> dict:
    """Return the value of a view's cards store: each card's slot value, and other parts of the view as HTML.

    parts maps an element's id to components (or HTML) that assets/20-charts.js writes into it with
    the cards: one store update and one clientside call per redraw instead of one per card, for
    Dash's renderer re-checks the page's components after each.
    """
    return {
        "view": view,
        "cards": cards,
        "html": {k: v if isinstance(v, str) else to_html(v) for k, v in parts.items()},
    }


def slot_value(head, figure, style: dict, caption: str, body, margins: dict | None = None) -> dict:
    """Return a chart slot's store value; head and body are components (or HTML), written as HTML.

    margins: the room the figure's axis labels need (figures/margins.py), given to the figure in a
    graph wide enough for it.
    """
    return {
        "margins": margins or {},
        "head": head if isinstance(head, str) else to_html(head),
        "figure": figure,
        "style": style,
        "caption": caption,
        "body": body if isinstance(body, str) else to_html(body),
    }


def message_parts(message) -> list:
    """Return a chart slot's values that show only a message (a component or HTML), no graph."""
    return [slot_value(message, None, GRAPH_HIDDEN, "", "")]


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


def data_table(frame: pd.DataFrame, lang: str, caption: str) -> dcc.Markdown:
    """Return an accessible HTML table of a frame, numbers formatted for the language.

    The table is one component (its HTML, every cell escaped, in a dcc.Markdown) rather than one
    Dash component per cell: a view with several charts of a hundred rows each otherwise spends
    seconds in the browser building thousands of components for tables nobody has opened yet.
    """
    shown = frame.head(MAX_TABLE_ROWS)
    numeric = {c for c in shown.columns if pd.api.types.is_numeric_dtype(shown[c]) and shown[c].dtype != bool}

    def cell(tag: str, column, text: str, extra: str = "") -> str:
        align = ' class="text-end"' if column in numeric else ""
        return f"<{tag}{extra}{align}>{escape(text).replace(chr(10), ' ')}</{tag}>"

    head = "".join(cell("th", c, str(c), ' scope="col"') for c in shown.columns)
    body = "".join(
        "<tr>" + "".join(cell("td", c, _cell(v, lang)) for c, v in zip(shown.columns, row)) + "</tr>"
        for row in shown.itertuples(index=False)
    )
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
    table = (
        f'<table class="table table-sm table-striped data-table"><caption>{escape(caption + note)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
    return dcc.Markdown(table, dangerously_allow_html=True, className="data-table-wrap")


def export_query(view: str, query: dict, **extra) -> str:
    """Return '?...' with the view's filters as the page shows them (refused values fall back to defaults)."""
    from layouts import VIEWS_BY_KEY
    from layouts.params import encode, lang_from, parse

    params = getattr(VIEWS_BY_KEY[view].load(), "PARAMS", []) if view in VIEWS_BY_KEY else []
    qs = encode(params, parse(params, query)[0], lang_from(query))
    pairs = urlencode({k: v for k, v in extra.items() if v})
    return (qs + ("&" if qs else "?") + pairs) if pairs else qs


def export_href(spec: ChartSpec, fmt: str, query: dict, **extra) -> str:
    return f"/export/{spec.view}/{spec.key}.{fmt}" + export_query(spec.view, query, **extra)


def no_images_note(lang: str) -> str:
    return tx(
        lang,
        "Bilder och presentationer kan inte skapas på den här servern just nu (webbläsaren Chromium saknas "
        "eller startar inte). "
        "Data går att ladda ner.",
        "Images and presentations cannot be made on this server right now (the Chromium browser is missing "
        "or does not start). "
        "Data can be downloaded.",
    )


def _download_link(text: str, href: str) -> html.Li:
    return html.Li(html.A(text, href=href, download="", className="btn btn-sm btn-outline-secondary"))


def downloads(spec: ChartSpec, lang: str, query: dict) -> html.Details:
    """Return the chart's export menu: slide-sized pictures, vector files and the numbers."""
    from figures.render import images_available

    if images_available():
        items = [
            _download_link(
                tx(lang, "PNG 1920 × 1080 (presentation)", "PNG 1920 × 1080 (slide)"), export_href(spec, "png", query)
            ),
            _download_link("PNG 1280 × 720", export_href(spec, "png", query, size="1280x720")),
            _download_link(
                tx(lang, "PNG i diagrammets storlek", "PNG at the chart's size"),
                export_href(spec, "png", query, size="own"),
            ),
            _download_link("SVG", export_href(spec, "svg", query)),
            _download_link("PDF", export_href(spec, "pdf", query)),
        ]
    else:
        items = [html.Li(no_images_note(lang), className="export-unavailable small text-muted w-100")]
    items += [
        _download_link(tx(lang, "Data (CSV)", "Data (CSV)"), export_href(spec, "csv", query)),
        _download_link(
            tx(lang, "Data (XLSX, med källa)", "Data (XLSX, with source)"), export_href(spec, "xlsx", query)
        ),
    ]
    return html.Details(
        [
            html.Summary(
                [
                    tx(lang, "Ladda ner", "Download"),
                    html.Span(f": {spec.title}", className="visually-hidden"),
                    html.Span(" ▾", **{"aria-hidden": "true"}),
                ],
                className="btn btn-sm btn-outline-secondary",
            ),
            html.Ul(items, className="list-unstyled d-flex flex-wrap gap-2 mt-2 mb-0"),
        ],
        className="chart-downloads export-menu",
    )


def view_downloads(view: str, lang: str, query: dict) -> html.Section | None:
    """Return the whole view's downloads (PowerPoint deck, ZIP of PNGs); None for a view without charts."""
    from callbacks.registry import CHARTS
    from figures.render import images_available

    if not CHARTS.get(view):
        return None
    heading = html.H2(tx(lang, "Ladda ner hela vyn", "Download the whole view"), className="h6 mb-2")
    if not images_available():
        return html.Section(
            [heading, html.P(no_images_note(lang), className="small mb-0")],
            className="view-downloads border rounded p-3 mt-3",
        )
    qs = export_query(view, query)
    links = [
        html.A(
            tx(lang, "Ladda ner som presentation (PPTX)", "Download as presentation (PPTX)"),
            href=f"/export/{view}.pptx{qs}",
            download="",
            className="btn btn-sm btn-outline-primary",
        ),
        html.A(
            tx(lang, "Ladda ner alla diagram (ZIP)", "Download all charts (ZIP)"),
            href=f"/export/{view}.zip{qs}",
            download="",
            className="btn btn-sm btn-outline-primary",
        ),
    ]
    return html.Section(
        [heading, html.Div(links, className="d-flex flex-wrap gap-2")],
        className="view-downloads border rounded p-3 mt-3",
    )


def source_parts(source: str, lang: str) -> list:
    """Return a source line's parts, the sources' own (Swedish) names marked lang="sv" on English pages.

    The store keeps each dataset's source as it is named, in Swedish; WCAG 3.1.2 asks that a
    passage in another language than the page says so, so screen readers pronounce it right.
    """
    prefix = "Source: "
    if lang != "en" or not source.startswith(prefix):
        return [source]
    parts: list = [prefix]
    for i, name in enumerate(source[len(prefix) :].split("; ")):
        parts += ["; "] if i else []
        own = name.startswith("example data") or name == "no data"  # the dashboard's own words
        parts.append(name if own else html.Span(name, lang="sv"))
    return parts


def render_chart(spec: ChartSpec, lang: str, query: dict) -> list:
    """Return the values of a chart slot's outputs (see chart_outputs) for a finished spec."""
    height = spec.figure.layout.height
    head = [
        html.Div(
            [html.H3(spec.title, className="h5 mb-1 chart-title"), example_badge(spec.data_status, lang)],
            className="d-flex flex-wrap align-items-baseline gap-2",
        ),
        html.P(spec.subtitle, className="chart-subtitle small text-muted mb-1") if spec.subtitle else None,
    ]
    body = [
        spec.page,
        *[html.P(n, className="chart-note small") for n in spec.notes],
        html.Details(
            [html.Summary(tx(lang, "Visa tabell", "Show table")), data_table(spec.table, lang, spec.title)],
            className="chart-table",
        ),
        html.Div(
            [
                html.P(
                    [*source_parts(spec.source, lang), " ", example_badge(spec.data_status, lang)],
                    className="chart-source small mb-1",
                ),
                downloads(spec, lang, query),
            ],
            className="chart-footer",
        ),
    ]
    # A responsive graph fills its box, 450 px high by default: give the box the figure's height.
    style = {"height": f"{int(height)}px"} if height else {}
    if spec.page is not None:  # an HTML table in place of the figure
        return [slot_value(head, None, GRAPH_HIDDEN, spec.summary, body)]
    # Room for the axis labels before the browser draws: Plotly then draws the chart once, not twice.
    return [slot_value(head, spec.figure, style, spec.summary, body, margins=label_room(spec.figure))]


def render_safely(build, lang: str, query: dict) -> list:
    """Build a chart and render it; on failure, say so in that chart only (the page stays)."""
    try:
        spec = build()
    except Exception:  # an error in one chart must not blank the page
        log.exception("chart failed")
        return message_parts(
            dbc.Alert(
                tx(
                    lang,
                    "Diagrammet kunde inte visas just nu. Försök igen eller välj andra filter.",
                    "The chart could not be shown right now. Try again or choose other filters.",
                ),
                color="warning",
                className="mb-0",
            )
        )
    return render_chart(spec, lang, query)
