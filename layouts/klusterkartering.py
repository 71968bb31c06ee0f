"""Lay out the Klusterkartering view (placeholder until its own issue lands)."""

from __future__ import annotations

from dash import html

from .i18n import tx

PARAMS: list = []


def layout(lang: str = "sv") -> html.Div:
    return html.Div(
        [
            html.H1(tx(lang, "Klusterkartering", "Cluster mapping")),
            html.P(tx(lang, "Den här vyn byggs just nu.", "This view is being built."), className="placeholder-note"),
        ]
    )
