"""Keep sign-in sessions in the store, so signing out, removing a user or a new password ends them everywhere.

The browser's signed cookie holds a random token; the store keeps only its SHA-256. A session
ends when it is idle longer than the idle timeout, when it is older than its lifetime, when its
user signs out, is removed or gets a new password, and with every rebuild of the store.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select, update

from . import schema as s

# last_seen is written at most this often, so a signed-in page's requests do not each write.
TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class SessionUser:
    user_id: int
    username: str
    role: str


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(engine, user_id: int, username: str) -> str:
    """Store a new session for the user and return its token (for the signed cookie only)."""
    token = secrets.token_urlsafe(32)
    now = _now()
    with engine.begin() as conn:
        conn.execute(
            insert(s.user_session).values(
                id=_digest(token), user_id=user_id, username=username, created=now, last_seen=now
            )
        )
    return token


def session_user(engine, token: str, *, idle: timedelta, lifetime: timedelta) -> SessionUser | None:
    """Return the user of a live session, or None (and forget the session) when it has ended."""
    if not token or len(token) > 100:
        return None
    ss, u = s.user_session, s.app_user
    key, now = _digest(token), _now()
    with engine.connect() as conn:
        row = conn.execute(
            select(ss.c.created, ss.c.last_seen, u.c.id, u.c.username, u.c.role)
            .join(u, (u.c.id == ss.c.user_id) & (u.c.username == ss.c.username))
            .where(ss.c.id == key)
        ).first()
    if row is None or now - row.last_seen > idle or now - row.created > lifetime:
        if row is not None:
            end_session(engine, token)
        return None
    if now - row.last_seen >= TOUCH_EVERY:
        with engine.begin() as conn:
            conn.execute(update(ss).where(ss.c.id == key).values(last_seen=now))
    return SessionUser(row.id, row.username, row.role)


def end_session(engine, token: str) -> None:
    """End one session (signing out)."""
    with engine.begin() as conn:
        conn.execute(delete(s.user_session).where(s.user_session.c.id == _digest(token)))


def end_user_sessions(conn, user_id: int) -> int:
    """End every session of a user inside the caller's transaction; return how many there were."""
    return conn.execute(delete(s.user_session).where(s.user_session.c.user_id == user_id)).rowcount


def forget_ended(engine, *, idle: timedelta, lifetime: timedelta) -> int:
    """Delete sessions past their idle timeout or lifetime; return how many."""
    ss, now = s.user_session, _now()
    with engine.begin() as conn:
        return conn.execute(delete(ss).where((ss.c.last_seen < now - idle) | (ss.c.created < now - lifetime))).rowcount
