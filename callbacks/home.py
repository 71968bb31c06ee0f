"""Build the start page's chart."""

from __future__ import annotations

from dash import Input, callback

from figures.overview import employment_lines
from figures.spec import ChartSpec
from i18n import fmt_number, fmt_signed_percent, tx
from indicators.facts import example_share
from indicators.overview import employment_trend
from indicators.regions import region_names
from layouts import ids
from layouts.chart import chart_outputs, render_safely
from layouts.params import lang_from, query_dict

from .registry import build_chart, chart
from .sources import source_line

COUNTIES = ["17", "20", "21"]


@chart("start", "employment")
def employment_chart(conn, lang: str) -> ChartSpec:
    """Return employees over time in the three counties."""
    frame = employment_trend(conn, COUNTIES)
    names = region_names(conn, lang)
    fig = employment_lines(frame, names, lang)
    table = frame.assign(region=frame["region"].map(names))
    table = table.rename(
        columns={
            "region": tx(lang, "Region", "Region"),
            "year": tx(lang, "År", "Year"),
            "value": tx(lang, "Sysselsatta", "Employees"),
            "is_example": tx(lang, "Exempeldata", "Example data"),
        }
    )
    summary = ""
    if not frame.empty:
        first, last = frame["year"].min(), frame["year"].max()
        parts = []
        for region in COUNTIES:
            series = frame[frame["region"] == region].set_index("year")["value"]
            if first in series and last in series:
                change = series[last] / series[first] - 1
                parts.append(f"{names[region]} {fmt_number(series[last], lang)} ({fmt_signed_percent(change, lang)})")
        summary = (
            tx(
                lang,
                f"Sysselsatta {last} och förändring sedan {first}: ",
                f"Employees in {last} and change since {first}: ",
            )
            + "; ".join(parts)
            + "."
        )
    return ChartSpec(
        view="start",
        key="employment",
        title=tx(lang, "Sysselsatta i de tre länen", "Employees in the three counties"),
        subtitle=tx(
            lang,
            "Förvärvsarbetande med arbetsställe i länet, alla branscher",
            "Employed persons working in the county, all industries",
        ),
        figure=fig,
        table=table,
        source=source_line(conn, lang, ["employees"]),
        data_status=example_share(frame),
        summary=summary,
        filename="start_sysselsatta_lan",
    )


@callback(chart_outputs("start", "employment"), Input(ids.URL, "search"))
def show_employment(search):
    """Fill the start page's chart."""
    query = query_dict(search)
    return render_safely(lambda: build_chart("start", "employment", query), lang_from(query), query)
