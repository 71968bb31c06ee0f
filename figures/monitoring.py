"""Draw the monitoring view: sparklines for its table, small multiples and dot plots for the exports.

On the page the monitoring table is HTML (layouts/monitoring_table.py) with one tiny SVG per series
(sparkline_uri); a slide or an image needs a picture, so the exports draw the same series as small
multiples (small_multiples). Both mark the baseline year the same way: a dashed line and an open dot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from urllib.parse import quote

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from i18n import tx

from .style import MUTED_COLOR, NEUTRAL_GREY, apply_base

SPARK_WIDTH, SPARK_HEIGHT = 132, 36
EVEN_BAND = (0.4, 0.6)  # a "jämn könsfördelning"


@dataclass
class Series:
    """One small multiple: a row label, years and values, the baseline year, a colour, a reference level."""

    label: str
    years: list[int]
    values: list[float]
    baseline: int | None
    color: str
    level: float | None = None  # a dotted line (a location quotient of 1)
    note: str = ""  # written at the row's right end (start → latest)
    extra: dict = field(default_factory=dict)

    def points(self) -> list[tuple[int, float]]:
        return [(int(y), float(v)) for y, v in zip(self.years, self.values) if v is not None and not math.isnan(v)]


def sparkline_svg(series: Series, width: int = SPARK_WIDTH, height: int = SPARK_HEIGHT) -> str:
    """Return a small SVG line of the series: the baseline marked by a dashed line and an open dot, the latest
    value by a filled dot; a dotted line at series.level where it lies within the range."""
    points = series.points()
    if not points:
        return ""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    low, high = min(ys + ([series.level] if series.level is not None else [])), max(ys)
    if series.level is not None:
        high = max(high, series.level)
    span_x, span_y = (max(xs) - min(xs)) or 1, (high - low) or abs(high) or 1
    pad = 4

    def at(x, y):
        return (
            round(pad + (x - min(xs)) / span_x * (width - 2 * pad), 1),
            round(height - pad - (y - low) / span_y * (height - 2 * pad), 1),
        )

    line = " ".join(f"{a},{b}" for a, b in (at(x, y) for x, y in points))
    parts = [f'<polyline points="{line}" fill="none" stroke="{series.color}" stroke-width="1.8"/>']
    if series.level is not None and low <= series.level <= high:
        y = at(min(xs), series.level)[1]
        parts.insert(0, f'<line x1="0" x2="{width}" y1="{y}" y2="{y}" stroke="{MUTED_COLOR}" stroke-dasharray="1,2"/>')
    if series.baseline in xs:
        bx, by = at(series.baseline, ys[xs.index(series.baseline)])
        parts.insert(
            0, f'<line x1="{bx}" x2="{bx}" y1="0" y2="{height}" stroke="{MUTED_COLOR}" stroke-dasharray="3,2"/>'
        )
        parts.append(f'<circle cx="{bx}" cy="{by}" r="3" fill="white" stroke="{series.color}" stroke-width="1.5"/>')
    lx, ly = at(xs[-1], ys[-1])
    parts.append(f'<circle cx="{lx}" cy="{ly}" r="3" fill="{series.color}"/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">{"".join(parts)}</svg>'
    )


def sparkline_uri(series: Series) -> str:
    """Return the sparkline as a data: address for an <img> (the page's CSP allows data: images)."""
    svg = sparkline_svg(series)
    return "data:image/svg+xml;charset=utf-8," + quote(svg) if svg else ""


def _row_trace(series: Series, hover: str) -> list[go.Scatter]:
    points = series.points()
    traces = [
        go.Scatter(
            x=[p[0] for p in points],
            y=[p[1] for p in points],
            mode="lines",
            line=dict(color=series.color, width=2),
            hovertemplate=hover,
            showlegend=False,
        )
    ]
    marks = [p for p in points if p[0] == series.baseline] + points[-1:]
    traces.append(
        go.Scatter(
            x=[p[0] for p in marks],
            y=[p[1] for p in marks],
            mode="markers",
            marker=dict(color=["white", series.color][-len(marks) :], size=7, line=dict(color=series.color, width=2)),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    return traces


def small_multiples(rows: list[list[Series]], titles: list[str], labels: list[str], lang: str) -> go.Figure:
    """Return one row of small line charts per label (rows[i] holds one Series per column), each with its
    baseline marked; each column's last series note is written at the row's right end."""
    n, cols = len(rows), len(titles)
    fig = make_subplots(
        rows=max(n, 1), cols=cols, column_titles=titles, horizontal_spacing=0.12, vertical_spacing=0.25 / max(n, 1)
    )
    for i, row in enumerate(rows, start=1):
        for j, series in enumerate(row, start=1):
            hover = f"{series.label}<br>%{{x}}: %{{y:,.2f}}<extra></extra>"
            for trace in _row_trace(series, hover):
                fig.add_trace(trace, row=i, col=j)
            if series.baseline is not None:
                fig.add_vline(x=series.baseline, line=dict(color=MUTED_COLOR, dash="dash", width=1), row=i, col=j)
            if series.level is not None:
                fig.add_hline(y=series.level, line=dict(color=NEUTRAL_GREY, dash="dot", width=1), row=i, col=j)
            axis = fig.get_subplot(i, j)
            if series.note:
                fig.add_annotation(
                    text=series.note,
                    xref="paper",
                    x=axis.xaxis.domain[1],
                    xanchor="left",
                    yref="paper",
                    y=sum(axis.yaxis.domain) / 2,
                    showarrow=False,
                    font=dict(size=11, color=MUTED_COLOR),
                    align="left",
                )
        axis = fig.get_subplot(i, 1)
        fig.add_annotation(
            text=labels[i - 1],
            xref="paper",
            x=0,
            xanchor="right",
            xshift=-40,
            yref="paper",
            y=sum(axis.yaxis.domain) / 2,
            showarrow=False,
            align="right",
            font=dict(size=12),
        )
    fig.update_xaxes(showgrid=False, tickfont=dict(size=10), nticks=4)
    fig.update_yaxes(tickfont=dict(size=10), nticks=3, tickformat=",.2~f")
    fig = apply_base(fig, lang, height=110 + 70 * max(n, 1), legend=False)
    fig.update_layout(margin=dict(l=300, r=140, t=50, b=20))
    return fig


@dataclass
class Panel:
    """One panel of a dot plot of shares: a title, row labels and named series of shares (None: no mark)."""

    title: str
    labels: list[str]
    series: list[tuple[str, list, dict]]  # (name, values, marker)


def marker(kind: str, color: str = "#000000") -> dict:
    """Return the marker of a kind of share: own (filled dot), reference (a tick), managers (open diamond)."""
    return {
        "own": dict(color=color, symbol="circle", size=11),
        "reference": dict(color=MUTED_COLOR, symbol="line-ns-open", size=16, line=dict(width=3, color=MUTED_COLOR)),
        "managers": dict(color="#000000", symbol="diamond-open", size=11, line=dict(width=2)),
    }[kind]


def share_dots(panels: list[Panel], lang: str) -> go.Figure:
    """Return one dot plot per panel (stacked) of shares of women on a 0–100 % axis, the even band (40–60 %)
    shaded; each series name appears once in the legend."""
    heights = [max(len(p.labels), 1) for p in panels] or [1]
    fig = make_subplots(
        rows=len(heights),
        cols=1,
        row_heights=heights,
        subplot_titles=[p.title for p in panels],
        vertical_spacing=0.16 / len(heights) if len(heights) > 1 else 0,
    )
    seen: set[str] = set()
    for i, panel in enumerate(panels, start=1):
        fig.add_vrect(
            x0=EVEN_BAND[0],
            x1=EVEN_BAND[1],
            fillcolor="#dde3ea",
            opacity=0.6,
            line_width=0,
            layer="below",
            row=i,
            col=1,
        )
        for name, values, mark in panel.series:
            fig.add_trace(
                go.Scatter(
                    x=values,
                    y=panel.labels,
                    mode="markers",
                    name=name,
                    marker=mark,
                    legendgroup=name,
                    showlegend=name not in seen,
                    hovertemplate=f"{name}<br>%{{y}}: %{{x:.0%}}<extra></extra>",
                ),
                row=i,
                col=1,
            )
            seen.add(name)
        fig.update_yaxes(autorange="reversed", row=i, col=1)
    fig.update_xaxes(range=[0, 1], tickformat=".0%")
    fig.update_xaxes(title_text=tx(lang, "Andel kvinnor", "Share of women"), row=len(heights), col=1)
    fig.update_annotations(font=dict(size=13), x=0, xanchor="left")
    fig = apply_base(fig, lang, height=150 + 34 * sum(heights) + 50 * (len(heights) - 1))
    fig.update_layout(margin=dict(t=80), legend=dict(y=0.995, yanchor="top", yref="container"))
    return fig
