"""Redraw the Företagsenkät view when a filter changes: clusters compared, all questions, change between rounds."""

from __future__ import annotations

from layouts import foretagsenkat as v

from .cards import register_cards_redraw


def register(app) -> None:
    register_cards_redraw(app, v)
