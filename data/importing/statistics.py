"""Import tidy statistics tables: CSV (UTF-8 or Windows-1252, comma or semicolon) and XLSX sheets.

The table has one row per value and the header region,industry,year,measure,value (Swedish
names work too: region, bransch, år, mått, värde; Kolada's kpi and municipality too). Optional:
- sex (kön): total, women or men (SCB's 1/2/1+2 and the words kvinnor, män, totalt are read);
  `--sex men` gives a file without the column one sex;
- industry: without it every value is for all industries (TOTAL);
- year: without it `--year 2020` gives the year of every value;
- measure: without it `--measure NAME` names the measure; `--measure TEXT=NAME` maps a measure text in
  the file to a measure, and where TEXT is a column heading that column holds that measure's values;
- `--column FIELD=HEADING` says which column is region, industry, year, sex, measure or value.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from . import base
from .base import Importer, ImportFailed, Problem, register
from .codes import plain
from .progress import Progress
from .records import FactSheet
from .staging import measure_mapping, session_for, single_measure, stage_sheet

FIELD_NAMES = {
    "region": {"region", "regionkod", "geo", "municipality", "kommun", "län", "lan"},
    "industry": {"industry", "bransch", "näringsgren", "sni", "sni2007", "nace", "nace_r2"},
    "year": {"year", "år", "ar", "time_period"},
    "measure": {"measure", "mått", "matt", "kpi"},
    "value": {"value", "värde", "varde", "obs_value"},
    "sex": {"sex", "kön", "kon"},
}
FIELDS = tuple(FIELD_NAMES)
TABLEAU_YEAR = re.compile(r"^year of ", re.IGNORECASE)  # Tableau exports a date field as "Year of År"
EXPECTED = "region,industry,year,measure,value (eller region,industry,year,value med --measure)"
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}


def tidy_columns(header, named: dict[str, str] | None = None, value_columns=(), year_given=False):
    """Return field -> column index when a header row is a tidy statistics header, else None.

    named maps fields to headings (--column); value_columns are headings that hold one measure each.
    """
    cells = [str(name or "").strip() for name in header]
    found = {}
    for index, name in enumerate(cells):
        key = name.casefold()
        for field, names in FIELD_NAMES.items():
            if (key in names or field == "year" and TABLEAU_YEAR.match(name)) and field not in found:
                found[field] = index
    for field, heading in (named or {}).items():
        matches = [i for i, name in enumerate(cells) if plain(name) == plain(heading)]
        if not matches:
            return None
        found[field] = matches[0]
    if value_columns and all(any(plain(c) == plain(v) for c in cells) for v in value_columns):
        found.setdefault("value", None)
    has_year = "year" in found or year_given
    return found if "region" in found and "value" in found and has_year else None


def named_columns(args, file: str) -> dict[str, str]:
    """Return the --column FIELD=HEADING options, refusing an unknown field by name."""
    named = {}
    for option in getattr(args, "column", None) or []:
        field, eq, heading = option.partition("=")
        if not eq or field.strip() not in FIELDS:
            raise ImportFailed(
                [
                    Problem(
                        file, None, "--column", f"”{option}”: skriv FÄLT=RUBRIK där FÄLT är en av {', '.join(FIELDS)}"
                    )
                ]
            )
        named[field.strip()] = heading.strip()
    return named


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


def xlsx_sheets(path: Path, **look):
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
                    yield sheet.title, tidy_columns(values, **look), _with_header(number, list(values), rows)
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


def look_options(lookup, args, file: str) -> dict:
    """Return tidy_columns' keywords from the options: named columns, value columns, a given year."""
    mapping = measure_mapping(lookup, args, file)
    return dict(
        named=named_columns(args, file), value_columns=tuple(mapping), year_given=bool(getattr(args, "year", None))
    )


def read_csv(path: Path, lookup, args) -> FactSheet:
    table = base.read_csv(path)
    look = look_options(lookup, args, path.name)
    columns = tidy_columns(table.header, **look)
    if columns is None:
        raise ImportFailed([Problem(path.name, 1, None, f"rubrikraden ska vara {EXPECTED}")])
    sheet = FactSheet(path.name, lookup)
    read_rows(
        sheet, path.name, iter(table.rows), columns, table.header, lambda i: table.header[i], len(table.rows), args
    )
    return sheet


def read_xlsx(path: Path, lookup, args) -> FactSheet:
    from openpyxl.utils import get_column_letter

    seen = []
    look = look_options(lookup, args, path.name)
    for name, columns, rows in xlsx_sheets(path, **look):
        if columns is None:
            seen.append(name)
            continue
        _line, header = next(rows)
        file = f"{path.name}, flik {name}"
        sheet = FactSheet(file, lookup)
        header = [str(h or "") for h in header]
        read_rows(
            sheet,
            file,
            rows,
            columns,
            header,
            lambda i, header=header: f"{get_column_letter(i + 1)} ({header[i]})",
            None,
            args,
        )
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


def row_plan(sheet: FactSheet, file: str, columns: dict, header: list[str], label, args) -> list[tuple]:
    """Return (value column, its label, fixed measure or None) for every value a row gives."""
    mapping = measure_mapping(sheet.lookup, args, file)
    by_heading = {plain(h): i for i, h in enumerate(header)}
    value_columns = [(by_heading[plain(text)], m) for text, m in mapping.items() if plain(text) in by_heading]
    if value_columns and columns.get("value") is None:
        return [(i, label(i), m) for i, m in value_columns]
    fixed = single_measure(sheet.lookup, args, file)
    if "measure" not in columns and fixed is None:
        raise ImportFailed(
            [Problem(file, 1, None, "kolumnen measure saknas: lägg till den eller ange måttet med --measure")]
        )
    if "measure" in columns and fixed is not None:
        sheet.notes.append("filen har en kolumn measure; --measure användes inte")
        fixed = None
    return [(columns["value"], label(columns["value"]), fixed)]


def read_rows(sheet: FactSheet, file: str, rows, columns, header, label, total, args) -> None:
    """Check each row; options fill what the file leaves out (measure, industry, year, sex)."""
    plan = row_plan(sheet, file, columns, header, label, args)
    mapping = measure_mapping(sheet.lookup, args, file)
    texts = {plain(text): m for text, m in mapping.items()}
    fixed = {"industry": ("(alla branscher)", "TOTAL"), "sex": ("--sex", getattr(args, "sex", None) or "total")}
    if getattr(args, "year", None):
        fixed["year"] = ("--year", args.year)
    if "industry" not in columns:
        sheet.notes.append("filen har ingen kolumn för bransch: värdena gäller alla branscher (TOTAL)")
    width = max(i for i in columns.values() if i is not None) + 1
    width = max([width] + [i + 1 for i, _l, _m in plan])
    with Progress(f"Läser {file}", total) as bar:
        for line, cells in rows:
            bar.step()
            if not any(str(c).strip() for c in cells if c is not None):
                continue
            cells = list(cells) + [None] * (width - len(cells))
            given = {f: (label(i), cells[i]) for f, i in columns.items() if i is not None and f in FIELDS}
            for field, default in fixed.items():
                given.setdefault(field, default)
            for index, where, measure in plan:
                row = dict(given, value=(where, cells[index]))
                if measure is not None:
                    row["measure"] = ("--measure", measure)
                elif plain(str(row["measure"][1])) in texts:
                    row["measure"] = (row["measure"][0], texts[plain(str(row["measure"][1]))])
                sheet.add_cells(line, row)


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
