"""Lay out the start page: what the dashboard is, the four views, one overview chart."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from charts.start import CHARTS
from charts.views import nav_href
from i18n import tx

from .card import card
from .downloads import view_downloads
from .page import card_values_for

VIEW = "start"

CARDS = [
    (
        "/styrkeomraden",
        "Styrkeområden",
        "Strength areas",
        "Var är ekonomin specialiserad och dynamisk? Lokaliseringskvoter, nya företag, patent och akademiska styrkor jämförda med regionernas testområden.",
        "Where is the economy specialised and dynamic? Location quotients, new firms, patents and academic strengths compared with the regions' priority areas.",
    ),
    (
        "/klusterkartering",
        "Klusterkartering",
        "Cluster mapping",
        "I vilken utvecklingsfas är varje klusterinitiativ, och hur arbetar de med de horisontella kriterierna?",
        "Which development phase is each cluster initiative in, and how do they work with the horizontal criteria?",
    ),
    (
        "/foretagsenkat",
        "Företagsenkät",
        "Company survey",
        "Vad säger medlemsföretagen om klustrens effekt på deras samverkan?",
        "What do member companies say about the clusters' effect on their collaboration?",
    ),
    (
        "/milstolpar",
        "Milstolpar",
        "Milestones",
        "Projektplanen kvartal för kvartal och hur aktivitetsindikatorerna når sina mål.",
        "The project plan quarter by quarter and how the activity indicators meet their targets.",
    ),
]


def layout(lang: str, cards: dict) -> html.Div:
    views = [
        dbc.Col(
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H2(dcc.Link(tx(lang, sv, en), href=nav_href(path, lang)), className="h5"),
                        html.P(tx(lang, dsv, den), className="mb-0"),
                    ]
                ),
                className="h-100 view-card",
            ),
            xs=12,
            md=6,
            className="mb-3",
        )
        for path, sv, en, dsv, den in CARDS
    ]
    return html.Div(
        [
            html.H1(
                tx(lang, "Smart specialisering i Norra Mellansverige", "Smart specialisation in North Middle Sweden")
            ),
            html.P(
                tx(
                    lang,
                    "Värmland, Dalarna och Gävleborg arbetade 2016–2018 tillsammans med Karlstads universitet, Högskolan "
                    "Dalarna, Högskolan i Gävle och klustren för att bygga sina strategier för smart specialisering på "
                    "kunskap och följa upp dem. Här visas analysen öppet och går att upprepa.",
                    "In 2016–2018, Värmland, Dalarna and Gävleborg worked with Karlstad University, Dalarna University, "
                    "the University of Gävle and the clusters to build their smart specialisation strategies on evidence "
                    "and to monitor them. This dashboard shows that analysis openly and makes it repeatable.",
                ),
                className="lead",
            ),
            html.P(
                [
                    dcc.Link(tx(lang, "Om projektet", "About the project"), href=nav_href("/om-projektet", lang)),
                    tx(
                        lang,
                        ": delmål, aktiviteter, milstolpar och organisation med projektplanens egna ord.",
                        ": sub-goals, activities, milestones and organisation in the project plan's own words.",
                    ),
                ],
                id="start-about-project",
            ),
            dbc.Row(views),
            html.H2(tx(lang, "Regionen i siffror", "The region in figures"), className="h4 mt-3"),
            html.P(
                tx(
                    lang,
                    "Offentlig statistik om länen: senaste värdena, och hur de har utvecklats.",
                    "Public statistics on the counties: the latest values, and how they have developed.",
                ),
                className="text-muted",
            ),
            card(VIEW, "key-figures", lang, cards.get("key-figures")),
            dbc.Row(
                [
                    dbc.Col(card(VIEW, key, lang, cards.get(key)), xs=12, lg=6)
                    for key in ("employment", "new-firms", "rd", "innovation")
                ]
            ),
            view_downloads(VIEW, lang, "?lang=en" if lang == "en" else ""),
        ]
    )


def page(conn, lang: str, query: dict):
    """Return (the start page, no refused values): it has no filters."""
    return layout(lang, card_values_for(conn, VIEW, CHARTS, lang, {})), []
