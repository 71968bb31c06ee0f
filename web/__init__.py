"""Serve what is not a Dash page (file exports), and send every response compressed."""

from __future__ import annotations

from . import compression, exports


def init_app(server) -> None:
    """Add the Flask routes to a server."""
    exports.init_app(server)
    compression.init_app(server)
