"""Serve one chart to be placed in another site's page: /embed/<view>/<key>?<the view's parameters>.

The page is the chart card alone (title, chart, text alternative, table, source line, "Exempeldata"
where it applies, a link to the full view), light and served by Flask: the app's own plotly.js
bundle draws the figure, read from a <script type="application/json"> by a static script, so a
strict Content-Security-Policy without inline scripts holds. Which sites may frame it is the
setting EMBED_ORIGINS (origins separated by spaces or commas; default only the site itself), read
in one place, frame_ancestors(), that the site's security headers can take over.
"""

from __future__ import annotations

import logging
import re
from html import escape
from pathlib import Path

import flask
from plotly.io.json import to_json_plotly

import charts
from charts.params import InvalidParam, parse, query_dict
from charts.views import VIEWS_BY_KEY
from data.store import current_engine
from figures.export_pages import table_trace
from i18n import PLOTLY_OFFLINE, plotly_locale, tx
from layouts import matrix
from layouts.card import data_table, example_badge
from layouts.static_html import to_html

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
PLOTLY_BUNDLE = "/assets/vendor/plotly-s3-4.1.1.min.js"
ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")
SITE_NAME = ("Smart specialisering i Norra Mellansverige", "Smart specialisation in North Middle Sweden")


def allowed_origins(setting) -> list[str]:
    """Return the origins the setting allows to frame a chart ('self' always); malformed entries are left out and logged."""
    items = setting if isinstance(setting, list | tuple) else re.split(r"[\s,]+", str(setting or ""))
    out = ["'self'"]
    for item in (i.strip().rstrip("/") for i in items):
        if not item or item in ("'self'", "self"):
            continue
        if ORIGIN.match(item):
            out.append(item)
        else:
            log.warning("EMBED_ORIGINS: %r is not an origin (https://host[:port]); left out", item)
    return out


def frame_ancestors(config) -> str:
    """Return the CSP directive naming who may frame an embedded chart, from EMBED_ORIGINS in config."""
    return "frame-ancestors " + " ".join(allowed_origins(config.get("EMBED_ORIGINS")))


def content_security_policy(config) -> str:
    """Return the embed page's policy: its own scripts only, no inline script, framed only by allowed origins."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",  # plotly.js sets styles on the elements it draws
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            frame_ancestors(config),
        ]
    )


def secured(response: flask.Response) -> flask.Response:
    response.headers["Content-Security-Policy"] = content_security_policy(flask.current_app.config)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response


def json_for_script(value) -> str:
    """Return JSON that cannot end the <script> element it sits in."""
    return to_json_plotly(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def message_page(status: int, title: str, text: str, lang: str) -> flask.Response:
    body = f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>
<link rel="stylesheet" href="/embed/static/embed.css"></head>
<body><main><h1>{escape(title)}</h1><p>{escape(text)}</p></main></body></html>"""
    return secured(flask.Response(body, status, content_type="text/html; charset=utf-8"))


def is_list(spec) -> bool:
    """Return whether the chart is a table by nature (Milstolpar's list): the embed writes it as HTML."""
    return table_trace(spec.figure_dict()) is not None


def figure_part(spec, lang: str) -> str:
    """Return the chart itself: a matrix as an HTML table where the view shows one, else the figure's place."""
    if spec.page is not None:
        kind, args = spec.page
        return f'<div class="chart-matrix">{to_html(matrix.RENDERERS[kind](lang=lang, **args))}</div>'
    if is_list(spec):  # its table, as the view shows it (the page's plotly.js draws no tables)
        return f'<div class="chart-list">{data_table(spec.table, lang, spec.title).html}</div>'
    height = spec.figure_size()[1]
    style = f' style="height: {int(height)}px"' if height else ""
    config = {"displaylogo": False, "responsive": True, **plotly_locale(lang), **PLOTLY_OFFLINE}
    return (
        f'<div class="chart-graph" id="chart-graph"{style}></div>'
        f'<script type="application/json" id="chart-figure">{json_for_script(spec.figure_dict())}</script>'
        f'<script type="application/json" id="chart-config">{json_for_script(config)}</script>'
    )


