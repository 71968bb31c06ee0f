"""Route a URL path to its view, and keep the filters and the address in step (back/forward too).

The page for an address comes filled from the server (app.py serves it), so nothing here runs on a
first visit. A click on a link to another view changes the path: route() fills the content. A
filter change is written into the address in the browser, without a request (sync_url_and_filters);
the view's own callback redraws its cards.
"""

from __future__ import annotations

import json

from dash import ALL, ClientsideFunction, Input, Output, State

from charts.params import query_dict
from charts.views import VIEWS
from data.store import current_engine
from layouts import ids
from layouts.page import notice
from layouts.pages import content_for


def route(pathname, search, lang):
    """Show the view at the URL path (filter changes only change the search, not the view)."""
    query = query_dict(search)
    if lang == "en":
        query["lang"] = "en"
    with current_engine().connect() as conn:
        content, notices, defaults = content_for(conn, pathname, query)
    return content, notice(notices, lang), defaults


TITLES = json.dumps({v.path: {"sv": v.title_sv, "en": v.title_en} for v in VIEWS})


def register(app) -> None:
    app.callback(
        Output(ids.CONTENT, "children"),
        Output(ids.NOTICE, "children"),
        Output(ids.FILTER_DEFAULTS, "data"),
        Input(ids.URL, "pathname"),
        State(ids.URL, "search"),
        State(ids.LANG, "data"),
        prevent_initial_call=True,
    )(route)
    # The phone menu opens and closes in the browser, at once, whatever the server is doing.
    app.clientside_callback(
        ClientsideFunction(namespace="s3", function_name="toggleNav"),
        Output(ids.NAV_COLLAPSE, "is_open"),
        Output(ids.NAV_TOGGLER, "aria-expanded"),
        Input(ids.NAV_TOGGLER, "n_clicks"),
        State(ids.NAV_COLLAPSE, "is_open"),
        prevent_initial_call=True,
    )
    # The menu marks the current view after a move to another view, in the browser.
    app.clientside_callback(
        ClientsideFunction(namespace="s3", function_name="currentNav"),
        Output({"type": ids.NAV_LINK, "path": ALL}, "active"),
        Input(ids.URL, "pathname"),
        prevent_initial_call=True,
    )
    # Filters -> address, and address -> filters on back/forward: in the browser (assets/10-shell.js).
    app.clientside_callback(
        ClientsideFunction(namespace="s3", function_name="syncUrlAndFilters"),
        Output(ids.URL, "search"),
        Output({"type": "filter", "view": ALL, "param": ALL}, "value"),
        Input(ids.URL, "search"),
        Input({"type": "filter", "view": ALL, "param": ALL}, "value"),
        State(ids.FILTER_DEFAULTS, "data"),
        State(ids.URL, "pathname"),
        prevent_initial_call=True,
    )
    # The language link points at the same view and filters in the other language.
    app.clientside_callback(
        ClientsideFunction(namespace="s3", function_name="otherLanguage"),
        Output(ids.LANG_LINK, "href"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
    )
    # The document title names the view, so tabs and history entries say where the reader is.
    app.clientside_callback(
        f"function(pathname, search) {{ return window.dash_clientside.s3.title({TITLES}, pathname, search); }}",
        Output(ids.NOTICE, "title"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
    )
