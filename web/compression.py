"""Send less: compress pages, callback answers and assets (brotli or gzip), and let browsers keep fingerprinted files.

Dash asks for its component bundles under /_dash-component-suites/ with a version in the name, for
assets with ?m=<modification time> and for its icon with ?v=<version>: such an address never changes
its content, so the browser may keep it a year. Compressed static files are kept in the app's cache,
so a popular bundle is compressed once per worker, not once per reader.
"""

from __future__ import annotations

import flask
from flask_compress import Compress

from cache import cache

YEAR = 365 * 24 * 3600
STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")
COMPRESSED_TYPES = [
    "text/html",
    "text/css",
    "text/plain",
    "text/csv",
    "application/json",
    "application/javascript",
    "text/javascript",
    "image/svg+xml",
]
DEFAULTS = {
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    "COMPRESS_MIMETYPES": COMPRESSED_TYPES,
    "COMPRESS_MIN_SIZE": 500,
    "COMPRESS_BR_LEVEL": 5,  # brotli's default (11) costs seconds on plotly.js; 5 is within a few per cent of it
    "COMPRESS_LEVEL": 6,
    "COMPRESS_STREAMS": False,
}


def _static_key(request) -> str:
    """Return the cache key of a response's compressed body: its full path for static files, "" otherwise."""
    return f"compressed:{request.full_path}" if request.path.startswith(STATIC_PREFIXES) else ""


class StaticOnly:
    """Keep compressed bodies of static files only (Flask-Compress asks the cache for every response)."""

    def get(self, key: str):
        return None if key.endswith(";") else cache.get(key)

    def set(self, key: str, value) -> None:
        if not key.endswith(";"):
            cache.set(key, value, timeout=YEAR)


def static_files(response: flask.Response) -> flask.Response:
    """Prepare a static file for compression, and let the browser keep one whose address has its version a year."""
    request = flask.request
    if response.status_code != 200:
        return response
    if request.path == "/_favicon.ico" and request.args.get("v"):  # Dash's own icon, ?v=<Dash's version>
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    if not request.path.startswith("/assets/"):
        return response
    if response.is_streamed:  # Flask streams files; read it so that it is compressed (and its result kept)
        response.direct_passthrough = False
        response.set_data(response.get_data())
    if request.args.get("m"):
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return response


def init_app(server) -> None:
    for key, value in DEFAULTS.items():
        server.config.setdefault(key, value)
    server.config.setdefault("COMPRESS_CACHE_KEY", _static_key)
    server.config.setdefault("COMPRESS_CACHE_BACKEND", StaticOnly)
    Compress(server)
    server.after_request(static_files)  # runs before the compression (Flask runs the last registered first)