def card_page(spec, view: str, lang: str, canonical: str) -> str:
    """Return the embed page of a finished chart."""
    badge = example_badge(spec.data_status, lang)
    badge_html = to_html(badge) if badge is not None else ""
    full = flask.request.host_url.rstrip("/") + VIEWS_BY_KEY[view].path + canonical
    notes = "".join(f'<p class="chart-note">{escape(n)}</p>' for n in spec.notes)
    table = (
        ""
        if is_list(spec)  # the chart is the table already
        else f'<details class="chart-table"><summary>{escape(tx(lang, "Visa tabell", "Show table"))}</summary>'
        f"{data_table(spec.table, lang, spec.title).html}</details>"
    )
    subtitle = f'<p class="chart-subtitle">{escape(spec.subtitle)}</p>' if spec.subtitle else ""
    stylesheets = '<link rel="stylesheet" href="/assets/25-matrix.css">' if spec.page is not None else ""
    return f"""<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(spec.title)} – {escape(tx(lang, *SITE_NAME))}</title>
<link rel="stylesheet" href="/embed/static/embed.css">{stylesheets}
<script src="{PLOTLY_BUNDLE}" defer></script><script src="/embed/static/embed.js" defer></script></head>
<body><main class="chart-card" aria-labelledby="chart-title">
<div class="chart-head"><h1 id="chart-title">{escape(spec.title)}</h1>{badge_html}</div>{subtitle}
<figure>{figure_part(spec, lang)}<figcaption class="chart-summary">{escape(spec.summary)}</figcaption></figure>
{notes}
{table}
<footer class="chart-footer"><p class="chart-source">{escape(spec.source)} {badge_html}</p>
<p><a href="{escape(full)}" target="_blank" rel="noopener">{escape(tx(lang, "Se hela vyn", "See the full view"))}: {escape(VIEWS_BY_KEY[view].title(lang))} – {escape(tx(lang, *SITE_NAME))}</a></p></footer>
</main></body></html>"""


def embed(view: str, key: str):
    """Answer /embed/<view>/<key>: the chart card, 400 naming a bad parameter, 404 for an unknown chart."""
    query = query_dict(flask.request.query_string.decode("utf-8", "replace"))
    lang = query.get("lang") if query.get("lang") in ("sv", "en") else "sv"
    if view not in VIEWS_BY_KEY or key not in charts.chart_keys(view):
        return message_page(
            404,
            tx(lang, "Diagrammet finns inte", "No such chart"),
            tx(lang, f"Det finns inget diagram {view}/{key}.", f"There is no chart {view}/{key}."),
            lang,
        )
    try:
        with current_engine().connect() as conn:
            values, _ = parse(charts.view_params(view), query, conn, strict=True)
            spec = charts.spec_for(conn, view, key, lang, values)
            canonical = charts.canonical(view, values, lang)
    except InvalidParam as exc:
        return message_page(400, tx(lang, "Ogiltig parameter", "Invalid parameter"), exc.message(lang), lang)
    except Exception:  # no traceback reaches a reader
        log.exception("embed failed: %s", flask.request.full_path)
        return message_page(
            500,
            tx(lang, "Diagrammet kunde inte visas", "The chart could not be shown"),
            tx(lang, "Försök igen senare.", "Try again later."),
            lang,
        )
    response = flask.Response(card_page(spec, view, lang, canonical), content_type="text/html; charset=utf-8")
    response.headers["Cache-Control"] = "public, max-age=300"
    return secured(response)


def static_file(name: str):
    response = flask.send_from_directory(STATIC, name, max_age=3600)
    return secured(response)


def init_app(server) -> None:
    server.config.setdefault("EMBED_ORIGINS", "'self'")
    server.add_url_rule("/embed/<view>/<key>", "embed_chart", embed)
    server.add_url_rule("/embed/static/<path:name>", "embed_static", static_file)
