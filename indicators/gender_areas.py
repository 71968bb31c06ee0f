"""Put women and men beside the priority areas and the strength areas: the share of women in their industries.

Counts by sex exist for Värmland (Regionfakta, SCB's 15 industry groups, 2018 and 2022) and for North
Middle Sweden (SCB RAMS, SNI sections A–G only, 2016–2021), each with Sweden beside it; shares among managers
only for North Middle Sweden (Region Dalarna, 15 groups, no counts). A county without its own counts is
described by North Middle Sweden's, and every row says which region its numbers are for. Several industries
are combined only from counts (women / all); published shares, which have no counts, stay one per group.
Industries the data does not hold are named, never filled in.
"""

from __future__ import annotations

import pandas as pd

from .gender import from_counts, from_shares
from .meta import IndicatorMeta, register
from .monitoring import area_codes, baseline_year, monitoring_level
from .source import as_source
from .test_areas import BUSINESS

NMS = "SE31"
EVEN_LOW, EVEN_HIGH = 0.4, 0.6  # a "jämn könsfördelning": each sex 40-60 %
AREA_COLUMNS = ["region", "test_area", "name_sv", "name_en", "data_region", "level", "codes", "used", "missing"]
AREA_COLUMNS += ["baseline", "latest", "share_start", "share_latest", "reference_start", "reference_latest"]
AREA_COLUMNS += ["managers", "managers_year", "reason", "dataset", "managers_dataset", "is_example"]
BALANCE_COLUMNS = ["region", "data_region", "level", "year", "group", "codes", "missing", "women", "total", "share"]
BALANCE_COLUMNS += ["reference_share", "dataset", "is_example"]
SETS = ("priority", "strength", "all")

AREA_GENDER = IndicatorMeta(
    key="area_gender",
    title_sv="Andel kvinnor i testområdenas branscher",
    title_en="Share of women in the priority areas' industries",
    unit_sv="andel (0–1)",
    unit_en="share (0–1)",
    definition_sv=(
        "Andelen kvinnor bland de förvärvsarbetande i de branscher testområdet är kopplat till, förda till den "
        "indelning könsstatistiken har (SCB:s 15 branschgrupper för Värmland, SNI-avsnitt A–G för Norra "
        "Mellansverige), från basåret till det senaste året, och samma andel i riket. Har länet ingen egen "
        "könsuppdelad statistik används Norra Mellansveriges, och det står vid siffran. Branscher som källan inte "
        "har räknas inte med och nämns. Andelen kvinnor bland chefer finns bara för Norra Mellansverige, per "
        "branschgrupp, och visas en grupp i taget."
    ),
    definition_en=(
        "The share of women among the employed in the industries the priority area is linked to, brought to the "
        "classification the sex statistics have (SCB's 15 industry groups for Värmland, SNI sections A–G for North "
        "Middle Sweden), from the baseline to the latest year, and the same share in Sweden. Where the county has "
        "no statistics by sex of its own, North Middle Sweden's are used, and the figure says so. Industries the "
        "source lacks are left out and named. The share of women among managers exists only for North Middle "
        "Sweden, by industry group, and is shown one group at a time."
    ),
    formula="andel kvinnor = Σ kvinnor / Σ förvärvsarbetande över testområdets branscher",
    measures=("employed_register", "sex_share_managers"),
    view="uppfoljning",
    extra={"formula_en": "share of women = Σ women / Σ employed over the area's industries"},
)

GENDER_BALANCE = IndicatorMeta(
    key="gender_balance",
    title_sv="Genusperspektiv: könsfördelningen i testområden och styrkeområden",
    title_en="Gender perspective: the balance of women and men in priority and strength areas",
    unit_sv="andel (0–1)",
    unit_en="share (0–1)",
    definition_sv=(
        "Andelen kvinnor bland de förvärvsarbetande i tre grupper av branscher i länet: de som länets testområden "
        "är kopplade till, de som styrkeområdesanalysen klassar som styrkor (helhetliga eller i näringslivet, med "
        "standardinställningarna och det senaste året med sysselsättningsdata), och alla branscher som källan har. "
        "Samma år och källa för alla tre, och samma andelar i riket. En grupp räknas som jämnt fördelad när "
        "vardera kön är 40–60 %, det vanliga svenska måttet."
    ),
    definition_en=(
        "The share of women among the employed in three sets of the county's industries: those its priority areas "
        "are linked to, those the strength analysis classes as strengths (holistic or business, with the default "
        "settings and the latest year of employment data), and all industries the source has. The same year and "
        "source for all three, and the same shares in Sweden. A set counts as evenly balanced when each sex is "
        "40–60%, the usual Swedish measure."
    ),
    formula="andel kvinnor = Σ kvinnor / Σ förvärvsarbetande; jämn: 0,4 ≤ andel ≤ 0,6",
    measures=("employed_register", "employees"),
    view="uppfoljning",
    extra={
        "formula_en": "share of women = Σ women / Σ employed; even: 0.4 ≤ share ≤ 0.6",
        "sex_data_sv": (
            "Uppdelning på kön finns i databasen bara i statistiken över förvärvsarbetande (SCB RAMS för Norra "
            "Mellansverige, Regionfakta för Värmland, Region Dalarnas andelar för Norra Mellansverige). "
            "Eurostats sysselsättning, nystartade företag, FoU och innovationsindex är inte uppdelade på kön. "
            "Företagsenkäten frågar inte efter de svarandes kön, så enkätens svar kan inte delas upp på kvinnor "
            "och män. Klusterkarteringens horisontella kriterium Jämställdhet är en bedömning av hur "
            "klusterinitiativet arbetar med jämställdhet, inte statistik över kön."
        ),
        "sex_data_en": (
            "A split by sex exists in the store only in the statistics of the employed (SCB RAMS for North Middle "
            "Sweden, Regionfakta for Värmland, Region Dalarna's shares for North Middle Sweden). Eurostat's "
            "employment, new firms, R&D and the innovation index are not split by sex. The company survey does not "
            "ask for the respondents' sex, so its answers cannot be split into women and men. The cluster mapping's "
            "horizontal criterion Gender equality is an assessment of how the cluster initiative works "
            "with gender equality, not statistics by sex."
        ),
    },
)


