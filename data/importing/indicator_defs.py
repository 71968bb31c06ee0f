"""Import the project manager's activity indicators from CSV: checked row by row, all or nothing.

One row per indicator; an indicator already in the store (same code) is updated, a new code is
added. The same rules as the app's form (data/indicator_write.py); each problem names file, line,
column and why. Every change gets audit_log rows (user "import (FILE)").

    kod           a–z, 0–9 and _ (motesplatser)                       required
    aktivitet     the activity's number, 1–6                          optional
    delmal        the sub-goal's number, 1–5                          required
    namn_sv, namn_en    the indicator's name                          required
    enhet_sv, enhet_en  its unit (träffar / meetings)                 required
    mal           the target, a number above 0 (decimal comma or point)   required
    matmetod_sv, matmetod_en   how it is measured                     optional

(English: code, activity, subgoal, name_sv, name_en, unit_sv, unit_en, target, method_sv, method_en.)
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from .. import schema as s
from ..assessments import RecordRefused
from ..followup_write import EditRefused
from ..indicator_write import CODE, check_indicator, write_indicator
from .base import Importer, ImportFailed, Problem, read_csv, register
from .cluster_rows import header_fields, map_header

SUFFIXES = {".csv", ".txt"}
COLUMNS = {
    "code": ("kod", "code", "indikator"),
    "activity": ("aktivitet", "activity"),
    "subgoal": ("delmal", "delmål", "subgoal"),
    "name_sv": ("namn_sv", "namn", "name_sv"),
    "name_en": ("namn_en", "name_en"),
    "unit_sv": ("enhet_sv", "enhet", "unit_sv"),
    "unit_en": ("enhet_en", "unit_en"),
    "target": ("mal", "mål", "target"),
    "method_sv": ("matmetod_sv", "mätmetod_sv", "matmetod", "mätmetod", "method_sv"),
    "method_en": ("matmetod_en", "mätmetod_en", "method_en"),
}
REQUIRED = ("code", "subgoal", "name_sv", "name_en", "unit_sv", "unit_en", "target")
KEY = ("code", "name_sv", "target")  # the fields that tell an indicator file apart


def check_rows(conn, path: Path) -> list[tuple[str, dict]]:
    """Return (code, clean fields) per row, or raise ImportFailed with every problem of every row."""
    table = read_csv(path)
    rows = map_header(table, COLUMNS, REQUIRED)
    out, seen = [], {}
    for line, cells in rows:
        code = cells["code"].lower()
        if not CODE.fullmatch(code):
            rows.problem(line, rows.column("code"), f"koden ”{cells['code']}” ska ha a–z, 0–9 och _ (högst 40 tecken)")
        elif code in seen:
            rows.problem(line, rows.column("code"), f"indikatorn {code} finns redan på rad {seen[code]}")
        seen.setdefault(code, line)
        try:
            out.append((code, check_indicator(conn, cells)))
        except RecordRefused as refused:
            for p in refused.problems:
                rows.problem(line, rows.column(p.field) if p.field in rows.fields else COLUMNS[p.field][0], p.why_sv)
    if not table.rows:
        rows.problem(None, None, "filen har rubriker men inga rader")
    rows.finish()
    return out


def load(conn, path, args=None) -> str:
    """Check an indicator file completely, then add or update its indicators in the caller's transaction."""
    path = Path(path)
    checked = check_rows(conn, path)
    ai = s.activity_indicator
    username = f"import ({path.name})"[:80]
    added = changed = 0
    for code, clean in checked:
        row = conn.execute(select(ai).where(ai.c.code == code)).mappings().first()
        try:
            saved = write_indicator(conn, code, clean, None if row is None else dict(row), username=username)
        except EditRefused as refused:  # cannot happen inside one transaction; never a traceback if it does
            raise ImportFailed([Problem(path.name, None, None, refused.sv)]) from None
        added += row is None
        changed += row is not None and bool(saved.changes)
    same = len(checked) - added - changed
    return f"{path.name}: {len(checked)} aktivitetsindikatorer ({added} nya, {changed} ändrade, {same} oförändrade)."


def is_indicator_file(path) -> bool:
    return Path(path).suffix.lower() in SUFFIXES and set(KEY) <= header_fields(Path(path), COLUMNS)


def explain(path) -> str:
    missing = [COLUMNS[f][0] for f in KEY if f not in header_fields(Path(path), COLUMNS)]
    return f"en fil med aktivitetsindikatorer behöver kolumnerna kod, namn_sv, mal; här saknas {', '.join(missing)}"


INDICATOR_IMPORTER = register(
    Importer(
        name="aktivitetsindikatorer",
        matches=is_indicator_file,
        load=load,
        description="aktivitetsindikatorer (CSV) med kolumnerna " + ", ".join(c[0] for c in COLUMNS.values()),
        extra={"explain": explain},
    )
)
