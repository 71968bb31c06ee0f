"""Follow the project plan: milestone status at an as-of date, share done, and the audit history.

"försenad" (delayed) is derived here from the planned quarter and the as-of date; the store
keeps only what the project manager set (planerad, pagar, klar, struken). A milestone nobody has
reported a status for is "okand" (unknown): never planned, never late, never done.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import select

from data import schema as s
from data.quarters import (  # noqa: F401 (part of this module's interface)
    STORED_STATUSES,
    project_period,
    quarter_end,
    quarter_of,
    quarter_start,
    quarters_between,
)

from .meta import IndicatorMeta, register

STATUSES = ("klar", "pagar", "planerad", "forsenad", "struken", "okand")  # display order
STATUS_WORDS = {
    "okand": ("status okänd", "status unknown"),
    "planerad": ("planerad", "planned"),
    "pagar": ("pågår", "in progress"),
    "klar": ("klar", "done"),
    "forsenad": ("försenad", "delayed"),
    "struken": ("struken", "cancelled"),
}
# Goal attainment in words; the order is the display order.
PROJECT_WIDE = "projekt"  # the activity key of milestones that belong to the whole project

MILESTONE_STATUS = IndicatorMeta(
    key="milestone_status",
    title_sv="Milstolparnas status vid ett datum",
    title_en="Milestone status at a date",
    unit_sv="status",
    unit_en="status",
    definition_sv=(
        "Status som projektledaren har satt (planerad, pågår, klar, struken), läst vid det valda datumet. "
        "En milstolpe är klar från sitt slutdatum. Är den inte klar när dess planerade kvartal är slut räknas "
        "den som försenad; det sparas aldrig utan räknas fram. En milstolpe som blir klar senare än datumet "
        "räknas som pågående om dess kvartal har börjat, annars som planerad. Bakåt i tiden räknas en pågående "
        "milstolpe som pågående från början av sitt kvartal; för dagens läge gäller projektledarens status. "
        "En milstolpe som ingen har rapporterat status för har okänd status: den räknas varken som klar, "
        "planerad eller försenad."
    ),
    definition_en=(
        "The status the project manager set (planned, in progress, done, cancelled), read at the chosen date. "
        "A milestone is done from its completion date. If it is not done when its planned quarter has ended it "
        "counts as delayed; that is computed, never stored. A milestone completed after the date counts as in "
        "progress if its quarter has begun, otherwise as planned. Looking back, a milestone in progress counts as "
        "in progress from the start of its quarter; for today's status the project manager's word stands. "
        "A milestone nobody has reported a status for has an unknown status: it counts as neither done, "
        "planned nor delayed."
    ),
    formula="försenad ⇔ kvartalets slut < datum ∧ ¬(klar ∧ slutdatum ≤ datum) ∧ status ≠ struken ∧ status rapporterad",
    source_sv="Projektplanen (milstolpar och kvartal); status från projektledarens uppföljning",
    source_en="The project plan (milestones and quarters); status from the project manager's follow-up",
    view="milstolpar",
)
SHARE_DONE = IndicatorMeta(
    key="milestone_share_done",
    title_sv="Andel klara milstolpar",
    title_en="Share of milestones done",
    unit_sv="procent",
    unit_en="per cent",
    definition_sv=(
        "Klara milstolpar delat med alla milstolpar utom strukna, per planerat kvartal och per aktivitet. "
        "Har någon milstolpe i gruppen okänd status räknas ingen andel (uppgift saknas)."
    ),
    definition_en=(
        "Milestones done divided by all milestones except cancelled ones, per planned quarter and per activity. "
        "Where a milestone of the group has an unknown status, no share is computed (no data)."
    ),
    formula="andel = klara / (alla − strukna)",
    source_sv=MILESTONE_STATUS.source_sv,
    source_en=MILESTONE_STATUS.source_en,
    view="milstolpar",
)
LATE_COMPLETION = IndicatorMeta(
    key="milestone_late_completion",
    title_sv="Milstolpar klara efter sitt kvartal",
    title_en="Milestones done after their quarter",
    unit_sv="kvartal",
    unit_en="quarters",
    definition_sv=(
        "En milstolpe som blev klar efter slutet av sitt planerade kvartal är klar, N kvartal sent. N räknas i "
        "kvartal från det planerade kvartalet till kvartalet då den blev klar: planerad 2017 K2 och klar 10 "
        "november 2017 (K4) är två kvartal sent. Det visas bara när milstolpen är klar vid det valda datumet; "
        "innan dess är den försenad."
    ),
    definition_en=(
        "A milestone completed after the end of its planned quarter is done, N quarters late. N counts quarters "
        "from the planned quarter to the quarter it was completed in: planned 2017 Q2 and done 10 November 2017 "
        "(Q4) is two quarters late. It is shown only once the milestone is done at the chosen date; before that "
        "it is delayed."
    ),
    formula="kvartal sent = (år_klar · 4 + kvartal_klar) − (år · 4 + kvartal), när > 0",
    source_sv=MILESTONE_STATUS.source_sv,
    source_en=MILESTONE_STATUS.source_en,
    view="milstolpar",
)
NUMBER_WORDS = {  # small counts in words, as running text writes them
    1: ("ett", "one"),
    2: ("två", "two"),
    3: ("tre", "three"),
    4: ("fyra", "four"),
    5: ("fem", "five"),
    6: ("sex", "six"),
    7: ("sju", "seven"),
    8: ("åtta", "eight"),
    9: ("nio", "nine"),
}


def status_word(status: str, lang: str) -> str:
    """Return a status code in words (klar -> 'klar' / 'done')."""
    sv, en = STATUS_WORDS.get(status, (status, status))
    return en if lang == "en" else sv


def quarter_label(year: int, quarter: int, lang: str) -> str:
    """Return '2016 K2' (Swedish) or '2016 Q2' (English)."""
    return f"{year} {'Q' if lang == 'en' else 'K'}{quarter}"


def quarter_position(day: date, quarters: list[tuple[int, int]]) -> float:
    """Return where a day falls on a quarter axis: the quarter's index plus the share of it gone (clipped)."""
    key = quarter_of(day)
    if key < quarters[0]:
        return 0.0
    if key > quarters[-1]:
        return float(len(quarters))
    first, last = quarter_start(*key), quarter_end(*key)
    return quarters.index(key) + (day - first).days / ((last - first).days + 1)


