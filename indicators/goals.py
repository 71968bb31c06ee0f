"""Measure the activity indicators: goal attainment at an as-of date, with the status in words."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
from sqlalchemy import select

from data import schema as s

from .followup import project_period, quarter_end
from .meta import IndicatorMeta, register

ATTAINMENT_WORDS = {
    "uppnatt": ("målet nått", "target met"),
    "i_fas": ("i fas", "on track"),
    "efter_plan": ("efter plan", "behind plan"),
    "ej_uppnatt": ("målet inte nått", "target not met"),
    "ingen_matning": ("inget utfall rapporterat", "no outcome reported"),  # never shown as 0 %
    "inga_indikatorer": ("inga indikatorer", "no indicators"),  # an activity or delmål nobody measures
}
GOAL_ATTAINMENT = IndicatorMeta(
    key="goal_attainment",
    title_sv="Måluppfyllelse för aktivitetsindikatorer",
    title_en="Goal attainment of the activity indicators",
    unit_sv="procent av målet",
    unit_en="per cent of target",
    definition_sv=(
        "Senaste kumulativa utfall som var mätt vid datumet (vid kvartalets slut, eller projektets slut om det "
        "kommer först) delat med målet. Förväntad nivå är den del av projekttiden som har gått, som om målet nås "
        "i jämn takt. Status: målet nått (minst 100 %), i fas (minst förväntad nivå), efter plan, eller målet inte "
        "nått när projekttiden är slut."
    ),
    definition_en=(
        "The latest cumulative outcome measured by the date (at the end of its quarter, or the project's end if "
        "earlier) divided by the target. The expected level is the share of the project period that has passed, "
        "as if the target were reached at an even pace. Status: target met (at least 100%), on track (at least the "
        "expected level), behind plan, or target not met once the project period is over."
    ),
    formula="måluppfyllelse = utfall / mål; förväntat = (datum − start) / (slut − start)",
    source_sv="Projektets aktivitetsindikatorer; utfall från projektledarens uppföljning",
    source_en="The project's activity indicators; outcomes from the project manager's follow-up",
    view="milstolpar",
)


def attainment_word(status: str, lang: str) -> str:
    """Return a goal-attainment status in words."""
    sv, en = ATTAINMENT_WORDS.get(status, (status, status))
    return en if lang == "en" else sv


def measured_on(year: int, quarter: int, project_end: date) -> date:
    """Return the day a cumulative quarterly outcome counts as known: its quarter's end, or the project's end."""
    return min(quarter_end(year, quarter), project_end)


def expected_share(asof: date, start: date, end: date) -> float:
    """Return the share of the project period that has passed at asof, between 0 and 1."""
    return min(1.0, max(0.0, (asof - start).days / max(1, (end - start).days)))


def attainment_status(attainment: float | None, expected: float, *, period_over: bool) -> str:
    """Return uppnatt | i_fas | efter_plan | ej_uppnatt | ingen_matning."""
    if attainment is None or (isinstance(attainment, float) and math.isnan(attainment)):
        return "ingen_matning"
    if attainment >= 1:
        return "uppnatt"
    if period_over:
        return "ej_uppnatt"
    return "i_fas" if attainment >= expected else "efter_plan"


ATTAINMENT_COLUMNS = [
    "code",
    "activity",
    "name_sv",
    "name_en",
    "unit_sv",
    "unit_en",
    "target",
    "year",
    "quarter",
    "value",
    "attainment",
    "expected",
    "status",
    "is_example",
    "subgoal",
    "method_sv",
    "method_en",
]


@register(GOAL_ATTAINMENT)
def goal_attainment(conn, asof: date) -> pd.DataFrame:
    """Return per activity indicator the outcome known at asof: code, activity, name_sv, name_en, unit_sv,
    unit_en, target, year, quarter, value, attainment, expected, status, is_example, subgoal, method_sv,
    method_en (status ingen_matning and attainment NaN where no outcome is reported: never 0 %)."""
    start, end = project_period(conn)
    expected = expected_share(asof, start, end)
    ai, io = s.activity_indicator, s.indicator_outcome
    indicators = conn.execute(select(ai).order_by(ai.c.activity, ai.c.code)).mappings().all()
    outcomes = pd.DataFrame(
        conn.execute(select(io.c.indicator, io.c.year, io.c.quarter, io.c.value, io.c.is_example)).all(),
        columns=["indicator", "year", "quarter", "value", "is_example"],
    )
    if not outcomes.empty:
        known = [measured_on(y, q, end) <= asof for y, q in zip(outcomes["year"], outcomes["quarter"])]
        outcomes = outcomes[known].sort_values(["indicator", "year", "quarter"])
    latest = outcomes.groupby("indicator").tail(1).set_index("indicator") if not outcomes.empty else outcomes
    records = []
    for ind in indicators:
        row = latest.loc[ind["code"]] if ind["code"] in latest.index else None
        value = None if row is None else float(row["value"])
        attainment = None if value is None or not ind["target"] else value / ind["target"]
        records.append(
            {
                **{k: ind[k] for k in ("code", "activity", "name_sv", "name_en", "unit_sv", "unit_en")},
                "target": float(ind["target"]),
                "year": None if row is None else int(row["year"]),
                "quarter": None if row is None else int(row["quarter"]),
                "value": value,
                "attainment": attainment,
                "expected": expected,
                "status": attainment_status(attainment, expected, period_over=asof >= end),
                # An indicator with an example target is example data even where an outcome is real.
                "is_example": bool(ind["is_example"]) or (row is not None and bool(row["is_example"])),
                **{k: ind[k] for k in ("subgoal", "method_sv", "method_en")},
            }
        )
    frame = pd.DataFrame(records, columns=ATTAINMENT_COLUMNS)
    return frame.astype(
        {
            "year": "Int64",
            "quarter": "Int64",
            "value": float,
            "attainment": float,
            "expected": float,
            "is_example": bool,
            "activity": "Int64",
            "subgoal": "Int64",
        }
    )


def indicator_outcomes(conn, code: str) -> pd.DataFrame:
    """Return one indicator's stored outcomes: year, quarter, value, is_example, version."""
    io = s.indicator_outcome
    q = (
        select(io.c.year, io.c.quarter, io.c.value, io.c.is_example, io.c.version)
        .where(io.c.indicator == code)
        .order_by(io.c.year, io.c.quarter)
    )
    return pd.DataFrame(conn.execute(q).all(), columns=["year", "quarter", "value", "is_example", "version"])


