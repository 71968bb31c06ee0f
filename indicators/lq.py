"""Compute location quotients: how much more common an industry is in a region than in a reference."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .facts import kind_of
from .levels import InvalidArgument, as_flag, check_level
from .meta import IndicatorMeta, register
from .source import as_source

REFERENCES = ("00", "SE31")
LQ_COLUMNS = [
    "region",
    "industry",
    "year",
    "value",
    "region_total",
    "reference_value",
    "reference_total",
    "lq",
    "is_example",
    "uncertain",
]
# A value published rounded to R units (Eurostat: 1 000 persons) is off by up to R/2. Below 5 R (5 000 persons)
# that is more than a tenth of the value, and the quotient, which is proportional to the region's value (its
# other three terms are totals, far larger), moves by as much: such a quotient is flagged uncertain.
UNCERTAIN_UNITS = 5
MEASURE_NAMES = {
    "employees": ("sysselsatta", "employees"),
    "employees_higher_ed": ("sysselsatta med eftergymnasial utbildning", "employees with higher education"),
    "new_firms": ("nystartade företag", "new firms"),
    "patent_applications": ("patentansökningar", "patent applications"),
    "trademark_applications": ("varumärkesansökningar", "trademark applications"),
}

LOCATION_QUOTIENT = IndicatorMeta(
    key="location_quotient",
    title_sv="Lokaliseringskvot för sysselsatta",
    title_en="Location quotient of employees",
    unit_sv="kvot (1 = som i referensen)",
    unit_en="ratio (1 = as in the reference)",
    definition_sv=(
        "Branschens andel av regionens sysselsatta delad med branschens andel av de sysselsatta i referensen "
        "(riket, eller Norra Mellansverige). Över 1 betyder att branschen är vanligare i regionen än i "
        "referensen; 2 betyder dubbelt så vanlig. Regionens total är dess rad ”Samtliga branscher” när den "
        "finns, annars summan av branscherna på den valda nivån utan överlappande rader (tillverkningen på nivån NACE A*10 är en del av industrin). "
        "Branscher som saknar sysselsatta i referensen får ingen kvot."
    ),
    definition_en=(
        "The industry's share of the region's employees divided by its share of the employees in the reference "
        "(Sweden, or North Middle Sweden). Above 1 means the industry is more common in the region than in the "
        "reference; 2 means twice as common. The region's total is its 'All industries' row where stored, else "
        "the sum over the industries of the chosen level without overlapping rows (at the NACE A*10 level, manufacturing is part of industry). "
        "Industries without employees in the reference get no quotient."
    ),
    formula="LQ = (e_ri / e_r) / (e_Ni / e_N)",
    measures=("employees",),
    view="styrkeomraden",
)


def lq_from_facts(facts: pd.DataFrame, totals: pd.DataFrame, reference: str) -> pd.DataFrame:
    """Return LQ_COLUMNS for every region but the reference, from level facts and region totals.

    facts: region, industry, year, value, is_example; totals: region, year, total, total_is_example.
    """
    at_ref = facts["region"] == reference
    ref = facts.loc[at_ref, ["industry", "year", "value", "is_example"]]
    ref = ref.rename(columns={"value": "reference_value", "is_example": "_ref_ex"})
    ref_total = totals.loc[totals["region"] == reference, ["year", "total", "total_is_example"]]
    ref_total = ref_total.rename(columns={"total": "reference_total", "total_is_example": "_ref_total_ex"})
    own_total = totals.rename(columns={"total": "region_total", "total_is_example": "_total_ex"})
    out = facts.loc[~at_ref].merge(own_total, on=["region", "year"], how="left")
    out = out.merge(ref, on=["industry", "year"], how="left").merge(ref_total, on="year", how="left")
    out["lq"] = quotient(out["value"], out["region_total"], out["reference_value"], out["reference_total"])
    flags = out[["is_example", "_total_ex", "_ref_ex", "_ref_total_ex"]].astype("float64").fillna(0.0)
    out["is_example"] = flags.to_numpy().max(axis=1) > 0
    for col in ("value", "region_total", "reference_value", "reference_total"):
        out[col] = out[col].astype("float64")
    out["uncertain"] = uncertain(out["value"], out["rounding"] if "rounding" in out else None)
    return out[LQ_COLUMNS].reset_index(drop=True)


def uncertain(values, rounding) -> np.ndarray:
    """Return True where a value is rounded so coarsely that a quotient on it is uncertain (see UNCERTAIN_UNITS)."""
    values = np.asarray(values, float)
    if rounding is None:
        return np.zeros(len(values), dtype=bool)
    units = np.asarray(rounding, float)
    return (units > 0) & (values < UNCERTAIN_UNITS * units)


def quotient(part, whole, ref_part, ref_whole) -> np.ndarray:
    """Return (part/whole)/(ref_part/ref_whole), NaN where a denominator is zero or missing."""
    part, whole = np.asarray(part, float), np.asarray(whole, float)
    ref_part, ref_whole = np.asarray(ref_part, float), np.asarray(ref_whole, float)
    ok = (whole > 0) & (ref_part > 0) & (ref_whole > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        lq = (part / whole) / (ref_part / ref_whole)
    return np.where(ok, lq, np.nan)


def check_region_and_reference(source, regions, reference: str) -> list[str] | None:
    """Refuse an unknown reference or region, or a region that is its own reference."""
    if reference not in REFERENCES:
        raise InvalidArgument(
            "reference",
            reference,
            f"referensen måste vara riket (00) eller Norra Mellansverige (SE31), inte {reference!r}",
            f"the reference must be Sweden (00) or North Middle Sweden (SE31), not {reference!r}",
        )
    if regions is None:
        return None
    known = set(source.regions()["code"])
    for region in regions:
        if region not in known:
            raise InvalidArgument("region", region, f"okänd region {region!r}", f"unknown region {region!r}")
        if region == reference:
            raise InvalidArgument(
                "region",
                region,
                "regionen är samma som referensen; välj en annan referens",
                "the region is the reference itself; choose another reference",
            )
    return list(regions)


def check_years(source, measure: str, years) -> list[int] | None:
    """Refuse years without any data on the measure; None means every year."""
    if years is None:
        return None
    have = set(source.years(measure))
    for year in years:
        if int(year) not in have:
            name = MEASURE_NAMES.get(measure, (measure, measure))
            raise InvalidArgument(
                "year",
                year,
                f"det finns inga uppgifter om {name[0]} år {year}",
                f"there is no data on {name[1]} for {year}",
            )
    return [int(y) for y in years]


@register(LOCATION_QUOTIENT)
def location_quotients(
    conn, *, measure: str = "employees", year=None, level: str = "division", reference: str = "00", regions=None
) -> pd.DataFrame:
    """Return region, industry, year, value, region_total, reference_value, reference_total, lq, is_example, uncertain.

    uncertain: the region's value is published rounded (the dataset's rounding) and is under UNCERTAIN_UNITS
    rounding units, so rounding alone can move the quotient by more than a tenth.
    """
    source = as_source(conn)
    check_level(level)
    regions = check_region_and_reference(source, regions, reference)
    years = check_years(source, measure, None if year is None else [year])
    wanted = None if regions is None else sorted(set(regions) | {reference})
    facts, totals = source.level_facts(measure, level, years=years, regions=wanted)
    out = lq_from_facts(facts, totals, reference)
    return out.sort_values(["region", "year", "industry"], kind="stable").reset_index(drop=True)


def without_reference(frame: pd.DataFrame) -> list[str]:
    """Return the industries of an LQ frame whose quotient is undefined because the reference has none."""
    missing = frame["reference_value"].isna() | (frame["reference_value"] <= 0)
    return sorted(frame.loc[missing, "industry"].unique())


HIGHER_EDUCATION = IndicatorMeta(
    key="higher_education",
    title_sv="Sysselsatta med eftergymnasial utbildning: andel och lokaliseringskvot",
    title_en="Employees with higher education: share and location quotient",
    unit_sv="andel och kvot",
    unit_en="share and ratio",
    definition_sv=(
        "Andelen av branschens sysselsatta i regionen som har eftergymnasial utbildning, jämförd med samma andel "
        "i referensen, och lokaliseringskvoten räknad på de högutbildade: branschens andel av regionens "
        "högutbildade delad med dess andel av referensens högutbildade."
    ),
    definition_en=(
        "The share of the industry's employees in the region who have higher education, compared with the same "
        "share in the reference, and the location quotient computed on the highly educated: the industry's share "
        "of the region's highly educated divided by its share of the reference's."
    ),
    formula="andel = h_ri / e_ri; LQ_h = (h_ri / h_r) / (h_Ni / h_N)",
    measures=("employees_higher_ed", "employees"),
    view="styrkeomraden",
)


@register(HIGHER_EDUCATION)
def higher_education(conn, *, year=None, level="division", reference="00", regions=None) -> pd.DataFrame:
    """Return region, industry, year, higher_ed, employees, share, reference_share, lq, is_example, reason.

    lq is the quotient of the highly educated alone. share and reference_share divide them by all employees;
    where the two measures are of different kinds (real and example) they are empty and reason is
    "mixed_kinds" (see indicators.facts.reason_text).
    """
    source = as_source(conn)
    educated = location_quotients(
        source, measure="employees_higher_ed", year=year, level=level, reference=reference, regions=regions
    )
    everyone = location_quotients(source, year=year, level=level, reference=reference, regions=regions)
    he_kind, all_kind = kind_of(educated), kind_of(everyone)
    everyone = everyone.rename(columns={"value": "employees", "reference_value": "ref_employees", "is_example": "_ex"})
    out = educated.rename(columns={"value": "higher_ed"}).merge(
        everyone[["region", "industry", "year", "employees", "ref_employees", "_ex"]],
        on=["region", "industry", "year"],
        how="left",
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(out["employees"] > 0, out["higher_ed"] / out["employees"], np.nan)
        ok = out["ref_employees"] > 0
        out["reference_share"] = np.where(ok, out["reference_value"] / out["ref_employees"], np.nan)
    out["reason"] = None
    if he_kind and all_kind and he_kind != all_kind:
        # The share would divide one kind of data by the other (example counts by real totals): no value.
        out[["employees", "share", "reference_share"]] = np.nan
        out["reason"] = "mixed_kinds"
    out["is_example"] = as_flag(out["is_example"])
    cols = ["region", "industry", "year", "higher_ed", "employees", "share", "reference_share", "lq", "is_example"]
    return out[cols + ["reason"]]
