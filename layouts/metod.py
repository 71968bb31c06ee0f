"""Lay out the methods page: every indicator's definition, generated from its metadata."""

from __future__ import annotations

from dash import html

from indicators import load_all as load_indicators

from .i18n import tx

PARAMS: list = []


def layout(lang: str = "sv") -> html.Div:
    items = [
        html.Div(
            [
                html.H3(meta.title(lang), className="h5"),
                html.P(meta.definition(lang)),
                html.P(
                    [
                        tx(lang, "Enhet: ", "Unit: "),
                        meta.unit(lang),
                        " · ",
                        tx(lang, "Formel: ", "Formula: "),
                        html.Code(meta.formula),
                    ],
                    className="small",
                ),
            ],
            className="indicator-meta",
            id=f"indikator-{meta.key}",
        )
        for meta in load_indicators().values()
    ]
    return html.Div(
        [
            html.H1(tx(lang, "Om data och metod", "About data and method")),
            html.H2(tx(lang, "Indikatorer", "Indicators"), className="h4"),
            *items,
        ]
    )
