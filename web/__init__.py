"""Run the dashboard as a public site: settings, secret key, cache, limits, sessions, security, health, exports, API.

create_app calls two functions:

    web.init_app(server, cfg)   right after the Dash app is made, before anything uses the cache
                                 or a rate limiter: settings, secret key, cache, sign-in, security
    web.finish(app)             last, after the layout and every callback are registered: the CSP
                                 hashes of Dash's inline scripts, the callback-request guard, and
                                 Dash's one-time set-up done before any request (threads race on it)
"""

from __future__ import annotations

import auth

from . import (
    api,
    caching,
    compression,
    embed,
    exports,
    guard,
    health,
    limits_store,
    requestlog,
    secret,
    security,
    settings,
)


def default_config() -> dict:
    """Return the web settings from the environment (the README lists each)."""
    return settings.from_environment()


def init_app(server, config: dict) -> None:
    """Configure a Flask server with the settings (environment defaults, then config)."""
    cfg = {**settings.from_environment(), **config}
    if not cfg.get("RATELIMIT_STORAGE_URI"):
        cfg["RATELIMIT_STORAGE_URI"] = cfg.get("REDIS_URL") or f"{limits_store.SCHEME}://"
    if cfg["RATELIMIT_STORAGE_URI"].startswith(f"{limits_store.SCHEME}:"):
        cfg.setdefault("RATELIMIT_STORAGE_OPTIONS", {"url": cfg["DATABASE_URL"]})
    server.config.update(cfg)
    requestlog.init_app(server)  # first: its timing starts before the other hooks
    secret.init_app(server)
    caching.init_app(server, cfg)
    security.init_app(server)
    guard.init_app(server)
    health.init_app(server)
    auth.init_app(server)
    exports.init_app(server)
    api.init_app(server)
    embed.init_app(server)
    compression.init_app(server)  # last registered, so it compresses the finished response first


def finish(dash_app) -> None:
    """Complete the set-up once the Dash app has its layout and callbacks (see the module docstring)."""
    server = dash_app.server
    server.extensions[guard.DASH_APP] = dash_app
    # Dash sets itself up on its first request and marks that done before it is; with several threads,
    # the first concurrent callbacks then find no callback ("Callback function not found"). Do it now.
    server.test_client().get("/_dash-dependencies")
    security.use_dash_hashes(server, dash_app)  # after the set-up: it gathers the clientside callbacks
