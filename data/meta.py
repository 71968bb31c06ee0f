"""Keep the store's bookkeeping: a version that every build, import and edit changes, and settings.

The version is `<build id>-<counter>`: a build or restore starts a new build id (so a rebuilt
store never repeats a version an earlier one had), and every import and edit adds one to the
counter in its own transaction. Caches key their answers on it, so a corrected re-import changes
every worker's answers at once. Reading it is one indexed row.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import delete, insert, inspect, select, update
from sqlalchemy.exc import IntegrityError

from . import schema as s


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def start_version(conn) -> str:
    """Give a freshly built or restored store a new lineage (new build id, counter 1); return the version."""
    m = s.store_meta
    build_id = secrets.token_hex(8)
    conn.execute(delete(m))
    conn.execute(insert(m).values(id=1, build_id=build_id, counter=1, changed=_now()))
    return f"{build_id}-1"


def bump_store_version(conn) -> None:
    """Add one to the store's version, inside the caller's transaction (imports and edits call it last)."""
    m = s.store_meta
    if not inspect(conn).has_table(m.name):  # a store built before versions existed
        s.bookkeeping.create_all(conn, checkfirst=True)
    result = conn.execute(update(m).where(m.c.id == 1).values(counter=m.c.counter + 1, changed=_now()))
    if result.rowcount == 0:
        start_version(conn)


def store_version(conn) -> str:
    """Return the store's version: one row, read in well under a millisecond."""
    m = s.store_meta
    row = conn.execute(select(m.c.build_id, m.c.counter).where(m.c.id == 1)).first()
    return f"{row.build_id}-{row.counter}" if row else "unversioned"


def ensure_bookkeeping(engine) -> None:
    """Create the bookkeeping tables a store built by an older version lacks, and its version row."""
    s.bookkeeping.create_all(engine, checkfirst=True)
    with engine.begin() as conn:
        if conn.execute(select(s.store_meta.c.id)).first() is None:
            try:
                start_version(conn)
            except IntegrityError:  # another worker did it at the same moment
                pass


def read_settings(conn) -> dict[str, str]:
    """Return the store's settings, or {} for a store without the table."""
    if not inspect(conn).has_table(s.app_setting.name):
        return {}
    return dict(conn.execute(select(s.app_setting.c.name, s.app_setting.c.value)).all())


def write_settings(conn, settings: dict[str, str]) -> None:
    """Write settings carried over from an earlier store (a rebuild or restore keeps them)."""
    t = s.app_setting
    if settings:
        conn.execute(delete(t).where(t.c.name.in_(list(settings))))
        conn.execute(insert(t), [dict(name=k, value=v) for k, v in settings.items()])


def setting(engine, name: str, make) -> str:
    """Return a setting; the first caller stores make() and every other worker or machine reads that one."""
    t = s.app_setting
    with engine.begin() as conn:
        found = conn.execute(select(t.c.value).where(t.c.name == name)).scalar()
    if found is not None:
        return found
    try:
        with engine.begin() as conn:
            conn.execute(insert(t).values(name=name, value=make()))
    except IntegrityError:  # another worker stored one first: use theirs
        pass
    with engine.connect() as conn:
        return conn.execute(select(t.c.value).where(t.c.name == name)).scalar_one()
