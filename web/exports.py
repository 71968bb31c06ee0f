"""Serve charts as files: /export/<view>/<chart>.<csv|xlsx|png|svg|pdf>?<filters>[&size=...]
and whole views as /export/<view>.<pptx|zip>?<filters>.

Bad filters get a 400 that names the parameter; unknown charts or views a 404; a server
without Chromium a 503 that says data downloads still work. Each client is rate-limited
per minute: data, images and whole views separately (configurable, see DEFAULTS).
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from functools import wraps
from pathlib import Path
from urllib.parse import quote

import flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

import charts
from charts.params import InvalidParam, in_words, lang_from, parse, query_dict
from charts.views import VIEWS_BY_KEY
from data.store import current_engine
from figures import render
from figures.export_images import DEFAULT_SIZE, Logo, chart_image, grown, image_filename, preset, slide_pictures
from figures.export_layout import PRESET_KEYS
from figures.export_slide_tables import is_table_chart
from figures.export_slides import PICTURE_ASPECT, Deck, view_deck
from figures.export_steering import workbook as steering_workbook
from figures.export_workbook import chart_csv, chart_workbook
from i18n import tx

log = logging.getLogger(__name__)
ASSETS = Path(__file__).resolve().parent.parent / "assets"
DEFAULTS = {
    "EXPORT_RATELIMIT_ENABLED": None,  # None: on, except when TESTING
    "EXPORT_LIMIT_DATA": "60/minute",  # CSV and XLSX, per client
    "EXPORT_LIMIT_IMAGE": "30/minute",  # PNG, SVG and PDF, per client
    "EXPORT_LIMIT_VIEW": "5/minute",  # PPTX and ZIP of a whole view, per client
    "EXPORT_LOGO": None,  # a PNG/SVG to put in the pictures' corner; default assets/logo.png or .svg
}
DATA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
IMAGE_TYPES = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
# Chart keys as they were first published in export addresses, kept so that old links still work.
CHART_ALIASES = {
    "milstolpar": {
        "tidslinje": "timeline",
        "lista": "list",
        "maluppfyllelse": "attainment",
        "per-kvartal": "per-quarter",
        "per-aktivitet": "per-activity",
    },
    "foretagsenkat": {"kluster": "clusters", "fragor": "questions", "omgangar": "rounds"},
}
VIEW_TYPES = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "zip": "application/zip",
}


class ExportError(Exception):
    """An export that cannot be answered with a file; the message is for the reader."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def _text(status: int, message: str) -> flask.Response:
    return flask.Response(message + "\n", status=status, content_type="text/plain; charset=utf-8")


def _query() -> dict:
    return query_dict(flask.request.query_string.decode("utf-8", "replace"))


