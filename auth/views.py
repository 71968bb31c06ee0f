"""Serve the sign-in page and sign the user in and out (plain HTML forms, no JavaScript needed)."""

from __future__ import annotations

import logging
import secrets
from urllib.parse import urlsplit

import flask
import flask_login

from data.sessions import end_session, start_session
from data.store import current_engine
from data.users import authenticate
from i18n import lang_or_default, tx

from . import User, throttle

log = logging.getLogger(__name__)
CSRF_KEY = "csrf_token"

PAGE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} – {{ site }}</title>
<link rel="stylesheet" href="/assets/00-bootstrap.min.css">
<link rel="stylesheet" href="/assets/10-style.css">
</head>
<body>
<header class="border-bottom site-nav py-2" role="banner"><div class="container-lg">
<a class="navbar-brand" href="{{ home }}"><span class="brand-mark" aria-hidden="true">S3</span>
<span class="brand-text">{{ site }}</span></a></div></header>
<main id="main" class="container-lg py-4" style="max-width: 32rem">
<h1>{{ title }}</h1>
<p>{{ intro }}</p>
{% if message %}<div class="alert alert-{{ tone }}" role="alert" id="sign-in-message">{{ message }}</div>{% endif %}
<form method="post" action="{{ action }}" class="chart-card">
<input type="hidden" name="csrf_token" value="{{ csrf }}">
<input type="hidden" name="next" value="{{ next }}">
<div class="mb-3"><label class="form-label" for="sign-in-username">{{ user_label }}</label>
<input class="form-control" id="sign-in-username" name="username" autocomplete="username" required
 value="{{ username }}"></div>
<div class="mb-3"><label class="form-label" for="sign-in-password">{{ password_label }}</label>
<input class="form-control" id="sign-in-password" name="password" type="password" autocomplete="current-password"
 required></div>
<button class="btn btn-primary" type="submit" id="sign-in-submit">{{ submit }}</button>
</form>
<p><a href="{{ back }}">{{ back_label }}</a></p>
</main>
</body>
</html>"""


def csrf_token() -> str:
    """Return this session's token for the sign-in and sign-out forms, creating it once."""
    if CSRF_KEY not in flask.session:
        flask.session[CSRF_KEY] = secrets.token_urlsafe(32)
    return flask.session[CSRF_KEY]


def _csrf_ok() -> bool:
    sent = flask.request.form.get(CSRF_KEY, "")
    return bool(sent) and secrets.compare_digest(sent, flask.session.get(CSRF_KEY, ""))


def safe_next(raw: str | None, lang: str) -> str:
    """Return a local path to go to after signing in or out; anything else goes to the milestones view."""
    parts = urlsplit(raw or "")
    if raw and not parts.scheme and not parts.netloc and raw.startswith("/") and not raw.startswith("//"):
        if "\\" not in raw and not raw.startswith("/logga-"):
            return raw
    return "/milstolpar" + ("?lang=en" if lang == "en" else "")


def _lang() -> str:
    return lang_or_default(flask.request.values.get("lang"))


def render_page(lang: str, *, message: str = "", tone: str = "danger", status: int = 200, username: str = ""):
    """Return the sign-in page in the language, with an optional message."""
    nxt = safe_next(flask.request.values.get("next"), lang)
    html = flask.render_template_string(
        PAGE,
        lang=lang,
        site=tx(lang, "Smart specialisering i Norra Mellansverige", "Smart specialisation in North Middle Sweden"),
        title=tx(lang, "Logga in", "Sign in"),
        intro=tx(
            lang,
            "För projektledaren, som håller milstolpar och indikatorer uppdaterade. Alla andra ser allt utan att logga in.",
            "For the project manager, who keeps milestones and indicators up to date. Everyone else sees everything "
            "without signing in.",
        ),
        message=message,
        tone=tone,
        action=flask.url_for("sign_in", lang=lang if lang == "en" else None),
        csrf=csrf_token(),
        next=nxt,
        username=username,
        user_label=tx(lang, "Användarnamn", "Username"),
        password_label=tx(lang, "Lösenord", "Password"),
        submit=tx(lang, "Logga in", "Sign in"),
        home="/" + ("?lang=en" if lang == "en" else ""),
        back=nxt,
        back_label=tx(lang, "Tillbaka utan att logga in", "Back without signing in"),
    )
    return flask.Response(html, status=status, mimetype="text/html")


def sign_in():
    """Show the sign-in form (GET) or check the username and password (POST)."""
    lang = _lang()
    if flask.request.method == "GET":
        return render_page(lang)
    username = (flask.request.form.get("username") or "").strip()
    if not _csrf_ok():
        msg = tx(lang, "Formuläret hade gått ut. Försök igen.", "The form had expired. Please try again.")
        return render_page(lang, message=msg, status=400, username=username)
    address = flask.request.remote_addr or ""
    refused = throttle().admit(address, username)
    if refused is not None:  # counted before the password is checked, so concurrent guesses are counted too
        log.warning("sign-in for %r from %s refused: too many attempts", username[:80], address)
        return too_many_attempts(lang, refused.wait_seconds)
    engine = current_engine()
    with engine.connect() as conn:
        row = authenticate(conn, username, flask.request.form.get("password") or "")
    if row is None:
        log.info("failed sign-in for %r from %s", username[:80], address)
        msg = tx(lang, "Fel användarnamn eller lösenord.", "Wrong username or password.")
        return render_page(lang, message=msg, status=401, username=username)
    throttle().succeeded(address, username)
    token = start_session(engine, row.id, row.username)
    flask.session.clear()  # a fresh session on sign-in: nothing carried over from before
    flask.session.permanent = True  # the cookie ends with the session's lifetime, not 31 days
    # The sign-out form's token, made now: a page's layout and its other parts are asked for at once and each
    # answer renews the cookie, so a token made by the layout's answer could be overwritten by the others'.
    csrf_token()
    flask_login.login_user(User(token, row.id, row.username, row.role))
    log.info("%s signed in", row.username)
    return flask.redirect(safe_next(flask.request.form.get("next"), lang), code=303)


def sign_out():
    """Sign out (POST with the form's token): the session ends in the store, and the user goes back."""
    lang = _lang()
    if _csrf_ok():
        user = flask_login.current_user
        if user and user.is_authenticated:
            end_session(current_engine(), user.get_id())
        flask_login.logout_user()
        flask.session.clear()
    return flask.redirect(safe_next(flask.request.form.get("next"), lang), code=303)


def _wait_words(lang: str, seconds: int) -> tuple[str, str]:
    if seconds < 90:
        return f"{seconds} sekunder", f"{seconds} seconds"
    minutes = (seconds + 59) // 60
    return f"{minutes} minuter", f"{minutes} minutes"


def too_many_attempts(lang: str, wait_seconds: int | None):
    """Answer an attempt that was not checked: 429 with the wait in words (503 when attempts cannot be counted)."""
    if wait_seconds is None:
        msg = tx(
            lang,
            "Inloggningen fungerar inte just nu. Försök igen om en stund.",
            "Signing in does not work right now. Try again in a moment.",
        )
        return render_page(lang, message=msg, status=503)
    sv, en = _wait_words(lang, wait_seconds)
    msg = tx(
        lang,
        f"För många inloggningsförsök härifrån. Vänta {sv} och försök igen.",
        f"Too many sign-in attempts from here. Wait {en} and try again.",
    )
    response = render_page(lang, message=msg, status=429)
    response.headers["Retry-After"] = str(wait_seconds)
    return response
