"""Count rate limits in the store when there is no Redis: `RATELIMIT_STORAGE_URI=s3store://`.

A `limits` storage (the library under Flask-Limiter) over the store's rate_limit table. One
UPSERT per hit, atomic in SQLite and PostgreSQL, so the counts are shared by every worker (and,
on PostgreSQL, every machine); a memory:// count would be per worker and let every limit through
once per worker. Fixed windows only, Flask-Limiter's default strategy.
"""

from __future__ import annotations

import random
import time

from limits.storage import Storage
from sqlalchemy import case, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from data import schema as s
from data.store import current_engine, engine_for

SCHEME = "s3store"


def _upsert(dialect: str):
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


class StoreStorage(Storage):
    """Rate-limit counters in the store at option url (RATELIMIT_STORAGE_OPTIONS), else the running app's."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, url: str | None = None, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.url = url

    def _engine(self):
        return engine_for(self.url) if self.url else current_engine()

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        t, now = s.rate_limit, time.time()
        engine = self._engine()
        stmt = _upsert(engine.dialect.name)(t).values(key=key, count=amount, expires=now + expiry)
        expired = t.c.expires <= now
        stmt = stmt.on_conflict_do_update(
            index_elements=[t.c.key],
            set_={
                "count": case((expired, amount), else_=t.c.count + amount),
                "expires": case((expired, now + expiry), else_=t.c.expires),
            },
        ).returning(t.c.count)
        with engine.begin() as conn:
            count = int(conn.execute(stmt).scalar_one())
            if random.random() < 0.01:  # now and then, drop counters whose window has passed
                conn.execute(delete(t).where(t.c.expires <= now))
        return count

    def _row(self, key: str):
        t = s.rate_limit
        with self._engine().connect() as conn:
            row = conn.execute(select(t.c.count, t.c.expires).where(t.c.key == key)).first()
        return row if row is not None and row.expires > time.time() else None

    def get(self, key: str) -> int:
        row = self._row(key)
        return int(row.count) if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._row(key)
        return float(row.expires) if row else time.time()

    def check(self) -> bool:
        try:
            with self._engine().connect() as conn:
                conn.execute(select(s.rate_limit.c.key).limit(1))
            return True
        except SQLAlchemyError:
            return False

    def reset(self) -> int | None:
        with self._engine().begin() as conn:
            return conn.execute(delete(s.rate_limit)).rowcount

    def clear(self, key: str) -> None:
        with self._engine().begin() as conn:
            conn.execute(delete(s.rate_limit).where(s.rate_limit.c.key == key))

    def forget_expired(self) -> int:
        """Delete counters whose window has passed; return how many."""
        with self._engine().begin() as conn:
            return conn.execute(delete(s.rate_limit).where(s.rate_limit.c.expires <= time.time())).rowcount
