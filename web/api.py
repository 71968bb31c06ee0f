"""Serve every number on the site as a read-only HTTP API under /api/, in JSON or CSV.

    GET /api/                         the API described in words (Swedish, ?lang=en for English)
    GET /api/openapi.json             the OpenAPI 3.1 document: every path and parameter
    GET /api/<resource>?<parameters>  regions, industries, measures, datasets, facts, indicators, charts
    GET /api/indicators/<name>?...    one indicator, as the views and python -m indicators compute it
    GET /api/charts/<view>/<key>?...  one chart's numbers for the view's parameters

Every answer names the datasets behind it and whether any number is example data (in the JSON's
"meta", and in the headers X-Datasets and X-Data-Status for CSV). ?format=csv gives plain CSV,
?format=csv-excel CSV for a Swedish Excel. A bad or unknown parameter is a 400 that names it; the
store's version is the ETag (a repeated request with If-None-Match gets a 304); each client is
limited per minute (API_LIMIT, storage RATELIMIT_STORAGE_URI). Nothing here signs in or writes:
only GET, HEAD and OPTIONS are answered, anything else is a 405.
"""

from __future__ import annotations

import hashlib
import json
import logging

import flask
import pandas as pd
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.exceptions import MethodNotAllowed

import charts
from cache import cache
from charts.params import InvalidParam, encode, parse
from charts.views import VIEWS, VIEWS_BY_KEY
from data.store import current_engine
from figures.export_csv import table_csv
from i18n import tx
from indicators import INDICATORS
from indicators.facts import datasets as dataset_table
from indicators.levels import InvalidArgument

from . import api_spec
from .api_indicators import INDICATOR_RESOURCES
from .api_query import ApiError, arg_lang, check_forms, common, error_response, invalid, records, request_query
from .api_resources import STORE_RESOURCES, Answer, Resource, chart_answer

log = logging.getLogger(__name__)
DEFAULTS = {
    "API_RATELIMIT_ENABLED": None,  # None: on, except when TESTING
    "API_LIMIT": "120/minute",  # requests per client to the whole API
    "API_MAX_AGE": 300,  # seconds a browser or proxy may keep an answer before it asks again (ETag)
}
RESOURCES: dict[str, Resource] = {r.path: r for r in [*STORE_RESOURCES, *INDICATOR_RESOURCES]}
ANSWER_TIMEOUT = 24 * 3600  # the key holds the store version: an answer never goes stale


FLAG_COLUMNS = ("is_example", "status_is_example")


def data_status(answer: Answer, sets: pd.DataFrame) -> str:
    """Return real, example or mixed: from the answer, else its rows' example flags, else its datasets."""
    if answer.data_status in ("real", "example", "mixed"):
        return answer.data_status
    flags = set()
    for col in FLAG_COLUMNS:
        if col in answer.frame and len(answer.frame):
            flags |= {bool(v) for v in answer.frame[col].fillna(False)}
    if not flags:
        flags = {bool(v) for v in sets["is_example"]}
    return "mixed" if len(flags) == 2 else "example" if True in flags else "real"


def meta(resource_key: str, indicator: str, answer: Answer, values: dict, params, lang: str, version: str) -> dict:
    """Return what an answer says about itself: parameters, datasets, example status, notes, definitions."""
    every = dataset_table(flask.g.api_conn)
    sets = every[every["code"].isin(answer.datasets)]
    status = data_status(answer, sets)
    out = {
        "path": flask.request.path,
        "parameters": {p.name: p.encode(values.get(p.name)) for p in params} | {"lang": lang},
        "store_version": version,
        "rows": len(answer.frame),
        "data_status": status,
        "example_data": status != "real",
        "datasets": records(
            sets[["code", "title_sv", "title_en", "source", "source_url", "licence", "retrieved", "is_example"]]
        ),
        "notes": list(answer.notes),
    }
    if indicator and indicator in INDICATORS:
        m = INDICATORS[indicator]
        out["indicator"] = {
            "key": m.key,
            "title": m.title(lang),
            "unit": m.unit(lang),
            "definition": m.definition(lang),
            "formula": m.formula,
        }
    return out | answer.about


