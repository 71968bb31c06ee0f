"""Import tables in the layout they are published in: regions as rows and periods as columns, or regions as columns.

Periods as columns (Tillväxtanalys' new firms, most Excel tables): headings that are years (2010),
quarters (2007K1, 2007Q1, or 200701 when no heading of the table goes past 04), months (2007M01, or
200701 when one goes past 04) or half years (2007H1). Footnote marks on a heading (2010*, 2011***) are
dropped and reported. The rows name a region by code (114 = 0114, 1780) or by name ("Värmlands län",
"Falun", "Samtliga" and "Riket" for Sweden); where a table has both a code and a name column, the code
column is used. Optional columns: industry (bransch, SNI) and sex (kön).
Regions as columns (SCB's tables by NUTS2, Regionfakta): headings that are regions (SE31, 17, Värmland,
Riket), optionally with a sex (varmland_women, "Riket kvinnor"); the rows give the year and
optionally industry and sex. Headings that are neither (varmland_pct_women) are left out and named.

Cells: ".." (and the other missing marks) and empty cells are missing, never 0; "-" is zero.
Sub-annual periods fold to one value a year as PxWeb tables do (data/importing/pxweb.py): the last
period for a stock, the sum of a complete year for a flow. A series break is a period published twice
with different marks (2010* and 2010**): the later column is kept, because a publisher puts the
series that continues to the latest years after the one that ends, and the choice is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import base
from .base import Importer, ImportFailed, Problem, register
from .codes import TOTAL, parse_sex, plain
from .periods import fold_years
from .records import FactSheet, parse_value
from .staging import session_for, single_measure, stage_sheet
from .statistics import CSV_SUFFIXES, XLSX_SUFFIXES, csv_header, tidy_columns

PERIOD = re.compile(r"^(\d{4})(?:\s*([KQMH])\s*(\d{1,2})|(\d{2}))?\s*(\**)$", re.IGNORECASE)
PER_YEAR = {"K": 4, "Q": 4, "M": 12, "H": 2}
ZERO_MARKS = {"-", "–", "—"}
MISSING = {"", "..", "…", ".", ":", "x", "X"}
# Headings that name a region column (whole words of the heading, accents aside).
REGION_WORDS = {"lan", "kommun", "region", "kommunnummer", "kommunkod", "regionkod", "kommunnamn", "municipality"}
REGION_WORDS |= {"county", "geo", "lansnamn", "lanskod"}
INDUSTRY_WORDS = ("sni", "nace", "bransch", "naringsgren", "industry")  # anywhere in a heading
LABEL_WORDS = {"sex": {"kon", "sex"}, "year": {"ar", "year"}}  # a whole word of a heading


@dataclass(frozen=True)
class Heading:
    index: int
    text: str
    year: int
    part: int
    per_year: int
    marks: str


def period_headings(header: list[str]) -> list[Heading]:
    """Return the headings that are periods, with 6-digit ones read as quarters unless one goes past 04."""
    found = [(i, h.strip(), PERIOD.match(h.strip())) for i, h in enumerate(header)]
    found = [(i, h, m) for i, h, m in found if m]
    six_digit = [int(m.group(4)) for _i, _h, m in found if m.group(4)]
    compact = 12 if six_digit and max(six_digit) > 4 else 4
    out = []
    for i, text, m in found:
        year, kind, number, digits, marks = m.groups()
        if kind:
            per_year, part = PER_YEAR[kind.upper()], int(number)
        elif digits:
            per_year, part = compact, int(digits)
        else:
            per_year, part = 1, 1
        if 1 <= part <= per_year:
            out.append(Heading(i, text, int(year), part, per_year, marks))
    return out


def region_heading(regions, text: str):
    """Return (region, sex) a heading names (SE31, Värmland, varmland_women, Riket kvinnor), or None."""
    found = regions.resolve(text)
    if found is not None:
        return found, "total"
    words = plain(text).split(" ")
    if len(words) > 1 and parse_sex(words[-1]) is not None:
        found = regions.resolve(" ".join(words[:-1]))
        if found is not None:
            return found, parse_sex(words[-1])
    return None


def layout(header: list[str], regions=None) -> str | None:
    """Return 'periods' or 'regions' for a published layout, else None."""
    if len(period_headings(header)) >= 2:
        return "periods"
    if regions is not None and sum(region_heading(regions, h) is not None for h in header if h.strip()) >= 2:
        return "regions"
    return None


def matches(path: Path) -> bool:
    if path.suffix.lower() in XLSX_SUFFIXES:
        header = read_table(path).header
    elif path.suffix.lower() in CSV_SUFFIXES:
        header = csv_header(path)
    else:
        return False
    return tidy_columns(header) is None and layout(header) == "periods"


def read_table(path: Path) -> base.CsvTable:
    """Return a CSV file's table, or the first sheet with data of a workbook as the same kind of table."""
    if path.suffix.lower() not in XLSX_SUFFIXES:
        return base.read_csv(path)
    from openpyxl import load_workbook

    def text(value) -> str:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return "" if value is None else str(value)

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a broken workbook is the user's file, not a defect: say so
        raise ImportFailed([Problem(path.name, None, None, f"filen är ingen läsbar Excel-fil (.xlsx): {exc}")]) from exc
    try:
        for sheet in book.worksheets:
            rows = [(n, [text(v) for v in values]) for n, values in enumerate(sheet.iter_rows(values_only=True), 1)]
            rows = [(n, cells) for n, cells in rows if any(c.strip() for c in cells)]
            if rows:
                return base.CsvTable(path, "xlsx", "", [h.strip() for h in rows[0][1]], rows[1:])
    finally:
        book.close()
    raise ImportFailed([Problem(path.name, None, None, "arbetsboken har inga ifyllda celler")])


