"""Compute how industries change and renew: size and change over a period, shift-share, new firms, patents, trademarks."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .facts import kind_of
from .levels import InvalidArgument, as_flag, check_level
from .lq import check_region_and_reference, check_years, lq_from_facts
from .meta import IndicatorMeta, register
from .source import as_source

PERIOD_COLUMNS = [
    "region",
    "industry",
    "start_year",
    "year",
    "value_start",
    "value",
    "region_total_start",
    "region_total",
    "reference_start",
    "reference_value",
    "reference_total_start",
    "reference_total",
    "is_example",
]
# Measure, its scale (per 1,000 or 10,000) and whether inhabitants may replace employees as denominator.
INNOVATION_MEASURES = {
    "new_firms": (1_000, False),
    "patent_applications": (10_000, True),
    "trademark_applications": (10_000, True),
}

SIZE_CHANGE = IndicatorMeta(
    key="size_change",
    title_sv="Storlek och förändring",
    title_en="Size and change",
    unit_sv="personer och procent",
    unit_en="persons and per cent",
    definition_sv=(
        "Antal sysselsatta i branschen i regionen, branschens andel av regionens sysselsatta, och förändringen "
        "mellan två valda år i personer och procent."
    ),
    definition_en=(
        "Number of employees in the industry in the region, the industry's share of the region's employees, and "
        "the change between two chosen years in persons and per cent."
    ),
    formula="andel = e_ri / e_r; förändring = e_ri(t1) − e_ri(t0), (e_ri(t1) / e_ri(t0) − 1)",
    measures=("employees",),
    view="styrkeomraden",
)
SHIFT_SHARE = IndicatorMeta(
    key="shift_share",
    title_sv="Shift-share: förändringen delad i tre delar",
    title_en="Shift-share: the change split in three",
    unit_sv="personer",
    unit_en="persons",
    definition_sv=(
        "Förändringen av antalet sysselsatta i en bransch i regionen delas upp i: riksutveckling (hur många jobb "
        "branschen hade fått om den vuxit som hela referensens sysselsättning), branschstruktur (vad branschens "
        "egen utveckling i referensen lägger till eller drar ifrån) och regional komponent (resten: hur mycket "
        "bättre eller sämre det gått i regionen än för branschen i referensen). Delarna summerar till förändringen."
    ),
    definition_en=(
        "The change in an industry's employees in the region is split into: national growth (the jobs the "
        "industry would have gained growing like all employment in the reference), industry mix (what the "
        "industry's own development in the reference adds or takes away) and regional component (the rest: how "
        "much better or worse the region did than the industry in the reference). The parts add up to the change."
    ),
    formula="NS = e_ri0·G; IM = e_ri0·(g_Ni − G); RS = (e_ri1 − e_ri0) − NS − IM; G = e_N1/e_N0 − 1, g_Ni = e_Ni1/e_Ni0 − 1",
    measures=("employees",),
    view="styrkeomraden",
)
INNOVATION = IndicatorMeta(
    key="innovation",
    title_sv="Nya företag, patent och varumärken",
    title_en="New firms, patents and trademarks",
    unit_sv="per 1 000 resp. 10 000 sysselsatta (eller invånare), och kvot",
    unit_en="per 1,000 or 10,000 employees (or inhabitants), and ratio",
    definition_sv=(
        "Nystartade företag per 1 000 sysselsatta, patent- och varumärkesansökningar per 10 000 sysselsatta (eller "
        "invånare) i branschen, summerade över de senaste åren (normalt tre) eftersom åren var för sig är små tal. "
        "Varje mått har också en egen lokaliseringskvot: branschens andel av regionens nya företag (ansökningar) "
        "delad med dess andel i referensen."
    ),
    definition_en=(
        "New firms per 1,000 employees, patent and trademark applications per 10,000 employees (or inhabitants) in "
        "the industry, summed over the latest years (three by default) because single years are small numbers. "
        "Each measure also has its own location quotient: the industry's share of the region's new firms "
        "(applications) divided by its share in the reference."
    ),
    formula="rate = Σ x_ri / Σ e_ri · 1 000 (10 000); LQ = (x_ri / x_r) / (x_Ni / x_N)",
    measures=("new_firms", "patent_applications", "trademark_applications", "employees", "population"),
    view="styrkeomraden",
)


def check_period(source, measure: str, start, year) -> tuple[int, int]:
    if start is None or year is None or int(start) >= int(year):
        raise InvalidArgument(
            "start",
            start,
            f"startåret måste ligga före slutåret {year}",
            f"the start year must come before the end year {year}",
        )
    check_years(source, measure, [year])
    check_years(source, measure, [start])
    return int(start), int(year)


def period_frame(source, measure: str, level: str, start: int, year: int, reference: str, regions) -> pd.DataFrame:
    """Return PERIOD_COLUMNS: a measure at the start and end of a period, for regions and the reference."""
    wanted = None if regions is None else sorted(set(regions) | {reference})
    ends = []
    for y in (start, year):
        facts, totals = source.level_facts(measure, level, years=[y], regions=wanted)
        ends.append(lq_from_facts(facts, totals, reference).drop(columns=["year", "lq"]))
    first, last = ends
    first = first.rename(
        columns={
            "value": "value_start",
            "region_total": "region_total_start",
            "reference_value": "reference_start",
            "reference_total": "reference_total_start",
            "is_example": "_ex0",
        }
    )
    out = last.merge(first, on=["region", "industry"], how="outer")  # a value missing at one end stays missing
    out["is_example"] = as_flag(out["is_example"]) | as_flag(out["_ex0"])
    out["start_year"], out["year"] = start, year
    return out[PERIOD_COLUMNS].sort_values(["region", "industry"], kind="stable").reset_index(drop=True)


def shift_share_frame(period: pd.DataFrame) -> pd.DataFrame:
    """Add change, national_growth, industry_mix, regional_component (persons) to a period frame."""
    out = period.copy()
    e0 = out["value_start"].to_numpy(float)  # missing is missing: no change is computed from a gap
    e1 = out["value"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        total_growth = out["reference_total"] / out["reference_total_start"] - 1
        industry_growth = out["reference_value"] / out["reference_start"] - 1
    out["change"] = e1 - e0
    out["national_growth"] = e0 * total_growth
    out["industry_mix"] = np.where(out["reference_start"] > 0, e0 * (industry_growth - total_growth), np.nan)
    out["regional_component"] = out["change"] - out["national_growth"] - out["industry_mix"]
    return out


@register(SIZE_CHANGE)
def size_and_change(
    conn, *, level: str = "division", start=None, year=None, reference: str = "00", regions=None
) -> pd.DataFrame:
    """Return region, industry, start_year, year, value_start, value, share_of_region, change, change_pct, reference_change_pct, is_example."""
    source = as_source(conn)
    check_level(level)
    regions = check_region_and_reference(source, regions, reference)
    start, year = check_period(source, "employees", start, year)
    out = period_frame(source, "employees", level, start, year, reference, regions)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share_of_region"] = np.where(out["region_total"] > 0, out["value"] / out["region_total"], np.nan)
        out["change"] = out["value"] - out["value_start"]
        out["change_pct"] = np.where(out["value_start"] > 0, out["value"] / out["value_start"] - 1, np.nan)
        ref_ok = out["reference_start"] > 0
        out["reference_change_pct"] = np.where(ref_ok, out["reference_value"] / out["reference_start"] - 1, np.nan)
    cols = ["region", "industry", "start_year", "year", "value_start", "value", "share_of_region", "change"]
    return out[cols + ["change_pct", "reference_change_pct", "is_example"]]


@register(SHIFT_SHARE)
def shift_share(conn, *, level: str = "division", start=None, year=None, reference: str = "00", regions=None):
    """Return region, industry, start_year, year, value_start, value, change, national_growth, industry_mix, regional_component, is_example."""
    source = as_source(conn)
    check_level(level)
    regions = check_region_and_reference(source, regions, reference)
    start, year = check_period(source, "employees", start, year)
    out = shift_share_frame(period_frame(source, "employees", level, start, year, reference, regions))
    cols = ["region", "industry", "start_year", "year", "value_start", "value", "change", "national_growth"]
    return out[cols + ["industry_mix", "regional_component", "is_example"]]


def window_years(source, measure: str, year: int, window: int) -> list[int]:
    """Return the years of a window ending at year that have data; the end year must have data."""
    check_years(source, measure, [year])
    have = set(source.years(measure))
    return [y for y in range(int(year) - max(int(window), 1) + 1, int(year) + 1) if y in have]


def summed(source, measure: str, level: str, years: list[int], regions) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (facts, totals) of a measure summed over years, keyed by region and industry."""
    facts, totals = source.level_facts(measure, level, years=years, regions=regions)
    facts = facts.groupby(["region", "industry"], as_index=False).agg(
        value=("value", "sum"), is_example=("is_example", "max"), n_years=("year", "nunique")
    )
    totals = totals.groupby("region", as_index=False).agg(
        total=("total", "sum"), total_is_example=("total_is_example", "max"), n_years=("year", "nunique")
    )
    return facts.assign(year=years[-1]), totals.assign(year=years[-1])


