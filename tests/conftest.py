"""Shared fixtures: a real SQLite store built once, the app, a Flask client, a live server and Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from app import create_app
from data.build import build
from data.store import engine_for
from tests.browser import LiveServer, launch
from tests.pages import goto


@pytest.fixture(scope="session")
def store_url(tmp_path_factory) -> str:
    """Return the URL of an example store (invented statistics, no real data), built once per test run.

    The view tests were written against the invented statistics (SNI divisions, every year to 2023); they keep
    this store until the views are reworked for the real data. Tests of the real data use real_store_url.
    """
    path = tmp_path_factory.mktemp("store") / "s3.sqlite"
    return build(f"sqlite:///{path}", real_data=False, example_statistics=True)


@pytest.fixture(scope="session")
def real_store_url(tmp_path_factory) -> str:
    """Return the URL of the default store (`python -m data build`): real statistics and example records."""
    path = tmp_path_factory.mktemp("real") / "s3.sqlite"
    return build(f"sqlite:///{path}")


@pytest.fixture(scope="session")
def demo_store_url(tmp_path_factory) -> str:
    """Return the URL of a demonstration store (--demo): real and invented statistics side by side."""
    path = tmp_path_factory.mktemp("demo") / "s3.sqlite"
    return build(f"sqlite:///{path}", example_statistics=True)


@pytest.fixture(scope="session")
def engine(store_url):
    return engine_for(store_url)


@pytest.fixture()
def conn(engine):
    with engine.connect() as connection:
        yield connection


@pytest.fixture(scope="session")
def app(store_url):
    return create_app({"DATABASE_URL": store_url, "TESTING": True, "SECRET_KEY": "test"})


@pytest.fixture()
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="session")
def live_server(app):
    with LiveServer(app.server) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


class PageWatch:
    """Record what a page did that a user would notice: console errors, requests to other hosts."""

    def __init__(self, page, base_url: str):
        self.page, self.base_url = page, base_url
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("request", self._request)

    def _request(self, request):
        url = request.url
        if not (url.startswith(self.base_url) or url.startswith("data:") or url.startswith("blob:")):
            self.foreign_requests.append(url)

    def goto(self, path: str):
        """Open path and wait until every chart is drawn (tests.pages.settle), so a test reads numbers, not blanks."""
        goto(self.page, self.base_url + path)
        return self.page


@pytest.fixture()
def watched(browser, live_server):
    """Return a PageWatch on a fresh desktop page; the test asserts on what it recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield PageWatch(page, live_server.url)
    context.close()
