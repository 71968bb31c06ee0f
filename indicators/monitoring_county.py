"""Follow the county as a whole where the data has no industries: new firms and expenditure on own R&D.

The same baseline as for the priority areas (indicators.monitoring.baseline_year). The comparison with
the reference runs over the years both have (Sweden's new firms stop in 2020, say, while the counties'
go on to 2021); a reference without data gives no comparison, never a guess.
"""

from __future__ import annotations

import pandas as pd

from .facts import load_facts
from .meta import IndicatorMeta, register
from .monitoring import baseline_year, compare

COUNTY_MEASURES = ("new_firms", "rd_business", "rd_higher_education", "rd_public")
SERIES_COLUMNS = ["region", "measure", "year", "value", "is_example", "dataset"]
COUNTY_COLUMNS = ["region", "measure", "baseline", "latest", "value_start", "value_latest", "change"]
COUNTY_COLUMNS += ["period_start", "period_end", "period_change", "reference_change", "vs_reference", "reason"]
COUNTY_COLUMNS += ["is_example", "dataset"]

COUNTY_MONITORING = IndicatorMeta(
    key="county_monitoring",
    title_sv="Länet som helhet över tid: nystartade företag och FoU",
    title_en="The county as a whole over time: new firms and R&D",
    unit_sv="företag per år; kr per invånare",
    unit_en="firms per year; SEK per inhabitant",
    definition_sv=(
        "Nystartade företag och utgifter för egen FoU per sektor (företag, universitet och högskolor, offentlig "
        "sektor) i länet, från basåret till det senaste året med uppgifter. De finns inte per bransch och gäller "
        "därför länet som helhet, inte ett enskilt testområde. Förändringen jämförs med referensen (riket) över de "
        "år båda har uppgifter; saknas referensen görs ingen jämförelse."
    ),
    definition_en=(
        "New firms and expenditure on own R&D by sector (business, universities, public sector) in the county, from "
        "the baseline to the latest year with data. They are not available by industry and so describe the county "
        "as a whole, not a single priority area. The change is compared with the reference (Sweden) over the years "
        "both have data; without data for the reference there is no comparison."
    ),
    formula="förändring = x_senaste / x_basår − 1, jämförd med referensens förändring samma år",
    measures=COUNTY_MEASURES,
    view="uppfoljning",
    extra={
        "formula_en": "change = x_latest / x_baseline − 1, compared with the reference's change over the same years"
    },
)


def county_series(conn, *, regions: list[str], reference: str = "00", measures=COUNTY_MEASURES) -> pd.DataFrame:
    """Return SERIES_COLUMNS: each measure's all-industry values for the regions and the reference, one dataset each."""
    wanted = sorted(set(regions) | {reference})
    parts = [
        load_facts(conn, m, regions=wanted, industries=["TOTAL"]).assign(measure=m)[SERIES_COLUMNS] for m in measures
    ]
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    return pd.concat(parts, ignore_index=True).dropna(subset=["value"])


def _value(series: pd.Series, year) -> float:
    return float(series.get(year, float("nan")))


def progress(own: pd.Series, ref: pd.Series) -> dict:
    """Return one row's values (COUNTY_COLUMNS but region and measure) for a region's and its reference's series."""
    if own.empty:
        return dict(reason="no_data")
    base, latest = baseline_year(own.index), int(max(own.index))
    row = dict(baseline=base, latest=latest, value_start=_value(own, base), value_latest=_value(own, latest))
    if latest == base:
        return row | dict(reason="one_year")
    row["change"] = row["value_latest"] / row["value_start"] - 1 if row["value_start"] > 0 else float("nan")
    common = [int(y) for y in own.index if y in ref.index]
    start = baseline_year(common)
    if start is None or start == max(common):
        return row | dict(vs_reference="no_reference", reason=None)
    end = max(common)
    own_change = _value(own, end) / _value(own, start) - 1
    ref_change = _value(ref, end) / _value(ref, start) - 1
    verdict = compare((own_change, own_change), (ref_change, ref_change))
    return row | dict(
        period_start=start, period_end=end, period_change=own_change, reference_change=ref_change, vs_reference=verdict
    )


@register(COUNTY_MONITORING)
def county_progress(conn, *, regions: list[str], reference: str = "00", measures=COUNTY_MEASURES) -> pd.DataFrame:
    """Return COUNTY_COLUMNS: per region and measure, baseline and latest values, the change, and how it compares
    with the reference's over the years both have (period_start–period_end: period_change against
    reference_change).

    vs_reference: faster, slower, same, no_reference (the reference has no period) or None; reason: no_data,
    one_year or None.
    """
    series = county_series(conn, regions=regions, reference=reference, measures=measures)
    rows = []
    for measure in measures:
        mine = series[series["measure"] == measure]
        ref = mine[mine["region"] == reference].set_index("year")["value"]
        for region in regions:
            own = mine[mine["region"] == region]
            values = own.set_index("year")["value"].sort_index()
            rows.append(
                dict(region=region, measure=measure, is_example=bool(own["is_example"].any()))
                | dict(dataset=own["dataset"].iloc[0] if len(own) else None)
                | progress(values, ref)
            )
    return pd.DataFrame(rows, columns=COUNTY_COLUMNS)