INDICATOR_COLUMNS = ["code", "activity", "subgoal", "name_sv", "name_en", "unit_sv", "unit_en", "target"]
INDICATOR_COLUMNS += ["method_sv", "method_en", "is_example", "version"]


def activity_indicators(conn) -> pd.DataFrame:
    """Return the indicator definitions for the manager's form: code, activity, subgoal, name_sv, name_en,
    unit_sv, unit_en, target, method_sv, method_en, is_example, version."""
    ai = s.activity_indicator
    q = select(*[ai.c[c] for c in INDICATOR_COLUMNS]).order_by(ai.c.activity, ai.c.code)
    frame = pd.DataFrame(conn.execute(q).all(), columns=INDICATOR_COLUMNS, dtype=object)
    return frame.astype(
        {"activity": "Int64", "subgoal": "Int64", "target": float, "is_example": bool, "version": "int64"}
    )


GOAL_ATTAINMENT_GROUPED = IndicatorMeta(
    key="goal_attainment_grouped",
    title_sv="Måluppfyllelse per aktivitet och delmål",
    title_en="Goal attainment by activity and sub-goal",
    unit_sv="procent av målen",
    unit_en="per cent of the targets",
    definition_sv=(
        "Medelvärdet av måluppfyllelsen för de indikatorer under en aktivitet eller ett delmål som har ett "
        "rapporterat utfall; varje indikator räknas högst som 100 %, så att en som överträffar sitt mål inte "
        "döljer en som ligger efter. Indikatorer utan utfall räknas inte som 0 % utan anges som ej rapporterade; "
        "har ingen indikator ett utfall står det så. Exempelindikatorer räknas för sig och blandas aldrig med "
        "projektledarens egna."
    ),
    definition_en=(
        "The mean goal attainment of the indicators under an activity or sub-goal that have a reported outcome; "
        "each indicator counts at most 100%, so one that exceeds its target does not hide one that lags. "
        "Indicators without an outcome do not count as 0% but are shown as not reported; where no indicator has "
        "an outcome, that is said. Example indicators are counted apart and never mixed with the manager's own."
    ),
    formula="måluppfyllelse(grupp) = medel(min(utfall / mål, 1)) över rapporterade indikatorer",
    source_sv=GOAL_ATTAINMENT.source_sv,
    source_en=GOAL_ATTAINMENT.source_en,
    view="milstolpar",
)
GROUPED_COLUMNS = ["name_sv", "name_en", "is_example", "indicators", "reported", "met", "attainment", "expected"]
GROUPED_COLUMNS += ["status"]


def _group_names(conn, by: str) -> pd.DataFrame:
    if by == "activity":
        a = s.activity
        q = select(a.c.number, a.c.name_sv, a.c.name_en).order_by(a.c.number)
    else:
        g = s.subgoal
        q = select(g.c.number, g.c.text_sv, g.c.text_en).order_by(g.c.number)
    return pd.DataFrame(conn.execute(q).all(), columns=[by, "name_sv", "name_en"])


def _group_row(part: pd.DataFrame, expected: float, period_over: bool) -> dict:
    reported = part["attainment"].notna()
    capped = part.loc[reported, "attainment"].clip(upper=1.0)
    attainment = float(capped.mean()) if reported.any() else math.nan
    status = attainment_status(attainment, expected, period_over=period_over) if reported.any() else "ingen_matning"
    met = int((part.loc[reported, "attainment"] >= 1).sum())
    return dict(indicators=len(part), reported=int(reported.sum()), met=met, attainment=attainment, status=status)


@register(GOAL_ATTAINMENT_GROUPED)
def goal_attainment_by(conn, asof: date, by: str) -> pd.DataFrame:
    """Return goal attainment per activity or delmål (by = "activity" | "subgoal"): the by column, name_sv,
    name_en, is_example, indicators, reported, met, attainment, expected, status; example and real indicators
    in separate rows; a group without indicators has one row with status inga_indikatorer."""
    if by not in ("activity", "subgoal"):
        raise ValueError(f"by must be 'activity' or 'subgoal', not {by!r}")
    frame = goal_attainment(conn, asof)
    start, end = project_period(conn)
    expected = expected_share(asof, start, end)
    records = []
    for number, name_sv, name_en in _group_names(conn, by).itertuples(index=False):
        mine = frame[frame[by] == number]
        if mine.empty:
            row = dict(indicators=0, reported=0, met=0, attainment=math.nan, status="inga_indikatorer")
            records.append({by: number, "name_sv": name_sv, "name_en": name_en, "is_example": False, **row})
        for example, part in mine.groupby("is_example", sort=True):
            row = _group_row(part, expected, asof >= end)
            records.append({by: number, "name_sv": name_sv, "name_en": name_en, "is_example": bool(example), **row})
    out = pd.DataFrame(records, columns=[by, *GROUPED_COLUMNS])
    out["expected"] = expected
    return out.astype({by: "int64", "attainment": float, "is_example": bool})
