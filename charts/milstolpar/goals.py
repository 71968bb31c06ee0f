"""Build the Milstolpar view's goal-attainment chart: each activity indicator against its target."""

from __future__ import annotations

from datetime import date

import pandas as pd

from figures.milstolpar import attainment_bars
from figures.spec import ChartSpec
from i18n import fmt_number, fmt_percent, tx
from indicators.facts import example_share
from indicators.followup import quarter_label
from indicators.goals import attainment_word, goal_attainment

from .. import chart
from ..names import file_stem
from . import VIEW
from .charts import activity_names, long_date, source_for


def attainment_text(row, lang: str) -> str:
    """Return '7 av 12 träffar · 58 % · i fas' for one indicator."""
    if pd.isna(row["value"]):
        return attainment_word(row["status"], lang)
    unit = row["unit_en" if lang == "en" else "unit_sv"]
    amount = tx(lang, "av", "of").join(
        [f"{fmt_number(row['value'], lang)} ", f" {fmt_number(row['target'], lang)} {unit}"]
    )
    return f"{amount} · {fmt_percent(row['attainment'], lang)} · {attainment_word(row['status'], lang)}"


def attainment_table(frame: pd.DataFrame, conn, lang: str) -> pd.DataFrame:
    names = activity_names(conn, lang)
    return pd.DataFrame(
        {
            tx(lang, "Indikator", "Indicator"): frame["name_en" if lang == "en" else "name_sv"],
            tx(lang, "Aktivitet", "Activity"): frame["activity"].astype(str).map(names),
            tx(lang, "Delmål", "Sub-goal"): frame["subgoal"],
            tx(lang, "Hur det mäts", "How it is measured"): frame["method_en" if lang == "en" else "method_sv"],
            tx(lang, "Enhet", "Unit"): frame["unit_en" if lang == "en" else "unit_sv"],
            tx(lang, "Mål", "Target"): frame["target"],
            tx(lang, "Utfall", "Outcome"): frame["value"],
            tx(lang, "Mätt", "Measured"): [
                quarter_label(y, q, lang) if not pd.isna(y) else "" for y, q in zip(frame["year"], frame["quarter"])
            ],
            tx(lang, "Måluppfyllelse (%)", "Goal attainment (%)"): (frame["attainment"] * 100).round(1),
            tx(lang, "Förväntat vid datumet (%)", "Expected at the date (%)"): (frame["expected"] * 100).round(1),
            tx(lang, "Status", "Status"): [attainment_word(x, lang) for x in frame["status"]],
            tx(lang, "Exempeldata", "Example data"): frame["is_example"],
        }
    )


@chart(VIEW, "attainment")
def attainment_chart(conn, lang: str, asof: date, status: list, activity: list) -> ChartSpec:
    """Return each activity indicator's outcome as a share of its target, with the status in words."""
    frame = goal_attainment(conn, asof)
    if activity:
        frame = frame[frame["activity"].astype(str).isin(activity)].reset_index(drop=True)
    shown = frame.assign(
        label=frame["name_en" if lang == "en" else "name_sv"],
        percent=frame["attainment"] * 100,
        expected_percent=frame["expected"] * 100,
        text=[attainment_text(r, lang) for _, r in frame.iterrows()],
    )
    counts = frame["status"].value_counts()
    parts = [f"{n} {attainment_word(st, lang)}" for st, n in counts.items()]
    summary = (
        tx(lang, "Läget ", "As of ")
        + long_date(asof, lang)
        + f": {len(frame)} "
        + tx(lang, "indikatorer", "indicators")
        + (": " + ", ".join(parts) if parts else "")
        + "."
    )
    return ChartSpec(
        view=VIEW,
        key="attainment",
        title=tx(lang, "Aktivitetsindikatorernas måluppfyllelse", "Goal attainment of the activity indicators"),
        subtitle=tx(
            lang,
            "Utfall hittills som andel av målet; strecket visar förväntad nivå vid jämn takt",
            "Outcome so far as a share of the target; the tick shows the expected level at an even pace",
        ),
        figure=attainment_bars(shown, lang),
        table=attainment_table(frame, conn, lang),
        source=source_for(conn, lang, bool(frame["is_example"].any())),
        data_status=example_share(frame),
        summary=summary,
        filename=file_stem(VIEW, tx(lang, "måluppfyllelse", "goal attainment"), asof.isoformat()),
    )
