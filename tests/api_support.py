"""Helpers for the API and embed tests: a second site to frame charts from, and the fixtures the suite's conftest gives.

The fixtures here (store_url, app, client, browser, live_server) are the same as tests/conftest.py's;
they are used only when the suite's conftest cannot be loaded (pytest --noconftest -p tests.api_support).
"""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Response


class HostPage:
    """Serve, from another origin, a page that frames an address of the app (a region's own web page)."""

    def __init__(self, embed_url: str):
        self.embed_url = embed_url

        def page(environ, start_response):
            body = (
                '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Regionens sida</title></head>'
                f'<body><main><h1>Regionens sida</h1><iframe id="chart" src="{self.embed_url}" title="Diagram" '
                'width="900" height="700"></iframe></main></body></html>'
            )
            return Response(body, content_type="text/html; charset=utf-8")(environ, start_response)

        self.server = make_server("127.0.0.1", 0, page, threaded=True)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.fixture(scope="session")
def store_url(tmp_path_factory) -> str:
    from data.build import build

    return build(f"sqlite:///{tmp_path_factory.mktemp('store') / 's3.sqlite'}")


@pytest.fixture(scope="session")
def app(store_url):
    from app import create_app

    return create_app({"DATABASE_URL": store_url, "TESTING": True, "SECRET_KEY": "test"})


@pytest.fixture()
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="session")
def live_server(app):
    from tests.browser import LiveServer

    with LiveServer(app.server) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
