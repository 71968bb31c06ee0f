"""Sign in the project manager: Flask-Login sessions, roles, and limited sign-in attempts.

create_app calls init_app(server). Edit callbacks ask current_manager() on the server for
every request; hiding the edit form from others is only a convenience, never the check.
"""

from __future__ import annotations

import os

import flask
import flask_login
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from data.store import current_engine
from data.users import user_by_id

MANAGER = "manager"
SIGN_IN_PATH = "/logga-in"
SIGN_OUT_PATH = "/logga-ut"
DEFAULT_SIGN_IN_LIMIT = "5 per minute"

login_manager = flask_login.LoginManager()
login_manager.session_protection = "basic"


class User(flask_login.UserMixin):
    def __init__(self, user_id: int, username: str, role: str):
        self.id, self.username, self.role = user_id, username, role

    def get_id(self) -> str:
        return str(self.id)


@login_manager.user_loader
def load_user(user_id: str):
    """Read the signed-in user from the store on every request, so a removed user is signed out at once."""
    try:
        with current_engine().connect() as conn:
            row = user_by_id(conn, int(user_id))
    except (ValueError, TypeError):
        return None
    return User(row.id, row.username, row.role) if row else None


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


def _username_key() -> str:
    name = (flask.request.form.get("username") or "").strip().lower()
    return f"user:{name}" if name else ""


def _failed(response) -> bool:
    """Count only failed sign-ins against the limit (a success redirects with 303)."""
    return response.status_code != 303


def init_app(server) -> None:
    """Add sessions, the sign-in and sign-out routes and the attempt limits to a Flask server."""
    from . import views

    server.config.setdefault("SIGN_IN_LIMIT", DEFAULT_SIGN_IN_LIMIT)
    server.config.setdefault("RATELIMIT_STORAGE_URI", os.environ.get("RATELIMIT_STORAGE_URI", "memory://"))
    server.config.setdefault("REMEMBER_COOKIE_HTTPONLY", True)
    server.config.setdefault("REMEMBER_COOKIE_SAMESITE", "Lax")
    server.config.setdefault("REMEMBER_COOKIE_SECURE", server.config.get("SESSION_COOKIE_SECURE", False))
    login_manager.init_app(server)
    limiter = Limiter(get_remote_address, app=server, storage_uri=server.config["RATELIMIT_STORAGE_URI"])
    server.extensions["s3_sign_in_limiter"] = limiter
    sign_in = views.sign_in
    for key in (get_remote_address, _username_key):  # per IP address and per username
        sign_in = limiter.limit(
            lambda: server.config["SIGN_IN_LIMIT"],
            key_func=key,
            methods=["POST"],
            deduct_when=_failed,
            on_breach=views.too_many_attempts,
        )(sign_in)
    server.add_url_rule(SIGN_IN_PATH, "sign_in", sign_in, methods=["GET", "POST"])
    server.add_url_rule(SIGN_OUT_PATH, "sign_out", views.sign_out, methods=["POST"])
