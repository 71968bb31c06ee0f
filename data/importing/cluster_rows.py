"""Check the rows of a cluster list or an assessment file against the store's code lists.

Every check collects a Problem (file, line, column, reason) and goes on, so the user sees
every bad cell at once; nothing here writes. data/importing/clusters.py writes what passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from .. import schema as s
from .base import CsvTable, ImportFailed, Problem

# field -> accepted column names, the Swedish name (used in messages) first
CLUSTER_COLUMNS = {
    "cluster": ("kluster", "cluster", "kod", "code"),
    "name": ("namn", "name"),
    "counties": ("lan", "län", "hemlan", "hemlän", "counties", "county"),
    "theme_sv": ("tema", "tema_sv", "theme", "theme_sv"),
    "theme_en": ("tema_en", "theme_en"),
    "founded": ("grundat", "grundad", "founded"),
    "members": ("medlemmar", "medlemsforetag", "medlemsföretag", "members"),
    "organisation": ("organisation", "organization", "huvudman"),
    "url": ("webb", "webbplats", "webbadress", "url", "website"),
    "industries": ("branscher", "bransch", "sni", "industries"),
    "test_areas": ("testomraden", "testområden", "styrkeomraden", "styrkeområden", "test_areas"),
}
ASSESSMENT_COLUMNS = {
    "cluster": ("kluster", "cluster"),
    "year": ("ar", "år", "year"),
    "phase": ("fas", "phase"),
    "comment": ("kommentar", "fas_kommentar", "comment", "phase_comment"),
}
TEXT_LIMITS = {"name": 200, "theme_sv": 200, "theme_en": 200, "organisation": 200, "url": 300}
FIRST_YEAR = 1990


def fold(text) -> str:
    """Return text folded for matching: case, spaces, dashes and underscores do not matter."""
    text = str(text or "").replace("\u00a0", " ").replace("\u2013", "-").strip().strip('"').casefold()
    return re.sub(r"[\s_\-]+", "_", text)


def header_fields(path: Path, columns: dict) -> set[str]:
    """Return the fields a file's first line names (a cheap look for matching; never an error)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
        try:
            text = head.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = head.decode("cp1252", errors="replace")
        first = text.splitlines()[0] if text.strip() else ""
    except OSError:
        return set()
    sep = ";" if first.count(";") > first.count(",") else ","
    names = {fold(cell) for cell in first.split(sep)}
    return {f for f, aliases in columns.items() if names & {fold(a) for a in aliases}}


@dataclass
class Lists:
    """What the store knows: clusters, counties, phases, criteria, levels, industries, priority areas."""

    clusters: dict[str, str]
    counties: dict[str, str]
    phases: dict[str, str]
    phase_names: list[str]
    criteria: dict[str, str]  # folded code or name -> code
    levels: dict[str, str]
    level_names: list[str]
    industries: set[str]
    test_areas: list[tuple[int, str, str, str]]  # id, region, name_sv, name_en
    area_industries: dict[int, set[str]]
    cluster_industries: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def read(cls, conn) -> Lists:
        def names(table, *cols):
            out = {}
            for code, *words in conn.execute(select(table.c.code, *[table.c[c] for c in cols])):
                for w in (code, *words):
                    out[fold(w)] = code
            return out

        counties = {}
        r = s.region
        for code, sv, en in conn.execute(select(r.c.code, r.c.name_sv, r.c.name_en).where(r.c.level == "lan")):
            for w in (code, sv, en, sv.removesuffix(" län"), sv.removesuffix(" län").removesuffix("s")):
                counties[fold(w)] = code
            counties[fold(en.removesuffix(" County"))] = code
        order = lambda t, col: list(conn.execute(select(t.c[col]).order_by(t.c.sort)).scalars())  # noqa: E731
        i, ta, tai, ci = s.industry, s.test_area, s.test_area_industry, s.cluster_industry
        areas = [tuple(row) for row in conn.execute(select(ta.c.id, ta.c.region, ta.c.name_sv, ta.c.name_en))]
        area_industries: dict[int, set[str]] = {}
        for area, industry in conn.execute(select(tai.c.test_area, tai.c.industry)):
            area_industries.setdefault(area, set()).add(industry)
        linked: dict[str, list[str]] = {}
        for cluster, industry in conn.execute(select(ci.c.cluster, ci.c.industry)):
            linked.setdefault(cluster, []).append(industry)
        return cls(
            clusters=names(s.cluster, "name"),
            counties=counties,
            phases=names(s.phase, "name_sv", "name_en"),
            phase_names=order(s.phase, "name_sv"),
            criteria=names(s.criterion, "name_sv", "name_en"),
            levels=names(s.criterion_level, "name_sv", "name_en"),
            level_names=order(s.criterion_level, "name_sv"),
            industries=set(conn.execute(select(i.c.code).where(i.c.level.in_(["division", "section"]))).scalars()),
            test_areas=areas,
            area_industries=area_industries,
            cluster_industries=linked,
        )


