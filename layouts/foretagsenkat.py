"""Lay out the Företagsenkät view: filters, clusters compared, all questions, change between rounds.

The filters' choices (rounds, questions, counties, clusters) come from the store, so an imported
survey round appears without code changes. Other views link here with /foretagsenkat?cluster=<code>.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

import charts
from charts.foretagsenkat import CHART_CLUSTERS, CHART_QUESTIONS, CHART_ROUNDS, CHARTS, VIEW, county_codes, min_group
from i18n import tx
from indicators import survey as ind
from indicators.regions import regions
from indicators.survey import confidentiality_rule

from .card import card
from .downloads import view_downloads
from .filters import select
from .page import card_values_for, parse_view

FILTERS_ID = "foretagsenkat-filters"
RULE = "foretagsenkat-rule"
DOWNLOADS = "foretagsenkat-downloads"
FILTERS = ("round", "question", "county", "cluster")


def filters(conn, lang: str, values: dict) -> html.Div:
    """Return the four filters with their choices from the store."""
    rounds = ind.survey_rounds(conn)
    questions = ind.survey_questions(conn)
    names = regions(conn).set_index("code")["name_en" if lang == "en" else "name_sv"]
    controls = [
        select(
            VIEW,
            "round",
            tx(lang, "Enkätomgång", "Survey round"),
            [{"label": ind.round_label(r, lang), "value": r["code"]} for r in rounds.to_dict("records")],
            values["round"],
        ),
        select(
            VIEW,
            "question",
            tx(lang, "Fråga", "Question"),
            [{"label": tx(lang, q["text_sv"], q["text_en"]), "value": q["code"]} for q in questions.to_dict("records")],
            values["question"],
        ),
        select(
            VIEW,
            "county",
            tx(lang, "Län", "County"),
            [{"label": names[c], "value": c} for c in county_codes(conn)],
            values["county"],
            tx(lang, "Alla tre län", "All three counties"),
        ),
        select(
            VIEW,
            "cluster",
            tx(lang, "Klusterinitiativ", "Cluster initiative"),
            [{"label": n, "value": c} for c, n in ind.cluster_names(conn).items()],
            values["cluster"],
            tx(lang, "Alla kluster", "All clusters"),
        ),
    ]
    return html.Div(
        dbc.Row([dbc.Col(c, xs=12, md=6, lg=3, className="mb-2") for c in controls]),
        className="filters",
        id=FILTERS_ID,
        role="search",
        **{"aria-label": tx(lang, "Filter för företagsenkäten", "Filters for the company survey")},
    )


def intro(lang: str) -> html.P:
    return html.P(
        tx(
            lang,
            "Klustrens medlemsföretag har fått frågan om klustret har lett till att de samverkar mer med andra "
            "företag, med forskare, med offentlig sektor, med studenter och med företag i andra branscher. "
            "Staplarna utgår från mitten: till höger de som svarat ja, till vänster de som svarat i liten "
            "omfattning eller inte alls, och i mitten (grått) de som svarat varken eller. ”Vet ej” ingår inte i "
            "procenten utan visas separat.",
            "The clusters' member companies were asked whether the cluster has led them to collaborate more with "
            "other companies, researchers, the public sector, students and companies in other industries. The bars "
            "start from the middle: to the right those who answered yes, to the left those who answered to a small "
            "extent or not at all, and in the middle (grey) those who answered neither. “Don't know” is not part "
            "of the percentages and is shown separately.",
        ),
        className="lead",
    )


def section(lang: str, sv: str, en: str, key: str, cards: dict) -> html.Section:
    return html.Section([html.H2(tx(lang, sv, en), className="h4 mt-3"), card(VIEW, key, lang, cards.get(key))])


def parts(conn, lang: str, values: dict, open_tables=()) -> dict:
    """Return everything the view shows for parsed values: cards and the canonical query."""
    return {
        "cards": card_values_for(conn, VIEW, CHARTS, lang, values, open_tables),
        "qs": charts.canonical(VIEW, values, lang),
    }


def layout(conn, lang: str, values: dict, p: dict) -> html.Div:
    heading = html.H1(tx(lang, "Företagsenkät", "Company survey"))
    if ind.survey_rounds(conn).empty:
        return html.Div(
            [heading, html.P(tx(lang, "Inga enkätsvar har lästs in än.", "No survey answers have been imported yet."))]
        )
    cards = p["cards"]
    return html.Div(
        [
            heading,
            intro(lang),
            filters(conn, lang, values),
            section(lang, "Klustren jämförda", "The clusters compared", CHART_CLUSTERS, cards),
            section(lang, "Alla frågor", "All questions", CHART_QUESTIONS, cards),
            section(lang, "Förändring mellan omgångar", "Change between rounds", CHART_ROUNDS, cards),
            html.Section(
                [
                    html.H2(tx(lang, "Så skyddas de svarande", "How respondents are protected"), className="h5"),
                    html.P(confidentiality_rule(lang, min_group())),
                ],
                id=RULE,
                className="mt-3",
            ),
            html.Div(view_downloads(VIEW, lang, p["qs"]), id=DOWNLOADS),
        ]
    )


def page(conn, lang: str, query: dict):
    """Return (the view for an address query, refused values)."""
    values, notices = parse_view(VIEW, query, conn)
    return layout(conn, lang, values, parts(conn, lang, values)), notices
