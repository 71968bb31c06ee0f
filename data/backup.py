"""Back up and restore a SQLite store while the dashboard runs: python -m data backup PATH | restore PATH.

Both use SQLite's online backup API: a backup is a consistent copy even while an import writes,
and a restore replaces the store in one write transaction, so readers see the old store or the
restored one, never half of it. A restore keeps the running store's settings (its secret key, so
the workers' sessions stay valid) and starts a new store version, so no cache serves answers of
the store it replaced. PostgreSQL has its own tools (pg_dump, pg_restore).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError

from . import meta
from .store import copy_sqlite, database_url, dispose_all, engine_for, sqlite_path


class BackupError(Exception):
    """A backup or restore that cannot be done, with the reason in Swedish."""


def _store_path(url: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        raise BackupError(
            f"{url.split(':', 1)[0]} är ingen SQLite-databas; använd pg_dump och pg_restore för PostgreSQL."
        )
    if not path.exists():
        raise BackupError(f"Databasen {path} finns inte.")
    return path


def backup(url: str, target: Path) -> Path:
    """Copy the store at url to target (a new file, written beside it and then moved into place)."""
    source = _store_path(url)
    target = Path(target)
    if target.resolve() == source.resolve():
        raise BackupError("Säkerhetskopian kan inte skrivas över databasen själv.")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    copy_sqlite(source, partial)
    partial.replace(target)
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    return target


def restore(url: str, source: Path) -> None:
    """Replace the store at url with the backup at source, keeping the store's settings."""
    target = _store_path(url)
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"Säkerhetskopian {source} finns inte.")
    staged = target.with_name(target.name + ".restoring")
    staged.unlink(missing_ok=True)
    copy_sqlite(source, staged)  # never change the backup itself
    staged_engine = engine_for(f"sqlite:///{staged}")
    try:
        if not inspect(staged_engine).has_table("fact"):
            raise BackupError(f"{source} är ingen säkerhetskopia av dashboardens databas.")
        with engine_for(url).connect() as conn:
            kept = meta.read_settings(conn)
        meta.ensure_bookkeeping(staged_engine)
        with staged_engine.begin() as conn:
            meta.write_settings(conn, kept)
            meta.start_version(conn)
        dispose_all()
        copy_sqlite(staged, target)
    finally:
        dispose_all()
        for suffix in ("", "-wal", "-shm"):
            staged.with_name(staged.name + suffix).unlink(missing_ok=True)


def add_arguments(sub) -> None:
    p = sub.add_parser("backup", help="säkerhetskopiera SQLite-databasen medan dashboarden körs")
    p.add_argument("path", metavar="PATH", help="filen att skriva")
    p.add_argument("--db", help="SQLAlchemy URL (default: DATABASE_URL or data/s3.sqlite)")
    p.set_defaults(func=run_backup)
    p = sub.add_parser("restore", help="återställ SQLite-databasen från en säkerhetskopia (medan dashboarden körs)")
    p.add_argument("path", metavar="PATH", help="säkerhetskopian")
    p.add_argument("--db", help="SQLAlchemy URL (default: DATABASE_URL or data/s3.sqlite)")
    p.set_defaults(func=run_restore)


def run_backup(args) -> int:
    try:
        written = backup(database_url(args.db), Path(args.path))
    except (BackupError, OSError, sqlite3.Error, SQLAlchemyError) as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    print(f"Säkerhetskopierade databasen till {written}.", file=sys.stderr)
    return 0


def run_restore(args) -> int:
    try:
        restore(database_url(args.db), Path(args.path))
    except (BackupError, OSError, sqlite3.Error, SQLAlchemyError) as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    print(f"Återställde databasen från {args.path}.", file=sys.stderr)
    return 0
