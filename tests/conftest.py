"""Shared fixtures: a real SQLite store built once, the app, a Flask client, a live server and Chromium.

Browser pages come two ways: `watched` is a fresh desktop page for a test that changes what it
shows (filters, history, sign-in); `shown` is a page loaded once per module for every read-only
check of the same view, language and screen size (axe, language, shell, tab stops), see
tests/test_pages_browser.py.

Store, import, indicator, edit and cache tests also run on PostgreSQL with Redis: a test (or a
module, by overriding `conn`) that asks for `backend_url`, `backend_engine`, `backend_conn` or
`backend_config` runs once per backend, "sqlite" and "postgresql", each on a private copy of the
full example store (tests/backends.py). The PostgreSQL store is built once per run into a
throwaway database and copied per module with CREATE DATABASE … TEMPLATE, which takes a fraction
of a second. Without a server the PostgreSQL runs are skipped with the reason; under CI=true they fail.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from playwright.sync_api import sync_playwright

from app import create_app
from data.build import build
from data.store import engine_for
from tests.backends import BACKENDS, PostgresServer, redis_test_url, unavailable
from tests.browser import LiveServer, launch
from tests.pages import SIZES, PageWatch, url_for


def pytest_collection_modifyitems(items):
    """Mark every test that uses Chromium as a browser test, so `-m browser` / `-m "not browser"` split the suite."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


# How the example store is built: the plan's real content and the invented statistics, no real data.
# Every test that expects example numbers reads this one store; real data has real_store_url.
EXAMPLE_STORE: dict = {"real_data": False, "example_statistics": True}


@pytest.fixture(scope="session")
def store_url(tmp_path_factory) -> str:
    """Return the URL of an example store (invented statistics, no real data), built once per test run.

    The view tests were written against the invented statistics (SNI divisions, every year to 2023); they keep
    this store until the views are reworked for the real data. Tests of the real data use real_store_url.
    """
    path = tmp_path_factory.mktemp("store") / "s3.sqlite"
    return build(f"sqlite:///{path}", **EXAMPLE_STORE)


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
    return postgres.built_store("template", **EXAMPLE_STORE)  # the same store as SQLite gets


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


@pytest.fixture(scope="session")
def real_app(real_store_url):
    """Return the dashboard on the default store: the shipped statistics and the example records."""
    return create_app({"DATABASE_URL": real_store_url, "TESTING": True, "SECRET_KEY": "test"})


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


@pytest.fixture()
def watched(browser, live_server):
    """Return a PageWatch on a fresh desktop page; the test asserts on what it recorded."""
    context = browser.new_context(viewport=SIZES["desktop"], accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield PageWatch(page, live_server.url)
    context.close()


class Address(NamedTuple):
    """A page as a reader opens it: view path, language and screen size (hashable, so pytest groups by it)."""

    path: str
    lang: str = "sv"
    size: str = "desktop"

    def __str__(self) -> str:
        return f"{self.path}-{self.lang}-{self.size}"


class Shown(NamedTuple):
    """A page opened once and drawn: its address, the page and what it did (PageWatch)."""

    address: Address
    page: object
    watch: PageWatch
    callbacks_on_first_visit: list


# A phone page records the widest the document has been, every frame from the first script on, so
# a graph drawn too wide for a moment is caught too.
WIDEST_JS = """(() => { window.__widest = 0;
    const look = () => { const d = document.documentElement;
        if (d) window.__widest = Math.max(window.__widest, d.scrollWidth); requestAnimationFrame(look); };
    requestAnimationFrame(look); })()"""


@pytest.fixture(scope="module")
def shown_contexts(browser):
    """Return a browser context per screen size, shared by a module's read-only pages (scripts cached once)."""
    contexts = {}

    def context(size: str):
        if size not in contexts:
            contexts[size] = browser.new_context(viewport=SIZES[size], accept_downloads=True)
        return contexts[size]

    yield context
    for context in contexts.values():
        context.close()


@pytest.fixture(scope="module")
def shown(request, shown_contexts, live_server):
    """Return a read-only page for an Address given by indirect parametrisation, loaded once per module.

    pytest groups the tests of a module by the Address, so every check of one view, language and
    size runs on the same loaded page. Tests that use it must not change its filters or address.
    """
    address: Address = request.param
    page = shown_contexts(address.size).new_page()
    page.set_default_timeout(60_000)
    if address.size == "phone":
        page.add_init_script(WIDEST_JS)
    watch = PageWatch(page, live_server.url)
    watch.goto(url_for(address.path, address.lang))
    yield Shown(address, page, watch, list(watch.callbacks))
    page.close()
