"""Create the S3 dashboard for Norra Mellansverige: a Dash app on a Flask server.

    make run                      serves it with gunicorn (see the Makefile and README)
    DASH_DEBUG=1 python app.py    Flask's development server, for debugging only

Nothing connects to the database or reads a file at import time; `server` is created on
first access.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from dash import Dash
from dash import _callback as dash_callback

import web
from callbacks import registry
from data.store import current_engine, database_url
from i18n import request_lang
from indicators.facts import datasets
from layouts import shell

HERE = Path(__file__).resolve().parent
log = logging.getLogger(__name__)


def default_config() -> dict:
    """Return the configuration from the environment, with working defaults."""
    return {
        "DATABASE_URL": database_url(),
        "SURVEY_MIN_GROUP": int(os.environ.get("SURVEY_MIN_GROUP", "5")),
        # Compute the most asked Styrkeområden answers after start-up (None: on, except under TESTING).
        "WARM_CACHE": {"1": True, "0": False}.get(os.environ.get("WARM_CACHE", ""), None),
    }


class S3Dash(Dash):
    """Dash with the page language on <html lang>, taken from the request's ?lang=."""

    def interpolate_index(self, **kwargs):
        html = super().interpolate_index(**kwargs)
        lang = request_lang()
        # Dash wraps its scripts in a <footer>: a second contentinfo landmark next to the page's own.
        html = html.replace("<footer>", '<div class="dash-scripts">', 1).replace("</footer>", "</div>", 1)
        html = html.replace("Loading...", "Laddar …" if lang == "sv" else "Loading …", 1)
        return html.replace("<html>", f'<html lang="{lang}">', 1)


_GLOBAL_CALLBACKS = None


def _install_global_callbacks() -> None:
    """Give this app every module-level callback; Dash hands them to the first app only."""
    global _GLOBAL_CALLBACKS
    registry.load_all()
    if _GLOBAL_CALLBACKS is None:
        _GLOBAL_CALLBACKS = (
            dict(dash_callback.GLOBAL_CALLBACK_MAP),
            list(dash_callback.GLOBAL_CALLBACK_LIST),
            list(dash_callback.GLOBAL_INLINE_SCRIPTS),
        )
    cmap, clist, scripts = _GLOBAL_CALLBACKS
    dash_callback.GLOBAL_CALLBACK_MAP.clear()
    dash_callback.GLOBAL_CALLBACK_MAP.update(cmap)
    dash_callback.GLOBAL_CALLBACK_LIST[:] = clist
    dash_callback.GLOBAL_INLINE_SCRIPTS[:] = scripts


def serve_layout():
    """Return the page for this request: the shell in the request's language."""
    lang = request_lang()
    try:
        with current_engine().connect() as conn:
            rows = datasets(conn).to_dict("records")
    except Exception:  # a missing or broken store must still give a page that says so
        log.exception("could not read datasets")
        rows = []
    return shell.shell(lang, rows)


def create_app(config: dict | None = None) -> Dash:
    """Return a configured dashboard: defaults, then the environment, then config."""
    cfg = default_config()
    cfg.update(config or {})
    _install_global_callbacks()
    app = S3Dash(
        __name__,
        assets_folder=str(HERE / "assets"),
        serve_locally=True,
        # Load plotly.js with the page: loaded lazily, a view that draws many charts at once (Styrkeområden,
        # three counties side by side) can unmount its graphs while plotly.js is still loading and never draw.
        eager_loading=True,
        suppress_callback_exceptions=True,
        title="Smart specialisering i Norra Mellansverige",
        update_title=None,
        external_stylesheets=[],
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {
                "name": "description",
                "content": "Smart specialisering i Norra Mellansverige: styrkeområden, "
                "klusterkartering, företagsenkät och milstolpar.",
            },
        ],
    )
    server = app.server
    web.init_app(server, cfg)
    for module in registry.SERVER_MODULES:
        module.init_app(server)
    app.layout = serve_layout
    warm = cfg["WARM_CACHE"] if cfg["WARM_CACHE"] is not None else not cfg.get("TESTING")
    if warm:
        from callbacks import styrkeomraden_warm

        styrkeomraden_warm.start(server)
    web.finish(app)
    return app


def __getattr__(name: str):
    # `gunicorn app:server` asks for `server`; build the app only then (PEP 562).
    if name == "server":
        global server
        server = create_app().server
        return server
    raise AttributeError(name)


if __name__ == "__main__":
    if os.environ.get("DASH_DEBUG") != "1":
        from web import serve

        serve.main()  # production: gunicorn, as `make run`
    application = create_app()
    application.run(host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8050")), debug=True)
