"""Give every worker and machine on one store the same secret key: set, or generated once and kept in the store."""

from __future__ import annotations

import logging
import secrets

import flask
from sqlalchemy.exc import SQLAlchemyError

from data.meta import ensure_bookkeeping, setting
from data.store import engine_for, sqlite_path

log = logging.getLogger(__name__)
SETTING = "secret_key"


def _store_ready(url: str) -> bool:
    path = sqlite_path(url)
    return path is None or path.exists()  # never create an empty SQLite file by connecting


def key_from_store(url: str) -> str | None:
    """Return the store's secret key, generating and storing it the first time; None if the store cannot be read."""
    if not _store_ready(url):
        return None
    try:
        engine = engine_for(url)
        ensure_bookkeeping(engine)
        return setting(engine, SETTING, lambda: secrets.token_hex(32))
    except SQLAlchemyError as exc:
        log.warning("secret key: the store %s cannot be read yet (%s)", url.split("@")[-1], exc.__class__.__name__)
        return None


def init_app(server) -> None:
    """Set server.secret_key: SECRET_KEY if given, else the store's; retry on requests while the store is missing."""
    if server.config.get("SECRET_KEY"):
        if _store_ready(server.config["DATABASE_URL"]):
            try:
                ensure_bookkeeping(engine_for(server.config["DATABASE_URL"]))
            except SQLAlchemyError:
                log.warning("the store's bookkeeping tables could not be created yet")
        return
    key = key_from_store(server.config["DATABASE_URL"])
    if key:
        server.secret_key = key
        return
    # No store yet: a key of this process only, until the store can give the shared one.
    server.secret_key = secrets.token_hex(32)
    state = {"shared": False}

    @server.before_request
    def take_the_stores_key():
        if not state["shared"]:
            shared = key_from_store(flask.current_app.config["DATABASE_URL"])
            if shared:
                flask.current_app.secret_key, state["shared"] = shared, True
