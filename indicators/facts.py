"""Read facts from the store: one kind of data per measure, and one dataset per series.

The rules (ground rule 1: never mix real and example data):
1. Once any real dataset holds a measure, the measure's example data is used nowhere: not for the
   keys the real data lacks, not for other regions, not for other years.
2. Where several real datasets hold a measure, a read uses exactly one of them: the one with the most
   values for the regions asked (all years, industries and sexes counted), ties broken by the dataset's
   rank (data/real/manifest.toml; lower first) and then by its code. Years are not part of the choice, so
   every year of a series comes from the same dataset; the reader is told which (column dataset).
   Example: new firms for the counties and Sweden come from Tillväxtanalys' county table (111 values),
   not from its municipal quarters (which hold only Sweden's row among those regions).
3. Facts are read for sex "total" unless another sex is asked for.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import func, select

from data import schema as s

FACT_COLUMNS = ["region", "industry", "year", "value", "dataset", "is_example", "rounding"]
KINDS = ("real", "example", "none")


def table_of(measure: str):
    """Return the table a measure lives in: academic_output for publications, fact for the rest."""
    return s.academic_output if measure == "publications" else s.fact


CANDIDATE_COLUMNS = ["dataset", "is_example", "rank", "rounding", "values"]


def _candidates(conn, measure: str, regions=None, table=None) -> list[dict]:
    """Return candidate_datasets' rows as dicts, best first (plain Python: a read makes this choice every time)."""
    t, d = table if table is not None else table_of(measure), s.dataset
    q = (
        select(t.c.dataset, d.c.is_example, d.c.rank, d.c.rounding, func.count().label("values"))
        .join(d, d.c.code == t.c.dataset)
        .where(t.c.measure == measure)
        .group_by(t.c.dataset, d.c.is_example, d.c.rank, d.c.rounding)
    )
    rows = [dict(zip(CANDIDATE_COLUMNS, r)) for r in conn.execute(q).all()]
    if not rows:
        return []
    kind = all(bool(r["is_example"]) for r in rows)  # example only if no real dataset holds the measure
    rows = [r for r in rows if bool(r["is_example"]) == kind]
    if regions is not None and "region" in t.c:
        counted = dict(
            conn.execute(
                select(t.c.dataset, func.count())
                .where(t.c.measure == measure, t.c.region.in_(list(regions)))
                .group_by(t.c.dataset)
            ).all()
        )
        for r in rows:
            r["values"] = int(counted.get(r["dataset"], 0))
    for r in rows:
        r["is_example"] = bool(r["is_example"])
        r["rank"] = 100 if r["rank"] is None or pd.isna(r["rank"]) else r["rank"]
        r["rounding"] = None if r["rounding"] is None or pd.isna(r["rounding"]) else float(r["rounding"])
    return sorted(rows, key=lambda r: (-r["values"], r["rank"], r["dataset"]))


def candidate_datasets(conn, measure: str, *, regions=None, table=None) -> pd.DataFrame:
    """Return the datasets a read of the measure may use, best first: dataset, is_example, rank, rounding, values.

    Only real datasets when any real dataset holds the measure (anywhere), else the example ones; values
    counts each dataset's facts for the regions (None: all regions).
    """
    return pd.DataFrame(_candidates(conn, measure, regions, table), columns=CANDIDATE_COLUMNS)


def chosen_dataset(conn, measure: str, *, regions=None, table=None) -> dict | None:
    """Return the dataset a read of the measure for the regions uses (rules 1 and 2), as a dict, or None."""
    rows = _candidates(conn, measure, regions, table)
    if not rows or rows[0]["values"] == 0:
        return None
    best = rows[0]
    return {"dataset": best["dataset"], "is_example": best["is_example"], "rounding": best["rounding"]}


def measure_kind(conn, measure: str) -> str:
    """Return real, example or none: the kind of data a measure is read from."""
    frame = candidate_datasets(conn, measure)
    if frame.empty:
        return "none"
    return "example" if bool(frame.at[0, "is_example"]) else "real"