def answers_in_words(func):
    """Turn every failure of an export into a short plain-text answer in the reader's language."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        lang = lang_from(_query())
        try:
            return func(*args, **kwargs)
        except ExportError as exc:
            return _text(exc.status, exc.message)
        except render.RendererBusy as exc:  # this worker already makes an export: come back shortly
            response = _text(503, busy_message(lang, exc.retry_after))
            response.headers["Retry-After"] = str(exc.retry_after)
            return response
        except render.RenderUnavailable:
            log.warning("image export refused: %s", render.renderer.failure)
            return _text(503, no_images_message(lang))
        except Exception:  # no traceback reaches a reader
            log.exception("export failed: %s", flask.request.full_path)
            return _text(
                500, tx(lang, "Filen kunde inte skapas. Försök igen.", "The file could not be made. Try again.")
            )

    return wrapper


def busy_message(lang: str, seconds: int) -> str:
    return tx(
        lang,
        f"Servern gör redan bilder åt andra just nu. Försök igen om {seconds} sekunder.",
        f"The server is already making images for others right now. Try again in {seconds} seconds.",
    )


def no_images_message(lang: str) -> str:
    return tx(
        lang,
        "Bilder och presentationer kan inte skapas på den här servern just nu (webbläsaren Chromium saknas "
        "eller startar inte). Data går fortfarande att ladda ner som CSV och XLSX.",
        "Images and presentations cannot be made on this server right now (the Chromium browser is missing "
        "or does not start). Data can still be downloaded as CSV and XLSX.",
    )


def attachment(body: bytes, mimetype: str, filename: str) -> flask.Response:
    """Return body as a download with a file name that says what it is."""
    ascii_name = filename.encode("ascii", "replace").decode("ascii").replace("?", "_")
    disposition = f'attachment; filename="{ascii_name}"'
    if ascii_name != filename:
        disposition += f"; filename*=UTF-8''{quote(filename)}"
    return flask.Response(body, content_type=mimetype, headers={"Content-Disposition": disposition})


def build(view: str, key: str, query: dict):
    """Build one chart from the query; unknown chart 404, invalid filter 400."""
    lang = lang_from(query)
    try:
        return charts.build_chart(view, CHART_ALIASES.get(view, {}).get(key, key), query, strict=True)
    except KeyError:
        raise ExportError(
            404, tx(lang, f"Diagrammet {view}/{key} finns inte.", f"There is no chart {view}/{key}.")
        ) from None
    except InvalidParam as exc:
        raise ExportError(400, exc.message(lang)) from None


def filters(view: str, query: dict) -> list[tuple[str, str]]:
    """Return the view's filters as (label, value in words) pairs in the query's language: names, never codes."""
    lang = lang_from(query)
    params = charts.view_params(view)
    with current_engine().connect() as conn:
        values, _ = parse(params, query, conn)
        return in_words(params, values, conn, lang)


def logo() -> Logo | None:
    """Return the configured logo, or assets/logo.png / logo.svg when there is one."""
    configured = flask.current_app.config.get("EXPORT_LOGO")
    if configured:
        return Logo.from_path(configured)
    for name in ("logo.png", "logo.svg"):
        if (ASSETS / name).is_file():
            return Logo.from_path(ASSETS / name)
    return None


@answers_in_words
def export_data(view: str, key: str, fmt: str):
    """Send a chart's numbers as CSV or XLSX."""
    query = _query()
    spec = build(view, key, query)
    stem = spec.filename or f"{view}_{key}"
    if fmt == "csv":
        return attachment(chart_csv(spec), DATA_TYPES[fmt], f"{stem}.csv")
    body = chart_workbook(spec, lang_from(query), date.today(), filters(view, query))
    return attachment(body, DATA_TYPES[fmt], f"{stem}.xlsx")


@answers_in_words
def export_image(view: str, key: str, fmt: str):
    """Send a chart as a finished picture: PNG (size=1920x1080|1280x720|own), SVG or PDF."""
    query = _query()
    lang = lang_from(query)
    size_key = query.pop("size", DEFAULT_SIZE)
    if size_key not in PRESET_KEYS:
        raise ExportError(
            400,
            tx(lang, "Ogiltig parameter size=", "Invalid parameter size=")
            + f"{size_key!r}: "
            + tx(lang, "välj ", "choose ")
            + ", ".join(PRESET_KEYS)
            + ".",
        )
    spec = build(view, key, query)
    with render.job():  # one image job per worker at a time; RendererBusy when the queue is full
        body = chart_image(spec, lang, fmt, size_key, as_of=date.today(), logo=logo())
    return attachment(body, IMAGE_TYPES[fmt], image_filename(spec, fmt, grown(preset(size_key, spec), spec)))


def view_charts(view: str, query: dict, left_out: list[str]) -> Iterator:
    """Yield every chart of a view that has numbers for the filters; name the others in left_out.

    An unknown view is a 404 and an invalid filter a 400, as for one chart. A chart that fails,
    or has no numbers for these filters, is left out and named on the deck's last slide.
    """
    lang = lang_from(query)
    keys = charts.chart_keys(view)
    if not keys or view not in VIEWS_BY_KEY:
        raise ExportError(404, tx(lang, f"Vyn {view} har inga diagram.", f"The view {view} has no charts."))
    for key in keys:
        try:
            spec = build(view, key, query)
        except ExportError:
            raise
        except Exception:  # one broken chart must not cost the whole deck
            log.exception("chart %s/%s failed in a view export", view, key)
            left_out.append(tx(lang, f"{key} (kunde inte skapas)", f"{key} (could not be made)"))
            continue
        if spec.table.empty or spec.message:
            reason = spec.message or tx(lang, "inga data med dessa filter", "no data for these filters")
            # the first sentence: what is missing (the chart's card says how to fill it)
            left_out.append(f"{spec.title} ({reason.split('. ')[0].rstrip('.')})")
        else:
            yield spec


