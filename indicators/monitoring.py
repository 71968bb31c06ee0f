"""Follow each county's priority areas (testområden) over time: the monitoring model of the S3 strategy.

For every priority area, the industries it is linked to (test_area_industry, SNI divisions) are
brought to the finest level the employment data has (NACE A*10 with the shipped files) and summed:
employment, its share of the county's employment, and its location quotient, per year. Progress is
read from a baseline year (the strategy's start, 2016, or the nearest year with data) to the latest.
A direction is only stated where the published rounding cannot explain it (see growth_bounds).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from data import classifications as cl

from .choices import default_view
from .meta import IndicatorMeta, register
from .source import as_source

BASELINE_YEAR = 2016  # the strategies for smart specialisation were adopted for 2016 onwards
DIRECTIONS = ("faster", "slower", "same", "within_rounding", "no_data")
AREA_COLUMNS = ["region", "test_area", "name_sv", "name_en", "sort", "level", "codes", "divisions", "shared_with"]
SERIES_COLUMNS = ["region", "test_area", "year", "value", "region_total", "reference_value", "reference_total"]
SERIES_COLUMNS += ["share", "lq", "error", "total_error", "reference_error", "is_example", "dataset"]
PROGRESS_COLUMNS = AREA_COLUMNS + ["baseline", "latest", "value_start", "value_latest", "change"]
PROGRESS_COLUMNS += ["reference_change", "other_change", "share_start", "share_latest", "lq_start", "lq_latest"]
PROGRESS_COLUMNS += ["vs_reference", "vs_other", "lq_direction", "reason", "is_example", "dataset"]

BASIS_SV = (
    "Uppföljningsmodellen utgår från EU-kommissionens vägledning för strategier för smart specialisering, samlad "
    "av S3-plattformen vid kommissionens gemensamma forskningscentrum (DG JRC): en sådan strategi ska ha en "
    "övervakningsmekanism, ett sätt att följa om prioriteringarna utvecklas som det var tänkt. Projektplanen tar upp "
    "kravet (”har en övervakningsmekanism”, med S3-plattformen som källa) och har en utvecklad metod för monitoring "
    "som milstolpe. Här följs de prioriteringar länen själva valt, testområdena, med offentlig statistik."
)
BASIS_EN = (
    "The monitoring model starts from the European Commission's guidance on strategies for smart specialisation, "
    "gathered by the S3 Platform at the Commission's Joint Research Centre (DG JRC): such a strategy must have a "
    "monitoring mechanism, a way of following whether the priorities develop as intended. The project plan cites "
    "the requirement (with the S3 Platform as its source) and has a developed method for monitoring as a milestone. "
    "Here the priorities the counties chose themselves, the priority areas, are followed with public statistics."
)
MODEL_SV = [
    "Indikatorer per testområde: sysselsatta i de branscher testområdet är kopplat till, deras andel av länets "
    "sysselsatta och deras lokaliseringskvot. För länet som helhet: nystartade företag och utgifter för egen FoU "
    "per sektor, eftersom de inte finns per bransch.",
    f"Basår: {BASELINE_YEAR}, då strategierna för smart specialisering började gälla, eller det år med uppgifter "
    "som ligger närmast (vid lika avstånd det tidigare, läget när strategin började). Jämförelsen går från basåret "
    "till det senaste året med uppgifter.",
    "Framsteg: sysselsättningen i testområdets branscher växer snabbare (eller krymper långsammare) än i samma "
    "branscher i riket och än i länets övriga branscher. Då ökar både andelen och lokaliseringskvoten, det vill "
    "säga länet blir mer specialiserat på området.",
    "Ett sådant riktningsord skrivs bara när skillnaden är större än vad källans avrundning kan förklara; annars "
    "står det att skillnaden ligger inom avrundningen.",
]
MODEL_EN = [
    "Indicators per priority area: employees in the industries the area is linked to, their share of the county's "
    "employees and their location quotient. For the county as a whole: new firms and expenditure on own R&D by "
    "sector, since these are not available by industry.",
    f"Baseline: {BASELINE_YEAR}, when the strategies for smart specialisation came into force, or the nearest year "
    "with data (on a tie the earlier one, the situation when the strategy began). The comparison runs from the "
    "baseline to the latest year with data.",
    "Progress: employment in the area's industries grows faster (or shrinks more slowly) than in the same "
    "industries in Sweden and than in the county's other industries. Then both the share and the location "
    "quotient rise: the county becomes more specialised in the area.",
    "Such a direction is only written when the difference is larger than the source's rounding can explain; "
    "otherwise the page says that the difference lies within the rounding.",
]
LIMITS_SV = [
    "Branscherna är grova. Med de offentliga siffrorna (Eurostat, NACE A*10) hamnar ett testområde i hela "
    "aggregat som Tillverkning eller Företagstjänster, som rymmer mycket mer än området, och flera testområden "
    "delar då samma aggregat och samma siffror. Sidan säger vilka.",
    "Uppföljningen visar om strukturen rör sig i strategins riktning, inte att strategin är orsaken: "
    "konjunktur, enskilda företags beslut och omräkningar i statistiken påverkar också.",
    "Nystartade företag och FoU finns bara för länet som helhet, inte per testområde. Publikationer per "
    "forskningsämne finns inte i databasen, så den akademiska sidan av testområdena kan inte följas.",
]
LIMITS_EN = [
    "The industries are coarse. With the public figures (Eurostat, NACE A*10) a priority area falls into whole "
    "aggregates such as Manufacturing or Business services, which hold much more than the area, and several "
    "areas then share one aggregate and the same figures. The page says which.",
    "The monitoring shows whether the structure moves in the strategy's direction, not that the strategy is the "
    "cause: the business cycle, single firms' decisions and revisions of the statistics matter too.",
    "New firms and R&D exist only for the county as a whole, not per priority area. Publications by research "
    "subject are not in the store, so the academic side of the priority areas cannot be followed.",
]
S3_GUIDANCE = [
    "European Commission, Joint Research Centre (DG JRC), Smart Specialisation Platform (S3 Platform): guidance "
    "for research and innovation strategies for smart specialisation (RIS3), including their monitoring mechanism.",
]

AREA_MONITORING = IndicatorMeta(
    key="area_monitoring",
    title_sv="Testområdena över tid",
    title_en="The priority areas over time",
    unit_sv="personer, andel och kvot",
    unit_en="persons, share and ratio",
    definition_sv=(
        "För varje läns testområde: sysselsatta i de branscher testområdet är kopplat till (SNI-avdelningar i "
        "databasen, förda till den finaste branschnivå som sysselsättningsdata har), deras andel av länets "
        "sysselsatta och deras lokaliseringskvot, från basåret till det senaste året. Förändringen jämförs med samma "
        "branscher i referensen (riket eller Norra Mellansverige) och med länets övriga branscher."
    ),
    definition_en=(
        "For each county's priority area: employees in the industries the area is linked to (SNI divisions in the "
        "store, brought to the finest industry level the employment data has), their share of the county's "
        "employees and their location quotient, from the baseline to the latest year. The change is compared with "
        "the same industries in the reference (Sweden or North Middle Sweden) and with the county's other industries."
    ),
    formula="andel = e_rA / e_r; LQ = (e_rA / e_r) / (e_NA / e_N); förändring = e_rA,senaste / e_rA,basår − 1",
    measures=("employees",),
    view="uppfoljning",
    # the keys' letters set the order on the methods page (basis, method, limits)
    extra={
        "formula_en": "share = e_rA / e_r; LQ = (e_rA / e_r) / (e_NA / e_N); change = e_rA,latest / e_rA,baseline − 1",
        "model_a_basis_sv": BASIS_SV,
        "model_a_basis_en": BASIS_EN,
        "model_b_method_sv": MODEL_SV,
        "model_b_method_en": MODEL_EN,
        "model_c_limits_sv": LIMITS_SV,
        "model_c_limits_en": LIMITS_EN,
        "sources": S3_GUIDANCE,
    },
)


def baseline_year(years, target: int = BASELINE_YEAR) -> int | None:
    """Return the year nearest to target (on a tie the earlier one), or None without years."""
    years = sorted({int(y) for y in years})
    return min(years, key=lambda y: (abs(y - target), y)) if years else None


def finest_codes(divisions: list[str], mapping: pd.DataFrame, level: str) -> list[str]:
    """Return the level's codes that hold the divisions, each at its finest row and none counted twice.

    At NACE A*10 a manufacturing division lies in both B-E and its "of which" row C: C is used, unless the
    area also has other B-E divisions, when B-E (which holds C) is used alone.
    """
    overlapping = cl.A10_OVERLAPPING if level == "a10" else set()
    codes: set[str] = set()
    for division in divisions:
        mapped = set(mapping.loc[mapping["division"] == division, "industry"])
        codes |= (mapped & overlapping) or mapped
    codes -= {c for c in codes & overlapping if cl.A10_PARENT.get(c) in codes}
    return sorted(codes)


def monitoring_level(source, regions: list[str], reference: str = "00") -> str | None:
    """Return the finest industry level with complete employment data for the first region (A*10 today)."""
    if not regions:
        return None
    return as_source(source).derived(default_view, region=regions[0], reference=reference)["level"]


def area_codes(source, level: str, regions=None) -> pd.DataFrame:
    """Return AREA_COLUMNS: each priority area with its linked divisions and the level's codes that hold them.

    shared_with lists the other areas of the same county whose codes overlap (a code in common, or one code
    inside another, as C inside B-E): their figures are partly the same numbers.
    """
    source = as_source(source)
    areas = source.table("test_area").rename(columns={"id": "test_area"})
    if regions is not None:
        areas = areas[areas["region"].isin(regions)]
    links = source.table("test_area_industry")
    mapping = source.division_map(level)
    rows = []
    for area in areas.sort_values(["region", "sort"], kind="stable").itertuples():
        divisions = sorted(links.loc[links["test_area"] == area.test_area, "industry"])
        codes = finest_codes(divisions, mapping, level)
        rows.append(dict(area._asdict(), level=level, codes=codes, divisions=divisions))
    frame = pd.DataFrame(rows, columns=[c for c in AREA_COLUMNS if c != "shared_with"])
    covered = [_covered(codes) for codes in frame["codes"]]
    frame["shared_with"] = [
        [
            int(o.test_area)
            for o, theirs in zip(frame.itertuples(), covered)
            if o.region == row.region and o.test_area != row.test_area and mine & theirs
        ]
        for row, mine in zip(frame.itertuples(), covered)
    ]
    return frame[AREA_COLUMNS].reset_index(drop=True)


def _covered(codes: list[str]) -> set[str]:
    """Return the codes with the "of which" rows inside them (B-E covers C)."""
    return set(codes) | {child for child, parent in cl.A10_PARENT.items() if parent in codes}


def summed(facts: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """Return region, test_area, year, value: each area's codes summed, a year only when every code has a value.

    links: region, test_area, industry (one row per area and code).
    """
    need = links.groupby("test_area")["industry"].nunique()
    rows = links.merge(facts[facts["value"].notna()], on=["region", "industry"])
    out = rows.groupby(["region", "test_area", "year"], as_index=False).agg(
        value=("value", "sum"), n=("industry", "nunique")
    )
    return out[out["n"] == out["test_area"].map(need)].drop(columns="n")


def _rounding(facts: pd.DataFrame) -> float:
    values = facts["rounding"].dropna() if "rounding" in facts else pd.Series(dtype=float)
    return float(values.max()) if len(values) else 0.0


@register(AREA_MONITORING)
def area_series(source, *, regions: list[str], reference: str = "00", level: str | None = None) -> pd.DataFrame:
    """Return SERIES_COLUMNS: each priority area of the regions by year, with its reference's same industries.

    error, total_error and reference_error are the largest errors the published rounding allows on value,
    region_total and reference_value (half a rounding unit per summed value; 0 for unrounded data).
    """
    source = as_source(source)
    level = level or monitoring_level(source, regions, reference)
    if level is None or not regions:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    facts, totals = source.level_facts("employees", level, regions=sorted(set(regions) | {reference}))
    half = _rounding(facts) / 2
    areas = area_codes(source, level, regions)
    links = areas[["region", "test_area", "codes"]].explode("codes").dropna().rename(columns={"codes": "industry"})
    if links.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    own = summed(facts, links)
    ref = summed(facts, links.assign(region=reference)).drop(columns="region")
    out = own.merge(ref.rename(columns={"value": "reference_value"}), on=["test_area", "year"], how="left")
    totals = totals[["region", "year", "total"]]
    out = out.merge(totals.rename(columns={"total": "region_total"}), on=["region", "year"], how="left")
    ref_totals = totals[totals["region"] == reference][["year", "total"]]
    out = out.merge(ref_totals.rename(columns={"total": "reference_total"}), on="year", how="left")
    out["error"] = half * out["test_area"].map(links.groupby("test_area").size())
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = out["value"] / out["region_total"]
        out["lq"] = out["share"] / (out["reference_value"] / out["reference_total"])
    chosen = facts["dataset"].dropna()
    out = out.assign(
        total_error=half,
        reference_error=out["error"],
        is_example=bool(facts["is_example"].any()),
        dataset=chosen.iloc[0] if len(chosen) else None,
    )
    out = out.astype({"year": "int64", "test_area": "int64"})
    return out[SERIES_COLUMNS].sort_values(["region", "test_area", "year"], kind="stable").reset_index(drop=True)


def growth_bounds(start: float, end: float, error: float) -> tuple[float, float]:
    """Return the lowest and highest change end/start − 1 that values published within ±error allow."""
    if not (start > 0) or math.isnan(end):
        return (math.nan, math.nan)
    low = (end - error) / (start + error) - 1
    high = (end + error) / (start - error) - 1 if start - error > 0 else math.inf
    return (low, high)


def compare(own: tuple[float, float], other: tuple[float, float]) -> str:
    """Return faster, slower, same or within_rounding for two change intervals (no_data when one is unknown)."""
    if any(math.isnan(v) for v in (*own, *other)):
        return "no_data"
    if own[0] > other[1]:
        return "faster"
    if own[1] < other[0]:
        return "slower"
    return "same" if own[0] == own[1] == other[0] == other[1] else "within_rounding"


def _lq_bounds(row) -> tuple[float, float]:
    """Return the lowest and highest quotient the rounding of the four values allows."""
    e, t, r = row["error"], row["total_error"], row["reference_error"]
    low = ((row["value"] - e) / (row["region_total"] + t)) / (
        (row["reference_value"] + r) / (row["reference_total"] - t)
    )
    high = ((row["value"] + e) / (row["region_total"] - t)) / (
        (row["reference_value"] - r) / (row["reference_total"] + t)
    )
    return (low, high)


def lq_direction(start, latest) -> str:
    """Return up, down, same or within_rounding for the quotient from the baseline row to the latest row."""
    verdict = compare(_lq_bounds(latest), _lq_bounds(start))
    return {"faster": "up", "slower": "down"}.get(verdict, verdict)


def progress_row(area, series: pd.DataFrame) -> dict:
    """Return one area's PROGRESS_COLUMNS from its series (reason set where there is no period to compare)."""
    row = {c: getattr(area, c) for c in AREA_COLUMNS}
    known = series.dropna(subset=["value", "region_total"])
    blank = dict.fromkeys(PROGRESS_COLUMNS[len(AREA_COLUMNS) :], None)
    if not area.codes or known.empty:
        return row | blank | dict(reason="no_links" if not area.codes else "no_data", is_example=False)
    base = baseline_year(known["year"])
    latest = int(known["year"].max())
    if latest == base:
        return row | blank | dict(baseline=base, latest=latest, reason="one_year", is_example=False)
    s, e = (known[known["year"] == y].iloc[0] for y in (base, latest))
    own = growth_bounds(s["value"], e["value"], s["error"])
    reference = growth_bounds(s["reference_value"], e["reference_value"], s["reference_error"])
    other_error = s["error"] + s["total_error"]
    other = growth_bounds(s["region_total"] - s["value"], e["region_total"] - e["value"], other_error)
    return row | dict(
        baseline=base,
        latest=latest,
        value_start=s["value"],
        value_latest=e["value"],
        change=e["value"] / s["value"] - 1,
        reference_change=e["reference_value"] / s["reference_value"] - 1,
        other_change=(e["region_total"] - e["value"]) / (s["region_total"] - s["value"]) - 1,
        share_start=s["share"],
        share_latest=e["share"],
        lq_start=s["lq"],
        lq_latest=e["lq"],
        vs_reference=compare(own, reference),
        vs_other=compare(own, other),
        lq_direction=lq_direction(s, e),
        reason=None,
        is_example=bool(known["is_example"].any()),
        dataset=s["dataset"],
    )


def area_progress(
    source, *, regions: list[str], reference: str = "00", level: str | None = None, series: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return PROGRESS_COLUMNS: each priority area of the regions from its baseline to its latest year.

    reason: no_links (the area has no linked industries), no_data (none of its years has values), one_year
    (a single year: nothing to compare); vs_reference and vs_other: faster, slower, same or within_rounding;
    lq_direction: up, down, same or within_rounding. series: area_series' answer, when already read.
    """
    source = as_source(source)
    level = level or monitoring_level(source, regions, reference)
    if level is None:
        return pd.DataFrame(columns=PROGRESS_COLUMNS)
    if series is None:
        series = area_series(source, regions=regions, reference=reference, level=level)
    rows = [
        progress_row(area, series[series["test_area"] == area.test_area])
        for area in area_codes(source, level, regions).itertuples()
    ]
    return pd.DataFrame(rows, columns=PROGRESS_COLUMNS)