def cell_value(sheet: FactSheet, line: int, column: str, raw):
    """Return a published cell's number, None when missing (.. or empty), or report a problem."""
    text = "" if raw is None else str(raw).strip()
    if text in ZERO_MARKS:
        return 0.0
    if text in MISSING:  # counted where the year is folded
        return None
    try:
        return parse_value(text)
    except ValueError as exc:
        sheet.problem(line, column, str(exc))
        return None


def label_columns(sheet: FactSheet, header: list[str], used: set[int], rows) -> dict[str, int]:
    """Return the role of the label columns: region (the best-resolving, codes first), industry, sex, year."""
    roles, regions = {}, sheet.lookup.regions
    scores = []
    for i, heading in enumerate(header):
        if i in used:
            continue
        words = plain(heading)
        role = "industry" if any(k in words for k in INDUSTRY_WORDS) else None
        role = role or next((r for r, keys in LABEL_WORDS.items() if keys & set(words.split(" "))), None)
        if role and role not in roles:
            roles[role] = i
        elif role is None:
            cells = [str(cells[i]).strip() for _line, cells in rows if i < len(cells) and str(cells[i]).strip()]
            resolved = sum(regions.resolve(c) is not None for c in cells)
            named = bool(REGION_WORDS & set(words.split(" ")))  # a heading like Län or Kommunnummer
            if cells and (named or resolved / len(cells) >= 0.9):
                scores.append((named, resolved / len(cells), all(c.isdigit() for c in cells), i))
    if scores:  # the best column names the region; the others stand in where its cell is empty
        ranked = sorted(scores, reverse=True)
        roles["region"] = ranked[0][-1]
        roles.update({f"region_{n}": entry[-1] for n, entry in enumerate(ranked[1:], start=1)})
    ignored = [header[i] for i in range(len(header)) if i not in used and i not in roles.values()]
    if ignored:
        sheet.notes.append(f"kolumner som inte lästes: {', '.join(ignored)}")
    return roles


def read_periods(sheet: FactSheet, table, measure) -> dict:
    """Return sums keyed as pxweb.fold_years wants them, from a table with periods as columns."""
    headings = period_headings(table.header)
    keep: dict[tuple, Heading] = {}
    for h in headings:  # a period published twice: the later column is kept
        keep[(h.year, h.part, h.per_year)] = h
    twice = sorted({h.text for h in headings} - {h.text for h in keep.values()})
    if twice:
        kept = [keep[(h.year, h.part, h.per_year)].text for h in headings if h.text in twice]
        sheet.notes.append(
            f"tidsseriebrott: {', '.join(twice)} finns också som {', '.join(dict.fromkeys(kept))}; behöll den senare "
            "kolumnen, som hör till serien fram till de senaste åren"
        )
    marked = [h.text for h in keep.values() if h.marks]
    if marked:
        sheet.notes.append(f"fotnotstecken togs bort från {len(marked)} rubriker ({marked[0]} … {marked[-1]})")
    roles = label_columns(sheet, table.header, {h.index for h in headings}, table.rows)
    if "region" not in roles:
        raise ImportFailed([Problem(sheet.file, 1, None, "ingen kolumn med län eller kommuner (kod eller namn)")])
    sums: dict = {}
    for line, cells in table.rows:
        cells = cells + [""] * (len(table.header) - len(cells))
        column = next((roles[r] for r in roles if r.startswith("region") and cells[roles[r]].strip()), roles["region"])
        region = sheet.region(line, table.header[column], cells[column])
        industry = (
            sheet.industry(line, table.header[roles["industry"]], cells[roles["industry"]])
            if "industry" in roles
            else TOTAL
        )
        sex = sheet.sex(line, table.header[roles["sex"]], cells[roles["sex"]]) if "sex" in roles else "total"
        if sheet.is_skip(region, industry) or None in (region, industry, sex):
            continue
        for h in keep.values():
            value = cell_value(sheet, line, h.text, cells[h.index])
            slot = sums.setdefault((region, industry, measure, h.year, h.per_year, sex), {})
            slot[h.part] = value
    return sums


