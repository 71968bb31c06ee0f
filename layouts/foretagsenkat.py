"""Lay out the Företagsenkät view: filters, clusters compared, all questions, change between rounds.

The filters' choices (rounds, questions, counties, clusters) come from the store, so an
imported survey round appears without code changes. Other views link here with
/foretagsenkat?cluster=<code>.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from data.store import current_engine
from i18n import tx
from indicators import survey as ind
from indicators.regions import regions
from indicators.survey import confidentiality_rule

from . import ids
from .chart import chart_slot
from .params import Param

VIEW = "foretagsenkat"
CHART_CLUSTERS = "kluster"
CHART_QUESTIONS = "fragor"
CHART_ROUNDS = "omgangar"
FILTERS = "foretagsenkat-filters"
RULE = "foretagsenkat-rule"


def _read(func):
    """Return func(conn) on the running app's store."""
    with current_engine().connect() as conn:
        return func(conn)


def round_codes() -> list[str]:
    return list(_read(ind.survey_rounds)["code"])


def latest_round() -> str | None:
    codes = round_codes()
    return codes[-1] if codes else None


def question_codes() -> list[str]:
    return list(_read(ind.survey_questions)["code"])


def first_question() -> str | None:
    codes = question_codes()
    return codes[0] if codes else None


def county_codes(conn=None) -> list[str]:
    """Return the counties (län) a respondent can belong to."""
    if conn is None:
        return _read(county_codes)
    frame = regions(conn)
    return list(frame.loc[frame["level"] == "lan", "code"])


def cluster_codes() -> list[str]:
    return list(_read(ind.cluster_names))


PARAMS = [
    Param("round", str, latest_round, round_codes, "Enkätomgång", "Survey round"),
    Param("question", str, first_question, question_codes, "Fråga", "Question"),
    Param("county", str, "", county_codes, "Län", "County"),
    Param("cluster", str, "", cluster_codes, "Klusterinitiativ", "Cluster initiative"),
]


def min_group() -> int:
    """Return the confidentiality threshold of the running app (SURVEY_MIN_GROUP, default 5)."""
    try:
        import flask

        value = flask.current_app.config.get("SURVEY_MIN_GROUP")
    except RuntimeError:  # outside an app: the environment or the default
        value = None
    return ind.min_group_setting(value)


def _select(param: str, label: str, options: list[dict], value, all_label: str | None = None) -> html.Label:
    """Return a labelled native select (keyboard- and screen-reader-friendly) kept in the URL."""
    extra = {}
    if all_label is not None:
        # dbc.Select puts a hidden placeholder option with the value "" first: let it say the same.
        options = [{"label": all_label, "value": ""}] + options
        extra["placeholder"] = all_label
    return html.Label(
        [
            html.Span(label, className="d-block"),
            dbc.Select(id=ids.filter_id(VIEW, param), options=options, value=value or "", size="sm", **extra),
        ],
        className="w-100",
    )


def filters(conn, lang: str, values: dict) -> html.Div:
    """Return the four filters with their choices from the store."""
    rounds = ind.survey_rounds(conn)
    questions = ind.survey_questions(conn)
    names = regions(conn).set_index("code")["name_en" if lang == "en" else "name_sv"]
    controls = [
        _select(
            "round",
            tx(lang, "Enkätomgång", "Survey round"),
            [{"label": ind.round_label(r, lang), "value": r["code"]} for r in rounds.to_dict("records")],
            values["round"],
        ),
        _select(
            "question",
            tx(lang, "Fråga", "Question"),
            [{"label": tx(lang, q["text_sv"], q["text_en"]), "value": q["code"]} for q in questions.to_dict("records")],
            values["question"],
        ),
        _select(
            "county",
            tx(lang, "Län", "County"),
            [{"label": names[c], "value": c} for c in county_codes(conn)],
            values["county"],
            tx(lang, "Alla tre län", "All three counties"),
        ),
        _select(
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
        id=FILTERS,
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


def section(lang: str, sv: str, en: str, key: str) -> html.Section:
    return html.Section([html.H2(tx(lang, sv, en), className="h4 mt-3"), chart_slot(VIEW, key, lang)])


def layout(lang: str = "sv", round=None, question=None, county="", cluster="") -> html.Div:
    heading = html.H1(tx(lang, "Företagsenkät", "Company survey"))
    with current_engine().connect() as conn:
        if ind.survey_rounds(conn).empty:
            return html.Div(
                [
                    heading,
                    html.P(tx(lang, "Inga enkätsvar har lästs in än.", "No survey answers have been imported yet.")),
                ]
            )
        values = dict(round=round, question=question, county=county, cluster=cluster)
        controls = filters(conn, lang, values)
    return html.Div(
        [
            heading,
            intro(lang),
            controls,
            section(lang, "Klustren jämförda", "The clusters compared", CHART_CLUSTERS),
            section(lang, "Alla frågor", "All questions", CHART_QUESTIONS),
            section(lang, "Förändring mellan omgångar", "Change between rounds", CHART_ROUNDS),
            html.Section(
                [
                    html.H2(tx(lang, "Så skyddas de svarande", "How respondents are protected"), className="h5"),
                    html.P(confidentiality_rule(lang, min_group())),
                ],
                id=RULE,
                className="mt-3",
            ),
        ]
    )
