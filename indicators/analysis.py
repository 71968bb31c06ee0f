"""Assemble the strength-area analysis of one or more regions: every indicator side by side, classified."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from cache import cache
from data.store import engine_for

from .academic import academic_specialisation, university_groups
from .dynamics import innovation, shift_share
from .levels import InvalidArgument, check_level
from .lq import check_region_and_reference, check_years, higher_education, location_quotients
from .source import CachedSource, as_source, outside_app
from .strength import INNOVATION_KEYS, MIN_COUNT, Thresholds, classify

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


def default_years(source, year=None, start=None) -> tuple[int, int]:
    """Return (start, year): the latest year with employees by default, and five years before it."""
    have = source.years("employees")
    if not have:
        raise InvalidArgument("year", year, "databasen har inga uppgifter om sysselsatta", "the store has no employees")
    year = have[-1] if year is None else int(year)
    check_years(source, "employees", [year])
    if start is None:
        earlier = [y for y in have if y < year]
        start = min([y for y in earlier if y >= year - DEFAULT_PERIOD] or earlier[-1:] or [year])
    return int(start), year


def innovation_wide(frame: pd.DataFrame) -> pd.DataFrame:
    """Return region, industry and lq_/count_/rate_/reference_rate_<measure>, innovation_is_example."""
    keys = ["region", "industry"]
    wide = frame.pivot_table(index=keys, columns="measure", values=["lq", "count", "rate", "reference_rate"])
    wide.columns = [f"{value}_{measure}" for value, measure in wide.columns]
    flags = frame.groupby(keys)["is_example"].max().rename("innovation_is_example")
    return wide.join(flags).reset_index()


def industry_subject_links(source, level: str) -> pd.DataFrame:
    """Return industry (at the level), subject: pairs that share a test area in the store."""
    divisions = source.table("test_area_industry").rename(columns={"industry": "division"})
    subjects = source.table("test_area_subject")
    pairs = divisions.merge(subjects, on="test_area")[["division", "subject"]]
    return pairs.merge(source.division_map(level), on="division")[["industry", "subject"]].drop_duplicates()


def academic_frames(source, regions: list[str], level: str, year: int, window: int):
    """Return (per subject, per industry) academic strength of each region's universities."""
    empty = pd.DataFrame(columns=["region", "subject", "publications", "share", "lq", "is_example", "years"])
    usable = [y for y in sorted(source.academic()["year"].unique()) if y <= year]
    groups = {region: unis for region, unis in university_groups(source, regions).items() if unis}
    if not usable or not groups:
        return empty, None
    # Regions sharing universities share the numbers: compute each distinct group once.
    distinct = {",".join(unis): list(unis) for unis in set(groups.values())}
    acad = academic_specialisation(source, groups=distinct, year=usable[-1], window=window)
    owners = pd.DataFrame({"region": list(groups), "group": [",".join(u) for u in groups.values()]})
    acad = owners.merge(acad, on="group").drop(columns="group")
    links = industry_subject_links(source, level)
    counted = acad[acad["publications"] >= MIN_COUNT]
    per_industry = links.merge(counted[["region", "subject", "lq"]], on="subject")
    per_industry = per_industry.sort_values("lq", ascending=False, kind="stable")
    per_industry = per_industry.drop_duplicates(["region", "industry"]).rename(
        columns={"subject": "academic_subject", "lq": "academic_lq"}
    )
    return acad, per_industry


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
    start, year = default_years(source, year, start)
    args = dict(level=level, reference=reference, regions=regions)
    table = location_quotients(source, year=year, **args)
    notes: list[tuple[str, str]] = []
    for part in parts(source, year, start, per, window, args):
        try:
            table = table.merge(part.read(), on=["region", "industry"], how="left")
        except InvalidArgument:  # a part without data that year leaves its columns empty and says so
            notes.append(part.missing(year))
    acad, per_industry = academic_frames(source, regions, level, year, window)
    if per_industry is not None:
        table = table.merge(per_industry, on=["region", "industry"], how="left")
    table = ensure_columns(table)
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
    table = names.merge(classify(table, thresholds), on="industry", how="inner")
    table = table.sort_values(["region", "sort"], kind="stable").reset_index(drop=True)
    growth = total_growth(source, [reference], level, start, year).get(reference, float("nan"))
    own = total_growth(source, regions, level, start, year)
    return StrengthAnalysis(table, acad, year, start, level, reference, growth, own, thresholds, notes)


@dataclass(frozen=True)
class Part:
    """One indicator joined into the analysis table, and what to say when it has no data."""

    read: object  # () -> frame keyed by region and industry
    missing_sv: str
    missing_en: str

    def missing(self, year: int) -> tuple[str, str]:
        return (self.missing_sv.format(year=year), self.missing_en.format(year=year))


def parts(source, year: int, start: int, per: str, window: int, args: dict) -> list[Part]:
    """Return the dynamics, competence and renewal parts of the analysis."""

    def period():
        if start >= year:
            return pd.DataFrame(columns=["region", "industry"])
        frame = shift_share(source, start=start, year=year, **args)
        return frame.drop(columns=["start_year", "year", "value"]).rename(columns={"is_example": "period_ex"})

    def competence():
        frame = higher_education(source, year=year, **args)
        names = {"share": "he_share", "reference_share": "he_reference_share", "lq": "he_lq", "is_example": "he_ex"}
        return frame[["region", "industry", "higher_ed", *names]].rename(columns=names)

    def renewal():
        return innovation_wide(innovation(source, year=year, per=per, window=window, **args))

    return [
        Part(
            period,
            "Uppgifter saknas för att räkna förändringen till {year}.",
            "No data to compute the change to {year}.",
        ),
        Part(
            competence,
            "Uppgifter om utbildningsnivå saknas år {year}.",
            "No data on education levels for {year}.",
        ),
        Part(
            renewal,
            "Uppgifter om nya företag, patent och varumärken saknas år {year}.",
            "No data on new firms, patents and trademarks for {year}.",
        ),
    ]


def ensure_columns(table: pd.DataFrame) -> pd.DataFrame:
    """Add the columns a missing part would have given, empty, so the rule and the charts can rely on them."""
    wanted = ["value_start", "change", "national_growth", "industry_mix", "regional_component", "period_ex"]
    wanted += ["higher_ed", "he_share", "he_reference_share", "he_lq", "he_ex", "academic_subject", "academic_lq"]
    wanted += ["innovation_is_example"]
    for key in INNOVATION_KEYS:
        wanted += [f"lq_{key}", f"count_{key}", f"rate_{key}", f"reference_rate_{key}"]
    for col in wanted:
        if col not in table:
            table[col] = pd.NA if col == "academic_subject" else float("nan")
    return table


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
