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
from urllib.parse import urlsplit

import flask
from dash import Dash

import callbacks
import web
from charts.params import query_dict
from charts.views import view_for_path
from data.store import current_engine, database_url
from i18n import request_lang
from indicators.facts import datasets
from layouts import shell
from layouts.page import notice as shell_notice
from layouts.pages import content_for

HERE = Path(__file__).resolve().parent
GRAPH_CHUNK = "_dash-component-suites/dash/dcc/async-graph.js"  # dcc.Graph's lazily loaded code
log = logging.getLogger(__name__)


def default_config() -> dict:
    """Return the configuration from the environment, with working defaults."""
    return {
        "DATABASE_URL": database_url(),
        "SURVEY_MIN_GROUP": int(os.environ.get("SURVEY_MIN_GROUP", "5")),
    }


class S3Dash(Dash):
    """Dash with the page language on <html lang>, taken from the request's ?lang=."""

    def interpolate_index(self, **kwargs):
        html = super().interpolate_index(**kwargs)
        lang = request_lang()
        # Dash wraps its scripts in a <footer>: a second contentinfo landmark next to the page's own.
        html = html.replace("<footer>", '<div class="dash-scripts">', 1).replace("</footer>", "</div>", 1)
        html = html.replace("Loading...", "Laddar …" if lang == "sv" else "Loading …", 1)
        # Dash's renderer asks for the page's layout and callbacks only once its scripts have run: ask now,
        # while they load and run (the renderer's own requests take the preloaded answers).
        prefix = self.config.requests_pathname_prefix
        preload = "".join(
            f'<link rel="preload" href="{prefix}{name}" as="fetch" crossorigin="anonymous">'
            for name in ("_dash-layout", "_dash-dependencies")
        )
        view = view_for_path(flask.request.path) if flask.has_request_context() else None
        if view is not None and view.charts_module:
            # dcc.Graph's code comes in a chunk of its own that dcc asks for once a graph is laid out
            # (revalidated on every visit: its address has no version): ask for it with the rest.
            preload += f'<link rel="preload" href="{prefix}{GRAPH_CHUNK}" as="script">'
        html = html.replace("</head>", preload + "</head>", 1)
        return html.replace("<html>", f'<html lang="{lang}">', 1)


def page_address() -> tuple[str, str] | None:
    """Return (path, search) of the page that asks for its layout, or None when it cannot be known.

    Dash fetches a page's layout from /_dash-layout; the browser's Referer (same origin, so the
    whole address) says which page that is.
    """
    if not flask.has_request_context():
        return None
    referrer = flask.request.referrer
    if not referrer:
        return None
    parts = urlsplit(referrer)
    if parts.netloc != flask.request.host:
        return None
    return parts.path or "/", ("?" + parts.query) if parts.query else ""


def serve_layout():
    """Return the page for this request: the shell in its language, with the view filled for its address."""
    lang = request_lang()
    address = page_address()
    content, notice, location, defaults = None, None, None, None
    if not flask.has_request_context() or flask.request.path != "/_dash-layout":
        # Dash checks the layout's structure once while it sets itself up (web.finish): no store is read then.
        return shell.shell(lang, [], content, notice, location, defaults)
    try:
        with current_engine().connect() as conn:
            rows = datasets(conn).to_dict("records")
            if address is not None:
                path, search = address
                content, notices, defaults = content_for(conn, path, query_dict(search))
                notice = shell_notice(notices, lang)
                location = {
                    "pathname": path,
                    "search": search,
                    "hash": "",
                    "href": flask.request.referrer.split("#")[0],
                }
    except Exception:  # a missing or broken store must still give a page that says so
        log.exception("could not build the page")
        rows, content, location = [], None, None
    return shell.shell(lang, rows, content, notice, location, defaults)


def create_app(config: dict | None = None) -> Dash:
    """Return a configured dashboard: defaults, then the environment, then config."""
    cfg = default_config()
    cfg.update(config or {})
    app = S3Dash(
        __name__,
        assets_folder=str(HERE / "assets"),
        serve_locally=True,
        eager_loading=False,
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
    callbacks.register(app)
    app.layout = serve_layout
    if cfg.get("DASH_DEBUG"):  # before finish(): Flask takes no error handler after the first request
        app.enable_dev_tools(debug=True, dev_tools_hot_reload=False, dev_tools_disable_version_check=True)
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
    application = create_app({"DASH_DEBUG": True})
    # Flask's server with its debugger; Dash's dev tools are on (create_app). Dash.run would set them up again.
    application.server.run(
        host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8050")), debug=True
    )
