"""Stage checked FactSheets as datasets (name, title, source, licence from the options) and write them.

An ImportSession stages the sheets of one command (several files may form one dataset) and writes
them at its end, inside the command's one transaction: delete the dataset's facts, then insert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import delete, func, insert, select, update

from data import schema as s

from .base import ImportFailed, Problem
from .progress import Progress
from .records import FactSheet, Lookup, Measure, dataset_code


def count(n: int) -> str:
    """Return a count the Swedish way: 86 592."""
    return f"{n:,}".replace(",", " ")


def session_for(conn, args) -> tuple[ImportSession, bool]:
    """Return the command's session, or a new one to write at once when load() is called on its own."""
    session = getattr(args, "session", None)
    if session is not None:
        return session, False
    return ImportSession(conn), True


def measure_options(args) -> list[str]:
    """Return the --measure values given (the option may be repeated)."""
    value = getattr(args, "measure", None)
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def single_measure(lookup: Lookup, args, file: str) -> Measure | None:
    """Return the one measure named by --measure (a tidy file without a measure column needs it)."""
    names = measure_options(args)
    if not names:
        return None
    if len(names) > 1 or "=" in names[0]:
        raise ImportFailed([Problem(file, None, "--measure", "ange ett enda mått, t.ex. --measure employees")])
    found = lookup.measure(names[0])
    if found is None:
        raise ImportFailed([Problem(file, None, "--measure", lookup.unknown_measure(names[0]))])
    return found


def stage_sheet(
    conn, args, path: Path, sheet: FactSheet, *, title_sv: str, title_en: str, source: str, code: str = "", **extra
) -> str:
    """Stage a sheet as its dataset (or write it at once outside a command); return a summary line."""
    if sheet.problems:
        raise ImportFailed(sheet.problems)
    if not sheet.facts:
        raise ImportFailed([Problem(sheet.file, None, None, "filen gav inga värden att läsa in")])
    session, alone = session_for(conn, args)
    meta = DatasetMeta(
        code=dataset_code(getattr(args, "dataset", None) or code or path.stem),
        title_sv=getattr(args, "title", None) or title_sv,
        title_en=getattr(args, "title", None) or title_en,
        source=getattr(args, "source", None) or source,
        source_url=extra.get("source_url"),
        licence=getattr(args, "licence", None) or extra.get("licence"),
    )
    sheet.notes += sheet.skip_notes()
    session.stage(conn, meta, sheet)
    if alone:
        session.write(conn)
    keys = list(sheet.facts)
    years = sorted({k[2] for k in keys})
    lines = [
        f"{sheet.file}: {count(len(keys))} värden, {len({k[0] for k in keys})} regioner, "
        f"{len({k[1] for k in keys})} branscher, år {years[0]}–{years[-1]}, "
        f"mått {', '.join(sorted({k[3] for k in keys}))} → dataset {meta.code}"
    ]
    return "\n".join(lines + [f"  {note}" for note in sheet.notes])


@dataclass
class DatasetMeta:
    code: str
    title_sv: str
    title_en: str
    source: str
    source_url: str | None = None
    licence: str | None = None


class ImportSession:
    """The datasets staged by one import command, written together at its end."""

    def __init__(self, conn):
        self.lookup = Lookup(conn)
        self.pending: dict[str, tuple[DatasetMeta, dict, list[str]]] = {}

    def stage(self, conn, meta: DatasetMeta, sheet: FactSheet) -> None:
        """Add a checked sheet to its dataset; raise ImportFailed if the dataset may not be replaced."""
        if meta.code not in self.pending:
            reason = protected_dataset(conn, meta.code)
            if reason:
                raise ImportFailed([Problem(sheet.file, None, None, reason)])
            self.pending[meta.code] = (meta, {}, [])
        _meta, facts, notes = self.pending[meta.code]
        problems = []
        for key, (value, where) in sheet.facts.items():
            if key in facts and facts[key][0] != value:
                region, industry, year, measure = key
                problems.append(
                    Problem(
                        sheet.file,
                        None,
                        None,
                        f"{where}: region {region}, bransch {industry}, år {year}, mått {measure} finns redan "
                        f"i {facts[key][1]} med ett annat värde ({facts[key][0]:g} mot {value:g})",
                    )
                )
            facts.setdefault(key, (value, f"{sheet.file} {where}".strip()))
        if problems:
            raise ImportFailed(problems)
        notes += [f"{sheet.file}: {n}" for n in sheet.notes]

    def write(self, conn) -> list[str]:
        """Replace each staged dataset in the store (delete its facts, then insert); return summaries."""
        done = []
        for meta, facts, notes in self.pending.values():
            write_dataset(conn, meta, facts, notes)
            done.append(f"Datasetet {meta.code} har nu {count(len(facts))} värden ({meta.source}).")
        self.pending.clear()
        return done


def protected_dataset(conn, code: str) -> str | None:
    """Return why a dataset code may not be replaced by an import, or None if it may."""
    d = s.dataset
    row = conn.execute(select(d.c.is_example).where(d.c.code == code)).first()
    if row is None:
        return None
    if row.is_example:
        return f"datasetet ”{code}” är exempeldata och ersätts inte av en import; välj ett annat namn med --dataset"
    for table in s.metadata.sorted_tables:
        if table not in (s.fact, s.dataset) and "dataset" in table.c:
            if conn.execute(select(func.count()).where(table.c.dataset == code)).scalar_one():
                return f"datasetet ”{code}” håller {table.name}-uppgifter, inte statistik; välj ett annat --dataset"
    return None


def write_dataset(conn, meta: DatasetMeta, facts: dict, notes: list[str]) -> None:
    """Write one dataset: its row (is_example false, retrieved today) and its facts, replacing earlier ones."""
    d, f = s.dataset, s.fact
    values = dict(
        title_sv=meta.title_sv,
        title_en=meta.title_en,
        source=meta.source,
        source_url=meta.source_url,
        licence=meta.licence,
        retrieved=date.today(),
        is_example=False,
        notes="\n".join(notes) or None,
    )
    conn.execute(delete(f).where(f.c.dataset == meta.code))
    if conn.execute(select(d.c.code).where(d.c.code == meta.code)).first():
        conn.execute(update(d).where(d.c.code == meta.code).values(**values))
    else:
        conn.execute(insert(d).values(code=meta.code, **values))
    rows = [
        dict(dataset=meta.code, region=r, industry=i, year=y, measure=m, value=v)
        for (r, i, y, m), (v, _where) in facts.items()
    ]
    with Progress(f"Skriver {meta.code}", len(rows), unit="värden") as bar:
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            conn.execute(insert(f), chunk)
            bar.step(len(chunk))
