"""Measure location quotients at full Swedish size: 290 municipalities x 88 SNI divisions x 16 years.

    .venv/bin/python bench/lq_bench.py [--repeat N] [--store]

Generates plausible employment numbers of that size in memory (plus riket and each region's
total), then times indicators.lq.lq_from_facts, the vectorised step the view and the command
line use. --store also writes the data into a temporary SQLite store and times the whole
location_quotients(conn, ...) call including reading from the store. Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indicators.levels import combine_totals  # noqa: E402
from indicators.lq import lq_from_facts  # noqa: E402

MUNICIPALITIES = 290
DIVISIONS = 88
YEARS = list(range(2008, 2024))


def generated_facts(seed: int = 1) -> pd.DataFrame:
    """Return region, industry, year, value, is_example for 290 municipalities and riket (00)."""
    rng = np.random.default_rng(seed)
    regions = [f"{1000 + k:04d}" for k in range(MUNICIPALITIES)]
    divisions = [f"{d:02d}" for d in range(1, DIVISIONS + 1)]
    size = rng.lognormal(8, 1, MUNICIPALITIES)[:, None, None]
    mix = rng.dirichlet(np.ones(DIVISIONS), MUNICIPALITIES)[:, :, None]
    trend = (1 + rng.normal(0, 0.01, (MUNICIPALITIES, DIVISIONS, 1))) ** np.arange(len(YEARS))[None, None, :]
    values = np.round(size * mix * 30 * trend)
    index = pd.MultiIndex.from_product([regions, divisions, YEARS], names=["region", "industry", "year"])
    local = pd.DataFrame({"value": values.ravel()}, index=index).reset_index()
    national = local.groupby(["industry", "year"], as_index=False)["value"].sum().assign(region="00")
    facts = pd.concat([local, national[["region", "industry", "year", "value"]]], ignore_index=True)
    return facts.assign(is_example=True)


def timed(func, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def report(label: str, times: list[float]) -> None:
    print(f"{label}: median {statistics.median(times):.3f} s, best {min(times):.3f} s ({len(times)} runs)")


def store_timing(facts: pd.DataFrame, repeat: int) -> None:
    """Write the generated facts into a temporary store and time location_quotients over it."""
    from sqlalchemy import insert

    from data import schema as s
    from data.build import classification_rows
    from data.store import engine_for
    from indicators.lq import location_quotients

    with tempfile.TemporaryDirectory() as tmp:
        engine = engine_for(f"sqlite:///{tmp}/bench.sqlite")
        s.metadata.create_all(engine)
        base = classification_rows()
        regions = base[s.region] + [
            dict(code=f"{1000 + k:04d}", nuts=None, name_sv="k", name_en="k", level="kommun", parent="00")
            for k in range(MUNICIPALITIES)
        ]
        real_divisions = [r["code"] for r in base[s.industry] if r["level"] == "division"]
        codes = dict(zip([f"{d:02d}" for d in range(1, DIVISIONS + 1)], real_divisions))
        rows = facts.assign(industry=facts["industry"].map(codes), dataset="bench", measure="employees")
        with engine.begin() as conn:
            conn.execute(insert(s.region), [r for r in regions if r["code"] not in {"17", "20", "21", "SE31"}])
            conn.execute(insert(s.industry), base[s.industry])
            conn.execute(insert(s.measure), base[s.measure])
            conn.execute(
                insert(s.dataset), [dict(code="bench", title_sv="b", title_en="b", source="bench", is_example=True)]
            )
            cols = ["dataset", "region", "industry", "year", "measure", "value"]
            conn.execute(insert(s.fact), rows[cols].to_dict("records"))
        with engine.connect() as conn:
            report(
                "location_quotients(conn) incl. reading the store, all years",
                timed(lambda: location_quotients(conn, level="division"), repeat),
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--store", action="store_true", help="also time reading from a SQLite store")
    args = parser.parse_args()
    facts = generated_facts()
    totals = combine_totals(facts.iloc[0:0], facts, set())
    print(f"rows: {len(facts):,} facts ({MUNICIPALITIES} municipalities + riket x {DIVISIONS} x {len(YEARS)} years)")
    result = lq_from_facts(facts, totals, "00")
    assert len(result) == MUNICIPALITIES * DIVISIONS * len(YEARS)
    report("lq_from_facts (all LQs, totals given)", timed(lambda: lq_from_facts(facts, totals, "00"), args.repeat))
    report(
        "totals + lq_from_facts (totals summed from the divisions)",
        timed(lambda: lq_from_facts(facts, combine_totals(facts.iloc[0:0], facts, set()), "00"), args.repeat),
    )
    if args.store:
        store_timing(facts, max(1, args.repeat // 3))


if __name__ == "__main__":
    main()
