"""Open the store: one SQLAlchemy engine per database URL, created on first use."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Table, create_engine, event, insert
from sqlalchemy.engine import Connection, Engine

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_DIR / "data" / "s3.sqlite"
DEFAULT_DATABASE_URL = f"sqlite:///{DEFAULT_DB_PATH}"

_engines: dict[str, Engine] = {}


def database_url(url: str | None = None) -> str:
    """Return the URL to use: the argument, else DATABASE_URL, else the default SQLite file."""
    return url or os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL


# Milliseconds a connection waits for another's write lock before "database is locked".
BUSY_TIMEOUT_MS = int(os.environ.get("SQLITE_BUSY_TIMEOUT_MS", "10000"))


def _sqlite_pragmas(dbapi_conn, _record):
    # WAL: readers keep reading the last committed state while an import or edit writes, never waiting.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a power cut may lose the last commit, never corrupt
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


def _wal_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy a SQLite database onto another with the online backup API, in one write transaction.

    Readers of target (in WAL mode) keep their snapshot and then see the whole copy; none sees half
    of it. A plain os.replace would leave target's -wal and -shm files to be replayed into the new
    file, and every open connection on the old one.
    """
    if not target.exists():
        for stale in _wal_files(target):
            stale.unlink(missing_ok=True)  # left from a deleted store; they would be replayed into the new file
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst.execute("PRAGMA journal_mode=WAL")
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def replace_sqlite(built: Path, target: Path) -> None:
    """Put a database built beside target in its place, safely with WAL, and remove the built file."""
    copy_sqlite(built, target)
    for path in [built, *_wal_files(built)]:
        path.unlink(missing_ok=True)


# From this many rows on, PostgreSQL is given them through COPY (a few times faster than multi-row INSERTs).
COPY_FROM_ROWS = 1000


def insert_rows(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Insert rows (dicts with the same keys) into table in conn's transaction; COPY on PostgreSQL for many rows.

    Columns a row leaves out get their SQLAlchemy default as with an INSERT; values pass through the column
    types' own conversion, so both ways store the same thing.
    """
    if not rows:
        return
    if conn.dialect.name != "postgresql" or len(rows) < COPY_FROM_ROWS:
        conn.execute(insert(table), rows)
        return
    given = list(rows[0])
    left_out = [c for c in table.columns if c.name not in rows[0] and c.default is not None]
    if any(not c.default.is_scalar for c in left_out) or any(r.keys() != rows[0].keys() for r in rows):
        conn.execute(insert(table), rows)  # callable defaults or uneven rows: as SQLAlchemy would
        return
    names = given + [c.name for c in left_out]
    fixed = [c.default.arg for c in left_out]
    convert = [table.c[n].type.bind_processor(conn.dialect) for n in given]
    columns = ", ".join(conn.dialect.identifier_preparer.quote(n) for n in names)
    target = conn.dialect.identifier_preparer.format_table(table)
    with conn.connection.dbapi_connection.cursor() as cur, cur.copy(f"COPY {target} ({columns}) FROM STDIN") as copy:
        for row in rows:
            values = [row[n] if f is None else f(row[n]) for n, f in zip(given, convert)]
            copy.write_row(values + fixed)
