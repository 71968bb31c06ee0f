"""Write a chart's numbers as an Excel workbook: a data sheet and a sheet with source and definitions."""

from __future__ import annotations

import io
import math
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from figures.export_csv import table_csv
from figures.spec import ChartSpec
from i18n import tx

MAX_WIDTH = 60


def _excel_value(value):
    """Return a value openpyxl can write: plain Python numbers, text, dates; None for missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalars
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, (bool, int, float, str, date, datetime)):
        return value
    return str(value)


def example_note(spec: ChartSpec, lang: str) -> str:
    """Say in words whether the numbers are example data."""
    if spec.data_status == "example":
        return tx(
            lang,
            "Exempeldata: påhittade siffror som visar hur analysen fungerar, inte verklig statistik.",
            "Example data: invented numbers that show how the analysis works, not real statistics.",
        )
    if spec.data_status == "mixed":
        return tx(
            lang,
            "Delvis exempeldata: raderna markerade som exempeldata är påhittade siffror, inte verklig statistik.",
            "Partly example data: the rows marked as example data are invented numbers, not real statistics.",
        )
    return tx(lang, "Nej, verkliga data.", "No, real data.")


def _data_sheet(ws, table: pd.DataFrame) -> None:
    ws.append([str(c) for c in table.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in table.itertuples(index=False):
        ws.append([_excel_value(v) for v in row])
    ws.freeze_panes = "A2"
    for i, column in enumerate(table.columns, start=1):
        values = table[column]
        if pd.api.types.is_float_dtype(values):
            # Whole numbers get a thousands separator (Excel shows the reader's own); others two decimals.
            whole = all(float(v).is_integer() for v in values.dropna())
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.number_format = "#,##0" if whole else "#,##0.00"
        longest = max([len(str(column))] + [len(str(v)) for v in values.head(200)])
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, longest + 2)


def _about_sheet(ws, spec: ChartSpec, lang: str, as_of: date, filters: list[tuple[str, str]]) -> None:
    rows = [
        (tx(lang, "Titel", "Title"), spec.title),
        (tx(lang, "Undertitel", "Subtitle"), spec.subtitle),
        (tx(lang, "Källa", "Source"), spec.source),
        (tx(lang, "Exempeldata", "Example data"), example_note(spec, lang)),
        (tx(lang, "Uttagsdatum", "As of"), as_of),
    ]
    rows += [(tx(lang, "Filter", "Filter") if i == 0 else "", f"{k}: {v}") for i, (k, v) in enumerate(filters)]
    rows += [(tx(lang, "Definitioner", "Definitions") if i == 0 else "", d) for i, d in enumerate(spec.definitions)]
    rows += [(tx(lang, "Anmärkningar", "Notes") if i == 0 else "", n) for i, n in enumerate(spec.notes)]
    rows.append(
        (
            tx(lang, "Utgivare", "Publisher"),
            tx(lang, "Smart specialisering i Norra Mellansverige", "Smart specialisation in North Middle Sweden"),
        )
    )
    for label, value in rows:
        if value in ("", None):
            continue
        ws.append([label, value])
    for (cell,) in ws.iter_rows(min_col=1, max_col=1):
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top")
    for (cell,) in ws.iter_rows(min_col=2, max_col=2):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if isinstance(cell.value, date):
            cell.number_format = "yyyy-mm-dd"
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 100


def chart_csv(spec: ChartSpec) -> bytes:
    """Return the chart's table as UTF-8 CSV with a byte-order mark, so Excel reads å, ä, ö."""
    return table_csv(spec.table, "csv", bom=True)


def chart_workbook(spec: ChartSpec, lang: str, as_of: date, filters: list[tuple[str, str]]) -> bytes:
    """Return the chart's table as XLSX bytes: sheet 1 the data, sheet 2 source, definitions and filters."""
    wb = Workbook()
    data = wb.active
    data.title = tx(lang, "Data", "Data")
    _data_sheet(data, spec.table)
    _about_sheet(
        wb.create_sheet(tx(lang, "Källa och definitioner", "Source and definitions")), spec, lang, as_of, filters
    )
    wb.properties.title = spec.title
    wb.properties.creator = tx(
        lang, "Smart specialisering i Norra Mellansverige", "Smart specialisation in North Middle Sweden"
    )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
