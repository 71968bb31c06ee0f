"""The project's calendar: its period in the store, quarters, and the statuses a manager can record.

Plain facts about the store's contents that both the reading side (indicators.followup) and the
writing side (data.followup_write) need; here so that data/ never imports indicators/.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from . import schema as s

STORED_STATUSES = ("planerad", "pagar", "klar", "struken")


def quarter_start(year: int, quarter: int) -> date:
    return date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> date:
    """Return the last day of a quarter."""
    return (date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)) - timedelta(days=1)


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarters_between(first: date, last: date) -> list[tuple[int, int]]:
    """Return every (year, quarter) from the quarter of first to the quarter of last."""
    (y, q), end = quarter_of(first), quarter_of(last)
    out = []
    while (y, q) <= end:
        out.append((y, q))
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return out


def project_period(conn) -> tuple[date, date]:
    """Return the project's first and last day from the store."""
    row = conn.execute(select(s.project.c.start, s.project.c.end)).first()
    return (row.start, row.end) if row else (date(2016, 4, 1), date(2018, 7, 31))
