"""GET /healthz: whether this worker can read the store (and Redis, when used), as JSON for a load balancer."""

from __future__ import annotations

import time

import flask
from sqlalchemy import text

from data.meta import store_version
from data.store import current_engine


def _redis_ok(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def healthz():
    """Answer 200 with the store's version when the store answers, else 503; never a traceback."""
    started = time.perf_counter()
    body: dict = {"status": "ok"}
    try:
        with current_engine().connect() as conn:
            conn.execute(text("SELECT 1"))
            body["store"] = {"reachable": True, "version": store_version(conn), "dialect": conn.dialect.name}
    except Exception as exc:  # any failure to read the store is "not healthy", said in one word
        body["status"] = "unavailable"
        body["store"] = {"reachable": False, "error": type(exc).__name__}
    redis_url = flask.current_app.config.get("REDIS_URL")
    if redis_url:
        body["redis"] = {"reachable": _redis_ok(redis_url)}
        if not body["redis"]["reachable"]:
            body["status"] = "unavailable"
    body["ms"] = round((time.perf_counter() - started) * 1000, 1)
    response = flask.jsonify(body)
    response.status_code = 200 if body["status"] == "ok" else 503
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(server) -> None:
    server.add_url_rule("/healthz", "healthz", healthz)