@register(MILESTONE_STATUS)
def milestone_status(
    stored: str, year: int, quarter: int, completed_on: date | None, asof: date, today: date | None = None
) -> str:
    """Return the status at asof: planerad | pagar | klar | forsenad | struken | okand (today: the date of 'now')."""
    if stored is None:  # nobody has reported a status: unknown, not late
        return "okand"
    if stored == "struken":
        return "struken"
    if stored == "klar" and (completed_on is None or completed_on <= asof):
        return "klar"
    if quarter_end(year, quarter) < asof:
        return "forsenad"
    started = quarter_start(year, quarter) <= asof
    if stored == "klar":
        return "pagar" if started else "planerad"
    if stored == "pagar":
        # Looking back, work counts from its planned quarter; looking at now, the manager's word stands.
        return "pagar" if started or asof >= (today or date.today()) else "planerad"
    return "planerad"


@register(LATE_COMPLETION)
def quarters_late(year: int, quarter: int, completed_on: date | None) -> int | None:
    """Return how many quarters after its planned quarter a milestone was completed, or None if not late."""
    if completed_on is None or pd.isna(completed_on):
        return None
    done_year, done_quarter = quarter_of(completed_on)
    late = (done_year * 4 + done_quarter) - (year * 4 + quarter)
    return late if late > 0 else None


def status_text(status: str, late: int | None, lang: str) -> str:
    """Return a status in words with any lateness: 'klar, ett kvartal sent' / 'done, 2 quarters late'."""
    word = status_word(status, lang)
    if status != "klar" or late is None or pd.isna(late) or late <= 0:
        return word
    sv, en = NUMBER_WORDS.get(int(late), (str(int(late)), str(int(late))))
    if lang == "en":
        return f"{word}, {en} quarter{'' if late == 1 else 's'} late"
    return f"{word}, {sv} kvartal sent"


def late_count(frame: pd.DataFrame) -> int:
    """Return how many milestones in a milestones() frame were done after their quarter."""
    return int(frame["quarters_late"].notna().sum())


MILESTONE_COLUMNS = [
    "id",
    "year",
    "quarter",
    "text_sv",
    "text_en",
    "activity",
    "activity_key",
    "subgoal",
    "stored_status",
    "status",
    "completed_on",
    "comment",
    "status_is_example",
    "version",
    "planned_on",
    "quarters_late",
]


