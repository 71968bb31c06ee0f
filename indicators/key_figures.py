"""Compute the start page's "Regionen i siffror": employment, new firms, R&D and innovation per county.

Per region (the three counties, and Norra Mellansverige and Sweden where the data has them) and topic,
the series of real values and the latest one, each with its dataset and source. New firms are put per
1,000 inhabitants only where the population of the same region and year is in the store; otherwise the
count is given with the reason (reason no_population). Example data is never used here: a topic without
real data gives a row with reason no_data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import select

from data import schema as s
from data.measures import BY_CODE

from .facts import load_facts
from .meta import IndicatorMeta, register

REGIONS = ("17", "20", "21", "SE31", "00")
TOPICS = {  # topic: measures shown for it
    "employment": ("employees",),
    "new_firms": ("new_firms",),
    "rd": ("rd_business", "rd_public", "rd_higher_education"),
    "innovation_index": ("innovation_index",),
}
COUNTS = {"employees", "new_firms", "population"}  # counts of persons or firms; the rest is shown as published
COLUMNS = ["region", "topic", "measure", "year", "value", "unit_sv", "unit_en", "basis", "reason", "dataset"]
COLUMNS += ["source", "is_example"]

KEY_FIGURES = IndicatorMeta(
    key="key_figures",
    title_sv="Regionen i siffror",
    title_en="The region in figures",
    unit_sv="personer, företag (per 1 000 invånare där folkmängden finns), kr per invånare, index",
    unit_en="persons, firms (per 1,000 inhabitants where the population is known), SEK per inhabitant, index",
    definition_sv=(
        "Senaste verkliga värde och serien för varje län (och Norra Mellansverige och riket där källan har dem): "
        "sysselsatta, nystartade företag, utgifter för egen FoU per sektor och Reglabs innovationsindex. Nystartade "
        "företag räknas per 1 000 invånare bara där folkmängden samma år finns; annars visas antalet och varför."
    ),
    definition_en=(
        "The latest real value and the series for each county (and North Middle Sweden and Sweden where the "
        "source has them): employed persons, new firms, expenditure on own R&D by sector and Reglab's innovation "
        "index. New firms are put per 1,000 inhabitants only where the population of the same year is known; "
        "otherwise the count is shown, with the reason."
    ),
    formula="nya företag per 1 000 invånare = nya företag / folkmängd · 1 000 (samma region och år)",
    measures=(
        "employees",
        "new_firms",
        "population",
        "rd_business",
        "rd_public",
        "rd_higher_education",
        "innovation_index",
    ),
    view="start",
)


def _sources(conn) -> dict[str, str]:
    d = s.dataset
    return dict(conn.execute(select(d.c.code, d.c.source)).all())


def _series(conn, topic: str, measure: str, regions, sources) -> pd.DataFrame:
    """Return the real series of one measure for the regions (all industries), from one dataset."""
    facts = load_facts(conn, measure, regions=list(regions), industries=["TOTAL"])
    facts = facts[~facts["is_example"]]
    spec = BY_CODE[measure]
    return pd.DataFrame(
        {
            "region": facts["region"],
            "topic": topic,
            "measure": measure,
            "year": facts["year"],
            "value": facts["value"],
            "unit_sv": spec.unit_sv,
            "unit_en": spec.unit_en,
            "basis": "count" if measure in COUNTS else "as_published",
            "reason": None,
            "dataset": facts["dataset"],
            "source": facts["dataset"].map(sources),
            "is_example": False,
        },
        columns=COLUMNS,
    )


def per_inhabitants(firms: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Return new firms per 1,000 inhabitants where the same region and year has a population, else the count
    with reason no_population (and the population's dataset named in source)."""
    pop = population[["region", "year", "value", "dataset"]].rename(columns={"value": "_pop", "dataset": "_pop_set"})
    out = firms.merge(pop, on=["region", "year"], how="left")
    has = out["_pop"].to_numpy(float) > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = out["value"].to_numpy(float) / out["_pop"].to_numpy(float) * 1000
    out["value"] = np.where(has, rate, out["value"])
    out["basis"] = np.where(has, "per_1000_inhabitants", "count")
    out["unit_sv"] = np.where(has, "företag per 1 000 invånare", out["unit_sv"])
    out["unit_en"] = np.where(has, "firms per 1,000 inhabitants", out["unit_en"])
    out["reason"] = np.where(has, None, "no_population")
    out["source"] = np.where(has, out["source"] + " och " + out["_pop_set"].fillna(""), out["source"])
    return out[COLUMNS]


@register(KEY_FIGURES)
def region_figures(conn, *, regions=REGIONS, topics=None) -> pd.DataFrame:
    """Return every real value of the topics (default: all of TOPICS) by region and year: region, topic, measure,
    year, value, unit_sv, unit_en, basis (count | per_1000_inhabitants | as_published), reason, dataset, source,
    is_example."""
    sources = _sources(conn)
    parts = []
    for topic, measures in TOPICS.items():
        if topics is not None and topic not in topics:
            continue
        for measure in measures:
            frame = _series(conn, topic, measure, regions, sources)
            if measure == "new_firms":
                frame = per_inhabitants(frame, _series(conn, topic, "population", regions, sources))
            parts.append(frame)
    out = pd.concat([p for p in parts if not p.empty], ignore_index=True) if any(not p.empty for p in parts) else None
    if out is None:
        return pd.DataFrame(columns=COLUMNS)
    return out.sort_values(["region", "topic", "measure", "year"], kind="stable").reset_index(drop=True)


def latest_region_figures(conn, *, regions=REGIONS) -> pd.DataFrame:
    """Return the latest real value per region, topic and measure (COLUMNS); a pair without any is a row with
    value NaN and reason no_data, so a view says "uppgift saknas" instead of leaving it out."""
    series = region_figures(conn, regions=regions)
    latest = series.sort_values("year").groupby(["region", "measure"], as_index=False).tail(1)
    rows = []
    for region in regions:
        for topic, measures in TOPICS.items():
            for measure in measures:
                found = latest[(latest["region"] == region) & (latest["measure"] == measure)]
                if found.empty:
                    spec = BY_CODE[measure]
                    rows.append(
                        dict(region=region, topic=topic, measure=measure, year=None, value=np.nan, unit_sv=spec.unit_sv)
                        | dict(unit_en=spec.unit_en, basis=None, reason="no_data", dataset=None, source=None)
                        | dict(is_example=False)
                    )
                else:
                    rows.append(found.iloc[0].to_dict())
    return pd.DataFrame(rows, columns=COLUMNS)
