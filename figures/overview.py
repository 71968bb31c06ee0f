"""Build the start page's figures."""

from __future__ import annotations

import pandas as pd

from i18n import fmt_number, tx

from .style import apply_base, figure, region_color

PARTS_PALETTE = ["#0b5394", "#e69f00", "#009e73", "#cc79a7"]  # colour-blind safe (Okabe-Ito and the house blue)


def _lines(frame: pd.DataFrame, names: dict[str, str], hovertemplate: str) -> list[dict]:
    """Return one line trace per region, in the frame's order (frame: region, year, value)."""
    return [
        dict(
            type="scatter",
            x=part["year"].tolist(),
            y=part["value"].tolist(),
            mode="lines+markers",
            name=names.get(region, region),
            line=dict(color=region_color(region, i), width=3),
            marker=dict(size=6),
            hovertemplate=hovertemplate,
        )
        for i, (region, part) in enumerate(frame.groupby("region", sort=False))
    ]


def employment_lines(frame: pd.DataFrame, names: dict[str, str], lang: str) -> dict:
    """Return one line per region of employees by year (frame: region, year, value)."""
    hover = "%{fullData.name}<br>%{x}: %{y:,.0f} " + tx(lang, "personer", "persons") + "<extra></extra>"
    layout = dict(
        yaxis=dict(title=dict(text=tx(lang, "Sysselsatta", "Employees")), rangemode="tozero", tickformat=",.0f"),
        xaxis=dict(title=dict(text=tx(lang, "År", "Year")), dtick=2),
    )
    return apply_base(figure(_lines(frame, names, hover), layout), lang, height=380)


def region_lines(frame: pd.DataFrame, names: dict[str, str], lang: str, *, unit: str, title: str, decimals: int = 0):
    """Return one line per region of a series by year (frame: region, year, value); unit goes in the hover."""
    number = f"%{{y:,.{decimals}f}}"
    hover = f"%{{fullData.name}}<br>%{{x}}: {number} {unit}<extra></extra>"
    layout = dict(
        yaxis=dict(title=dict(text=title), rangemode="tozero", tickformat=f",.{decimals}f"),
        xaxis=dict(title=dict(text=tx(lang, "År", "Year"))),
    )
    return apply_base(figure(_lines(frame, names, hover), layout), lang, height=340)


def part_totals(frame: pd.DataFrame, regions: list[str], parts: int) -> pd.Series:
    """Return each region's sum over the parts (frame: region, part, value); NaN where a part lacks a value."""
    known = frame.dropna(subset=["value"])
    complete = known.groupby("region")["part"].nunique().reindex(regions) == parts
    return known.groupby("region")["value"].sum().reindex(regions).where(complete)


def stacked_bars(frame: pd.DataFrame, names: dict[str, str], parts: dict[str, str], lang: str, *, unit: str):
    """Return one horizontal bar per region, stacked by part (frame: region, part, value); totals written at the end,
    "uppgift saknas" where a part has no value (the bar then shows the parts there are, not a total)."""
    traces = []
    regions = list(dict.fromkeys(frame["region"]))
    labels = [names.get(r, r) for r in regions]
    base = pd.Series(0.0, index=regions)  # each part starts where the known parts before it end
    for i, (part, label) in enumerate(parts.items()):
        values = frame[frame["part"] == part].set_index("region")["value"].reindex(regions)
        traces.append(
            dict(
                type="bar",
                y=labels,
                x=values.tolist(),
                base=base.tolist(),  # Plotly's own stacking starts a part after a missing one at 0
                name=label,
                orientation="h",
                marker=dict(color=PARTS_PALETTE[i % len(PARTS_PALETTE)]),
                customdata=values.tolist(),
                hovertemplate=f"%{{y}}<br>{label}: %{{customdata:,.0f}} {unit}<extra></extra>",
            )
        )
        base += values.fillna(0.0)
    totals = part_totals(frame, regions, len(parts))
    ends = frame.groupby("region")["value"].sum().reindex(regions)  # where the bar ends, total or not
    missing = tx(lang, "summa:<br>uppgift saknas", "total:<br>no data")  # two short lines: room on a phone
    traces.append(
        dict(
            type="scatter",
            y=labels,
            x=ends.tolist(),
            mode="text",
            text=[missing if t != t else fmt_number(t, lang) for t in totals],
            textposition="middle right",
            cliponaxis=False,  # a total near the end of the axis is written whole, not cut at the plot's edge
            showlegend=False,
            hoverinfo="skip",
        )
    )
    room = 1.5 if totals.isna().any() else 1.3  # room for the totals written after the bars
    layout = dict(
        barmode="overlay",  # stacked by the bases above
        xaxis=dict(title=dict(text=unit), range=[0, float(ends.max()) * room], tickformat=",.0f"),
        yaxis=dict(autorange="reversed"),
    )
    return apply_base(figure(traces, layout), lang, height=260)