def denominators(source, level: str, years: list[int], regions, per: str) -> pd.DataFrame:
    """Return region, [industry,] base, base_is_example: employees by industry, or inhabitants by region."""
    # A base must cover every year of the counts: a sum over fewer years would inflate the rate.
    if per == "inhabitants":
        _none, population = summed(source, "population", level, years, regions)
        population = population[population["n_years"] == len(years)]
        return population.rename(columns={"total": "base", "total_is_example": "base_is_example"})[
            ["region", "base", "base_is_example"]
        ]
    employees, _totals = summed(source, "employees", level, years, regions)
    employees = employees[employees["n_years"] == len(years)]
    employees = employees.rename(columns={"value": "base", "is_example": "base_is_example"})
    return employees[["region", "industry", "base", "base_is_example"]]


def with_rate(frame: pd.DataFrame, base: pd.DataFrame, scale: int, column: str = "rate") -> pd.DataFrame:
    """Add count per scale units of base, and reason: NaN where the base is zero or missing ("no_data"), or
    where count and base are of different kinds ("mixed_kinds": example counts over real employees)."""
    keys = ["region", "industry"] if "industry" in base else ["region"]
    out = frame.merge(base, on=keys, how="left")
    count_kind = kind_of(frame)
    base_kind = kind_of(base.rename(columns={"base_is_example": "is_example"})[["is_example"]])
    mixed = bool(count_kind and base_kind and count_kind != base_kind)
    base_values = out["base"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = out["value"].to_numpy(float) / base_values * scale
    out[column] = np.where((base_values > 0) & (not mixed), rate, np.nan)
    out["reason"] = "mixed_kinds" if mixed else np.where(np.isnan(base_values), "no_data", None)
    out["is_example"] = as_flag(out["is_example"])
    return out.drop(columns=["base", "base_is_example"])


@register(INNOVATION)
def innovation(
    conn, *, level="division", year=None, window: int = 3, reference="00", regions=None, per="employees"
) -> pd.DataFrame:
    """Return region, industry, year, years, measure, count, rate, reference_rate, lq, is_example, reason.

    A measure without data in the window gives no rows; frame.attrs["missing"] lists such measures, so
    a view can say "uppgift saknas" for them instead of showing a count of 0.
    """
    source = as_source(conn)
    check_level(level)
    if per not in ("employees", "inhabitants"):
        raise InvalidArgument("per", per, "välj employees eller inhabitants", "choose employees or inhabitants")
    regions = check_region_and_reference(source, regions, reference)
    wanted = None if regions is None else sorted(set(regions) | {reference})
    parts, missing, refused = [], [], []
    for measure, (scale, may_use_inhabitants) in INNOVATION_MEASURES.items():
        try:
            years = window_years(source, measure, year, window)
        except InvalidArgument as exc:
            missing.append(measure)
            refused.append(exc)
            continue
        facts, totals = summed(source, measure, level, years, wanted)
        base = denominators(source, level, years, wanted, per if may_use_inhabitants else "employees")
        out = with_rate(lq_from_facts(facts, totals, reference), base, scale)
        ref = with_rate(facts[facts["region"] == reference], base, scale, "reference_rate")
        out = out.merge(ref[["industry", "reference_rate"]], on="industry", how="left")
        out["measure"], out["years"] = measure, f"{years[0]}–{years[-1]}"
        parts.append(out.rename(columns={"value": "count"}))
    cols = ["region", "industry", "year", "years", "measure", "count", "rate", "reference_rate", "lq", "is_example"]
    if not parts:  # no measure has data that year: refuse the year by name, as the other indicators do
        raise refused[0]
    frame = pd.concat(parts, ignore_index=True)[cols + ["reason"]]
    frame.attrs["missing"] = missing
    return frame
