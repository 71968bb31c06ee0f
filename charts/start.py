"""Build the start page's charts: employment over time in the three counties."""

from __future__ import annotations

from figures.overview import employment_lines
from figures.spec import ChartSpec
from i18n import fmt_number, fmt_signed_percent, tx
from indicators.facts import example_share
from indicators.overview import employment_trend
from indicators.regions import region_names

from . import chart
from .sources import source_line

VIEW = "start"
COUNTIES = ["17", "20", "21"]
PARAMS: list = []


def employment_summary(frame, names: dict, lang: str) -> str:
    """Say each county's latest number of employees and its change since the first year."""
    if frame.empty:
        return ""
    first, last = frame["year"].min(), frame["year"].max()
    parts = []
    for region in COUNTIES:
        series = frame[frame["region"] == region].set_index("year")["value"]
        if first in series and last in series:
            change = series[last] / series[first] - 1
            parts.append(f"{names[region]} {fmt_number(series[last], lang)} ({fmt_signed_percent(change, lang)})")
    lead = tx(
        lang, f"Sysselsatta {last} och förändring sedan {first}: ", f"Employees in {last} and change since {first}: "
    )
    return lead + "; ".join(parts) + "."


@chart(VIEW, "employment")
def employment_chart(conn, lang: str) -> ChartSpec:
    """Return employees over time in the three counties."""
    frame = employment_trend(conn, COUNTIES)
    names = region_names(conn, lang)
    table = frame.assign(region=frame["region"].map(names)).rename(
        columns={
            "region": tx(lang, "Region", "Region"),
            "year": tx(lang, "År", "Year"),
            "value": tx(lang, "Sysselsatta", "Employees"),
            "is_example": tx(lang, "Exempeldata", "Example data"),
        }
    )
    return ChartSpec(
        view=VIEW,
        key="employment",
        title=tx(lang, "Sysselsatta i de tre länen", "Employees in the three counties"),
        subtitle=tx(
            lang,
            "Förvärvsarbetande med arbetsställe i länet, alla branscher",
            "Employed persons working in the county, all industries",
        ),
        figure=employment_lines(frame, names, lang),
        table=table,
        source=source_line(conn, lang, ["employees"]),
        data_status=example_share(frame),
        summary=employment_summary(frame, names, lang),
        filename="start_sysselsatta_lan",
    )
