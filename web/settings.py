"""Read the server's settings from the environment, with defaults that are safe for a public site.

Each key is documented in the README's operations section; a test fails when one is not.
"""

from __future__ import annotations

import os

MIB = 1024 * 1024


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


def _flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def from_environment() -> dict:
    """Return the web settings from the environment (create_app's config wins over these)."""
    return {
        # Shared state. With REDIS_URL: cache and attempt limits in Redis (any number of machines).
        "REDIS_URL": os.environ.get("REDIS_URL") or None,
        # None: generated once and kept in the store (app_setting), so every worker signs alike.
        "SECRET_KEY": os.environ.get("SECRET_KEY") or None,
        "CACHE_TYPE": os.environ.get("CACHE_TYPE") or None,  # None: Redis, else a bounded file cache
        "CACHE_DIR": os.environ.get("CACHE_DIR") or None,  # None: data/cache beside the code
        "CACHE_MAX_BYTES": _int("CACHE_MAX_BYTES", 256 * MIB),
        "CACHE_DEFAULT_TIMEOUT": _int("CACHE_DEFAULT_TIMEOUT", 600),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI") or None,  # None: Redis, else the store
        # Sign-in: attempt limits (limits' syntax, ";" between several) and session lifetimes.
        "SIGN_IN_ADDRESS_LIMIT": os.environ.get("SIGN_IN_ADDRESS_LIMIT", "10 per minute;30 per hour"),
        "SIGN_IN_PAIR_LIMIT": os.environ.get("SIGN_IN_PAIR_LIMIT", "3 per minute;6 per 15 minutes;12 per day"),
        "SESSION_IDLE_MINUTES": _int("SESSION_IDLE_MINUTES", 30),
        "SESSION_LIFETIME_HOURS": _int("SESSION_LIFETIME_HOURS", 12),
        # Requests and responses.
        "MAX_CONTENT_LENGTH": _int("MAX_CONTENT_LENGTH", 1 * MIB),
        "DASH_MAX_DEPTH": _int("DASH_MAX_DEPTH", 32),
        "EMBED_ORIGINS": os.environ.get("EMBED_ORIGINS", "'self'"),
        "PROXY_FIX": _int("PROXY_FIX", 0),
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "auto"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "HSTS_SECONDS": _int("HSTS_SECONDS", 0),
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO"),
        "LOG_VALUE_CHARS": _int("LOG_VALUE_CHARS", 500),
        "REQUEST_LOG": _flag("REQUEST_LOG", "1"),
    }
