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


# Register the charts (the import is the registration); they need the names above.
from . import charts  # noqa: E402,F401
