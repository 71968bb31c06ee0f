"""Build the start page's figures."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from i18n import fmt_number, tx

from .style import apply_base, region_color

PARTS_PALETTE = ["#0b5394", "#e69f00", "#009e73", "#cc79a7"]  # colour-blind safe (Okabe-Ito and the house blue)


def employment_lines(frame: pd.DataFrame, names: dict[str, str], lang: str) -> go.Figure:
    """Return one line per region of employees by year (frame: region, year, value)."""
    fig = go.Figure()
    for i, (region, part) in enumerate(frame.groupby("region", sort=False)):
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["value"],
                mode="lines+markers",
                name=names.get(region, region),
                line=dict(color=region_color(region, i), width=3),
                marker=dict(size=6),
                hovertemplate="%{fullData.name}<br>%{x}: %{y:,.0f} "
                + tx(lang, "personer", "persons")
                + "<extra></extra>",
            )
        )
    fig.update_yaxes(title_text=tx(lang, "Sysselsatta", "Employees"), rangemode="tozero", tickformat=",.0f")
    fig.update_xaxes(title_text=tx(lang, "År", "Year"), dtick=2)
    return apply_base(fig, lang, height=380)


def region_lines(frame: pd.DataFrame, names: dict[str, str], lang: str, *, unit: str, title: str, decimals: int = 0):
    """Return one line per region of a series by year (frame: region, year, value); unit goes in the hover."""
    fig = go.Figure()
    number = f"%{{y:,.{decimals}f}}"
    for i, (region, part) in enumerate(frame.groupby("region", sort=False)):
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["value"],
                mode="lines+markers",
                name=names.get(region, region),
                line=dict(color=region_color(region, i), width=3),
                marker=dict(size=6),
                hovertemplate=f"%{{fullData.name}}<br>%{{x}}: {number} {unit}<extra></extra>",
            )
        )
    fig.update_yaxes(title_text=title, rangemode="tozero", tickformat=f",.{decimals}f")
    fig.update_xaxes(title_text=tx(lang, "År", "Year"))
    return apply_base(fig, lang, height=340)


def part_totals(frame: pd.DataFrame, regions: list[str], parts: int) -> pd.Series:
    """Return each region's sum over the parts (frame: region, part, value); NaN where a part lacks a value."""
    known = frame.dropna(subset=["value"])
    complete = known.groupby("region")["part"].nunique().reindex(regions) == parts
    return known.groupby("region")["value"].sum().reindex(regions).where(complete)


def stacked_bars(frame: pd.DataFrame, names: dict[str, str], parts: dict[str, str], lang: str, *, unit: str):
    """Return one horizontal bar per region, stacked by part (frame: region, part, value); totals written at the end,
    "uppgift saknas" where a part has no value (the bar then shows the parts there are, not a total)."""
    fig = go.Figure()
    regions = list(dict.fromkeys(frame["region"]))
    labels = [names.get(r, r) for r in regions]
    base = pd.Series(0.0, index=regions)  # each part starts where the known parts before it end
    for i, (part, label) in enumerate(parts.items()):
        values = frame[frame["part"] == part].set_index("region")["value"].reindex(regions)
        fig.add_trace(
            go.Bar(
                y=labels,
                x=values,
                base=list(base),  # Plotly's own stacking starts a part after a missing one at 0
                name=label,
                orientation="h",
                marker_color=PARTS_PALETTE[i % len(PARTS_PALETTE)],
                customdata=values,
                hovertemplate=f"%{{y}}<br>{label}: %{{customdata:,.0f}} {unit}<extra></extra>",
            )
        )
        base += values.fillna(0.0)
    totals = part_totals(frame, regions, len(parts))
    ends = frame.groupby("region")["value"].sum().reindex(regions)  # where the bar ends, total or not
    missing = tx(lang, "summa:<br>uppgift saknas", "total:<br>no data")  # two short lines: room on a phone
    fig.add_trace(
        go.Scatter(
            y=labels,
            x=ends,
            mode="text",
            text=[missing if t != t else fmt_number(t, lang) for t in totals],
            textposition="middle right",
            cliponaxis=False,  # a total near the end of the axis is written whole, not cut at the plot's edge
            showlegend=False,
            hoverinfo="skip",
        )
    )
    fig.update_layout(barmode="overlay")  # stacked by the bases above
    room = 1.5 if totals.isna().any() else 1.3  # room for the totals written after the bars
    fig.update_xaxes(title_text=unit, range=[0, float(ends.max()) * room], tickformat=",.0f")
    fig.update_yaxes(autorange="reversed")
    return apply_base(fig, lang, height=260)
