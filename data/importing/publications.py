"""Import research output: publications per university, research subject and year (e.g. a SwePub export).

Two shapes are read (CSV or XLSX; headings in Swedish or English):
- counts: university, subject, year, publications (one row per count);
- records: one row per publication, with an id, its year, its universities and its subjects (several
  codes in a cell separated by ";", "|" or ","), as SwePub's bibliometric export gives them. A
  publication counts once for every university and subject group it belongs to (whole counting);
  with --national the export is taken to cover every Swedish university, and each distinct
  publication also counts once for Sweden (the reference of the academic specialisation).
Subjects follow SCB's and UKÄ's Standard för svensk indelning av forskningsämnen 2011: 1-digit
areas and 3-digit groups are kept, 5-digit subjects are counted in their 3-digit group (a record with
two subjects of one group counts once there). Universities are the dashboard's three (kau, du, hig, by
code or name) and "riket"; others are skipped and counted.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from data import schema as s

from .base import Importer, ImportFailed, Problem, register
from .codes import plain
from .published import read_table
from .records import parse_value, parse_year
from .staging import DatasetMeta, count, dataset_code, session_for

HEADINGS = {
    "id": {"id", "record id", "record_id", "publication id", "swepub id", "post id", "dedup id"},
    "university": {"university", "lärosäte", "larosate", "organisation", "organization", "org", "org code"},
    "subject": {"subject", "subject code", "ämne", "amne", "forskningsämne", "forskningsamne", "classification"},
    "year": {"year", "år", "ar", "publication year", "publiceringsår", "publiceringsar"},
    "value": {"publications", "publikationer", "antal", "count", "value", "värde"},
}
SEPARATORS = re.compile(r"[;|,]")
NATIONAL = "riket"
NATIONAL_NAMES = {"riket", "sverige", "sweden", "samtliga lärosäten", "alla lärosäten", "samtliga"}


def columns_of(header: list[str]) -> dict[str, int]:
    found = {}
    for i, heading in enumerate(header):
        words = plain(heading)
        for field, names in HEADINGS.items():
            if field not in found and words in {plain(n) for n in names}:
                found[field] = i
    return found


def matches(path: Path) -> bool:
    if path.suffix.lower() not in {".csv", ".txt", ".tsv", ".xlsx"}:
        return False
    found = columns_of(read_table(path).header)
    return {"university", "subject", "year"} <= set(found) and ("value" in found or "id" in found)


class Publications:
    """Checked publication counts of one file: (university, subject, year, measure) -> (value, where)."""

    def __init__(self, conn, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.facts: dict[tuple, tuple[float, str]] = {}
        self.skipped: Counter = Counter()
        u, r = s.university, s.research_subject
        self.universities = {}
        for code, sv, en in conn.execute(select(u.c.code, u.c.name_sv, u.c.name_en)).all():
            for name in (code, sv, en):
                self.universities[plain(name)] = code
        self.universities.update({plain(n): NATIONAL for n in NATIONAL_NAMES})
        self.subjects = set(conn.execute(select(r.c.code)).scalars())
        self.folded: set[str] = set()  # groups that 5-digit subjects were counted in

    def university(self, text: str) -> str | None:
        return self.universities.get(plain(text))

    def subject(self, line: int, column: str, text: str) -> str | None:
        code = str(text).strip().split(" ", 1)[0]  # "10201 Datavetenskap"
        if len(code) == 5 and code.isdigit():
            self.skipped["5-siffriga forskningsämnen räknades i sin ämnesgrupp (3 siffror)"] += 1
            self.folded.add(code[:3])
            code = code[:3]
        if code not in self.subjects:
            self.problems.append(
                Problem(self.file, line, column, f"okänt forskningsämne ”{text}”: ange en kod med 1, 3 eller 5 siffror")
            )
            return None
        return code

    def add(self, line, key: tuple, value: float, *, summed: bool = False) -> None:
        """Keep a count; counts of 5-digit subjects of one group add up (summed), other repeats must agree."""
        if key in self.facts and summed:
            self.facts[key] = (self.facts[key][0] + value, self.facts[key][1])
            return
        if key in self.facts and self.facts[key][0] != value:
            self.problems.append(
                Problem(self.file, line, None, f"{', '.join(map(str, key))} finns redan med ett annat värde")
            )
        self.facts.setdefault(key, (value, f"rad {line}"))


def read_counts(pubs: Publications, table, cols: dict) -> None:
    head = table.header
    for line, cells in table.rows:
        cells = cells + [""] * (len(head) - len(cells))
        uni = pubs.university(cells[cols["university"]])
        if uni is None:
            pubs.skipped["lärosäten utanför dashboarden"] += 1
            continue
        subject = pubs.subject(line, head[cols["subject"]], cells[cols["subject"]])
        try:
            year = parse_year(cells[cols["year"]])
            value = parse_value(cells[cols["value"]])
        except ValueError as exc:
            pubs.problems.append(Problem(pubs.file, line, None, str(exc)))
            continue
        if subject is None:
            continue
        if not isinstance(value, float):  # ".." : missing, never 0
            pubs.skipped["saknade värden (..)"] += 1
            continue
        five = len(str(cells[cols["subject"]]).strip().split(" ", 1)[0]) == 5
        pubs.add(line, (uni, subject, year, "publications"), value, summed=five)


def read_records(pubs: Publications, table, cols: dict, national: bool) -> None:
    """Count distinct publications per university (and Sweden with national) × subject group × year."""
    head, seen = table.header, set()
    for line, cells in table.rows:
        cells = cells + [""] * (len(head) - len(cells))
        try:
            year = parse_year(cells[cols["year"]])
        except ValueError as exc:
            pubs.problems.append(Problem(pubs.file, line, head[cols["year"]], str(exc)))
            continue
        record = cells[cols["id"]].strip() or f"rad {line}"
        codes = [c.strip() for c in SEPARATORS.split(cells[cols["subject"]]) if c.strip()]
        subjects = {pubs.subject(line, head[cols["subject"]], c) for c in codes} - {None}
        names = [c.strip() for c in SEPARATORS.split(cells[cols["university"]]) if c.strip()]
        unis = {pubs.university(n) for n in names} - {None, NATIONAL}
        if len(unis) < len(names):
            pubs.skipped["lärosäten utanför dashboarden (publikationen räknas för de övriga)"] += 1
        for uni in unis | ({NATIONAL} if national else set()):
            for subject in subjects:
                seen.add((record, uni, subject, year))
    counted = Counter((uni, subject, year) for _record, uni, subject, year in seen)
    for (uni, subject, year), n in counted.items():
        pubs.facts[(uni, subject, year, "publications")] = (float(n), "räknade poster")
    pubs.notes.append(f"{len({k[0] for k in seen})} publikationer räknades hela (en gång per lärosäte och ämnesgrupp)")
    if not national:
        pubs.notes.append("riket räknades inte (ange --national om exporten gäller alla svenska lärosäten)")


def load(conn, path: Path, args) -> str:
    session, alone = session_for(conn, args)
    table = read_table(path)
    cols = columns_of(table.header)
    pubs = Publications(conn, path.name)
    if "value" in cols:
        read_counts(pubs, table, cols)
    elif "id" in cols:
        read_records(pubs, table, cols, bool(getattr(args, "national", False)))
    else:
        raise ImportFailed([Problem(path.name, 1, None, "rubrikerna ska vara lärosäte, ämne, år och antal (eller id)")])
    if pubs.problems:
        raise ImportFailed(pubs.problems)
    if not pubs.facts:
        raise ImportFailed([Problem(path.name, None, None, "filen gav inga publikationer att läsa in")])
    pubs.notes += [f"hoppade över {reason}: {n}" for reason, n in pubs.skipped.items()]
    if pubs.folded and "value" in cols:
        pubs.notes.append(
            "antal för 5-siffriga ämnen summerades per ämnesgrupp; en publikation med två ämnen i samma grupp kan då "
            "räknas två gånger (läs in poster i stället för antal för att räkna den en gång)"
        )
    meta = DatasetMeta(
        code=dataset_code(getattr(args, "dataset", None) or path.stem),
        title_sv=getattr(args, "title", None) or f"Publikationer per lärosäte och forskningsämne ({path.name})",
        title_en=getattr(args, "title", None) or f"Publications by university and research subject ({path.name})",
        source=getattr(args, "source", None) or f"Importerad fil {path.name}",
        licence=getattr(args, "licence", None),
        importer="publikationer",
    )
    session.stage(conn, meta, pubs, table=s.academic_output)
    if alone:
        session.write(conn)
    years = sorted({k[2] for k in pubs.facts})
    lines = [
        f"{path.name}: {count(len(pubs.facts))} värden, lärosäten {', '.join(sorted({k[0] for k in pubs.facts}))}, "
        f"år {years[0]}–{years[-1]} → dataset {meta.code}"
    ]
    return "\n".join(lines + [f"  {n}" for n in pubs.notes])


def arguments(parser) -> None:
    parser.add_argument(
        "--national",
        action="store_true",
        help="publikationsexporten gäller alla svenska lärosäten: räkna också riket (referensen)",
    )


register(
    Importer(
        name="publikationer",
        matches=matches,
        load=load,
        description="publikationer per lärosäte, forskningsämne och år (räknade, eller en post per publikation)",
        extra={"arguments": arguments},
    )
)
