"""Write a table as CSV: plain (comma, full precision) or for a Swedish Excel (semicolon, decimal comma, BOM).

The chart exports (web/exports.py through figures.export_workbook.chart_csv) and the API's
?format=csv and ?format=csv-excel all write through table_csv, so a file reads the same wherever
it was taken. "csv-excel" rounds numbers as the page shows them (layouts/card.py): whole numbers
from 100 up without decimals, others to two decimals; yes/no in the page's language.
"""

from __future__ import annotations

import io
import math
from datetime import date, datetime

import pandas as pd

from i18n import tx

DIALECTS = ("csv", "csv-excel")
BOM = "\ufeff"


def shown_number(value: float) -> str:
    """Return a number as a chart's table shows it, with a decimal point: whole from 100 up, else two decimals."""
    if value.is_integer() and abs(value) >= 100:
        return str(int(value))
    return f"{value:.2f}"


def excel_cell(value, lang: str) -> str:
    """Return one value as a Swedish Excel reads it: decimal comma, no thousands separator, missing as empty."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # numpy scalars
    if isinstance(value, bool):
        return tx(lang, "ja", "yes") if value else tx(lang, "nej", "no")
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return ""
        text = shown_number(value)
        return text.replace(".", ",")  # Swedish Excel, whatever the language of the words
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def table_csv(frame: pd.DataFrame, dialect: str = "csv", *, lang: str = "sv", bom: bool = False) -> bytes:
    """Return the frame as UTF-8 CSV bytes in a dialect of DIALECTS (csv-excel always starts with a BOM)."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r}")
    buffer = io.StringIO()
    if dialect == "csv":
        frame.to_csv(buffer, index=False)
    else:
        shown = pd.DataFrame({c: [excel_cell(v, lang) for v in frame[c]] for c in frame.columns}, dtype=object)
        shown.to_csv(buffer, index=False, sep=";")
        bom = True
    return ((BOM if bom else "") + buffer.getvalue()).encode("utf-8")
