"""Build the Styrkeområden figures of specialisation: bubble chart, ranked quotients, heatmap.

Builders take frames that already carry display names in the page's language. Each region is a
panel of its own (the three counties side by side); the class of an industry is told by colour,
symbol and words (legend, labels, hover), never by colour alone.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd

from i18n import fmt_number, fmt_signed_percent, tx

from .style import (
    DIVERGING,
    HEADING_LINE,
    MUTED_COLOR,
    TEXT_COLOR,
    apply_base,
    bar_positions,
    figure,
    heading_lines,
    mark_rows,
    merge,
    row_axis,
    row_headings,
    subplots,
    update_axes,
)

CATEGORY_STYLE = {  # class: (colour, symbol); Okabe-Ito colours, distinct shapes
    "helhetlig": ("#0072B2", "diamond"),
    "styrka": ("#009E73", "circle"),
    "framvaxande": ("#E69F00", "square"),
    "ovrig": ("#8c959f", "circle-open"),
}
LQ_TICKS = [0.125, 0.25, 0.5, 1, 2, 4, 8, 16]
BAR_HEIGHT = 24
BAR_PX = 16  # a bar's thickness on screen; its name takes the lines above it
PANEL_FIXED = 150  # pixels of a panel figure besides its rows: axis title, legend, margins
PANEL_GAP = 90  # pixels between stacked panels (the region's name)
HEATMAP_CELL = 24  # pixels of a heatmap cell's height; its row's name takes the gap above
HEATMAP_FIXED = 150  # pixels of the heatmap besides its rows: region names, colour scale, margins


def short(name: str, width: int = 32) -> str:
    """Return a name short enough for an axis label (the hover and the table keep it whole)."""
    return name if len(name) <= width else name[: width - 1].rstrip(" ,;") + "…"


def panel_figure(titles: list[str]) -> dict:
    """Return a figure with one panel per region, stacked, each region named above its panel."""
    if len(titles) <= 1:
        return figure([], {})
    return subplots(rows=len(titles), cols=1, subplot_titles=list(titles), vertical_spacing=0.24 / len(titles))


def axis_suffix(i: int) -> str:
    return "" if i == 0 else str(i + 1)


def lq_axis_ticks(values, lang: str) -> dict:
    """Return log-axis settings that cover the values, ticks written in the language."""
    positive = [v for v in values if v and v > 0 and math.isfinite(v)]
    low, high = (min(positive), max(positive)) if positive else (0.5, 2)
    low, high = min(low, 0.9) * 0.8, max(high, 1.1) * 1.25
    ticks = [t for t in LQ_TICKS if low <= t <= high] or [1]
    return dict(
        type="log",
        range=[math.log10(low), math.log10(high)],
        tickvals=ticks,
        ticktext=[fmt_number(t, lang, 0 if t >= 1 else 2 if t < 0.5 else 1) for t in ticks],
    )


def bubble_chart(frame: pd.DataFrame, panels: list[str], lang: str, *, growth: float, reference: str) -> dict:
    """Return LQ (x, log) against employment change (y, %) with bubble size = employees, one panel per region.

    frame: panel, name, value, lq, change, change_pct, category, category_name, label (a number written at
    the bubble, its name in the chart's key below; "" for none: names would overlap on a phone).
    growth: the reference's total change (share), drawn as the horizontal reference line.
    """
    several = len(panels) > 1
    fig = panel_figure(panels)  # stacked: each region full width, readable on a phone too
    sizeref = 2.0 * max(float(frame["value"].max()) if not frame.empty else 1.0, 1.0) / (46**2)
    hover = (
        "<b>%{customdata[0]}</b><br>"
        + tx(lang, "Sysselsatta", "Employees")
        + ": %{customdata[1]:,.0f}<br>"
        + tx(lang, "Lokaliseringskvot", "Location quotient")
        + ": %{x:.2f}<br>"
        + tx(lang, "Förändring", "Change")
        + ": %{customdata[2]:+,.0f} (%{y:+.1f} %)<br>%{customdata[3]}<extra></extra>"
    )
    shapes, notes = [], []
    for i, panel in enumerate(panels):
        part = frame[frame["panel"] == panel]
        for category, (colour, symbol) in CATEGORY_STYLE.items():
            rows = part[part["category"] == category]
            if rows.empty:
                continue
            trace = dict(
                type="scatter",
                x=rows["lq"].tolist(),
                y=(rows["change_pct"] * 100).tolist(),
                mode="markers+text",
                text=list(rows["label"]),
                # On the bubble itself, with a white halo: numbered bubbles lie apart (the chart's
                # builder sees to it), so their numbers do too, whatever the bubbles' sizes.
                textposition="middle center",
                textfont=dict(size=12, color=TEXT_COLOR, weight="bold", shadow="auto"),
                cliponaxis=False,
                name=rows["category_name"].iloc[0],
                legendgroup=category,
                showlegend=i == 0,
                marker=dict(
                    size=rows["value"].clip(lower=0).tolist(),
                    sizemode="area",
                    sizeref=sizeref,
                    sizemin=4,
                    color=colour,
                    symbol=symbol,
                    opacity=0.75,
                    line=dict(width=1, color="white" if category != "ovrig" else colour),
                ),
                customdata=np.stack([rows["name"], rows["value"], rows["change"], rows["category_name"]], axis=-1)
                .astype(object)
                .tolist(),
                hovertemplate=hover,
            )
            fig["data"].append({**trace, **cell_axis(i, panels)})
        quadrants(shapes, notes, i, lang, growth=growth, reference=reference)
    layout = fig["layout"]
    layout.update(shapes=shapes, annotations=[*layout.get("annotations", []), *notes])
    update_axes(fig, "x", **lq_axis_ticks(frame["lq"], lang))
    title = tx(lang, "Lokaliseringskvot<br>(logaritmisk skala)", "Location quotient<br>(log scale)")
    update_axes(fig, "x", title=dict(text=title))
    # Empty bands above and below the bubbles hold the quadrants' names, clear of the numbers.
    change = (frame["change_pct"] * 100).dropna()
    low, high = (float(change.min()), float(change.max())) if len(change) else (-1.0, 1.0)
    pad = max(high - low, 1.0) * 0.22
    update_axes(fig, "y", ticksuffix=" %" if lang != "en" else "%", zeroline=True, range=[low - pad, high + pad])
    update_axes(fig, "y", title=dict(text=tx(lang, "Förändring av sysselsatta", "Change in employees")))
    fig = apply_base(fig, lang, height=540 if not several else 140 + 400 * len(panels))
    if several:
        fig["layout"]["meta"] = {"panels": len(panels)}  # a slide per region
    return fig


def quadrants(shapes: list, notes: list, i: int, lang: str, *, growth: float, reference: str) -> None:
    """Add LQ = 1 and the reference's growth as dashed lines, and the four quadrants' names in words."""
    sx = axis_suffix(i)
    line = dict(color=MUTED_COLOR, dash="dash", width=1.5)
    shapes.append(dict(type="line", xref=f"x{sx}", yref=f"y{sx} domain", x0=1, x1=1, y0=0, y1=1, line=line))
    muted = dict(size=11, color=MUTED_COLOR)
    if growth is not None and math.isfinite(growth):
        y = growth * 100
        shapes.append(
            dict(type="line", xref=f"x{sx} domain", yref=f"y{sx}", x0=0, x1=1, y0=y, y1=y, line={**line, "dash": "dot"})
        )
        text = f"{reference} {fmt_signed_percent(growth, lang)}"
        notes.append(
            dict(
                xref=f"x{sx} domain",
                yref=f"y{sx}",
                x=0,
                y=y,
                xanchor="left",
                yanchor="bottom",
                text=text,
                showarrow=False,
                font=muted,
            )
        )
    corners = [
        (1, 1, "right", "top", tx(lang, "Specialiserad<br>och växande", "Specialised<br>and growing")),
        (1, 0, "right", "bottom", tx(lang, "Specialiserad,<br>växer långsammare", "Specialised,<br>growing slower")),
        (0, 1, "left", "top", tx(lang, "Växande,<br>ej specialiserad", "Growing,<br>not specialised")),
        (0, 0, "left", "bottom", tx(lang, "Varken<br>eller", "Neither")),
    ]
    for x, y, xa, ya, text in corners:
        notes.append(
            dict(
                xref=f"x{sx} domain",
                yref=f"y{sx} domain",
                x=x,
                y=y,
                xanchor=xa,
                yanchor=ya,
                align=xa,
                text=f"<i>{text}</i>",
                showarrow=False,
                font=muted,
            )
        )


def lq_bars(frame: pd.DataFrame, panels: list[str], lang: str) -> dict:
    """Return ranked horizontal bars of LQ, one stacked panel per region, the quotient and stars as text.

    Each industry's full name is written above its bar (a phone has no room beside it).
    frame: panel, name, lq, stars (int), category, category_name; rows in the order to draw, highest first.
    """
    fig = panel_figure(panels)
    parts = [frame[frame["panel"] == panel] for panel in panels]
    band, row_px = row_band(BAR_PX, heading_lines(frame["name"]))
    shapes = []
    for i, part in enumerate(parts):
        position = dict(zip(part["name"], bar_positions(len(part), band)))
        for category, (colour, _symbol) in CATEGORY_STYLE.items():
            rows = part[part["category"] == category]
            if rows.empty:
                continue
            trace = dict(
                type="bar",
                x=rows["lq"].tolist(),
                y=rows["name"].map(position).tolist(),
                width=band,
                orientation="h",
                name=rows["category_name"].iloc[0],
                legendgroup=category,
                showlegend=i == 0 or category not in set(frame.loc[frame["panel"].isin(panels[:i]), "category"]),
                marker=dict(color=colour if category != "ovrig" else "#d0d7de", line=dict(color=colour, width=1)),
                text=[fmt_number(v, lang, 2) + (" " + "★" * s if s else "") for v, s in zip(rows["lq"], rows["stars"])],
                textposition="outside",
                cliponaxis=False,
                customdata=np.stack([rows["name"], rows["category_name"]], axis=-1).tolist(),
                hovertemplate="<b>%{customdata[0]}</b><br>"
                + tx(lang, "Lokaliseringskvot", "Location quotient")
                + ": %{text}<br>%{customdata[1]}<extra></extra>",
            )
            fig["data"].append({**trace, **cell_axis(i, panels)})
        sx = axis_suffix(i)
        line = dict(color=MUTED_COLOR, dash="dash", width=1.5)
        shapes.append(dict(type="line", xref=f"x{sx}", yref=f"y{sx} domain", x0=1, x1=1, y0=0, y1=1, line=line))
    name_rows(fig, panels, [list(p["name"]) for p in parts], band=band)
    fig["layout"].update(shapes=shapes, barmode="overlay")
    top = float(frame["lq"].max()) if not frame.empty else 1.0
    title = dict(text=tx(lang, "Lokaliseringskvot", "Location quotient"))
    update_axes(fig, "x", range=[0, max(top, 1.0) * 1.3], title=title)
    return panel_height(fig, lang, parts, row_px)


def row_band(bar_px: float, lines: int) -> tuple[float, float]:
    """Return (the bar's share of a row, the row's pixels) for a bar of bar_px under a heading of so many lines."""
    row_px = bar_px + lines * HEADING_LINE + 8
    return bar_px / row_px, row_px


def name_rows(fig: dict, panels: list[str], names: list[list[str]], details=None, *, band: float) -> None:
    """Write each panel's row names above its bars and give each panel's y axis its rows, top to bottom."""
    notes, layout = [], fig["layout"]
    for i, panel_names in enumerate(names):
        notes += row_headings(panel_names, details[i] if details else None, axis=axis_suffix(i), band=band)
        rows = row_axis(max(len(panel_names), 1))
        if len(panels) > 1:
            merge(layout.setdefault(f"yaxis{axis_suffix(i)}", {}), rows)
        else:
            update_axes(fig, "y", **rows)
    layout["annotations"] = [*layout.get("annotations", []), *notes]


def panel_height(fig: dict, lang: str, parts: list[pd.DataFrame], row_px: float, *, legend=True) -> dict:
    """Give a panel figure the house look, a height that gives every row row_px, and its rows' record for exports.

    The panels' domains are set in pixels' proportions (make_subplots spaces them by a share of the
    height, which squeezed the rows of a tall figure): each panel gets its rows, PANEL_GAP between.
    """
    counts = [len(p) for p in parts]
    panel_px = max(counts + [1]) * row_px
    content = len(parts) * panel_px + (len(parts) - 1) * PANEL_GAP
    fig = apply_base(fig, lang, height=round(PANEL_FIXED + content), legend=legend)
    if len(parts) > 1:
        layout = fig["layout"]
        titles = {a.get("text"): a for a in layout.get("annotations", []) if a.get("yref") == "paper"}
        for i in range(len(parts)):
            top = 1 - i * (panel_px + PANEL_GAP) / content
            bottom = max(top - panel_px / content, 0.0)
            layout.setdefault(f"yaxis{axis_suffix(i)}", {})["domain"] = [bottom, top]
        for i, title in enumerate(titles.values()):
            title["y"] = 1 - i * (panel_px + PANEL_GAP) / content
    return mark_rows(fig, counts, row_px, PANEL_FIXED)


def cell_axis(i: int, panels: list[str]) -> dict:
    """Return the axes of panel i in a stacked panel figure, for its traces (nothing when there is one panel)."""
    return {"xaxis": f"x{axis_suffix(i)}", "yaxis": f"y{axis_suffix(i)}"} if len(panels) > 1 else {}


def lq_heatmap(lq: pd.DataFrame, employees: pd.DataFrame, lang: str) -> dict:
    """Return industries (rows) × regions (columns) coloured by LQ around 1, each cell with its quotient as text.

    Each industry's full name is written in the gap above its row of cells, so the cells keep the
    chart's whole width on a phone; the colour scale lies below.
    lq, employees: frames indexed by industry name with one column per region name.
    """
    with np.errstate(divide="ignore"):
        z = np.log2(lq.to_numpy(float))
    z = np.clip(np.where(np.isfinite(z), z, np.nan), -2, 2)
    text = [[fmt_number(v, lang, 2) if np.isfinite(v) else "–" for v in row] for row in lq.to_numpy(float)]
    people = [[fmt_number(v, lang) if np.isfinite(v) else "–" for v in row] for row in employees.to_numpy(float)]
    scale = [[0.0, DIVERGING[0]], [0.25, DIVERGING[1]], [0.5, DIVERGING[2]], [0.75, DIVERGING[3]], [1.0, DIVERGING[4]]]
    ticks = [-2, -1, 0, 1, 2]
    names = list(lq.index)
    gap = heading_lines(names) * HEADING_LINE + 4
    row_px = HEATMAP_CELL + gap
    heatmap = dict(
        type="heatmap",
        z=z.tolist(),
        x=list(range(len(lq.columns))),
        y=list(range(len(names))),
        zmin=-2,
        zmax=2,
        colorscale=scale,
        text=text,
        texttemplate="%{text}",
        textfont=dict(size=12),
        customdata=np.dstack(
            [
                np.array(text, dtype=object),
                np.array(people, dtype=object),
                np.array([[n] * lq.shape[1] for n in names], dtype=object),
                np.array([list(lq.columns)] * len(names), dtype=object),
            ]
        ).tolist(),
        hovertemplate="<b>%{customdata[2]}</b><br>%{customdata[3]}<br>"
        + tx(lang, "Lokaliseringskvot", "Location quotient")
        + ": %{customdata[0]}<br>"
        + tx(lang, "Sysselsatta", "Employees")
        + ": %{customdata[1]}<extra></extra>",
        colorbar=dict(
            title=dict(text=tx(lang, "Kvot", "Quotient"), side="top"),
            tickvals=ticks,
            ticktext=[fmt_number(2.0**t, lang, 2 if t < 0 else 0) for t in ticks],
            orientation="h",
            thickness=10,
            len=min(1.0, 0.2 + 0.2 * len(lq.columns)),
            x=0,
            xanchor="left",
            y=0,
            yref="container",
            yanchor="bottom",
        ),
        xgap=2,
        ygap=gap,
    )
    xaxis = dict(
        side="top",
        showgrid=False,
        zeroline=False,
        tickvals=list(range(len(lq.columns))),
        ticktext=["<br>".join(textwrap.wrap(c, 11, break_long_words=False)) for c in lq.columns],
        tickfont=dict(size=11),
        range=[-0.5, len(lq.columns) - 0.5],
        fixedrange=True,
    )
    annotations = [
        {**note, "y": i - 0.5, "yanchor": "middle", "yshift": 0} for i, note in enumerate(row_headings(names, band=1.0))
    ]
    layout = dict(yaxis=row_axis(len(names), top=gap / 2 / row_px), xaxis=xaxis, annotations=annotations)
    height = round(HEATMAP_FIXED + row_px * len(names) + gap / 2)
    fig = apply_base(figure([heatmap], layout), lang, height=height, legend=False)
    merge(fig["layout"], dict(margin=dict(b=80)))
    return mark_rows(fig, [len(names)], row_px, HEATMAP_FIXED)