def pictures(specs: Iterator, draw) -> list[tuple]:
    """Return (spec, draw(spec)) for each spec; Chromium draws one chart while Python builds the next."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        jobs = [(spec, pool.submit(draw, spec)) for spec in specs]
        return [(spec, job.result()) for spec, job in jobs]


@answers_in_words
def export_view(view: str, fmt: str):
    """Send a whole view: a PowerPoint deck, or a ZIP of every chart as PNG (one renderer job per worker)."""
    with render.job():
        return _export_view(view, fmt)


def _export_view(view: str, fmt: str):
    query = _query()
    lang = lang_from(query)
    today, left_out = date.today(), []
    specs = view_charts(view, query, left_out)
    stem = f"{view}_{tx(lang, 'presentation', 'presentation') if fmt == 'pptx' else tx(lang, 'diagram', 'charts')}"
    if fmt == "pptx":
        drawn = pictures(specs, lambda spec: None if is_table_chart(spec) else slide_pictures(spec, PICTURE_ASPECT))
        deck = Deck(VIEWS_BY_KEY[view].title(lang), lang, today, filters(view, query), drawn, left_out)
        return attachment(view_deck(deck), VIEW_TYPES[fmt], f"{stem}_{today.isoformat()}.pptx")
    mark = logo()
    drawn = pictures(specs, lambda spec: chart_image(spec, lang, "png", DEFAULT_SIZE, as_of=today, logo=mark))
    buffer, names = io.BytesIO(), set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # PNG is compressed already
        for spec, png in drawn:
            name = image_filename(spec, "png")
            if name in names:
                name = f"{spec.view}_{spec.key}_{name}"
            names.add(name)
            archive.writestr(name, png)
    return attachment(buffer.getvalue(), VIEW_TYPES[fmt], f"{stem}_{today.isoformat()}.zip")


@answers_in_words
def unknown_format(view: str, key: str, fmt: str):
    lang = lang_from(_query())
    known = ", ".join([*DATA_TYPES, *IMAGE_TYPES])
    raise ExportError(
        404, tx(lang, f"Okänt format: {fmt}. Finns: {known}.", f"Unknown format: {fmt}. Available: {known}.")
    )


@answers_in_words
def export_steering_workbook():
    """Send the steering group's workbook: the milestone list and the goal attainment, with what they are."""
    query = _query()
    lang = lang_from(query)
    milestones = build("milstolpar", "list", query)
    goals = build("milstolpar", "attainment", query)
    groups = (build("milstolpar", "attainment-activity", query), build("milstolpar", "attainment-subgoal", query))
    body, name = steering_workbook(milestones, goals, lang, groups)
    return attachment(body, DATA_TYPES["xlsx"], name)


def too_many(request_limit) -> flask.Response:
    """Answer a client that asked for too many exports in a short time."""
    lang = lang_from(_query())
    return _text(
        429,
        tx(
            lang,
            f"För många nedladdningar på kort tid (högst {request_limit.limit}). Vänta en stund och försök igen.",
            f"Too many downloads in a short time (at most {request_limit.limit}). Wait a moment and try again.",
        ),
    )


def _limited(server, limiter: Limiter | None, config_key: str, func):
    if limiter is None:
        return func
    return limiter.limit(lambda: server.config[config_key], on_breach=too_many)(func)


def init_app(server) -> None:
    """Add the export routes, each with its per-client rate limit, to a Flask server."""
    for key, value in DEFAULTS.items():
        server.config.setdefault(key, value)
    enabled = server.config["EXPORT_RATELIMIT_ENABLED"]
    if enabled is None:
        enabled = not server.config.get("TESTING", False)
    limiter = None
    if enabled:
        limiter = Limiter(
            get_remote_address,
            app=server,
            storage_uri=server.config.get("RATELIMIT_STORAGE_URI") or "memory://",
            key_prefix="export",
            headers_enabled=True,
        )
        server.extensions["s3_export_limiter"] = limiter
    rules = [
        ("/export/<view>/<key>.<any(csv, xlsx):fmt>", "export_data", "EXPORT_LIMIT_DATA", export_data),
        ("/export/<view>/<key>.<any(png, svg, pdf):fmt>", "export_image", "EXPORT_LIMIT_IMAGE", export_image),
        ("/export/<view>.<any(pptx, zip):fmt>", "export_view", "EXPORT_LIMIT_VIEW", export_view),
    ]
    for rule, endpoint, limit_key, func in rules:
        server.add_url_rule(rule, endpoint, _limited(server, limiter, limit_key, func))
    server.add_url_rule(
        "/export/milstolpar/styrgrupp.xlsx",
        "export_steering_workbook",
        _limited(server, limiter, "EXPORT_LIMIT_DATA", export_steering_workbook),
    )
    server.add_url_rule("/export/<view>/<key>.<fmt>", "export_unknown_format", unknown_format)
