"""Offer a chart's and a view's files: slide-sized pictures, vector files, the numbers, a deck, a ZIP."""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from dash import html

from i18n import tx


def export_href(view: str, key: str, fmt: str, qs: str, **extra) -> str:
    pairs = urlencode({k: v for k, v in extra.items() if v})
    return f"/export/{view}/{key}.{fmt}" + ((qs + ("&" if qs else "?") + pairs) if pairs else qs)


def embed_code(view: str, key: str, title: str, qs: str) -> str:
    """Return the <iframe> that shows the chart (with the view's canonical query qs) in another site's page."""
    import flask

    base = flask.request.host_url.rstrip("/") if flask.has_request_context() else ""
    src = f"{base}/embed/{view}/{key}{qs}"
    return (
        f'<iframe src="{escape(src)}" title="{escape(title)}" width="100%" height="600" '
        'style="border:0" loading="lazy"></iframe>'
    )


def embed_entry(view: str, key: str, title: str, lang: str, qs: str) -> html.Li:
    """Return the menu's "Bädda in": the <iframe> code to copy, in a read-only text field."""
    field_id = f"{view}-{key}-embed-code"
    return html.Li(
        html.Details(
            [
                html.Summary(tx(lang, "Bädda in", "Embed"), className="btn btn-sm btn-outline-secondary"),
                html.Label(
                    tx(lang, "Kod att klistra in på en webbsida", "Code to paste into a web page"),
                    htmlFor=field_id,
                    className="form-label small d-block mt-2 mb-1",
                ),
                html.Textarea(
                    embed_code(view, key, title, qs),
                    id=field_id,
                    readOnly=True,
                    rows=3,
                    className="form-control form-control-sm font-monospace",
                ),
            ],
            className="chart-embed w-100",
        ),
        className="w-100",
    )


def no_images_note(lang: str) -> str:
    return tx(
        lang,
        "Bilder och presentationer kan inte skapas på den här servern just nu (webbläsaren Chromium saknas "
        "eller startar inte). Data går att ladda ner.",
        "Images and presentations cannot be made on this server right now (the Chromium browser is missing "
        "or does not start). Data can be downloaded.",
    )


def _link(text: str, href: str) -> html.Li:
    return html.Li(html.A(text, href=href, download="", className="btn btn-sm btn-outline-secondary"))


def downloads(view: str, key: str, title: str, lang: str, qs: str) -> html.Details:
    """Return a chart's export menu for the view's canonical query qs: pictures, vector files, numbers."""
    from figures.render import images_available

    items = []
    if images_available():
        items += [
            _link(
                tx(lang, "PNG 1920 × 1080 (presentation)", "PNG 1920 × 1080 (slide)"), export_href(view, key, "png", qs)
            ),
            _link("PNG 1280 × 720", export_href(view, key, "png", qs, size="1280x720")),
            _link(
                tx(lang, "PNG i diagrammets storlek", "PNG at the chart's size"),
                export_href(view, key, "png", qs, size="own"),
            ),
            _link("SVG", export_href(view, key, "svg", qs)),
            _link("PDF", export_href(view, key, "pdf", qs)),
        ]
    else:
        items.append(html.Li(no_images_note(lang), className="export-unavailable small text-muted w-100"))
    items += [
        _link(tx(lang, "Data (CSV)", "Data (CSV)"), export_href(view, key, "csv", qs)),
        _link(tx(lang, "Data (XLSX, med källa)", "Data (XLSX, with source)"), export_href(view, key, "xlsx", qs)),
        embed_entry(view, key, title, lang, qs),
    ]
    return html.Details(
        [
            html.Summary(
                [
                    tx(lang, "Ladda ner", "Download"),
                    html.Span(f": {title}", className="visually-hidden"),
                    html.Span(" ▾", **{"aria-hidden": "true"}),
                ],
                className="btn btn-sm btn-outline-secondary",
            ),
            html.Ul(items, className="list-unstyled d-flex flex-wrap gap-2 mt-2 mb-0"),
        ],
        className="chart-downloads export-menu",
    )


def view_downloads(view: str, lang: str, qs: str) -> html.Section:
    """Return the whole view's downloads: a PowerPoint deck and a ZIP of every chart as PNG."""
    from figures.render import images_available

    heading = html.H2(tx(lang, "Ladda ner hela vyn", "Download the whole view"), className="h6 mb-2")
    if not images_available():
        return html.Section(
            [heading, html.P(no_images_note(lang), className="small mb-0")],
            className="view-downloads border rounded p-3 mt-3",
        )
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
