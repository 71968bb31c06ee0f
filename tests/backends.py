"""Reach the PostgreSQL and Redis servers for tests: throwaway databases, a Redis db of its own, clear skips."""

from __future__ import annotations

import os
import secrets

import pytest

from data.build import build
from data.store import engine_for

BACKENDS = ["sqlite", "postgresql"]
PG_HOST = os.environ.get("TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("TEST_PG_PORT", "5432"))
PG_USER = os.environ.get("TEST_PG_USER", "postgres")


def unavailable(what: str) -> None:
    """Skip the test with the reason; under CI=true fail instead, so a missing server is never a green run."""
    message = f"{what} is not reachable; start it to run the PostgreSQL and Redis tests"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: a missing server fails the run)", pytrace=False)
    pytest.skip(message)


def redis_test_url():
    """Return (url, client) of the tests' Redis database, client None when Redis does not answer."""
    import redis

    # One database per pytest-xdist worker (gw0: 15, gw1: 14 …): a worker flushes its own at the end.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    number = 15 - int(worker) if worker.isdigit() and int(worker) < 8 else 15
    url = os.environ.get("TEST_REDIS_URL", f"redis://127.0.0.1:6379/{number}")
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.ping()
    except redis.RedisError:
        return url, None
    return url, client


class PostgresServer:
    """Make and drop throwaway databases named s3t_<run>_<n> on the test server."""

    def __init__(self, admin):
        self.admin = admin
        self.run = f"s3t_{os.getpid()}_{secrets.token_hex(3)}"
        self.made: list[str] = []

    @classmethod
    def connect(cls) -> PostgresServer | None:
        import psycopg

        try:
            admin = psycopg.connect(
                host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres", autocommit=True, connect_timeout=3
            )
        except psycopg.OperationalError:
            return None
        return cls(admin)

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"

    def create(self, template: str | None = None) -> str:
        """Create an empty database (or a copy of template) and return its URL."""
        name = f"{self.run}_{len(self.made)}"
        sql = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
        self.admin.execute(sql)
        self.made.append(name)
        return self.url(name)

    def built_store(self, _label: str, **options) -> str:
        """Build the example store (options as for data.build.build) in a new database; return its URL."""
        url = build(self.create(), **options)
        engine_for(url).dispose()  # a template must have no open connection
        return url

    def copy_of(self, url: str) -> str:
        """Return the URL of a new database copied from the one at url."""
        engine_for(url).dispose()
        return self.create(template=url.rsplit("/", 1)[1])

    def drop_all(self) -> None:
        from data.store import dispose_all

        dispose_all()
        for name in reversed(self.made):
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.close()
