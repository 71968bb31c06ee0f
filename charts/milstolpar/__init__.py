"""Build the Milstolpar view's charts: the project plan by quarter and the goal attainment of its indicators.

This module holds the view's parameters (PARAMS); the charts are in charts.py (timeline, list,
share done) and goals.py (goal attainment). A milestone's status at a date is derived
(indicators.followup), never stored as "late".
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from data import schema as s
from i18n import tx
from indicators.followup import PROJECT_WIDE

from ..params import Param

VIEW = "milstolpar"
CHARTS = ("timeline", "attainment", "attainment-activity", "attainment-subgoal", "per-quarter", "per-activity", "list")
STATUS_OPTIONS = [  # (code, sv, en) in the order a reader thinks of them
    ("planerad", "planerad", "planned"),
    ("pagar", "pågår", "in progress"),
    ("klar", "klar", "done"),
    ("forsenad", "försenad", "delayed"),
    ("struken", "struken", "cancelled"),
]


def activity_options(conn, lang: str) -> list[dict]:
    """Return the activity filter's options: the plan's activities and the project as a whole."""
    a = s.activity
    rows = conn.execute(select(a.c.number, a.c.name_sv, a.c.name_en).order_by(a.c.number)).all()
    opts = [{"label": f"{n}. {tx(lang, sv, en)}", "value": str(n)} for n, sv, en in rows]
    return opts + [{"label": tx(lang, "Hela projektet", "The whole project"), "value": PROJECT_WIDE}]


def status_words(_conn, lang: str) -> dict[str, str]:
    return {code: tx(lang, sv, en) for code, sv, en in STATUS_OPTIONS}


def activity_words(conn, lang: str) -> dict[str, str]:
    return {o["value"]: o["label"] for o in activity_options(conn, lang)}


PARAMS = [
    Param("asof", kind=date, default=lambda _c, _v: date.today(), label_sv="Läget den", label_en="Status at"),
    Param(
        "status",
        kind=list,
        default=[],
        choices=lambda _c, _v: [code for code, *_ in STATUS_OPTIONS],
        label_sv="Status",
        label_en="Status",
        words=status_words,
        none_sv="alla",
        none_en="all",
    ),
    Param(
        "activity",
        kind=list,
        default=[],
        choices=lambda conn, _v: [o["value"] for o in activity_options(conn, "sv")],
        label_sv="Aktivitet",
        label_en="Activity",
        words=activity_words,
        none_sv="alla",
        none_en="all",
    ),
]

# Register the charts (the import is the registration); they need the names above.
from . import charts, goal_groups, goals  # noqa: E402,F401