def sex_counts(source, region: str, reference: str = "00") -> pd.DataFrame:
    """Return the counts by sex of one dataset for the region and the reference, with the data's level.

    source: a connection or a FactSource (a CachedSource reads them once per store version)."""
    return as_source(source).derived(_sex_counts, region=region, reference=reference)


def _sex_counts(source, *, region: str, reference: str) -> pd.DataFrame:
    counts = from_counts(source.conn, [region, reference])
    if counts.empty or not (counts["region"] == region).any():
        return counts.iloc[0:0].assign(level=pd.Series(dtype=object))
    codes = source.table("industry")[["code", "level"]].rename(columns={"code": "industry"})
    return counts.merge(codes, on="industry", how="left").dropna(subset=["women", "total"])


def data_region(source, county: str, reference: str = "00") -> str | None:
    """Return the region whose counts by sex describe the county: itself, else North Middle Sweden, else None."""
    for region in (county, NMS):
        if not sex_counts(source, region, reference).empty:
            return region
    return None


def level_codes(source, divisions: list[str], level: str) -> list[str]:
    """Return the codes of a level (section or bransch15) that hold the divisions."""
    mapping = as_source(source).division_map(level)
    return sorted(set(mapping.loc[mapping["division"].isin(divisions), "industry"].dropna()))


def summed_share(counts: pd.DataFrame, region: str, codes: list[str], year: int) -> tuple[float, float, float]:
    """Return (women, total, share of women) over the codes in a year (NaN where a code lacks a value)."""
    rows = counts[(counts["region"] == region) & (counts["year"] == year) & counts["industry"].isin(codes)]
    if rows["industry"].nunique() < len(codes) or not codes:
        return (float("nan"),) * 3
    women, total = float(rows["women"].sum()), float(rows["total"].sum())
    return women, total, women / total if total > 0 else float("nan")


def common_years(counts: pd.DataFrame, region: str, codes: list[str]) -> list[int]:
    """Return the years in which every code has counts for the region."""
    rows = counts[(counts["region"] == region) & counts["industry"].isin(codes)]
    per_year = rows.groupby("year")["industry"].nunique()
    return sorted(int(y) for y, n in per_year.items() if n == len(codes) and codes)


def managers(shares: pd.DataFrame, source, divisions: list[str]) -> tuple[list[dict], int | None, str | None]:
    """Return ([{industry, name_sv, name_en, share_women}], year, dataset): North Middle Sweden's latest shares of
    women among managers in the industry groups holding the divisions (shares: gender.from_shares' answer)."""
    shares = shares[(shares["group"] == "managers") & (shares["region"] == NMS)]
    if shares.empty:
        return [], None, None
    year = int(shares["year"].max())
    groups = level_codes(source, divisions, "bransch15")
    rows = shares[(shares["year"] == year) & shares["industry"].isin(groups)]
    names = as_source(source).industries("bransch15").set_index("industry")
    found = [
        dict(industry=c, name_sv=names.at[c, "name_sv"], name_en=names.at[c, "name_en"], share_women=float(s))
        for c, s in zip(rows["industry"], rows["share_women"])
    ]
    return found, year, shares["dataset"].iloc[0]


