"""Write the steering group's workbook from the milestone list and the goal attainment (web/exports.py serves it).

Sheets: the milestone list, goal attainment per indicator (and, when given, per activity and per
delmål), and what the numbers are (date, sources, example data, definitions).
"""

from __future__ import annotations

import io
from datetime import datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from i18n import tx
from indicators.followup import LATE_COMPLETION, MILESTONE_STATUS, SHARE_DONE
from indicators.goals import GOAL_ATTAINMENT, GOAL_ATTAINMENT_GROUPED

from .spec import ChartSpec


def _sheet(wb: Workbook, title: str, frame: pd.DataFrame, lang: str) -> None:
    ws = wb.create_sheet(title)
    ws.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        ws.append([_cell(v, lang) for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, column in enumerate(frame.columns, start=1):
        longest = max([len(str(column))] + [len(str(v)) for v in frame[column]])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
    ws.freeze_panes = "A2"
    if len(frame):
        ws.auto_filter.ref = ws.dimensions


def _cell(value, lang: str):
    if isinstance(value, bool):
        return tx(lang, "ja", "yes") if value else tx(lang, "nej", "no")
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    return value.item() if hasattr(value, "item") else value


def workbook(milestones: ChartSpec, goals: ChartSpec, lang: str, groups: tuple = ()) -> tuple[bytes, str]:
    """Return the workbook's bytes and file name for the milestone list and the goal attainment (groups: the goal
    attainment per activity and per delmål, a sheet each, named by the chart's title)."""
    asof = milestones.filename.rsplit("_", 1)[-1]
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, tx(lang, "Milstolpar", "Milestones"), milestones.table, lang)
    _sheet(wb, tx(lang, "Måluppfyllelse", "Goal attainment"), goals.table, lang)
    for group in groups:
        _sheet(wb, group.title[:31], group.table, lang)  # Excel allows 31 characters in a sheet name
    about = wb.create_sheet(tx(lang, "Om underlaget", "About"))
    lines = [
        (
            tx(
                lang,
                "Smart specialisering i Norra Mellansverige – underlag för styrgruppen",
                "Smart specialisation in North Middle Sweden – for the steering group",
            ),
        ),
        (tx(lang, "Läget den", "Status at"), asof),
        (tx(lang, "Skapad", "Created"), datetime.now().strftime("%Y-%m-%d %H:%M")),
        (milestones.summary,),
        (goals.summary,),
        (milestones.source,),
        (goals.source,),
    ]
    if milestones.is_example or goals.is_example:
        lines.append(
            (
                tx(
                    lang,
                    "Exempeldata: rader märkta som exempeldata är påhittade siffror, inte verklig uppföljning.",
                    "Example data: rows marked as example data are invented numbers, not real follow-up.",
                ),
            )
        )
    for meta in (MILESTONE_STATUS, LATE_COMPLETION, SHARE_DONE, GOAL_ATTAINMENT, GOAL_ATTAINMENT_GROUPED):
        lines.append((meta.title(lang), meta.definition(lang)))
    for line in lines:
        about.append(list(line))
    about["A1"].font = Font(bold=True, size=13)
    about.column_dimensions["A"].width = 45
    about.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue(), f"milstolpar_styrgrupp_{asof}.xlsx"
