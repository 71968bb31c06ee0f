"""Trace an indicator to the datasets behind it: sources, years covered and whether it is example data.

An indicator names the store's measures it reads (IndicatorMeta.measures) and, for data outside the
fact tables, the tables it reads (IndicatorMeta.extra["tables"]) or dataset codes
(IndicatorMeta.extra["datasets"]). Everything else is looked up in the store, so the methods page
says what the data actually is, not what the code once assumed.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select

from cache import cache
from data import schema as s
from data.meta import store_version

from .facts import chosen_dataset, datasets

# Tables whose rows carry their own example flag instead of a dataset.
FLAG_COLUMNS = ("is_example", "status_is_example")
# The tables of views whose data live outside the fact tables, for an indicator that names none.
VIEW_TABLES = {
    "foretagsenkat": ("survey_round",),
    "milstolpar": ("milestone", "activity_indicator", "indicator_outcome"),
}


@cache.memoize()
def measure_coverage(url: str, version: str = "") -> pd.DataFrame:
    """Return measure, dataset, first, last for every measure in the fact tables (one scan, cached per store version)."""
    from data.store import engine_for

    frames = []
    with engine_for(url).connect() as conn:
        for table in (s.fact, s.academic_output):
            t = table.c
            q = select(t.measure, t.dataset, func.min(t.year), func.max(t.year)).group_by(t.measure, t.dataset)
            frames.append(pd.DataFrame(conn.execute(q).all(), columns=["measure", "dataset", "first", "last"]))
    return pd.concat(frames, ignore_index=True)


def _table_facts(conn, names) -> tuple[set, list[int], set]:
    """Return (dataset codes, years, example flags) of the named store tables."""
    codes, years, flags = set(), [], set()
    for name in names:
        table = s.metadata.tables.get(name)
        if table is None:
            continue
        c = table.c
        if "dataset" in c:
            codes |= set(conn.execute(select(c.dataset).distinct()).scalars())
        if "year" in c:
            years += [y for y in conn.execute(select(func.min(c.year), func.max(c.year))).one() if y is not None]
        for flag in FLAG_COLUMNS:
            if flag in c:
                flags |= {bool(v) for v in conn.execute(select(c[flag]).distinct()).scalars()}
    return codes, years, flags


def indicator_provenance(conn, meta, url: str) -> dict:
    """Return {datasets: DataFrame, years: (first, last) | None, status, kinds}.

    Only the datasets reads use count (indicators.facts: real data hides the example data of its measure).
    status is real, example or mixed; "none" when none of its measures has data, "partial" when some do
    and some do not; "classification" when the indicator reads only tables that hold no data of their own
    (a grouping kept in the store); "unknown" when it names no data at all. kinds: measure -> real | example | none.
    """
    coverage = measure_coverage(url, store_version(conn))
    chosen = {
        m: chosen_dataset(conn, m, table=s.academic_output if m == "publications" else s.fact) for m in meta.measures
    }
    kinds = {m: "none" if c is None else "example" if c["is_example"] else "real" for m, c in chosen.items()}
    used_sets = {c["dataset"] for c in chosen.values() if c is not None}
    used = coverage[coverage["measure"].isin(meta.measures) & coverage["dataset"].isin(used_sets)]
    tables = meta.extra.get("tables") or (() if meta.measures else VIEW_TABLES.get(meta.view, ()))
    codes, years, flags = _table_facts(conn, tables)
    codes |= set(used["dataset"]) | set(meta.extra.get("datasets", ()))
    years += [int(y) for y in used["first"]] + [int(y) for y in used["last"]]
    all_sets = datasets(conn)
    behind = all_sets[all_sets["code"].isin(codes)].reset_index(drop=True)
    flags |= {bool(v) for v in behind["is_example"]}
    if meta.measures and set(kinds.values()) == {"none"} and not tables:
        status = "none"
    elif not flags:
        status = "classification" if tables else "unknown"
    else:
        status = "mixed" if len(flags) == 2 else "example" if True in flags else "real"
        if "none" in kinds.values():
            status = "partial"
    years = (min(years), max(years)) if years else None
    return {"datasets": behind, "years": years, "status": status, "kinds": kinds}


def datasets_used(conn, measures, *, years=None, regions=None) -> list[str]:
    """Return the codes of the datasets a read of the measures uses (one per measure, indicators.facts rules).

    Real data hides a measure's example data, so an answer names the datasets behind exactly the numbers it
    holds, not every dataset of the store that has the measure. years is accepted for the API's calls.
    """
    codes = set()
    for measure in measures:
        table = s.academic_output if measure == "publications" else s.fact
        chosen = chosen_dataset(conn, measure, regions=regions if table is s.fact else None, table=table)
        if chosen is not None:
            codes.add(chosen["dataset"])
    return sorted(codes)