class Rows:
    """Walk a CSV table's rows as {field: text}, collecting problems with file, line and column."""

    def __init__(self, table: CsvTable, fields: dict[str, int]):
        self.table, self.fields, self.problems = table, fields, []

    def problem(self, line: int | None, column: str | None, reason: str) -> None:
        self.problems.append(Problem(self.table.path.name, line, column, reason))

    def column(self, name: str) -> str:
        return self.table.header[self.fields[name]]

    def __iter__(self):
        width = len(self.table.header)
        for line, cells in self.table.rows:
            if len([c for c in cells[width:] if c.strip()]):
                self.problem(line, None, f"raden har {len(cells)} fält men rubriken {width}")
                continue
            cells = cells + [""] * (width - len(cells))
            yield line, {name: cells[i].strip() for name, i in self.fields.items()}

    def finish(self) -> None:
        if self.problems:
            raise ImportFailed(self.problems)


def map_header(table: CsvTable, columns: dict, required: tuple, extra=lambda key: None) -> Rows:
    """Return a Rows walker for the table's columns; unknown, repeated or missing columns are problems."""
    fields: dict[str, int] = {}
    rows = Rows(table, fields)
    aliases = {fold(a): f for f, names in columns.items() for a in names}
    for index, name in enumerate(table.header):
        key = aliases.get(fold(name)) or extra(fold(name))
        if key is None:
            rows.problem(1, name or f"nr {index + 1}", f"okänd kolumn ”{name}”")
        elif key in fields:
            rows.problem(1, name, f"kolumnen ”{name}” finns redan som ”{table.header[fields[key]]}”")
        else:
            fields[key] = index
    for name in required:
        if name not in fields:
            rows.problem(1, columns[name][0], f"kolumnen ”{columns[name][0]}” saknas i rubriken")
    if rows.problems:
        rows.finish()
    return rows


def whole_number(text: str) -> int | None:
    """Return the integer in text ('1 200' allowed), or None when it is no whole number."""
    plain = re.sub(r"[\s\u00a0]", "", text)
    return int(plain) if re.fullmatch(r"\d+", plain) else None


def parts(text: str, separators: str) -> list[str]:
    return [p.strip() for p in re.split(separators, text) if p.strip()]


@dataclass
class ClusterRow:
    code: str
    facts: dict  # the cluster table's columns the file gives (a missing column keeps the store's value)
    counties: list[str]
    industries: list[str] | None  # None: the file has no industries column
    test_areas: list[int]


def check_clusters(table: CsvTable, lists: Lists) -> list[ClusterRow]:
    """Return the checked rows of a cluster list, or raise ImportFailed with every problem."""
    rows = map_header(table, CLUSTER_COLUMNS, ("cluster", "name", "counties"))
    out, seen = [], {}
    for line, cell in rows:
        code = cell["cluster"].lower()
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,39}", code):
            rows.problem(
                line, rows.column("cluster"), f"koden ”{cell['cluster']}” ska ha a–z, 0–9 och - (högst 40 tecken)"
            )
        elif code in seen:
            rows.problem(line, rows.column("cluster"), f"klustret {code} finns redan på rad {seen[code]}")
        seen.setdefault(code, line)
        facts = _facts(rows, line, cell)
        counties = [lists.counties.get(fold(p)) for p in parts(cell["counties"], r"[|/+;,]")]
        if not counties or None in counties:
            rows.problem(
                line,
                rows.column("counties"),
                f"okänt eller saknat län ”{cell['counties']}” (ange 17, 20, 21 eller länets namn)",
            )
        industries = None
        if "industries" in cell:
            industries = [p.zfill(2) if p.isdigit() else p.upper() for p in parts(cell["industries"], r"[|/+;,\s]+")]
            unknown = [p for p in industries if p not in lists.industries]
            if unknown:
                rows.problem(line, rows.column("industries"), f"okänd SNI 2007-kod {', '.join(unknown)}")
        areas = _test_areas(rows, line, cell, lists, code, [c for c in counties if c], industries)
        out.append(ClusterRow(code, facts, [c for c in counties if c], industries, areas))
    rows.finish()
    return out