def milestones(conn, asof: date, today: date | None = None) -> pd.DataFrame:
    """Return every milestone with its status at asof: id, year, quarter, text_sv, text_en, activity,
    activity_key, subgoal, stored_status, status, completed_on, comment, status_is_example, version,
    planned_on (the day, for the milestones the plan dates to the day; else None), quarters_late (done
    after its quarter at asof: how many quarters late; else NA)."""
    m, md = s.milestone, s.milestone_date
    dated = dict(conn.execute(select(md.c.milestone, md.c.planned_on)).all())
    rows = conn.execute(select(m).order_by(m.c.year, m.c.quarter, m.c.id)).mappings().all()
    # In the plan's order: a milestone dated to the day (the practical start) leads its quarter.
    rows = sorted(rows, key=lambda r: (r["year"], r["quarter"], r["id"] not in dated, r["id"]))
    records = [
        {
            **{k: r[k] for k in ("id", "year", "quarter", "text_sv", "text_en", "subgoal", "completed_on", "comment")},
            "activity": r["activity"],
            "activity_key": PROJECT_WIDE if r["activity"] is None else str(r["activity"]),
            "stored_status": r["status"],
            "status": milestone_status(r["status"], r["year"], r["quarter"], r["completed_on"], asof, today),
            "status_is_example": bool(r["status_is_example"]),
            "version": r["version"],
            "planned_on": dated.get(r["id"]),
        }
        for r in rows
    ]
    for record in records:
        done = record["status"] == "klar"
        record["quarters_late"] = (
            quarters_late(record["year"], record["quarter"], record["completed_on"]) if done else None
        )
    frame = pd.DataFrame(records, columns=MILESTONE_COLUMNS)
    return frame.astype({"activity": "Int64", "subgoal": "Int64", "status_is_example": bool, "quarters_late": "Int64"})


def filter_milestones(frame: pd.DataFrame, statuses: list[str] | None, activities: list[str] | None) -> pd.DataFrame:
    """Return the milestones with one of the statuses and activity keys (an empty list keeps all)."""
    keep = pd.Series(True, index=frame.index)
    if statuses:
        keep &= frame["status"].isin(statuses)
    if activities:
        keep &= frame["activity_key"].isin(activities)
    return frame[keep].reset_index(drop=True)


def status_counts(frame: pd.DataFrame) -> dict[str, int]:
    """Return how many milestones have each status, plus 'total' (cancelled ones excluded)."""
    counts = {st: int((frame["status"] == st).sum()) for st in STATUSES}
    counts["total"] = int(len(frame) - counts["struken"])
    return counts


def status_known(frame: pd.DataFrame) -> bool:
    """Return True when every milestone of the frame has a reported status (none is okand)."""
    return not (frame["status"] == "okand").any()


@register(SHARE_DONE)
def share_done(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Return per group: the by columns, one count column per status, total (without cancelled), share_done.

    share_done is NaN (no data) for a group with a milestone of unknown status (okand).
    """
    if frame.empty:
        return pd.DataFrame(columns=[*by, *STATUSES, "total", "share_done"])
    counts = pd.crosstab([frame[c] for c in by], frame["status"]).reindex(columns=list(STATUSES), fill_value=0)
    counts.columns.name = None
    counts = counts.reset_index()
    counts["total"] = counts[list(STATUSES)].sum(axis=1) - counts["struken"]
    known = (counts["total"] > 0) & (counts["okand"] == 0)  # a share with unknown statuses would read as "not done"
    counts["share_done"] = (counts["klar"] / counts["total"].where(known)).astype(float)
    return counts.sort_values(by).reset_index(drop=True)


def history(conn, entity: str, records: list[str] | None = None) -> pd.DataFrame:
    """Return audit-log rows of an entity, newest first: record, at, username, field, old_value, new_value."""
    a = s.audit_log
    q = select(a.c.record, a.c.at, a.c.username, a.c.field, a.c.old_value, a.c.new_value).where(a.c.entity == entity)
    if records is not None:
        q = q.where(a.c.record.in_(records))
    q = q.order_by(a.c.at.desc(), a.c.id.desc())
    return pd.DataFrame(conn.execute(q).all(), columns=["record", "at", "username", "field", "old_value", "new_value"])
