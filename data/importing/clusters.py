"""Import the cluster mapping: a list of cluster initiatives and their phase and criteria assessments.

Both are CSV files as Excel writes them (UTF-8 or Windows-1252, comma or semicolon). Column
names are matched without regard to case; Swedish and English names work.

Cluster list (one row per initiative; an initiative already in the store is updated):

    kluster       code, a–z, 0–9 and -: paper-province                          required
    namn          the initiative's name                                          required
    lan           home county or counties: 17, Dalarna, Gävleborgs län; several
                  separated by | or /                                            required
    tema_sv, tema_en, grundat (year), medlemmar (number of member companies),
    organisation, webb (http(s) address)                                         optional
    branscher     SNI 2007 codes separated by | / or space: 02|16|17             optional
    testomraden   the region's priority areas by name, separated by |; without
                  this column they follow from the counties and industries       optional

(English: cluster, name, counties, theme_sv, theme_en, founded, members, organisation, url,
industries, test_areas.) An optional column left out keeps what the store has; an empty cell
clears it ("uppgift saknas" in the view).

Assessments (one row per initiative and year; the same initiative and year are replaced):

    kluster       code or name of an initiative in the store                    required
    ar            the assessment year                                            required
    fas           the phase: code or name on the store's phase scale             required
    kommentar     comment on the phase                                           optional
    one column per horizontal criterion in the store, named by its code (miljo,
    jamstalldhet, lika_mojligheter) or name, holding a level: aktivt, delvis or
    inte (or the store's other level names); <criterion>_kommentar holds a comment

(English: cluster, year, phase, comment, <criterion>_comment.) An empty criterion cell means
not assessed; a row needs a phase or at least one criterion level.

Every row is checked before anything is written; each problem names file, line, column and
reason. The rows go to a dataset that is not example data (--dataset, else the file name),
so the view no longer marks them "Exempeldata".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import delete, func, insert, select, update

from .. import schema as s
from .base import Importer, ImportFailed, Problem, read_csv, register
from .cluster_rows import ASSESSMENT_COLUMNS, CLUSTER_COLUMNS, Lists, check_assessments, check_clusters, header_fields
from .records import dataset_code

MARK = "Klusterkartering importerad"  # start of the notes of every dataset made here (for tidying up)
SUFFIXES = {".csv", ".txt"}


def dataset_for(conn, path: Path, args, own_tables: tuple) -> str:
    """Return the dataset code for the file, or raise ImportFailed when that dataset may not take it."""
    code = dataset_code(getattr(args, "dataset", None) or path.stem)
    d = s.dataset
    row = conn.execute(select(d.c.is_example).where(d.c.code == code)).first()
    why = None
    if row is not None and row.is_example:
        why = f"datasetet ”{code}” är exempeldata och ersätts inte; välj ett annat namn med --dataset"
    else:
        for table in s.metadata.sorted_tables:
            if table is not s.dataset and table not in own_tables and "dataset" in table.c:
                if conn.execute(select(func.count()).where(table.c.dataset == code)).scalar_one():
                    why = f"datasetet ”{code}” håller redan {table.name}-uppgifter; välj ett annat namn med --dataset"
                    break
    if why:
        raise ImportFailed([Problem(path.name, None, "--dataset", why)])
    return code


def write_dataset(conn, code: str, path: Path, args, title_sv: str, title_en: str) -> None:
    """Create or update the dataset row of an import (not example data, retrieved today)."""
    d = s.dataset
    values = dict(
        title_sv=getattr(args, "title", None) or title_sv,
        title_en=getattr(args, "title", None) or title_en,
        source=getattr(args, "source", None) or f"{title_sv}, inläst från {path.name}",
        source_url=None,
        licence=getattr(args, "licence", None),
        retrieved=date.today(),
        is_example=False,
        notes=f"{MARK} {date.today():%Y-%m-%d} från {path.name}.",
    )
    if conn.execute(select(d.c.code).where(d.c.code == code)).first():
        conn.execute(update(d).where(d.c.code == code).values(**values))
    else:
        conn.execute(insert(d).values(code=code, **values))


def drop_emptied_datasets(conn) -> list[str]:
    """Delete datasets made by this importer that no row uses any more (all replaced by later imports)."""
    d = s.dataset
    users = [t for t in s.metadata.sorted_tables if t is not d and "dataset" in t.c]
    dropped = []
    for code in conn.execute(select(d.c.code).where(d.c.notes.like(f"{MARK}%"))).scalars().all():
        if not any(conn.execute(select(func.count()).where(t.c.dataset == code)).scalar_one() for t in users):
            conn.execute(delete(d).where(d.c.code == code))
            dropped.append(code)
    return dropped


def load_clusters(conn, path, args=None) -> str:
    """Check a cluster list completely, then write it in the caller's transaction; return a summary."""
    path = Path(path)
    table = read_csv(path)
    dataset = dataset_for(conn, path, args, (s.cluster,))
    rows = check_clusters(table, Lists.read(conn))
    c = s.cluster
    known = set(conn.execute(select(c.c.code)).scalars())
    write_dataset(conn, dataset, path, args, "Klusterinitiativ", "Cluster initiatives")
    for row in rows:
        facts = {k: v for k, v in row.facts.items()}
        if row.code in known:
            conn.execute(update(c).where(c.c.code == row.code).values(dataset=dataset, **facts))
        else:
            conn.execute(insert(c).values(code=row.code, dataset=dataset, **facts))
        _replace(conn, s.cluster_region, row.code, "region", row.counties)
        if row.industries is not None:
            _replace(conn, s.cluster_industry, row.code, "industry", row.industries)
        _replace(conn, s.cluster_test_area, row.code, "test_area", row.test_areas)
    dropped = drop_emptied_datasets(conn)
    new = sum(r.code not in known for r in rows)
    return (
        f"{path.name}: {len(rows)} klusterinitiativ ({new} nya, {len(rows) - new} uppdaterade) i datasetet {dataset}"
        + (f"; tomma dataset borttagna: {', '.join(dropped)}" if dropped else "")
        + "."
    )