def _facts(rows: Rows, line: int, cell: dict) -> dict:
    """Return the cluster facts of a row; empty cells become None ("uppgift saknas")."""
    facts = {}
    for name in ("name", "theme_sv", "theme_en", "organisation", "url"):
        if name in cell:
            text = cell[name] or None
            if text and len(text) > TEXT_LIMITS[name]:
                rows.problem(line, rows.column(name), f"texten är längre än {TEXT_LIMITS[name]} tecken")
            facts[name] = text
    if not cell["name"]:
        rows.problem(line, rows.column("name"), "namnet saknas")
    if facts.get("url") and not re.fullmatch(r"https?://\S+", facts["url"]):
        rows.problem(line, rows.column("url"), f"”{facts['url']}” är ingen webbadress (http:// eller https://)")
    for name, low, high in (("founded", 1800, date.today().year), ("members", 0, 1_000_000)):
        if name in cell:
            number = whole_number(cell[name]) if cell[name] else None
            if cell[name] and (number is None or not low <= number <= high):
                rows.problem(line, rows.column(name), f"”{cell[name]}” är inget heltal mellan {low} och {high}")
            facts[name] = number
    return facts


def _test_areas(rows: Rows, line: int, cell: dict, lists: Lists, code: str, counties, industries) -> list[int]:
    """Return the priority areas of a row: named in the file, else those of its counties sharing an industry."""
    mine = [a for a in lists.test_areas if a[1] in counties]
    if "test_areas" not in cell:
        linked = set(industries if industries is not None else lists.cluster_industries.get(code, []))
        return [a[0] for a in mine if lists.area_industries.get(a[0], set()) & linked]
    found = []
    for name in parts(cell["test_areas"], r"\|"):
        match = [a[0] for a in mine if fold(name) in (fold(a[2]), fold(a[3]))]
        if match:
            found.append(match[0])
        else:
            rows.problem(line, rows.column("test_areas"), f"testområdet ”{name}” finns inte i klustrets län")
    return found


@dataclass
class AssessmentRow:
    cluster: str
    year: int
    phase: str | None
    comment: str | None
    criteria: dict[str, tuple[str, str | None]]  # criterion -> (level, comment)


def check_assessments(table: CsvTable, lists: Lists) -> list[AssessmentRow]:
    """Return the checked rows of an assessment file, or raise ImportFailed with every problem."""

    def criterion_column(key: str):
        for suffix in ("_kommentar", "_comment"):
            if key.endswith(suffix) and key.removesuffix(suffix) in lists.criteria:
                return "comment:" + lists.criteria[key.removesuffix(suffix)]
        return ("level:" + lists.criteria[key]) if key in lists.criteria else None

    rows = map_header(table, ASSESSMENT_COLUMNS, ("cluster", "year", "phase"), criterion_column)
    out, seen, last_year = [], {}, date.today().year + 1
    for line, cell in rows:
        cluster = lists.clusters.get(fold(cell["cluster"]))
        if cluster is None:
            rows.problem(
                line, rows.column("cluster"), f"okänt kluster ”{cell['cluster']}” (läs in klusterlistan först)"
            )
        year = whole_number(cell["year"])
        if year is None or not FIRST_YEAR <= year <= last_year:
            rows.problem(line, rows.column("year"), f"”{cell['year']}” är inget år mellan {FIRST_YEAR} och {last_year}")
        elif cluster and (cluster, year) in seen:
            rows.problem(line, rows.column("year"), f"{cluster} {year} finns redan på rad {seen[(cluster, year)]}")
        seen.setdefault((cluster, year), line)
        phase = lists.phases.get(fold(cell["phase"])) if cell["phase"] else None
        if cell["phase"] and phase is None:
            rows.problem(
                line, rows.column("phase"), f"okänd fas ”{cell['phase']}”; fasskalan har {', '.join(lists.phase_names)}"
            )
        criteria = {}
        for key, text in cell.items():
            if key.startswith("level:") and text:
                level = lists.levels.get(fold(text))
                if level is None:
                    rows.problem(
                        line, rows.column(key), f"okänd nivå ”{text}”; nivåerna är {', '.join(lists.level_names)}"
                    )
                criterion = key.removeprefix("level:")
                criteria[criterion] = (level, cell.get("comment:" + criterion) or None)
        if not cell["phase"] and not criteria:
            rows.problem(line, None, "raden har varken fas eller någon kriterienivå")
        out.append(AssessmentRow(cluster, year or 0, phase, cell.get("comment") or None, criteria))
    rows.finish()
    return out
