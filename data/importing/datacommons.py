"""Import Eurostat's regional employment as Data Commons publishes it: one column per NACE group.

The file (Eurostat nama_10r_3empers via datacommonsorg/data) has the header
`Date,GeoId,Count_Person_Employed_NACE/A,...,Count_Person_Employed` with GeoId like
`dcid:nuts/SE311`. Each row becomes tidy facts: region from GeoId, industry from the column
(`Count_Person_Employed` is TOTAL), year from Date, measure `employees` unless --measure says
otherwise. Columns that are no code of the store (the overlapping aggregates G-J, K-N, O-U) are
left out and named; an empty cell is a value Eurostat does not publish and is skipped.
"""

from __future__ import annotations

from pathlib import Path

from . import base
from .base import Importer, ImportFailed, Problem, register
from .codes import TOTAL
from .progress import Progress
from .records import FactSheet
from .staging import session_for, single_measure, stage_sheet
from .statistics import csv_header

PREFIX = "Count_Person_Employed"
DEFAULT_MEASURE = "employees"


def matches(path: Path) -> bool:
    header = csv_header(path) if path.suffix.lower() == ".csv" else []
    return header[:2] == ["Date", "GeoId"] and any(h.startswith(PREFIX) for h in header[2:])


def industry_of(column: str) -> str:
    """Return the industry code a column names: Count_Person_Employed_NACE/B-E -> B-E, the total -> TOTAL."""
    return column.split("/", 1)[1] if "/" in column else TOTAL


def load(conn, path: Path, args) -> str:
    """Check every cell of a Data Commons employment table and stage (or write) it as one dataset."""
    session, _alone = session_for(conn, args)
    lookup = session.lookup
    table = base.read_csv(path)
    measure = single_measure(lookup, args, path.name) or lookup.measures.get(DEFAULT_MEASURE)
    if measure is None:
        raise ImportFailed([Problem(path.name, None, "--measure", lookup.unknown_measure(DEFAULT_MEASURE))])
    sheet = FactSheet(path.name, lookup)
    columns, left_out = {}, []
    for index, name in enumerate(table.header[2:], start=2):
        code = lookup.industries.resolve(industry_of(name)) if name.startswith(PREFIX) else None
        if code is None:
            left_out.append(name)
        else:
            columns[index] = (name, code)
    if left_out:
        sheet.notes.append(f"kolumner utan kod i databasen lämnades utanför: {', '.join(left_out)}")
    with Progress(f"Läser {path.name}", len(table.rows)) as bar:
        for line, cells in table.rows:
            bar.step()
            cells = cells + [""] * (len(table.header) - len(cells))
            region = sheet.region(line, "GeoId", cells[1])
            year = sheet.year(line, "Date", cells[0])
            for index, (name, code) in columns.items():
                value = sheet.value(line, name, cells[index].strip() or "..")
                if region is None or year is None or value is None or FactSheet.is_skip(region, value):
                    continue
                sheet.add(line, name, region, code, year, measure, value, year_column="Date")
    return stage_sheet(
        conn,
        args,
        path,
        sheet,
        title_sv="Sysselsatta efter region och NACE A*10 (Eurostat nama_10r_3empers)",
        title_en="Employment by region and NACE A*10 (Eurostat nama_10r_3empers)",
        source="Eurostat, nama_10r_3empers (via Data Commons)",
        code="eurostat_nama_10r_3empers",
        licence="CC BY 4.0 (Eurostat)",
        source_url="https://ec.europa.eu/eurostat/databrowser/view/nama_10r_3empers/default/table",
    )


register(
    Importer(
        name="eurostat-datacommons",
        matches=matches,
        load=load,
        description="Eurostats regionala sysselsättning i Data Commons-format (Date,GeoId,Count_Person_Employed_NACE/…)",
    )
)
