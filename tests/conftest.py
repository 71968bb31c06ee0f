"""Shared fixtures: a real SQLite store built once, the app, a Flask client, a live server and Chromium.

Store, import, indicator, edit and cache tests also run on PostgreSQL with Redis: a test (or a
module, by overriding `conn`) that asks for `backend_url`, `backend_engine`, `backend_conn` or
`backend_config` runs once per backend, "sqlite" and "postgresql", each on a private copy of the
full example store (tests/backends.py). The PostgreSQL store is built once per run into a
throwaway database and copied per module with CREATE DATABASE … TEMPLATE, which takes a fraction
of a second. Without a server the PostgreSQL runs are skipped with the reason; under CI=true they fail.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from app import create_app
from data.build import build
from data.store import engine_for
from tests.backends import BACKENDS, PostgresServer, redis_test_url, unavailable
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
def postgres():
    """Return the PostgreSQL test server (127.0.0.1:5432): every database made through it is dropped at the end."""
    server = PostgresServer.connect()
    if server is None:
        unavailable("PostgreSQL at 127.0.0.1:5432 (trust, user postgres)")
    yield server
    server.drop_all()


@pytest.fixture(scope="session")
def pg_template_url(postgres) -> str:
    """Return the URL of a full example store on PostgreSQL, built once per run (a template for copies)."""
    return postgres.built_store("template")


@pytest.fixture(scope="session")
def redis_url() -> str:
    """Return a Redis database for tests (db 15 unless TEST_REDIS_URL), flushed after the run."""
    url, client = redis_test_url()
    if client is None:
        unavailable(f"Redis at {url}")
    yield url
    client.flushdb()


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def backend_url(request, backend, store_url, tmp_path_factory) -> str:
    """Return a private copy of the full example store on the backend, for one test module."""
    if backend == "postgresql":
        return request.getfixturevalue("postgres").copy_of(request.getfixturevalue("pg_template_url"))
    from tests.milstolpar_support import copy_store

    return copy_store(store_url, tmp_path_factory.mktemp("backend"))


@pytest.fixture()
def backend_engine(backend_url):
    return engine_for(backend_url)


@pytest.fixture()
def backend_conn(backend_engine):
    with backend_engine.connect() as connection:
        yield connection


@pytest.fixture(scope="module")
def backend_config(request, backend, backend_url) -> dict:
    """Return create_app's config for the backend: PostgreSQL runs with Redis for cache and limits."""
    config = {"DATABASE_URL": backend_url, "TESTING": True, "SECRET_KEY": "test"}
    if backend == "postgresql":
        prefix = f"t{abs(hash(backend_url)) % 10**8}:"
        config.update(
            REDIS_URL=request.getfixturevalue("redis_url"),
            CACHE_KEY_PREFIX=prefix,
            RATELIMIT_KEY_PREFIX=prefix,
        )
    return config


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
