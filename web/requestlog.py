"""One log line per request (method, path, status, milliseconds), and no log line longer than a set size.

A client controls paths, query strings and callback bodies; a value it sends must not grow the
log by its own size. TruncatingFilter cuts every message and traceback to LOG_VALUE_CHARS (a
traceback to ten times that) on the handlers the app's records pass through.
"""

from __future__ import annotations

import logging
import sys
import time

import flask

log = logging.getLogger("s3.request")
STARTED = "s3_request_started"


class TruncatingFilter(logging.Filter):
    """Cut a record's message and traceback to a bound, saying how much was left out."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = max(80, int(limit))

    def _cut(self, text: str, limit: int) -> str:
        return text if len(text) <= limit else f"{text[:limit]}… [{len(text) - limit} characters left out]"

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if len(message) > self.limit:
            record.msg, record.args = self._cut(message, self.limit), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._cut(logging.Formatter().formatException(record.exc_info), self.limit * 10)
        elif record.exc_text:
            record.exc_text = self._cut(record.exc_text, self.limit * 10)
        return True


def configure_logging(server) -> None:
    """Send the app's records to standard error (once per process) through a truncating filter."""
    limit = int(server.config.get("LOG_VALUE_CHARS", 500))
    root = logging.getLogger()
    ours = [h for h in root.handlers if getattr(h, "s3_handler", False)]
    if not root.handlers:  # gunicorn and plain `python app.py` leave the root logger bare
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.s3_handler = True
        root.addHandler(handler)
        ours = [handler]
        root.setLevel(server.config.get("LOG_LEVEL", "INFO"))
    for handler in [*root.handlers, *ours]:
        if not any(isinstance(f, TruncatingFilter) for f in handler.filters):
            handler.addFilter(TruncatingFilter(limit))
    if not any(isinstance(f, TruncatingFilter) for f in server.logger.filters):
        server.logger.addFilter(TruncatingFilter(limit))  # Flask's "Exception on ..." records, whatever handles them


def _start():
    flask.g.setdefault(STARTED, time.perf_counter())


def _line(response):
    started = flask.g.get(STARTED)
    ms = (time.perf_counter() - started) * 1000 if started else -1
    request = flask.request
    log.info("%s %s %s %.0f ms", request.method, request.path[:200], response.status_code, ms)
    return response


def init_app(server) -> None:
    configure_logging(server)
    if server.config.get("REQUEST_LOG", True):
        server.before_request(_start)
        server.after_request(_line)
