"""Open the store: one SQLAlchemy engine per database URL, created on first use."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_DIR / "data" / "s3.sqlite"
DEFAULT_DATABASE_URL = f"sqlite:///{DEFAULT_DB_PATH}"

_engines: dict[str, Engine] = {}


def database_url(url: str | None = None) -> str:
    """Return the URL to use: the argument, else DATABASE_URL, else the default SQLite file."""
    return url or os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL


def _sqlite_pragmas(dbapi_conn, _record):
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def engine_for(url: str | None = None) -> Engine:
    """Return the engine for a URL, creating it (without connecting) the first time."""
    url = database_url(url)
    if url not in _engines:
        engine = create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        _engines[url] = engine
    return _engines[url]


def current_engine() -> Engine:
    """Return the engine of the running app (its DATABASE_URL), or the default outside an app."""
    try:
        from flask import current_app

        return engine_for(current_app.config["DATABASE_URL"])
    except RuntimeError:
        return engine_for()


def dispose_all() -> None:
    """Close every pooled connection (tests and CLI commands that replace a file)."""
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()


def sqlite_path(url: str) -> Path | None:
    """Return the file path of a sqlite URL, or None for other databases or memory."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and url[len(prefix) :] not in ("", ":memory:"):
        return Path(url[len(prefix) :])
    return None
