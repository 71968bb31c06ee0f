"""Build the Företagsenkät view's charts: what member companies answer about the clusters' effect.

This module holds the view's parameters (PARAMS) and the confidentiality threshold; the charts are
in charts.py, their words in words.py. Every number has passed the survey's small-group rule.
"""

from __future__ import annotations

from indicators import survey as ind
from indicators.regions import regions

from ..params import Param

VIEW = "foretagsenkat"
CHART_CLUSTERS = "clusters"
CHART_QUESTIONS = "questions"
CHART_ROUNDS = "rounds"
CHARTS = (CHART_CLUSTERS, CHART_QUESTIONS, CHART_ROUNDS)


def round_codes(conn, _values=None) -> list[str]:
    return list(ind.survey_rounds(conn)["code"])


def latest_round(conn, _values=None) -> str | None:
    codes = round_codes(conn)
    return codes[-1] if codes else None


def question_codes(conn, _values=None) -> list[str]:
    return list(ind.survey_questions(conn)["code"])


def first_question(conn, _values=None) -> str | None:
    codes = question_codes(conn)
    return codes[0] if codes else None


def county_codes(conn, _values=None) -> list[str]:
    """Return the counties (län) a respondent can belong to."""
    frame = regions(conn)
    return list(frame.loc[frame["level"] == "lan", "code"])


def cluster_codes(conn, _values=None) -> list[str]:
    return list(ind.cluster_names(conn))


def round_words(conn, lang: str) -> dict[str, str]:
    """Return each survey round by its period ('Våren 2018'; 'Spring 2018' in English)."""
    from .words import round_period

    return {row["code"]: round_period(row, lang) for row in ind.survey_rounds(conn).to_dict("records")}


def question_words(conn, lang: str) -> dict[str, str]:
    frame = ind.survey_questions(conn)
    return {r["code"]: (r["text_en"] if lang == "en" else r["text_sv"]) for r in frame.to_dict("records")}


def county_words(conn, lang: str) -> dict[str, str]:
    frame = regions(conn)
    return dict(zip(frame["code"], frame["name_en" if lang == "en" else "name_sv"]))


PARAMS = [
    Param("round", str, latest_round, round_codes, "Enkätomgång", "Survey round", words=round_words),
    Param("question", str, first_question, question_codes, "Fråga", "Question", words=question_words),
    Param(
        "county",
        str,
        "",
        county_codes,
        "Län",
        "County",
        words=county_words,
        none_sv="alla tre län",
        none_en="all three counties",
    ),
    Param(
        "cluster",
        str,
        "",
        cluster_codes,
        "Klusterinitiativ",
        "Cluster initiative",
        words=lambda conn, _lang: ind.cluster_names(conn),
        none_sv="alla kluster",
        none_en="all clusters",
    ),
]


def min_group() -> int:
    """Return the confidentiality threshold of the running app (SURVEY_MIN_GROUP, default 5)."""
    try:
        import flask

        value = flask.current_app.config.get("SURVEY_MIN_GROUP")
    except RuntimeError:  # outside an app: the environment or the default
        value = None
    return ind.min_group_setting(value)


# Register the charts (the import is the registration); they need the names above.
from . import charts  # noqa: E402,F401
