"""Serve what is not a Dash page (file exports, the open-data API, embeddable charts), and send every response compressed."""

from __future__ import annotations

from . import api, compression, embed, exports


def init_app(server) -> None:
    """Add the Flask routes to a server."""
    exports.init_app(server)
    api.init_app(server)
    embed.init_app(server)
    compression.init_app(server)
