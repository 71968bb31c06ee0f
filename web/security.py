"""Security headers on every response, no POST from another origin, Secure cookies behind HTTPS.

- CSP: scripts only from the app itself plus the hashes of Dash's own inline scripts
  (`app.csp_hashes()`: the renderer's start and clientside callbacks); styles from the app
  itself and inline (Plotly writes <style> elements and style attributes as it draws);
  images also from data: and blob: (Plotly's downloads); `frame-ancestors` from EMBED_ORIGINS.
- A POST (and PUT, PATCH, DELETE) whose Origin, or lacking that whose Referer, names another
  site is refused with 403 before it reaches a callback or the sign-in form. Browsers send
  Origin with every cross-site POST, so a page elsewhere cannot post with the manager's cookie.
- PROXY_FIX=N trusts N proxies' X-Forwarded-For/-Proto/-Host/-Port (werkzeug's ProxyFix), so the
  app sees the client's address (for the sign-in limits) and https.
- SESSION_COOKIE_SECURE=auto marks cookies Secure on requests that came over https.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import flask
from flask.sessions import SecureCookieSessionInterface
from werkzeug.middleware.proxy_fix import ProxyFix

log = logging.getLogger(__name__)
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CSP_SCRIPT_HASHES = "s3_csp_script_hashes"
SECURE_PER_REQUEST = "S3_COOKIE_SECURE_AUTO"  # set by init_app for SESSION_COOKIE_SECURE=auto


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def same_origin(request: flask.Request) -> bool:
    """Tell whether an unsafe request comes from a page of this site (or from no page: not a browser)."""
    own = request.host_url.rstrip("/").lower()
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin.lower() == own  # "null" (sandboxed frames, privacy redirects) is another origin
    referer = request.headers.get("Referer")
    if referer:
        return _origin_of(referer) == own
    return True  # curl, scripts: they carry no one's cookie by accident


def content_security_policy(config, script_hashes: list[str]) -> str:
    """Return the Content-Security-Policy header for the settings."""
    hashes = " ".join(script_hashes)  # Dash gives them quoted: 'sha256-…'
    directives = {
        "default-src": "'self'",
        "script-src": f"'self' {hashes}".strip(),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": config.get("EMBED_ORIGINS") or "'self'",
    }
    return "; ".join(f"{k} {v}" for k, v in directives.items())


def refuse_other_origins():
    request = flask.request
    if request.method in UNSAFE_METHODS and not same_origin(request):
        log.warning(
            "refused %s %s from origin %r",
            request.method,
            request.path[:200],
            (request.headers.get("Origin") or request.headers.get("Referer") or "")[:200],
        )
        return flask.Response(
            "Förfrågan kom från en annan webbplats och avvisades.\nThe request came from another site and was refused.\n",
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    return None


def add_headers(response: flask.Response) -> flask.Response:
    app, request = flask.current_app, flask.request
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    hashes = app.extensions.get(CSP_SCRIPT_HASHES, [])
    headers.setdefault("Content-Security-Policy", content_security_policy(app.config, hashes))
    if (app.config.get("EMBED_ORIGINS") or "'self'").strip() == "'self'":
        headers.setdefault("X-Frame-Options", "SAMEORIGIN")  # for browsers without frame-ancestors
    if request.is_secure:
        if app.config.get("HSTS_SECONDS"):
            headers.setdefault("Strict-Transport-Security", f"max-age={int(app.config['HSTS_SECONDS'])}")
    return response


class AutoSecureSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, with the cookie marked Secure on requests that came over https (auto)."""

    def get_cookie_secure(self, app) -> bool:
        if app.config.get(SECURE_PER_REQUEST) and flask.has_request_context():
            return flask.request.is_secure
        return super().get_cookie_secure(app)


def init_app(server) -> None:
    """Wrap the server for its proxies and add the origin check and the headers."""
    proxies = int(server.config.get("PROXY_FIX") or 0)
    if proxies > 0:
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_port=proxies)
    secure = str(server.config.get("SESSION_COOKIE_SECURE", "auto")).lower()
    always = secure in ("1", "true", "yes")
    # auto: Flask wants a bool, so it says False and AutoSecureSessionInterface decides per request.
    server.config[SECURE_PER_REQUEST] = secure == "auto"
    server.config["SESSION_COOKIE_SECURE"] = server.config["REMEMBER_COOKIE_SECURE"] = always
    server.session_interface = AutoSecureSessionInterface()
    server.before_request(refuse_other_origins)
    server.after_request(add_headers)


def use_dash_hashes(server, dash_app) -> None:
    """Allow Dash's own inline scripts by their hashes (call after every clientside callback is registered)."""
    server.extensions[CSP_SCRIPT_HASHES] = list(dict.fromkeys(dash_app.csp_hashes()))  # once each
