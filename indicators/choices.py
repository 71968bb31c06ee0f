"""Let the data choose a view's defaults: the latest year and the finest industry level a region has data for.

A level is complete for a region and year when every industry of the level (the overlapping A*10 row C
aside) has a value for the region and for the reference; it has data when at least one has. The views
open on the latest year and the finest complete level (with the shipped files: NACE A*10, 2017), and
mark the other choices by these two flags.
"""

from __future__ import annotations

import pandas as pd

from . import levels
from .levels import LEVEL_NAMES, LEVELS
from .source import as_source

FINEST_FIRST = ("division", "section", "sector", "a10")  # fewer, broader industries further down
assert set(FINEST_FIRST) == set(LEVELS)


def level_coverage(source, measure: str, level: str, year: int, regions: list[str]) -> tuple[int, int]:
    """Return (industries with a value for every region, industries of the level, overlapping rows aside)."""
    source = as_source(source)
    industries = source.industries(level)
    codes = set(industries.loc[~industries["overlapping"].astype(bool), "industry"])
    facts, _totals = source.level_facts(measure, level, years=[int(year)], regions=sorted(set(regions)))
    facts = facts[facts["industry"].isin(codes) & facts["value"].notna()]
    per_industry = facts.groupby("industry")["region"].nunique()
    return int((per_industry == len(set(regions))).sum()), len(codes)


def coverage_by_year(source, measure: str, level: str, regions: list[str]) -> tuple[dict[int, int], int]:
    """Return ({year: industries with a value for every region}, industries of the level), in one read of all years."""
    source = as_source(source)
    industries = source.industries(level)
    codes = set(industries.loc[~industries["overlapping"].astype(bool), "industry"])
    regions = sorted(set(regions))
    facts = levels.facts_at_level(source.conn, measure, level, regions=regions)
    facts = facts[facts["industry"].isin(codes) & facts["value"].notna()]
    per_year = facts.groupby(["year", "industry"])["region"].nunique().reset_index()
    counts = per_year[per_year["region"] == len(regions)].groupby("year").size()
    return {int(y): int(n) for y, n in counts.items()}, len(codes)


def year_choices(conn, *, region: str, level: str, measure: str = "employees", reference: str = "00") -> pd.DataFrame:
    """Return every year of the measure's data, newest first: year, has_data, complete (for region and reference)."""
    source = as_source(conn)
    have_by_year, of = coverage_by_year(source, measure, level, [region, reference])
    rows = []
    for year in sorted(source.years(measure), reverse=True):
        have = have_by_year.get(int(year), 0)
        rows.append({"year": int(year), "has_data": have > 0, "complete": of > 0 and have == of})
    return pd.DataFrame(rows, columns=["year", "has_data", "complete"]).astype(
        {"year": "int64", "has_data": bool, "complete": bool}
    )


def level_choices(conn, *, region: str, year: int, measure: str = "employees", reference: str = "00") -> pd.DataFrame:
    """Return the view's levels, finest first: level, name_sv, name_en, has_data, complete, industries, with_data."""
    source = as_source(conn)
    rows = []
    for level in FINEST_FIRST:
        have, of = level_coverage(source, measure, level, year, [region, reference])
        sv, en = LEVEL_NAMES[level]
        rows.append(
            dict(
                level=level,
                name_sv=sv,
                name_en=en,
                has_data=have > 0,
                complete=of > 0 and have == of,
                industries=of,
                with_data=have,
            )
        )
    return pd.DataFrame(rows)


def default_view(conn, *, region: str, measure: str = "employees", reference: str = "00") -> dict:
    """Return {year, level, complete}: the latest year with a complete level, and the finest such level.

    Where no level is complete in any year, the latest year and finest level with any data, complete False;
    where the measure has no data at all for the region, year and level are None.
    """
    source = as_source(conn)
    partial = None
    cover = {level: coverage_by_year(source, measure, level, [region, reference]) for level in FINEST_FIRST}
    for year in sorted(source.years(measure), reverse=True):
        for level in FINEST_FIRST:
            have, of = cover[level][0].get(int(year), 0), cover[level][1]
            if of > 0 and have == of:
                return {"year": int(year), "level": level, "complete": True}
            if have > 0 and partial is None:
                partial = {"year": int(year), "level": level, "complete": False}
    return partial or {"year": None, "level": None, "complete": False}


def latest_year_with_industries(source, measure: str, level: str, regions: list[str]) -> int | None:
    """Return the latest year in which the level has at least one industry value for all the regions."""
    have_by_year, _of = coverage_by_year(source, measure, level, regions)
    years = [y for y, have in have_by_year.items() if have > 0]
    return max(years) if years else None
