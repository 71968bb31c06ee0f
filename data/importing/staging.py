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
from data.store import insert_rows

from .base import ImportFailed, Problem
from .progress import Progress
from .records import FactSheet, Lookup, Measure, dataset_code, describe_key


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


def measure_mapping(lookup: Lookup, args, file: str) -> dict[str, Measure]:
    """Return the --measure TEXT=measure options: a text in the file (a measure cell, a column) -> measure."""
    mapping, problems = {}, []
    for option in measure_options(args):
        text, eq, name = option.rpartition("=")
        if not eq:
            continue
        found = lookup.measure(name)
        if found is None:
            problems.append(Problem(file, None, "--measure", lookup.unknown_measure(name)))
        else:
            mapping[text.strip()] = found
    if problems:
        raise ImportFailed(problems)
    return mapping


def single_measure(lookup: Lookup, args, file: str) -> Measure | None:
    """Return the one measure named by --measure (a tidy file without a measure column needs it)."""
    names = [n for n in measure_options(args) if "=" not in n]
    if not names:
        return None
    if len(names) > 1:
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
        importer=getattr(args, "importer_used", None),
    )
    sheet.notes += sheet.skip_notes()
    session.stage(conn, meta, sheet)
    if alone:
        session.write(conn)
    keys = list(sheet.facts)
    years = sorted({k[2] for k in keys})
    sexes = sorted({k[4] for k in keys} - {"total"})
    lines = [
        f"{sheet.file}: {count(len(keys))} värden, {len({k[0] for k in keys})} regioner, "
        f"{len({k[1] for k in keys})} branscher, år {years[0]}–{years[-1]}, "
        f"mått {', '.join(sorted({k[3] for k in keys}))}"
        + (f", efter kön ({', '.join(sexes)})" if sexes else "")
        + f" → dataset {meta.code}"
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
    importer: str | None = None
    retrieved: date | None = None  # today unless a manifest says when the file was retrieved
    described: dict | None = None  # further dataset columns (publisher, unit, caveats ...) from a manifest


class ImportSession:
    """The datasets staged by one import command, written together at its end."""

    def __init__(self, conn):
        self.lookup = Lookup(conn)
        self.pending: dict[str, tuple[DatasetMeta, dict, list[str]]] = {}

    def stage(self, conn, meta: DatasetMeta, sheet: FactSheet, table=s.fact) -> None:
        """Add a checked sheet to its dataset; raise ImportFailed if the dataset may not be replaced.

        table is fact (keys region, industry, year, measure, sex) or academic_output (university, subject,
        year, measure).
        """
        if meta.code not in self.pending:
            reason = protected_dataset(conn, meta.code, table)
            if reason:
                raise ImportFailed([Problem(sheet.file, None, None, reason)])
            self.pending[meta.code] = (meta, {}, [], table)
        _meta, facts, notes, staged_table = self.pending[meta.code]
        if staged_table is not table:
            raise ImportFailed(
                [Problem(sheet.file, None, None, f"datasetet {meta.code} får inte blanda två sorters data")]
            )
        problems = []
        for key, (value, where) in sheet.facts.items():
            if key in facts and facts[key][0] != value:
                problems.append(
                    Problem(
                        sheet.file,
                        None,
                        None,
                        f"{where}: {describe_key(key)} finns redan "
                        f"i {facts[key][1]} med ett annat värde ({facts[key][0]:g} mot {value:g})",
                    )
                )
            facts.setdefault(key, (value, f"{sheet.file} {where}".strip()))
        if problems:
            raise ImportFailed(problems)
        notes += [f"{sheet.file}: {n}" for n in sheet.notes]

    def describe(self, code: str, *, retrieved: date | None = None, **columns) -> None:
        """Give a staged dataset further columns (from a manifest) to write with it."""
        meta = self.pending[code][0]
        meta.retrieved = retrieved or meta.retrieved
        meta.described = {**(meta.described or {}), **columns}

    def write(self, conn) -> list[str]:
        """Replace each staged dataset in the store (delete its facts, then insert); return summaries.

        This is the one place an import writes statistics: everything happens in the caller's transaction.
        """
        done = []
        for meta, facts, notes, table in self.pending.values():
            write_dataset(conn, meta, facts, notes, table)
            done.append(f"Datasetet {meta.code} har nu {count(len(facts))} värden ({meta.source}).")
        self.pending.clear()
        return done


def protected_dataset(conn, code: str, own=s.fact) -> str | None:
    """Return why a dataset code may not be replaced by an import into the table own, or None if it may."""
    d = s.dataset
    row = conn.execute(select(d.c.is_example).where(d.c.code == code)).first()
    if row is None:
        return None
    if row.is_example:
        return f"datasetet ”{code}” är exempeldata och ersätts inte av en import; välj ett annat namn med --dataset"
    for table in s.metadata.sorted_tables:
        if table not in (own, s.dataset) and "dataset" in table.c:
            if conn.execute(select(func.count()).where(table.c.dataset == code)).scalar_one():
                return f"datasetet ”{code}” håller {table.name}-uppgifter; välj ett annat --dataset"
    return None


ROW_KEYS = {
    "fact": ("region", "industry", "year", "measure", "sex"),
    "academic_output": ("university", "subject", "year", "measure"),
}


def write_dataset(conn, meta: DatasetMeta, facts: dict, notes: list[str], table=s.fact) -> None:
    """Write one dataset: its row (is_example false, retrieved today) and its values, replacing earlier ones."""
    d, f = s.dataset, table
    values = dict(
        title_sv=meta.title_sv,
        title_en=meta.title_en,
        source=meta.source,
        source_url=meta.source_url,
        licence=meta.licence,
        retrieved=meta.retrieved or date.today(),
        is_example=False,
        notes="\n".join(notes) or None,
        importer=meta.importer,
        measures=", ".join(sorted({key[3] for key in facts})),
    )
    values.update(meta.described or {})  # a manifest's words win over the importer's defaults
    conn.execute(delete(f).where(f.c.dataset == meta.code))
    if conn.execute(select(d.c.code).where(d.c.code == meta.code)).first():
        conn.execute(update(d).where(d.c.code == meta.code).values(**values))
    else:
        conn.execute(insert(d).values(code=meta.code, **values))
    names = ROW_KEYS[table.name]
    rows = [dict(zip(names, key), dataset=meta.code, value=v) for key, (v, _where) in facts.items()]
    with Progress(f"Skriver {meta.code}", len(rows), unit="värden") as bar:
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            insert_rows(conn, f, chunk)
            bar.step(len(chunk))
