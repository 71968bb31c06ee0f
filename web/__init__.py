"""Serve what is not a Dash page: file exports (and, beside them, the site's other Flask routes)."""

from __future__ import annotations

from . import exports


def init_app(server) -> None:
    """Add the Flask routes to a server."""
    exports.init_app(server)
