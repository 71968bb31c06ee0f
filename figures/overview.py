"""Build the start page's figures."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from i18n import tx

from .style import apply_base, region_color


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