def etag_for(version: str, canonical: str, fmt: str) -> str:
    """Return the ETag: the store's version, and a fingerprint of the address's resolved parameters.

    A computed default (the latest year, today's date) is part of the fingerprint, so an answer that
    changes with the day is never confirmed as unchanged.
    """
    digest = hashlib.sha1(f"{flask.request.path}{canonical}|{fmt}".encode()).hexdigest()[:12]
    return f"{version}-{digest}"


def cached_answer(key: str, version: str, canonical: str, compute):
    url = current_engine().url.render_as_string(hide_password=False)
    cache_key = "api:" + hashlib.sha1(f"{url}|{version}|{key}|{canonical}".encode()).hexdigest()
    found = cache.get(cache_key)
    if found is None:
        found = compute()
        cache.set(cache_key, found, timeout=ANSWER_TIMEOUT)
    return found


def serve(key: str, params, compute, indicator: str = "") -> flask.Response:
    """Answer one resource: parse strictly, answer 304 when unchanged, else compute (cached) and write."""
    fmt, lang, rest = common(request_query())
    check_forms(params, rest, lang)
    with current_engine().connect() as conn:
        flask.g.api_conn = conn
        try:
            values, _ = parse(list(params), rest, conn, strict=True)
        except InvalidParam as exc:
            raise invalid(exc.name, exc.raw, exc.reason(lang), lang) from None
        version = charts.store_version(conn)
        canonical = encode(list(params), values, lang)
        etag = etag_for(version, canonical, fmt)
        if etag in flask.request.if_none_match:
            return cached_headers(flask.Response(status=304), etag)
        try:
            answer = cached_answer(key, version, canonical, lambda: compute(conn, values, lang))
        except InvalidArgument as exc:
            raise invalid(exc.argument, exc.value, exc.message(lang), lang) from None
        about = meta(key, indicator, answer, values, params, lang, version)
    return cached_headers(write(answer, about, fmt, lang, key), etag)


def write(answer: Answer, about: dict, fmt: str, lang: str, key: str) -> flask.Response:
    if fmt == "json":
        body = json.dumps({"meta": about, "data": records(answer.frame)}, ensure_ascii=False, allow_nan=False)
        response = flask.Response(body, content_type="application/json")
    else:
        response = flask.Response(table_csv(answer.frame, fmt, lang=lang), content_type="text/csv; charset=utf-8")
        name = key.replace("/", "_") + (".csv" if fmt == "csv" else "_excel.csv")
        response.headers["Content-Disposition"] = f'inline; filename="{name}"'
    response.headers["X-Datasets"] = ",".join(d["code"] for d in about["datasets"])
    response.headers["X-Data-Status"] = about["data_status"]
    return response


def cached_headers(response: flask.Response, etag: str) -> flask.Response:
    response.set_etag(etag)
    response.headers["Cache-Control"] = f"public, max-age={int(flask.current_app.config['API_MAX_AGE'])}"
    return response


def answers_in_json(func):
    """Turn every failure into a JSON answer; no traceback reaches a reader."""

    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ApiError as exc:
            return error_response(exc)
        except Exception:
            log.exception("API answer failed: %s", flask.request.full_path)
            lang = arg_lang()
            return error_response(
                ApiError(500, tx(lang, "Svaret kunde inte räknas fram.", "The answer could not be computed."))
            )

    wrapper.__name__ = func.__name__
    return wrapper


def not_found(name: str, lang: str) -> ApiError:
    return ApiError(
        404, tx(lang, f"Det finns ingen adress /api/{name}. Se /api/.", f"There is no path /api/{name}. See /api/.")
    )


@answers_in_json
def resource(name: str):
    """Answer /api/<name>: a resource of the table, or a chart (charts/<view>/<key>)."""
    lang = arg_lang()
    if name in RESOURCES:
        r = RESOURCES[name]
        return serve(r.path, r.params, r.compute, r.indicator)
    found = chart_of(name)
    if found is None:
        raise not_found(name, lang)
    view, key = found
    return serve(name, charts.view_params(view), lambda conn, values, lang: chart_answer(conn, view, key, values, lang))