def load_facts(
    conn, measure: str, *, years=None, regions=None, industries=None, sex: str = "total", dataset: str | None = None
) -> pd.DataFrame:
    """Return facts of one measure from one dataset: region, industry, year, value, dataset, is_example, rounding.

    The dataset is the one chosen by the rules above for the regions asked, unless dataset names one.
    """
    chosen = chosen_dataset(conn, measure, regions=regions) if dataset is None else _named(conn, dataset)
    if chosen is None:
        return _empty()
    f = s.fact
    q = select(f.c.region, f.c.industry, f.c.year, f.c.value).where(
        f.c.measure == measure, f.c.dataset == chosen["dataset"], f.c.sex == sex
    )
    if years is not None:
        q = q.where(f.c.year.in_(list(years)))
    if regions is not None:
        q = q.where(f.c.region.in_(list(regions)))
    if industries is not None:
        q = q.where(f.c.industry.in_(list(industries)))
    # Built column by column with its dtypes: a frame from Row objects, then cast, cost more than the query.
    rows = conn.execute(q).all()
    if not rows:
        return _empty()
    regions_, industries_, years_, values_ = zip(*rows)
    n = len(rows)
    rounding = np.nan if chosen["rounding"] is None else float(chosen["rounding"])
    df = pd.DataFrame(
        {
            "region": list(regions_),
            "industry": list(industries_),
            "year": np.asarray(years_, dtype="int64"),
            "value": np.asarray(values_, dtype="float64"),
            "dataset": [chosen["dataset"]] * n,
            "is_example": np.full(n, bool(chosen["is_example"])),
            "rounding": np.full(n, rounding, dtype="float64"),
        }
    )
    return df.sort_values(["region", "industry", "year"], kind="stable").reset_index(drop=True)


def _named(conn, dataset: str) -> dict | None:
    d = s.dataset
    row = conn.execute(select(d.c.is_example, d.c.rounding).where(d.c.code == dataset)).first()
    return None if row is None else {"dataset": dataset, "is_example": bool(row[0]), "rounding": row[1]}


def _empty() -> pd.DataFrame:
    frame = pd.DataFrame(columns=FACT_COLUMNS)
    return frame.astype({"year": "int64", "value": "float64", "is_example": "bool", "rounding": "float64"})


def datasets(conn) -> pd.DataFrame:
    """Return every dataset with every column of the dataset table (code, titles, source, licence, caveats …)."""
    d = s.dataset
    rows = conn.execute(select(d).order_by(d.c.is_example, d.c.code)).mappings().all()
    frame = pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in d.columns])
    # Missing text stays None (pandas would make it NaN, which reads as a truthy value and prints "nan").
    return frame.astype(object).where(frame.notna(), None)


def years_with_data(conn, measure: str, *, regions=None, industries=None) -> list[int]:
    """Return the years for which the measure has facts in the dataset a read would use, ascending."""
    chosen = chosen_dataset(conn, measure, regions=regions)
    if chosen is None:
        return []
    f = s.fact
    q = select(f.c.year).where(f.c.measure == measure, f.c.dataset == chosen["dataset"], f.c.sex == "total")
    if regions is not None:
        q = q.where(f.c.region.in_(list(regions)))
    if industries is not None:
        q = q.where(f.c.industry.in_(list(industries)))
    return [int(y) for y in conn.execute(q.distinct().order_by(f.c.year)).scalars()]


def example_share(frame: pd.DataFrame) -> str:
    """Return 'example', 'real' or 'mixed' for a frame with an is_example column (mixed is a defect to report)."""
    if frame.empty or "is_example" not in frame:
        return "real"
    flags = set(frame["is_example"].astype(bool))
    if flags == {True}:
        return "example"
    return "mixed" if True in flags else "real"


def kind_of(frame: pd.DataFrame) -> str | None:
    """Return 'example' or 'real' for a frame read by the rules above, None when it is empty."""
    if frame.empty or "is_example" not in frame:
        return None
    return "example" if bool(frame["is_example"].astype(bool).any()) else "real"


REASONS = {  # code: (Swedish, English); why an indicator gives no value
    "mixed_kinds": (
        "räknas inte: talet skulle blanda verkliga uppgifter och exempeldata",
        "not computed: the number would mix real data and example data",
    ),
    "no_data": ("uppgift saknas", "no data"),
    "no_population": (
        "uppgift saknas om folkmängden samma år, så antalet visas i stället för antal per 1 000 invånare",
        "no population for the same year, so the count is shown instead of the count per 1,000 inhabitants",
    ),
}


def reason_text(code: str | None, lang: str) -> str:
    """Return a reason code (column reason of an indicator) in words, or an empty string for None."""
    if not code:
        return ""
    sv, en = REASONS.get(code, (code, code))
    return en if lang == "en" else sv
