"""Import qualitative assessments and value-chain notes from CSV, checked row by row, all or nothing.

CSV as Excel writes it (UTF-8 or Windows-1252, comma or semicolon); column names match without
regard to case, Swedish or English. Every row is checked by the same rules as the app's form
(data/assessments.py); each problem names file, line, column and why. A file's records go to one
dataset (--dataset, else the file name); importing the same dataset again replaces its records.
Every record written or replaced gets audit_log rows (user "import (FILE)").

Qualitative assessments (one row per assessment):

    region        region code or name (20, Dalarna); may be left out for a test area
    niva          industry level: avsnitt, avdelning, a10 or sektor (section, division, a10, sector)
    bransch       the industry's code at that level (24, C, B-E, skog)
    testomrade    a test area's name instead of niva and bransch
    slutsats      what the assessment concluded                                     required
    slutsats_en   the same in English                                               optional
    omdome        bekräftar, försvagar or tillför (confirms, weakens, adds)         required
    dokument      how many documents were studied                                   one of these
    intervjuer    how many interviews were held                                     two, at least 1
    underlag, underlag_en         which documents and interviews                    optional
    underlag_fran, underlag_till  when the evidence was gathered (ÅÅÅÅ-MM-DD)       optional
    bedomd_den    the day of the assessment (ÅÅÅÅ-MM-DD)                            required
    bedomd_av     who made it                                                       required

Value chains (one row per chain): region, niva, bransch or testomrade as above, and

    vardekedja            which international value chain                          required
    vardekedja_en         the same in English                                      optional
    regioner_utomlands    regions abroad, separated by ; (Finland: Södra Karelen; Bayern)  required
    position              uppströms, mitt, nedströms or flera                      required
    position_kommentar, position_kommentar_en   about the position                 optional
    intervjuer, underlag, underlag_en, bedomd_den, bedomd_av   as above
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from ..assessments import RecordRefused
from ..assessments_write import ASSESSMENT, VALUE_CHAIN, delete_checked, insert_checked
from .base import Importer, ImportFailed, Problem, read_csv, register
from .cluster_rows import header_fields, map_header
from .clusters import dataset_for, drop_emptied_datasets, write_dataset

SUFFIXES = {".csv", ".txt"}
SUBJECT_COLUMNS = {
    "region": ("region", "lan", "län"),
    "level": ("niva", "nivå", "branschniva", "branschnivå", "level"),
    "industry": ("bransch", "industry"),
    "test_area": ("testomrade", "testområde", "test_area"),
}
RECORD_COLUMNS = {
    "interviews": ("intervjuer", "antal_intervjuer", "interviews"),
    "evidence_sv": ("underlag", "underlag_sv", "evidence", "evidence_sv"),
    "evidence_en": ("underlag_en", "evidence_en"),
    "assessed_on": ("bedomd_den", "bedömd_den", "datum", "assessed_on"),
    "assessed_by": ("bedomd_av", "bedömd_av", "assessed_by"),
}
ASSESSMENT_COLUMNS = {
    **SUBJECT_COLUMNS,
    "conclusion_sv": ("slutsats", "slutsats_sv", "conclusion", "conclusion_sv"),
    "conclusion_en": ("slutsats_en", "conclusion_en"),
    "verdict": ("omdome", "omdöme", "verdict"),
    "documents": ("dokument", "antal_dokument", "documents"),
    **RECORD_COLUMNS,
    "evidence_from": ("underlag_fran", "underlag_från", "evidence_from"),
    "evidence_to": ("underlag_till", "evidence_to"),
}
VALUE_CHAIN_COLUMNS = {
    **SUBJECT_COLUMNS,
    "chain_sv": ("vardekedja", "värdekedja", "vardekedja_sv", "värdekedja_sv", "value_chain", "chain_sv"),
    "chain_en": ("vardekedja_en", "värdekedja_en", "value_chain_en", "chain_en"),
    "regions_abroad": ("regioner_utomlands", "regions_abroad"),
    "position": ("position", "position_i_kedjan"),
    "position_note_sv": ("position_kommentar", "om_positionen", "position_note", "position_note_sv"),
    "position_note_en": ("position_kommentar_en", "position_note_en"),
    **RECORD_COLUMNS,
}
FORMS = {  # kind: (columns, required header fields, the fields that tell the file apart, Swedish and English name)
    "assessment": (
        ASSESSMENT,
        ASSESSMENT_COLUMNS,
        ("conclusion_sv", "verdict", "assessed_on", "assessed_by"),
        ("conclusion_sv", "verdict"),
        ("Kvalitativa bedömningar", "Qualitative assessments"),
    ),
    "value_chain": (
        VALUE_CHAIN,
        VALUE_CHAIN_COLUMNS,
        ("chain_sv", "regions_abroad", "position", "assessed_on", "assessed_by"),
        ("chain_sv", "regions_abroad"),
        ("Internationella värdekedjor", "International value chains"),
    ),
}


def check_rows(conn, path: Path, form: str, today: date) -> list[tuple[int, dict]]:
    """Return (line, clean values) for every row, or raise ImportFailed with every problem of every row."""
    kind, columns, required, _key, _names = FORMS[form]
    table = read_csv(path)
    rows = map_header(table, columns, required)
    out = []
    for line, cells in rows:
        try:
            out.append((line, kind.check(conn, cells, today)))
        except RecordRefused as refused:
            for p in refused.problems:
                column = rows.column(p.field) if p.field in rows.fields else columns[p.field][0]
                rows.problem(line, column, p.why_sv)
    if not table.rows:
        rows.problem(None, None, "filen har rubriker men inga rader")
    rows.finish()
    return out


def load(conn, path, args, form: str) -> str:
    """Check a file completely, then replace its dataset's records in the caller's transaction; return a summary."""
    path = Path(path)
    kind, _columns, _required, _key, (title_sv, title_en) = FORMS[form]
    dataset = dataset_for(conn, path, args, (kind.table,))
    checked = check_rows(conn, path, form, date.today())
    username = f"import ({path.name})"[:80]
    t = kind.table
    old = conn.execute(select(t.c.id).where(t.c.dataset == dataset)).scalars().all()
    for ident in old:
        delete_checked(conn, kind, ident, username=username)
    write_dataset(conn, dataset, path, args, title_sv, title_en)
    for _line, clean in checked:
        insert_checked(conn, kind, clean, username=username, dataset=dataset)
    drop_emptied_datasets(conn)
    replaced = f"; {len(old)} tidigare poster från samma dataset ersatta" if old else ""
    return f"{path.name}: {len(checked)} {title_sv.lower()} i datasetet {dataset}{replaced}."


def _matcher(form: str):
    columns, key = FORMS[form][1], FORMS[form][3]

    def matches(path) -> bool:
        return Path(path).suffix.lower() in SUFFIXES and set(key) <= header_fields(Path(path), columns)

    def explain(path) -> str:
        missing = [columns[f][0] for f in key if f not in header_fields(Path(path), columns)]
        name = FORMS[form][4][0].lower()
        return f"en fil med {name} behöver kolumnerna {', '.join(columns[f][0] for f in key)}; här saknas {', '.join(missing)}"

    return matches, explain


def import_file(conn, path, args=None) -> str:
    """Import an assessment or value-chain file, whichever its header says (for callers and tests)."""
    for form in FORMS:
        if _matcher(form)[0](path):
            return load(conn, path, args, form)
    why = "; ".join(_matcher(form)[1](path) for form in FORMS)
    raise ImportFailed([Problem(Path(path).name, 1, None, f"filen känns inte igen: {why}")])


for _form, (_kind, _cols, _req, _key, (_sv, _en)) in FORMS.items():
    _matches, _explain = _matcher(_form)
    register(
        Importer(
            name=_sv.lower(),
            matches=_matches,
            load=lambda conn, path, args, form=_form: load(conn, path, args, form),
            description=f"{_sv.lower()} (CSV) med kolumnerna {', '.join(c[0] for c in _cols.values())}",
            extra={"explain": _explain},
        )
    )
