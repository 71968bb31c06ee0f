"""Build every chart of the site the same way for the page, the exports, the API and the tests.

A chart builder is a function (conn, lang, **params) -> ChartSpec, registered with
@chart(view, key) in its view's module (charts.<view>); the module's PARAMS say which params exist
and which values are allowed. Built charts are cached per store version, language and canonical
parameters, so a choice made before, in any worker that shares the cache, is answered at once.
Failures are never cached: they raise.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace

from flask import g, has_app_context

from cache import cache
from data.store import current_engine, engine_for
from figures.spec import ChartSpec

from .params import encode, lang_from, parse, query_dict
from .sources import recording
from .views import VIEWS, VIEWS_BY_KEY

CHARTS: dict[str, dict[str, Callable]] = {}
CHART_CACHE_TIMEOUT = 24 * 3600  # the key holds the store version: an answer never goes stale


def chart(view: str, key: str):
    """Register a chart builder under view and key (the order of registration is the page's order)."""

    def register(func):
        known = CHARTS.setdefault(view, {})
        if key in known and known[key] is not func:
            raise ValueError(f"chart {view}/{key} registered twice")
        known[key] = func
        return func

    return register


def load_all() -> None:
    """Import every view's charts module, so its charts are registered."""
    for view in VIEWS:
        if view.charts_module:
            importlib.import_module(view.charts_module)


def chart_keys(view: str) -> list[str]:
    """Return a view's chart keys in the page's order (its module's CHARTS, else the order of registration)."""
    load_all()
    keys = list(CHARTS.get(view, {}))
    module = VIEWS_BY_KEY[view].charts_module if view in VIEWS_BY_KEY else None
    order = list(getattr(importlib.import_module(module), "CHARTS", ())) if module else []
    return sorted(keys, key=lambda k: order.index(k) if k in order else len(order))


def view_params(view: str) -> list:
    return VIEWS_BY_KEY[view].params() if view in VIEWS_BY_KEY else []


def store_version(conn) -> str:
    """Return the store's version, read once per request (all charts of one redraw share it)."""
    from indicators.source import store_version as read_version

    if not has_app_context():
        return read_version(conn)
    if "store_version" not in g:
        g.store_version = read_version(conn)
    return g.store_version


def canonical(view: str, params: dict, lang: str) -> str:
    """Return the address query that names these parameter values (the cache key's part)."""
    return encode(view_params(view), params, lang)


def outside_app() -> bool:
    return not has_app_context()


def connect(url: str):
    """Return a connection to the store at url (for work that is cached by the store's URL and version)."""
    return engine_for(url).connect()


@cache.memoize(timeout=CHART_CACHE_TIMEOUT, unless=outside_app)
def _cached_spec(url: str, version: str, view: str, key: str, lang: str, query: str) -> ChartSpec:
    with connect(url) as conn:
        params, _ = parse(view_params(view), query_dict(query), conn)
        return built(conn, view, key, lang, params).frozen()


def built(conn, view: str, key: str, lang: str, params: dict) -> ChartSpec:
    """Run a chart's builder, noting the datasets its source line names (ChartSpec.datasets)."""
    with recording() as used:
        spec = CHARTS[view][key](conn, lang, **params)
    return replace(spec, datasets=sorted(used))


def spec_for(conn, view: str, key: str, lang: str, params: dict) -> ChartSpec:
    """Return the chart for parsed params, from the cache when it was built before."""
    load_all()
    if view not in CHARTS or key not in CHARTS[view]:
        raise KeyError(f"{view}/{key}")
    if outside_app():
        return built(conn, view, key, lang, params)
    url = conn.engine.url.render_as_string(hide_password=False)
    return _cached_spec(url, store_version(conn), view, key, lang, canonical(view, params, lang))


def build_chart(view: str, key: str, query: dict, *, strict: bool = False) -> ChartSpec:
    """Build one chart from URL query values; strict raises InvalidParam on a bad or unknown parameter."""
    load_all()
    if view not in CHARTS or key not in CHARTS[view]:
        raise KeyError(f"{view}/{key}")
    with current_engine().connect() as conn:
        params, _ = parse(view_params(view), query, conn, strict=strict)
        return spec_for(conn, view, key, lang_from(query), params)
