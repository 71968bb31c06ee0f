"""Compute the overview numbers shown on the start page."""

from __future__ import annotations

import pandas as pd

from .facts import load_facts
from .meta import IndicatorMeta, register

EMPLOYMENT_TREND = IndicatorMeta(
    key="employment_trend",
    title_sv="Sysselsatta över tid",
    title_en="Employees over time",
    unit_sv="personer",
    unit_en="persons",
    definition_sv="Antal förvärvsarbetande med arbetsställe i regionen (dagbefolkning), alla branscher.",
    definition_en="Number of employed persons whose workplace is in the region (daytime population), all industries.",
    formula="e_r,TOTAL per år",
    measures=("employees",),
    view="start",
)


@register(EMPLOYMENT_TREND)
def employment_trend(conn, regions: list[str]) -> pd.DataFrame:
    """Return employees in all industries by region and year: region, year, value, is_example."""
    df = load_facts(conn, "employees", regions=regions, industries=["TOTAL"])
    return df[["region", "year", "value", "is_example"]].sort_values(["region", "year"]).reset_index(drop=True)