def chart_of(name: str) -> tuple[str, str] | None:
    """Return (view, key) for a path charts/<view>/<key> of a registered chart, else None."""
    parts = name.split("/")
    if len(parts) != 3 or parts[0] != "charts" or parts[1] not in VIEWS_BY_KEY:
        return None
    return (parts[1], parts[2]) if parts[2] in charts.chart_keys(parts[1]) else None


@answers_in_json
def openapi():
    fmt, lang, rest = common(request_query())
    for name in rest:
        raise invalid(name, rest[name], tx(lang, "okänd parameter", "unknown parameter"), lang)
    with current_engine().connect() as conn:
        version = charts.store_version(conn)
        etag = etag_for(version, lang, "json")
        if etag in flask.request.if_none_match:
            return cached_headers(flask.Response(status=304), etag)
        doc = cached_answer("openapi", version, lang, lambda: api_spec.document(conn, lang, resources()))
    return cached_headers(flask.Response(json.dumps(doc, ensure_ascii=False), content_type="application/json"), etag)


def doc_page():
    lang = arg_lang()
    with current_engine().connect() as conn:
        version = charts.store_version(conn)
        doc = cached_answer("openapi", version, lang, lambda: api_spec.document(conn, lang, resources()))
    return flask.Response(api_spec.page(doc, lang), content_type="text/html; charset=utf-8")


def resources() -> list[tuple[str, Resource | tuple]]:
    """Return every path the API answers with its parameters: the table's resources, then one per chart."""
    out: list = [(r.path, r) for r in RESOURCES.values()]
    for view in [v.key for v in VIEWS if v.charts_module]:
        for key in charts.chart_keys(view):
            out.append((f"charts/{view}/{key}", (view, key)))
    return out


def method_not_allowed(exc: MethodNotAllowed):
    """Answer a write to the API or an embed page with a 405 that says the site is read-only."""
    path = flask.request.path
    if not path.startswith(("/api/", "/embed/")):
        return exc
    lang = arg_lang()
    response = error_response(ApiError(405, tx(lang, "Bara läsning: använd GET.", "Read only: use GET.")))
    response.headers["Allow"] = "GET, HEAD, OPTIONS"
    return response


def open_to_all(response: flask.Response) -> flask.Response:
    """Let any page read the API (it is public and has no cookies), and keep browsers from guessing types."""
    if flask.request.path.startswith("/api/") or flask.request.path == "/api":
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def too_many(request_limit) -> flask.Response:
    lang = arg_lang()
    return error_response(
        ApiError(
            429,
            tx(
                lang,
                f"För många anrop på kort tid (högst {request_limit.limit}). Vänta en stund och försök igen.",
                f"Too many requests in a short time (at most {request_limit.limit}). Wait a moment and try again.",
            ),
        )
    )


def init_app(server) -> None:
    """Add the API's routes, each counted against one per-client limit, to a Flask server."""
    for key, value in DEFAULTS.items():
        server.config.setdefault(key, value)
    enabled = server.config["API_RATELIMIT_ENABLED"]
    if enabled is None:
        enabled = not server.config.get("TESTING", False)
    limited = lambda func: func  # noqa: E731
    if enabled:
        limiter = Limiter(
            get_remote_address,
            app=server,
            storage_uri=server.config.get("RATELIMIT_STORAGE_URI") or "memory://",
            key_prefix="api",
            headers_enabled=True,
        )
        server.extensions["s3_api_limiter"] = limiter
        limited = limiter.shared_limit(lambda: server.config["API_LIMIT"], scope="api", on_breach=too_many)
    server.add_url_rule("/api", "api_root", lambda: flask.redirect("/api/", 308))
    server.add_url_rule("/api/", "api_doc", limited(doc_page))
    server.add_url_rule("/api/openapi.json", "api_openapi", limited(openapi))
    server.add_url_rule("/api/<path:name>", "api_resource", limited(resource))
    server.register_error_handler(MethodNotAllowed, method_not_allowed)
    server.after_request(open_to_all)
