"""Redraw the Uppföljning view when a filter changes: every card, the downloads."""

from __future__ import annotations

from layouts import uppfoljning as v

from .cards import register_cards_redraw


def register(app) -> None:
    register_cards_redraw(app, v)
