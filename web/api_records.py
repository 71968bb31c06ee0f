"""Serve the project's own records as the views show them: cluster phases and criteria, survey shares, milestones, goals.

The survey's shares have passed the views' confidentiality rule (indicators.survey) and are given as
whole per cent, as the view's tables show them; groups the views never show (respondents without a
recorded county) are left out. A milestone's date of completion is given only where the view shows it.
"""

from __future__ import annotations

import pandas as pd

from charts.foretagsenkat import min_group
from charts.milstolpar import PARAMS as MILESTONE_PARAMS
from charts.milstolpar.charts import source_for as milestone_source
from charts.params import Param
from charts.sources import recording
from i18n import tx
from indicators import clusters as cl
from indicators import survey as sv
from indicators.followup import filter_milestones, milestones
from indicators.goals import goal_attainment
from indicators.regions import regions

from .api_resources import Answer


def county_codes(conn, _values=None) -> list[str]:
    frame = regions(conn)
    return list(frame.loc[frame["level"] == "lan", "code"])


def cluster_codes(conn, _values=None) -> list[str]:
    return list(cl.clusters(conn)["code"])


def assessment_years(conn, _values=None) -> list[int]:
    return cl.assessment_years(conn)


COUNTY = Param("county", str, "", county_codes, "Län (standard: alla)", "County (default: all)")
THEME = Param(
    "theme", str, "", lambda conn, _v: list(cl.thematic_areas(conn)["code"]), "Tematiskt område", "Thematic area"
)
CLUSTERS = Param(
    "cluster", list, [], cluster_codes, "Klusterinitiativ, kommaseparerade", "Cluster initiatives, comma-separated"
)
ASSESSMENT_YEAR = Param(
    "year", int, None, assessment_years, "Bedömningsår (standard: alla)", "Assessment year (default: all)"
)
CLUSTER_PARAMS = (COUNTY, THEME, CLUSTERS, ASSESSMENT_YEAR)


def chosen_clusters(conn, v, lang) -> pd.DataFrame:
    frame = cl.clusters(conn, county=v["county"] or None, theme=v["theme"] or None)
    if v["cluster"]:
        frame = frame[frame["code"].isin(v["cluster"])]
    return frame


def named(frame: pd.DataFrame, codes: pd.DataFrame, column: str, lang: str) -> pd.Series:
    names = codes.set_index("code")[tx(lang, "name_sv", "name_en")]
    return frame[column].map(names)


def phase_rows(conn, v, lang) -> Answer:
    """Return the phase assessments of the chosen clusters (every year, or one)."""
    chosen = chosen_clusters(conn, v, lang)
    frame = cl.phase_history(conn, list(chosen["code"]))
    if v["year"] is not None:
        frame = frame[frame["year"] == v["year"]]
    names = dict(zip(chosen["code"], chosen["name"]))
    frame = frame.assign(
        cluster_name=frame["cluster"].map(names), phase_name=named(frame, cl.phase_scale(conn), "phase", lang)
    )
    cols = ["cluster", "cluster_name", "year", "phase", "phase_name", "phase_sort", "comment", "dataset", "is_example"]
    return Answer(frame[cols].reset_index(drop=True), sorted(set(frame["dataset"]) | set(chosen["dataset"])))


def criteria_rows(conn, v, lang) -> Answer:
    """Return the horizontal criteria assessments of the chosen clusters (every year, or one)."""
    chosen = chosen_clusters(conn, v, lang)
    frame = cl.criteria_assessments(conn, list(chosen["code"]), v["year"])
    names = dict(zip(chosen["code"], chosen["name"]))
    frame = frame.assign(
        cluster_name=frame["cluster"].map(names),
        criterion_name=named(frame, cl.criteria(conn), "criterion", lang),
        level_name=named(frame, cl.criterion_levels(conn), "level", lang),
    )
    cols = ["cluster", "cluster_name", "year", "criterion", "criterion_name", "level", "level_name", "comment"]
    used = sorted(set(frame["dataset"]) | set(chosen["dataset"]))
    return Answer(frame[cols + ["dataset", "is_example"]].reset_index(drop=True), used)


def round_codes(conn, _values=None) -> list[str]:
    return list(sv.survey_rounds(conn)["code"])


def question_codes(conn, _values=None) -> list[str]:
    return list(sv.survey_questions(conn)["code"])


SURVEY_PARAMS = (
    Param("round", list, [], round_codes, "Enkätomgångar (standard: alla)", "Survey rounds (default: all)"),
    Param("question", list, [], question_codes, "Frågor (standard: alla)", "Questions (default: all)"),
    Param("cluster", str, "", lambda conn, _v: list(sv.cluster_names(conn)), "Klusterinitiativ", "Cluster initiative"),
    Param("county", str, "", county_codes, "Län", "County"),
)


def percent(values: pd.Series) -> list:
    return [None if pd.isna(x) else int(round(float(x) * 100)) for x in values]


def survey_rows(conn, v, lang) -> Answer:
    """Return the answer shares of every group the views can show, after suppression, in whole per cent."""
    shares = sv.answer_shares(conn, rounds=v["round"] or None, questions=v["question"] or None, min_group=min_group())
    shown = shares[shares["county"] != sv.UNKNOWN_COUNTY]
    if v["cluster"]:
        shown = shown[shown["cluster"] == v["cluster"]]
    if v["county"]:
        shown = shown[shown["county"] == v["county"]]
    rounds = sv.survey_rounds(conn).set_index("code")
    out = shown[["round", "question", "cluster", "county", "status", "answered", "dont_know"]].copy()
    out[["answered", "dont_know"]] = (
        out[["answered", "dont_know"]].astype(object).where(out[["answered", "dont_know"]].notna(), None)
    )
    for col in [c for c in shown.columns if c.startswith("share_")] + ["positive", "negative"]:
        out[f"{col}_pct"] = pd.Series(percent(shown[col]), index=shown.index, dtype=object)
    out["is_example"] = out["round"].map(rounds["is_example"]).astype(bool)
    notes = [sv.confidentiality_rule(lang, min_group())]
    return Answer(out.reset_index(drop=True), sorted(set(rounds.loc[out["round"].unique(), "dataset"])), notes)


def plan_datasets(conn, is_example: bool) -> list[str]:
    """Return the datasets the Milstolpar view's source line names for these rows (the plan, example statuses)."""
    with recording() as used:
        milestone_source(conn, "sv", is_example)
    return sorted(used)


def milestone_rows(conn, v, lang) -> Answer:
    """Return the milestones with their status at the date (derived, never stored as late)."""
    frame = filter_milestones(milestones(conn, v["asof"]), v["status"], v["activity"])
    done = frame["status"] == "klar"
    frame = frame.assign(completed_on=frame["completed_on"].where(done, None), asof=v["asof"])
    cols = ["id", "year", "quarter", "text_sv", "text_en", "activity", "subgoal", "status", "completed_on", "comment"]
    frame = frame[cols + ["asof", "status_is_example"]]
    return Answer(frame, plan_datasets(conn, bool(frame["status_is_example"].any())))


def goal_rows(conn, v, lang) -> Answer:
    """Return each activity indicator's outcome known at the date against its target, and the verdict."""
    frame = goal_attainment(conn, v["asof"]).assign(asof=v["asof"])
    return Answer(frame, plan_datasets(conn, bool(frame["is_example"].any())))


ASOF = MILESTONE_PARAMS[0]
