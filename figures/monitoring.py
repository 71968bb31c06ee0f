"""Draw the monitoring view: sparklines for its table, small multiples and dot plots for the exports.

On the page the monitoring table is HTML (layouts/monitoring_table.py) with one tiny SVG per series
(sparkline_uri); a slide or an image needs a picture, so the exports draw the same series as small
multiples (small_multiples). Both mark the baseline year the same way: a dashed line and an open dot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from urllib.parse import quote

from i18n import tx

from .style import (
    MUTED_COLOR,
    NEUTRAL_GREY,
    apply_base,
    bar_positions,
    figure,
    heading_lines,
    merge,
    subplots,
    update_axes,
)
from .styrkeomraden import axis_suffix, name_rows, panel_height, row_band

SPARK_WIDTH, SPARK_HEIGHT = 132, 36
EVEN_BAND = (0.4, 0.6)  # a "jämn könsfördelning"
DOT_PX = 16  # pixels of a row's dots under its name


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


def _row_traces(series: Series, axes: dict, hover: str) -> list[dict]:
    """Return the line and its two marks (the baseline open, the latest filled) as trace dicts on the axes."""
    points = series.points()
    marks = [p for p in points if p[0] == series.baseline] + points[-1:]
    line = dict(
        type="scatter",
        x=[p[0] for p in points],
        y=[p[1] for p in points],
        mode="lines",
        line=dict(color=series.color, width=2),
        hovertemplate=hover,
        showlegend=False,
        **axes,
    )
    dots = dict(
        type="scatter",
        x=[p[0] for p in marks],
        y=[p[1] for p in marks],
        mode="markers",
        marker=dict(color=["white", series.color][-len(marks) :], size=7, line=dict(color=series.color, width=2)),
        hoverinfo="skip",
        showlegend=False,
        **axes,
    )
    return [line, dots]


LEFT, RIGHT, GAP = 0.26, 0.9, 0.12  # the small multiples' part of the width (labels left, notes right), column gap


def short_label(text: str, width: int = 46) -> str:
    """Return a label short enough for an axis (the hover and the table keep the whole name)."""
    return text if len(text) <= width else text[: width - 1].rstrip(" ,;") + "…"


def _note(text: str, x: float, y: float, *, anchor: str = "left", size: int = 11, color: str = MUTED_COLOR) -> dict:
    # yanchor fixed: Plotly's "auto" anchors by height on the page, and the rows would drift
    return dict(
        text=text,
        xref="paper",
        x=x,
        xanchor=anchor,
        yref="paper",
        y=y,
        yanchor="middle",
        showarrow=False,
        align=anchor,
        font=dict(size=size, color=color),
    )


def _domains(n: int, cols: int) -> tuple[list, list]:
    """Return the rows' y domains (top first) and the columns' x domains within LEFT..RIGHT."""
    gap = 0.3 / n
    height = (1 - gap * (n - 1)) / n
    rows = [(max(0.0, 1 - i * (height + gap) - height), min(1.0, 1 - i * (height + gap))) for i in range(n)]
    width = (RIGHT - LEFT - GAP * (cols - 1)) / cols
    columns = [(LEFT + j * (width + GAP), LEFT + j * (width + GAP) + width) for j in range(cols)]
    return rows, columns


def small_multiples(
    rows: list[list[Series]], titles: list[str], labels: list[str], lang: str, key: list[tuple[str, str]] = ()
) -> dict:
    """Return one row of small line charts per label (rows[i] holds one Series per column), each with its
    baseline marked and its note ("start → latest") at its right; key: (name, colour) of the row colours.

    Built as plain axes and shapes (make_subplots' add_vline per cell took seconds for 15 rows); every cell
    shares the years' range, so a baseline sits at the same place in every row.
    """
    n, cols = max(len(rows), 1), len(titles)
    y_domains, x_domains = _domains(n, cols)
    years = [p[0] for row in rows for series in row for p in series.points()] or [0, 1]
    span = [min(years) - 0.5, max(years) + 0.5]
    layout, traces, shapes = {}, [], []
    notes = [
        _note(t, sum(x) / 2, 1.0, anchor="center", size=14, color="#1f2328") | {"yanchor": "bottom"}
        for t, x in zip(titles, x_domains)
    ]
    for i in range(n):
        for j in range(cols):
            k = i * cols + j + 1
            suffix = "" if k == 1 else str(k)
            layout[f"xaxis{suffix}"] = dict(
                domain=x_domains[j],
                anchor=f"y{suffix}",
                range=span,
                showgrid=False,
                showticklabels=i == n - 1,
                tickfont=dict(size=10),
                nticks=4,
            )
            layout[f"yaxis{suffix}"] = dict(
                domain=y_domains[i], anchor=f"x{suffix}", showticklabels=False, showgrid=False, zeroline=False
            )
            if i >= len(rows) or j >= len(rows[i]):
                continue
            series, axes = rows[i][j], dict(xaxis=f"x{suffix}", yaxis=f"y{suffix}")
            traces += _row_traces(series, axes, f"{series.label}<br>%{{x}}: %{{y:,.2f}}<extra></extra>")
            if series.baseline is not None:
                shapes.append(
                    dict(
                        type="line",
                        xref=f"x{suffix}",
                        yref=f"y{suffix} domain",
                        x0=series.baseline,
                        x1=series.baseline,
                        y0=0,
                        y1=1,
                        line=dict(color=MUTED_COLOR, dash="dash", width=1),
                    )
                )
            if series.level is not None:
                shapes.append(
                    dict(
                        type="line",
                        xref=f"x{suffix} domain",
                        yref=f"y{suffix}",
                        x0=0,
                        x1=1,
                        y0=series.level,
                        y1=series.level,
                        line=dict(color=NEUTRAL_GREY, dash="dot", width=1),
                    )
                )
            notes.append(_note(series.note, x_domains[j][1] + 0.005, sum(y_domains[i]) / 2))
        if i < len(labels):
            notes.append(_note(short_label(labels[i]), 0, sum(y_domains[i]) / 2, color="#1f2328"))
    if key:
        words = "   ".join(f"<span style='color:{color}'>●</span> {name}" for name, color in key)
        notes.append(_note(words, 0, 1.0, color="#1f2328") | {"yanchor": "bottom"})
    fig = figure(traces, dict(layout, shapes=shapes, annotations=notes))
    fig = apply_base(fig, lang, height=110 + 44 * n, legend=False)
    merge(fig["layout"], dict(margin=dict(l=10, r=10, t=50, b=20)))
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


def share_dots(panels: list[Panel], lang: str) -> dict:
    """Return one dot plot per panel (stacked) of shares of women on a 0–100 % axis, the even band (40–60 %)
    shaded; each panel's title is its first row (a heading without dots), each row's whole name written above
    its dots (a phone has no room beside them), each series name once in the legend."""
    titles = [p.title for p in panels]
    fig = subplots(rows=max(len(panels), 1), cols=1, shared_xaxes=True)
    names = [[p.title, *p.labels] for p in panels]
    band, row_px = row_band(DOT_PX, heading_lines([n for row in names for n in row]) if panels else 1)
    seen: set[str] = set()
    shapes = []
    for i, panel in enumerate(panels):
        sx = axis_suffix(i)
        for name, values, mark in panel.series:
            fig["data"].append(
                dict(
                    type="scatter",
                    x=[None, *values],
                    y=bar_positions(len(panel.labels) + 1, band),
                    mode="markers",
                    name=name,
                    marker=mark,
                    legendgroup=name,
                    showlegend=name not in seen,
                    customdata=["", *panel.labels],
                    hovertemplate=f"{name}<br>%{{customdata}}: %{{x:.0%}}<extra></extra>",
                    xaxis=f"x{sx}",
                    yaxis=f"y{sx}",
                )
            )
            seen.add(name)
        shapes.append(  # the even band, as add_vrect draws it
            dict(
                type="rect",
                x0=EVEN_BAND[0],
                x1=EVEN_BAND[1],
                xref=f"x{sx}",
                y0=0,
                y1=1,
                yref=f"y{sx} domain",
                fillcolor="#dde3ea",
                opacity=0.6,
                line=dict(width=0),
                layer="below",
            )
        )
    fig["layout"]["shapes"] = shapes
    name_rows(fig, titles if len(titles) > 1 else [""], names, band=band)
    # every panel its own percentages: a slide or a phone screen may show one panel alone
    update_axes(fig, "x", range=[0, 1], tickvals=[0, 0.25, 0.5, 0.75, 1], tickformat=".0%", showticklabels=True)
    last = fig["layout"].setdefault(f"xaxis{axis_suffix(max(len(panels), 1) - 1)}", {})
    last["title"] = dict(text=tx(lang, "Andel kvinnor", "Share of women"))
    return panel_height(fig, lang, [range(len(n)) for n in names] or [range(1)], row_px)
