"""Assemble the strength-area analysis of one or more regions: every indicator side by side, classified."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from cache import cache
from data.store import engine_for

from .analysis_parts import academic_part, ensure_columns, join_parts
from .levels import InvalidArgument, check_level
from .lq import check_region_and_reference, check_years, location_quotients
from .source import CachedSource, as_source, outside_app
from .strength import Thresholds, classify

DEFAULT_PERIOD = 5  # years of change shown unless the reader picks a start year


@dataclass
class StrengthAnalysis:
    """The analysis of a set of regions at one level, year, period and reference."""

    table: pd.DataFrame  # one row per region and industry, with every indicator and the rule's columns
    academic: pd.DataFrame  # region, subject, publications, lq, is_example (the region's universities)
    year: int
    start: int
    level: str
    reference: str
    national_growth: float  # the reference's total employment change over the period (share)
    region_growth: dict[str, float] = field(default_factory=dict)  # each region's total change (share)
    thresholds: Thresholds = field(default_factory=Thresholds)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (Swedish, English) caveats

    def for_regions(self, regions: list[str]) -> StrengthAnalysis:
        """Return the same analysis narrowed to some of its regions."""
        return replace(
            self,
            table=self.table[self.table["region"].isin(regions)].reset_index(drop=True),
            academic=self.academic[self.academic["region"].isin(regions)].reset_index(drop=True),
            region_growth={r: g for r, g in self.region_growth.items() if r in regions},
        )


def default_years(source, year=None, start=None, *, level: str | None = None, regions=None, reference="00"):
    """Return (start, year): by default the latest year with employees by industry at the level for the
    reference and at least one of the regions (not a year with totals only), and five years before it."""
    have = source.years("employees")
    if not have:
        raise InvalidArgument("year", year, "databasen har inga uppgifter om sysselsatta", "the store has no employees")
    if year is None:
        year = latest_industry_year(source, have, level, regions, reference) or have[-1]
    year = int(year)
    check_years(source, "employees", [year])
    if start is None:
        earlier = [y for y in have if y < year]
        start = min([y for y in earlier if y >= year - DEFAULT_PERIOD] or earlier[-1:] or [year])
    return int(start), year


def latest_industry_year(source, years, level, regions, reference) -> int | None:
    """Return the latest year in which the reference and some region have employees by industry at the level."""
    if level is None:
        return None
    wanted = None if regions is None else sorted(set(regions) | {reference})
    for year in sorted(years, reverse=True):
        facts, _totals = source.level_facts("employees", level, years=[year], regions=wanted)
        found = set(facts["region"]) if not facts.empty else set()
        if reference in found and found - {reference}:
            return int(year)
    return None


def analysed_regions(source, regions, reference: str) -> list[str]:
    """Return the regions to analyse: the given ones (checked), or every region but riket and the reference."""
    checked = check_region_and_reference(source, regions, reference)
    if checked is not None:
        return checked
    table = source.regions()
    return sorted(table.loc[(table["level"] != "riket") & (table["code"] != reference), "code"])


def strength_analysis(
    conn,
    *,
    regions: list[str] | None = None,
    level: str = "division",
    year=None,
    start=None,
    reference: str = "00",
    per: str = "employees",
    thresholds: Thresholds = Thresholds(),
    window: int = 3,
) -> StrengthAnalysis:
    """Return the classified analysis of the regions, by default every region but riket (see StrengthAnalysis)."""
    source = as_source(conn)
    check_level(level)
    thresholds = thresholds.checked()
    regions = analysed_regions(source, regions, reference)
    start, year = default_years(source, year, start, level=level, regions=regions, reference=reference)
    args = dict(level=level, reference=reference, regions=regions)
    table = location_quotients(source, year=year, **args)
    table, notes = join_parts(table, source, year, start, per, window, args)
    acad, table, academic_notes = academic_part(table, source, regions, level, year, window)
    table = ensure_columns(table)
    notes += academic_notes
    start_values = table["value_start"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["change_pct"] = np.where(start_values > 0, table["value"].to_numpy(float) / start_values - 1, np.nan)
    table["is_example"] = (
        table[["is_example", "period_ex", "he_ex", "innovation_is_example"]]
        .astype("float64")
        .fillna(0.0)
        .gt(0)
        .any(axis=1)
    )
    names = source.industries(level)[["industry", "name_sv", "name_en", "overlapping", "sort"]]
    table = classify(names.merge(table, on="industry", how="inner"), thresholds)
    table = table.sort_values(["region", "sort"], kind="stable").reset_index(drop=True)
    growth = total_growth(source, [reference], level, start, year).get(reference, float("nan"))
    own = total_growth(source, regions, level, start, year)
    return StrengthAnalysis(table, acad, year, start, level, reference, growth, own, thresholds, notes)


def total_growth(source, regions: list[str], level: str, start: int, year: int) -> dict[str, float]:
    """Return each region's total employment change from start to year, as a share (NaN without a period)."""
    if start >= year:
        return {region: float("nan") for region in regions}
    _f, totals = source.level_facts("employees", level, years=[start, year], regions=regions)
    wide = totals.pivot_table(index="region", columns="year", values="total")
    out = {}
    for region in regions:
        then = wide.at[region, start] if region in wide.index and start in wide.columns else float("nan")
        now = wide.at[region, year] if region in wide.index and year in wide.columns else float("nan")
        out[region] = float(now / then - 1) if then and then > 0 and now == now else float("nan")
    return out


@cache.memoize(unless=outside_app)
def _memoized_analysis(url: str, version: str, level, year, start, reference, per, thresholds: tuple):
    with engine_for(url).connect() as conn:
        source = CachedSource(conn, version)
        return strength_analysis(
            source,
            level=level,
            year=year,
            start=start,
            reference=reference,
            per=per,
            thresholds=Thresholds(*thresholds),
        )


def cached_strength_analysis(source, *, regions, thresholds: Thresholds = Thresholds(), **kwargs) -> StrengthAnalysis:
    """Return strength_analysis of the regions; a CachedSource (the views') analyses every region once and filters."""
    if not isinstance(source, CachedSource) or outside_app():
        return strength_analysis(source, regions=regions, thresholds=thresholds, **kwargs)
    args = {
        k: kwargs.get(k, d) for k, d in (("level", "division"), ("year", None), ("start", None), ("per", "employees"))
    }
    reference = kwargs.get("reference", "00")
    check_level(args["level"])
    regions = check_region_and_reference(source, regions, reference)
    every = _memoized_analysis(
        source.url, source.version, reference=reference, thresholds=thresholds.checked().key(), **args
    )
    return every.for_regions(regions)