def read_regions(sheet: FactSheet, table, measure) -> dict:
    """Return sums keyed as pxweb.fold_years wants them, from a table with regions as columns."""
    regions = sheet.lookup.regions
    columns = {}
    for i, heading in enumerate(table.header):
        found = region_heading(regions, heading) if heading.strip() else None
        if found is not None:
            columns[i] = found
    roles = label_columns(sheet, table.header, set(columns), table.rows)
    if "year" not in roles:
        raise ImportFailed([Problem(sheet.file, 1, None, "regioner som kolumner kräver en kolumn för år (year, år)")])
    for i, (region, _sex) in columns.items():
        if region.code is None:
            sheet.skip("regionkolumner utanför dashboarden", table.header[i])
    sums: dict = {}
    for line, cells in table.rows:
        cells = cells + [""] * (len(table.header) - len(cells))
        year = sheet.year(line, table.header[roles["year"]], cells[roles["year"]])
        industry = (
            sheet.industry(line, table.header[roles["industry"]], cells[roles["industry"]])
            if "industry" in roles
            else TOTAL
        )
        row_sex = sheet.sex(line, table.header[roles["sex"]], cells[roles["sex"]]) if "sex" in roles else "total"
        if sheet.is_skip(industry) or None in (year, industry, row_sex):
            continue
        for i, (region, sex) in columns.items():
            if region.code is None:
                continue
            value = cell_value(sheet, line, table.header[i], cells[i])
            key = (region.code, industry, measure, year, 1, row_sex if sex == "total" else sex)
            sums.setdefault(key, {})[1] = value
    return sums


def load(conn, path: Path, args) -> str:
    """Check every cell of a published table and stage (or write) it as one dataset."""
    session, _alone = session_for(conn, args)
    sheet = FactSheet(path.name, session.lookup)
    measure = single_measure(session.lookup, args, path.name)
    if measure is None:
        raise ImportFailed(
            [Problem(path.name, None, "--measure", "ange vilket mått tabellen ger, t.ex. --measure new_firms")]
        )
    table = read_table(path)
    kind = layout(table.header, session.lookup.regions)
    if kind is None:
        raise ImportFailed(
            [Problem(path.name, 1, None, "rubrikraden har varken år/kvartal eller regioner som kolumner")]
        )
    if not table.rows:
        raise ImportFailed([Problem(path.name, None, None, "tabellen har inga rader under rubrikraden")])
    sums = read_periods(sheet, table, measure) if kind == "periods" else read_regions(sheet, table, measure)
    if not sheet.problems:
        fold_years(sums, sheet, "period" if kind == "periods" else "år", "region")
    words = "år eller kvartal som kolumner" if kind == "periods" else "regioner som kolumner"
    return stage_sheet(
        conn,
        args,
        path,
        sheet,
        title_sv=f"{measure.name_sv} (tabell med {words}, {path.name})",
        title_en=f"{measure.name_en} (published table, {path.name})",
        source=f"Importerad tabell {path.name}",
    )


def explain(path: Path) -> str:
    return "rubrikraden har inte år eller kvartal som kolumner (2010, 2010*, 2007K1, 200701)"


register(
    Importer(
        name="publicerad",
        matches=matches,
        load=load,
        description="tabell som den publiceras: regioner som rader och år eller kvartal som kolumner, "
        "eller regioner som kolumner",
        extra={"explain": explain},
    )
)