def _replace(conn, table, cluster: str, column: str, values: list) -> None:
    conn.execute(delete(table).where(table.c.cluster == cluster))
    if values:
        conn.execute(insert(table), [{"cluster": cluster, column: v} for v in values])


def load_assessments(conn, path, args=None) -> str:
    """Check an assessment file completely, then write it in the caller's transaction; return a summary."""
    path = Path(path)
    table = read_csv(path)
    dataset = dataset_for(conn, path, args, (s.phase_assessment, s.criteria_assessment))
    rows = check_assessments(table, Lists.read(conn))
    pa, ca = s.phase_assessment, s.criteria_assessment
    write_dataset(conn, dataset, path, args, "Klusterbedömningar", "Cluster assessments")
    replaced = 0
    for row in rows:
        for t in (pa, ca):
            replaced += conn.execute(delete(t).where(t.c.cluster == row.cluster, t.c.year == row.year)).rowcount
        if row.phase:
            conn.execute(
                insert(pa).values(
                    cluster=row.cluster, year=row.year, phase=row.phase, comment=row.comment, dataset=dataset
                )
            )
        levels = [
            dict(cluster=row.cluster, year=row.year, criterion=k, level=lv, comment=cm, dataset=dataset)
            for k, (lv, cm) in row.criteria.items()
        ]
        if levels:
            conn.execute(insert(ca), levels)
    dropped = drop_emptied_datasets(conn)
    years = ", ".join(str(y) for y in sorted({r.year for r in rows}))
    phases = sum(1 for r in rows if r.phase)
    levels = sum(len(r.criteria) for r in rows)
    return (
        f"{path.name}: {len(rows)} bedömningar (år {years}): {phases} faser och {levels} kriterienivåer i datasetet "
        f"{dataset}; {replaced} tidigare rader ersatta"
        + (f"; tomma dataset borttagna: {', '.join(dropped)}" if dropped else "")
        + "."
    )


def is_cluster_list(path) -> bool:
    fields = header_fields(Path(path), CLUSTER_COLUMNS)
    return Path(path).suffix.lower() in SUFFIXES and {"cluster", "name", "counties"} <= fields and "year" not in fields


def is_assessment_file(path) -> bool:
    fields = header_fields(Path(path), ASSESSMENT_COLUMNS)
    return Path(path).suffix.lower() in SUFFIXES and {"cluster", "year", "phase"} <= fields


def explain_cluster_list(path) -> str:
    """Say why a file is no cluster list (for the dispatcher's message when no importer takes it)."""
    fields = header_fields(Path(path), CLUSTER_COLUMNS)
    missing = [CLUSTER_COLUMNS[f][0] for f in ("cluster", "name", "counties") if f not in fields]
    return f"en klusterlista behöver kolumnerna kluster, namn, lan; här saknas {', '.join(missing) or 'inget'}"


def explain_assessments(path) -> str:
    """Say why a file is no assessment file."""
    fields = header_fields(Path(path), ASSESSMENT_COLUMNS)
    missing = [ASSESSMENT_COLUMNS[f][0] for f in ("cluster", "year", "phase") if f not in fields]
    return (
        "en fil med klusterbedömningar behöver kolumnerna kluster, ar, fas och en per kriterium; "
        f"här saknas {', '.join(missing) or 'inget'}"
    )


def import_cluster_file(conn, path, args=None) -> str:
    """Import a cluster list or an assessment file, whichever the header says it is (for callers and tests)."""
    path = Path(path)
    if is_assessment_file(path):
        return load_assessments(conn, path, args)
    if is_cluster_list(path):
        return load_clusters(conn, path, args)
    why = f"{explain_cluster_list(path)}; {explain_assessments(path)}"
    raise ImportFailed([Problem(path.name, 1, None, f"filen känns inte igen: {why}")])


CLUSTER_IMPORTER = register(
    Importer(
        name="kluster",
        matches=is_cluster_list,
        load=load_clusters,
        description="klusterinitiativ (CSV) med kolumnerna kluster, namn, lan och valfritt tema_sv, tema_en, "
        "grundat, medlemmar, organisation, webb, branscher, testomraden",
        extra={"explain": explain_cluster_list},
    )
)
ASSESSMENT_IMPORTER = register(
    Importer(
        name="klusterbedömning",
        matches=is_assessment_file,
        load=load_assessments,
        description="klusterbedömningar (CSV) med kolumnerna kluster, ar, fas, kommentar och en kolumn per "
        "horisontellt kriterium (miljo, jamstalldhet, lika_mojligheter) med nivån aktivt, delvis eller inte",
        extra={"explain": explain_assessments},
    )
)
