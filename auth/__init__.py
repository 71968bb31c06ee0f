"""Sign in the project manager: sessions kept in the store, roles, and sign-in attempt limits.

web.init_app calls init_app(server). Edit callbacks ask current_manager() on the server for
every request; hiding the edit form from others is only a convenience, never the check.

The signed cookie holds only a random session token; the store says whether that session is
still open (data/sessions.py), so signing out, a new password or removing the user ends it on
every worker and machine at once, and a copied cookie is worth nothing after that.
"""

from __future__ import annotations

from datetime import timedelta

import flask
import flask_login

from data.sessions import session_user
from data.store import current_engine

from .throttle import SignInThrottle

MANAGER = "manager"
SIGN_IN_PATH = "/logga-in"
SIGN_OUT_PATH = "/logga-ut"
THROTTLE = "s3_sign_in_throttle"

login_manager = flask_login.LoginManager()
login_manager.session_protection = "basic"


class User(flask_login.UserMixin):
    """A signed-in user; its id for Flask-Login is the session token, so ending the session signs it out."""

    def __init__(self, token: str, user_id: int, username: str, role: str):
        self.token, self.user_id, self.username, self.role = token, user_id, username, role

    def get_id(self) -> str:
        return self.token


def lifetimes(config) -> tuple[timedelta, timedelta]:
    """Return (idle timeout, absolute lifetime) of a session from the settings."""
    return timedelta(minutes=int(config["SESSION_IDLE_MINUTES"])), timedelta(
        hours=int(config["SESSION_LIFETIME_HOURS"])
    )


@login_manager.user_loader
def load_user(token: str):
    """Return the user of an open session, read from the store on every request; None once it has ended."""
    idle, lifetime = lifetimes(flask.current_app.config)
    found = session_user(current_engine(), token, idle=idle, lifetime=lifetime)
    return User(token, found.user_id, found.username, found.role) if found else None


def current_user_name() -> str | None:
    """Return the signed-in user's name, or None (also outside a request)."""
    if not flask.has_request_context():
        return None
    user = flask_login.current_user
    return user.username if user and user.is_authenticated else None


def current_manager() -> str | None:
    """Return the signed-in user's name if the user is a manager, else None."""
    if not flask.has_request_context():
        return None
    user = flask_login.current_user
    if user and user.is_authenticated and getattr(user, "role", None) == MANAGER:
        return user.username
    return None


def throttle() -> SignInThrottle:
    return flask.current_app.extensions[THROTTLE]


def init_app(server) -> None:
    """Add sessions, the sign-in and sign-out routes and the attempt limits to a Flask server.

    Needs RATELIMIT_STORAGE_URI, SIGN_IN_*_LIMIT and SESSION_* in server.config (web.init_app sets them).
    """
    from . import views

    server.config.setdefault("SESSION_IDLE_MINUTES", 30)
    server.config.setdefault("SESSION_LIFETIME_HOURS", 12)
    server.config.setdefault("SIGN_IN_ADDRESS_LIMIT", "10 per minute;30 per hour")
    server.config.setdefault("SIGN_IN_PAIR_LIMIT", "3 per minute;6 per 15 minutes;12 per day")
    server.config["PERMANENT_SESSION_LIFETIME"] = lifetimes(server.config)[1]
    server.config.setdefault("REMEMBER_COOKIE_HTTPONLY", True)
    server.config.setdefault("REMEMBER_COOKIE_SAMESITE", "Lax")
    login_manager.init_app(server)
    server.extensions[THROTTLE] = SignInThrottle(
        server.config.get("RATELIMIT_STORAGE_URI") or "memory://",
        server.config["SIGN_IN_ADDRESS_LIMIT"],
        server.config["SIGN_IN_PAIR_LIMIT"],
        key_prefix=server.config.get("RATELIMIT_KEY_PREFIX") or "",
        storage_options=server.config.get("RATELIMIT_STORAGE_OPTIONS") or {},
    )
    server.add_url_rule(SIGN_IN_PATH, "sign_in", views.sign_in, methods=["GET", "POST"])
    server.add_url_rule(SIGN_OUT_PATH, "sign_out", views.sign_out, methods=["POST"])
