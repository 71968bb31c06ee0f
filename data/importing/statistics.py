"""Import tidy statistics tables: CSV (UTF-8 or Windows-1252, comma or semicolon) and XLSX sheets.

The table has one row per value and the header region,industry,year,measure,value (Swedish
names work too: region, bransch, år, mått, värde). Without a measure column, --measure names it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from . import base
from .base import Importer, ImportFailed, Problem, register
from .progress import Progress
from .records import FactSheet
from .staging import session_for, single_measure, stage_sheet

FIELD_NAMES = {
    "region": {"region", "regionkod", "geo"},
    "industry": {"industry", "bransch", "näringsgren", "sni", "sni2007", "nace", "nace_r2"},
    "year": {"year", "år", "ar", "time_period"},
    "measure": {"measure", "mått", "matt"},
    "value": {"value", "värde", "varde", "obs_value"},
}
REQUIRED = ("region", "industry", "year", "value")
EXPECTED = "region,industry,year,measure,value (eller region,industry,year,value med --measure)"
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}


def tidy_columns(header) -> dict[str, int] | None:
    """Return field -> column index when a header row is a tidy statistics header, else None."""
    found = {}
    for index, name in enumerate(header):
        key = str(name or "").strip().casefold()
        for field, names in FIELD_NAMES.items():
            if key in names and field not in found:
                found[field] = index
    return found if all(f in found for f in REQUIRED) else None


def csv_header(path: Path) -> list[str]:
    """Return the first line of a text file split at its separator (a cheap look for matching)."""
    with path.open("rb") as fh:
        head = fh.read(65536)
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:  # Windows-1252, as Excel writes in Sweden (or UTF-8 cut mid-character)
        text = head.decode("cp1252", errors="replace")
    first = text.splitlines()[0] if text.strip() else ""
    sep = ";" if first.count(";") > first.count(",") else ","
    return [cell.strip().strip('"') for cell in first.split(sep)]


def matches(path: Path) -> bool:
    if path.suffix.lower() in XLSX_SUFFIXES:
        return any(cols for _name, cols, _rows in xlsx_sheets(path))
    return path.suffix.lower() in CSV_SUFFIXES and tidy_columns(csv_header(path)) is not None


def xlsx_sheets(path: Path):
    """Yield (sheet name, tidy columns or None, rows iterator) for every sheet of a workbook."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ImportFailed([Problem(path.name, None, None, f"filen är ingen läsbar Excel-fil (.xlsx): {exc}")]) from exc
    try:
        for sheet in book.worksheets:
            rows = enumerate(sheet.iter_rows(values_only=True), start=1)
            for number, values in rows:
                if any(v not in (None, "") for v in values):
                    yield sheet.title, tidy_columns(values), _with_header(number, list(values), rows)
                    break
            else:
                yield sheet.title, None, iter(())
    finally:
        book.close()  # a read-only workbook keeps its file open until closed


def _with_header(number, values, rest):
    yield number, values
    yield from rest


def load(conn, path: Path, args) -> str:
    """Check every row of a tidy CSV or XLSX file and stage (or write) its values as one dataset."""
    session, _alone = session_for(conn, args)
    if path.suffix.lower() in XLSX_SUFFIXES:
        sheet = read_xlsx(path, session.lookup, args)
    else:
        sheet = read_csv(path, session.lookup, args)
    measures = sorted({key[3] for key in sheet.facts})
    names = [session.lookup.measures[m] for m in measures]
    return stage_sheet(
        conn,
        args,
        path,
        sheet,
        title_sv=f"{', '.join(m.name_sv for m in names)} (import av {path.name})",
        title_en=f"{', '.join(m.name_en for m in names)} (import of {path.name})",
        source=f"Importerad fil {path.name}",
    )


def read_csv(path: Path, lookup, args) -> FactSheet:
    table = base.read_csv(path)
    columns = tidy_columns(table.header)
    if columns is None:
        raise ImportFailed([Problem(path.name, 1, None, f"rubrikraden ska vara {EXPECTED}")])
    sheet = FactSheet(path.name, lookup)
    labels = {field: table.header[i] for field, i in columns.items()}
    read_rows(sheet, path.name, ((line, cells) for line, cells in table.rows), columns, labels, len(table.rows), args)
    return sheet


def read_xlsx(path: Path, lookup, args) -> FactSheet:
    from openpyxl.utils import get_column_letter

    seen = []
    for name, columns, rows in xlsx_sheets(path):
        if columns is None:
            seen.append(name)
            continue
        header_line, header = next(rows)
        file = f"{path.name}, flik {name}"
        sheet = FactSheet(file, lookup)
        labels = {f: f"{get_column_letter(i + 1)} ({header[i]})" for f, i in columns.items()}
        read_rows(sheet, file, rows, columns, labels, None, args)
        return sheet
    raise ImportFailed(
        [
            Problem(
                path.name,
                None,
                None,
                f"ingen flik har rubrikraden {EXPECTED}; flikar i filen: {', '.join(seen) or 'inga'}",
            )
        ]
    )


def read_rows(sheet: FactSheet, file: str, rows, columns, labels, total, args) -> None:
    """Check each row; without a measure column the --measure option gives the measure."""
    fixed = single_measure(sheet.lookup, args, file)
    if "measure" not in columns and fixed is None:
        raise ImportFailed(
            [Problem(file, 1, None, "kolumnen measure saknas: lägg till den eller ange måttet med --measure")]
        )
    if "measure" in columns and fixed is not None:
        sheet.notes.append("filen har en kolumn measure; --measure användes inte")
    width = max(columns.values()) + 1
    with Progress(f"Läser {file}", total) as bar:
        for line, cells in rows:
            bar.step()
            if not any(str(c).strip() for c in cells if c is not None):
                continue
            cells = list(cells) + [None] * (width - len(cells))
            given = {f: (labels[f], cells[i]) for f, i in columns.items()}
            if "measure" not in columns:
                given["measure"] = ("--measure", fixed)
            sheet.add_cells(line, given)


def explain(path: Path) -> str:
    """Say why a file is no tidy statistics table (for the dispatcher's message when nothing matches)."""
    if path.suffix.lower() in XLSX_SUFFIXES:
        names = [name for name, _cols, _rows in xlsx_sheets(path)]
        return f"ingen flik har rubrikraden {EXPECTED} (flikar: {', '.join(names) or 'inga'})"
    return f"rubrikraden ”{','.join(csv_header(path))[:120]}” är inte {EXPECTED}"


register(
    Importer(
        name="statistik",
        matches=matches,
        load=load,
        description=f"statistiktabell (CSV eller XLSX) med rubrikerna {EXPECTED}",
        extra={"explain": explain},
    )
)
