"""Build the Milstolpar view's goal attainment per activity and per delmål (the indicators under each, together).

An activity or delmål is named as the plan names it (from the store). Example indicators are a row
of their own, never averaged with the manager's; a group whose indicators have no outcome says so,
and one without indicators says that nothing measures it: neither is drawn as 0 %.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from figures.milstolpar import attainment_bars
from figures.spec import ChartSpec
from i18n import fmt_percent, tx
from indicators.facts import example_share
from indicators.goals import GOAL_ATTAINMENT_GROUPED, attainment_word, goal_attainment_by

from .. import chart
from . import VIEW
from .charts import long_date, source_for

BY = {  # key: (by, title sv, title en, file word)
    "attainment-activity": ("activity", "Måluppfyllelse per aktivitet", "Goal attainment by activity", "aktivitet"),
    "attainment-subgoal": ("subgoal", "Måluppfyllelse per delmål", "Goal attainment by sub-goal", "delmal"),
}
LABEL_LENGTH = 48


def group_name(row, by: str, lang: str, *, short: bool) -> str:
    """Return '1. Processtöd – klustra kluster' or 'Delmål 2: Ökad och bättre …' (short: cut for an axis label)."""
    name = row["name_en" if lang == "en" else "name_sv"]
    if by == "activity":
        return f"{row['activity']}. {name}"
    prefix = tx(lang, f"Delmål {row['subgoal']}", f"Sub-goal {row['subgoal']}")
    if short and len(name) > LABEL_LENGTH:
        name = name[:LABEL_LENGTH].rsplit(" ", 1)[0] + " …"
    return f"{prefix}: {name}"


def group_text(row, lang: str) -> str:
    """Return '58 % · i fas · 2 av 2 indikatorer rapporterade' (or why there is no share)."""
    word = attainment_word(row["status"], lang)
    if row["status"] == "inga_indikatorer":
        return tx(lang, "inga indikatorer mäter den", "no indicators measure it")
    reported = tx(
        lang,
        f"utfall för {row['reported']} av {row['indicators']} indikatorer",
        f"outcomes for {row['reported']} of {row['indicators']} indicators",
    )
    if pd.isna(row["attainment"]):
        return f"{word} · {reported}"
    return f"{fmt_percent(row['attainment'], lang)} · {word} · {reported}"


def group_table(frame: pd.DataFrame, by: str, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            tx(lang, "Aktivitet", "Activity") if by == "activity" else tx(lang, "Delmål", "Sub-goal"): [
                group_name(r, by, lang, short=False) for _, r in frame.iterrows()
            ],
            tx(lang, "Indikatorer", "Indicators"): frame["indicators"],
            tx(lang, "Med rapporterat utfall", "With a reported outcome"): frame["reported"],
            tx(lang, "Har nått målet", "Target met"): frame["met"],
            tx(lang, "Måluppfyllelse (%)", "Goal attainment (%)"): (frame["attainment"] * 100).round(1),
            tx(lang, "Förväntat vid datumet (%)", "Expected at the date (%)"): (frame["expected"] * 100).round(1),
            tx(lang, "Status", "Status"): [attainment_word(x, lang) for x in frame["status"]],
            tx(lang, "Exempeldata", "Example data"): frame["is_example"],
        }
    )


def grouped_spec(conn, lang: str, asof: date, activity: list, key: str) -> ChartSpec:
    by, title_sv, title_en, word = BY[key]
    frame = goal_attainment_by(conn, asof, by)
    if activity and by == "activity":
        frame = frame[frame["activity"].astype(str).isin(activity)].reset_index(drop=True)
    # A group with real and example indicators has a row of each: the example one says so in its label.
    twice = frame[by].duplicated(keep=False)
    example = tx(lang, " (exempeldata)", " (example data)")
    labels = [
        group_name(r, by, lang, short=True) + (example if r["is_example"] and both else "")
        for (_, r), both in zip(frame.iterrows(), twice)
    ]
    shown = frame.assign(
        label=labels,
        percent=frame["attainment"] * 100,
        expected_percent=frame["expected"] * 100,
        text=[group_text(r, lang) for _, r in frame.iterrows()],
        hover=[group_name(r, by, lang, short=False) for _, r in frame.iterrows()],
    )
    counts = frame["status"].value_counts()
    parts = ", ".join(f"{n} {attainment_word(st, lang)}" for st, n in counts.items())
    groups = tx(lang, "aktiviteter", "activities") if by == "activity" else tx(lang, "delmål", "sub-goals")
    summary = tx(lang, "Läget ", "As of ") + long_date(asof, lang) + f": {frame[by].nunique()} {groups}: {parts}."
    return ChartSpec(
        view=VIEW,
        key=key,
        title=tx(lang, title_sv, title_en),
        subtitle=tx(
            lang,
            "Medelvärdet av indikatorernas måluppfyllelse (högst 100 % var); exempelindikatorer för sig",
            "The mean of the indicators' goal attainment (at most 100% each); example indicators apart",
        ),
        figure=attainment_bars(shown, lang),
        table=group_table(frame, by, lang),
        source=source_for(conn, lang, bool(frame["is_example"].any())),
        data_status=example_share(frame),
        summary=summary,
        filename=f"milstolpar_maluppfyllelse_per_{word}_{asof.isoformat()}",
        definitions=[f"{GOAL_ATTAINMENT_GROUPED.title(lang)}: {GOAL_ATTAINMENT_GROUPED.definition(lang)}"],
    )


@chart(VIEW, "attainment-activity")
def attainment_by_activity(conn, lang: str, asof: date, status: list, activity: list) -> ChartSpec:
    """Return goal attainment per activity: its indicators together, against the expected level."""
    return grouped_spec(conn, lang, asof, activity, "attainment-activity")


@chart(VIEW, "attainment-subgoal")
def attainment_by_subgoal(conn, lang: str, asof: date, status: list, activity: list) -> ChartSpec:
    """Return goal attainment per delmål: the indicators that serve it together, against the expected level."""
    return grouped_spec(conn, lang, asof, [], "attainment-subgoal")
