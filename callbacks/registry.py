"""Register each view's charts so the page, the exports and the tests build them the same way.

A chart builder is a function (conn, lang, **params) -> ChartSpec. The view's PARAMS (in its
layouts module) say which params exist and which values are allowed.
"""

from __future__ import annotations

from collections.abc import Callable

CHARTS: dict[str, dict[str, Callable]] = {}
# Modules with init_app(server) that add Flask routes or extensions (exports, sign-in ...).
SERVER_MODULES: list = []


def server_module(module):
    """Register a module whose init_app(server) create_app must call."""
    if module not in SERVER_MODULES:
        SERVER_MODULES.append(module)
    return module


def chart(view: str, key: str):
    """Register a chart builder under view and key."""

    def register(func):
        CHARTS.setdefault(view, {})
        if key in CHARTS[view] and CHARTS[view][key] is not func:
            raise ValueError(f"chart {view}/{key} registered twice")
        CHARTS[view][key] = func
        return func

    return register


def load_all() -> None:
    """Import every callbacks module so its charts and callbacks are registered."""
    import importlib
    import pkgutil

    import callbacks

    for mod in pkgutil.iter_modules(callbacks.__path__):
        importlib.import_module(f"callbacks.{mod.name}")


def build_chart(view: str, key: str, query: dict, *, strict: bool = False):
    """Build one registered chart from URL query values; strict raises InvalidParam on bad input."""
    from data.store import current_engine
    from layouts import VIEWS_BY_KEY
    from layouts.params import lang_from, parse

    if view not in CHARTS or key not in CHARTS[view]:
        raise KeyError(f"{view}/{key}")
    params, _ = parse(getattr(VIEWS_BY_KEY[view].load(), "PARAMS", []), query, strict=strict)
    with current_engine().connect() as conn:
        return CHARTS[view][key](conn, lang_from(query), **params)