def one_area(source, area, reference: str, counts_for: dict, counts: dict, shares: pd.DataFrame) -> dict:
    """Return one area's AREA_COLUMNS (counts: data region -> sex_counts; shares: from_shares for NMS)."""
    region = counts_for.get(area.region)
    row = dict(region=area.region, test_area=area.test_area, name_sv=area.name_sv, name_en=area.name_en)
    staff, staff_year, staff_set = managers(shares, source, area.divisions)
    row |= dict(data_region=region, managers=staff, managers_year=staff_year, managers_dataset=staff_set)
    if region is None:
        return row | dict(codes=[], used=[], missing=[], reason="no_sex_data", is_example=False)
    counts = counts[region]
    level = counts["level"].dropna().iloc[0]
    codes = level_codes(source, area.divisions, level)
    held = set(counts.loc[counts["region"] == region, "industry"])
    used, missing = [c for c in codes if c in held], [c for c in codes if c not in held]
    row |= dict(level=level, codes=codes, used=used, missing=missing, dataset=counts["dataset"].iloc[0])
    row["is_example"] = bool(counts["is_example"].any())
    years = common_years(counts, region, used)
    if not years:
        return row | dict(reason="no_industries" if not used else "no_data")
    base, latest = baseline_year(years), max(years)
    row |= dict(baseline=base, latest=latest, reason=None if latest > base else "one_year")
    for suffix, year in (("start", base), ("latest", latest)):
        row[f"share_{suffix}"] = summed_share(counts, region, used, year)[2]
        row[f"reference_{suffix}"] = summed_share(counts, reference, used, year)[2] if region != reference else None
    return row


@register(AREA_GENDER)
def area_gender(conn, *, regions: list[str], reference: str = "00", source=None) -> pd.DataFrame:
    """Return AREA_COLUMNS: per priority area, the share of women in its industries at the baseline and the
    latest year (region data_region, Sweden beside it) and North Middle Sweden's shares among managers.

    codes: the area's industries in the sex data's level; used: those the data holds; missing: the others.
    managers: [{industry, name_sv, name_en, share_women}] in managers_year. reason: no_sex_data (no counts for
    the county or North Middle Sweden), no_industries (none of its industries in the data), no_data, one_year.
    """
    source = source or as_source(conn)
    level = monitoring_level(source, regions, reference) or "division"
    counts_for = {county: data_region(source, county, reference) for county in regions}
    counts = {r: sex_counts(source, r, reference) for r in set(counts_for.values()) if r is not None}
    shares = from_shares(conn, [NMS])
    areas = area_codes(source, level, regions).itertuples()
    rows = [one_area(source, a, reference, counts_for, counts, shares) for a in areas]
    return pd.DataFrame(rows, columns=AREA_COLUMNS)


def strength_divisions(source, county: str, reference: str = "00") -> list[str]:
    """Return the SNI divisions that lie in the county's strength areas (holistic or business, default settings)."""
    from .analysis import cached_strength_analysis  # the analysis is heavy: only read when asked for

    level = monitoring_level(source, [county], reference)
    if level is None:
        return []
    table = cached_strength_analysis(source, regions=[county], level=level, reference=reference).table
    strong = set(table.loc[table["category"].isin(BUSINESS), "industry"])
    mapping = as_source(source).division_map(level)
    return sorted(set(mapping.loc[mapping["industry"].isin(strong), "division"]))


def balance_row(counts, county, region, group, codes, year, reference) -> dict:
    held = set(counts.loc[(counts["region"] == region) & (counts["year"] == year), "industry"])
    used = [c for c in codes if c in held]
    women, total, share = summed_share(counts, region, used, year)
    return dict(
        region=county,
        data_region=region,
        level=counts["level"].dropna().iloc[0],
        year=year,
        group=group,
        codes=used,
        missing=[c for c in codes if c not in held],
        women=women,
        total=total,
        share=share,
        reference_share=summed_share(counts, reference, used, year)[2] if region != reference else float("nan"),
        dataset=counts["dataset"].iloc[0],
        is_example=bool(counts["is_example"].any()),
    )


@register(GENDER_BALANCE)
def gender_balance(conn, *, regions: list[str], reference: str = "00", source=None) -> pd.DataFrame:
    """Return BALANCE_COLUMNS: per county and group (priority, strength, all) the share of women among the
    employed in the latest year of the county's sex data (data_region: the county, else North Middle Sweden),
    with Sweden's share for the same industries. A county without any sex data has no rows."""
    source = source or as_source(conn)
    level = monitoring_level(source, regions, reference) or "division"
    areas = area_codes(source, level, regions)
    rows = []
    for county in regions:
        region = data_region(source, county, reference)
        if region is None:
            continue
        counts = sex_counts(source, region, reference)
        data_level, year = counts["level"].dropna().iloc[0], int(counts["year"].max())
        priority = sorted({d for ds in areas.loc[areas["region"] == county, "divisions"] for d in ds})
        groups = {
            "priority": level_codes(source, priority, data_level),
            "strength": level_codes(source, strength_divisions(source, county, reference), data_level),
            "all": sorted(set(counts.loc[counts["region"] == region, "industry"])),
        }
        rows += [balance_row(counts, county, region, g, groups[g], year, reference) for g in SETS]
    return pd.DataFrame(rows, columns=BALANCE_COLUMNS)


def balance_word(share: float) -> str:
    """Return men (under 40 % women), women (over 60 %), even, or unknown."""
    if share != share:
        return "unknown"
    return "men" if share < EVEN_LOW else "women" if share > EVEN_HIGH else "even"
