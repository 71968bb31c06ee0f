"""Build the Styrkeområden figures of the profile: rule criteria, shift-share, renewal, competence, academia, test areas.

Builders take frames that already carry display names in the page's language; every mark
carries its number or word as text, so nothing is told by colour alone.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from i18n import fmt_number, fmt_percent, tx

from .style import (
    MUTED_COLOR,
    OKABE_ITO,
    apply_base,
    bar_positions,
    figure,
    heading_lines,
    mark_rows,
    merge,
    update_axes,
    wrapped,
)
from .styrkeomraden import (
    BAR_PX,
    CATEGORY_STYLE,
    axis_suffix,
    cell_axis,
    name_rows,
    panel_figure,
    panel_height,
    row_band,
)

YES, NO = "✓", "–"
GROUP_BAR_PX = 13  # one bar of a group
ASSESSMENT_FILL = {
    "bekraftas": "#cfe8dc",
    "delvis": "#fbe3b8",
    "bekraftas_inte": "#eeeeee",
    "naringsliv_ja": "#e3f1ea",
    "naringsliv_nej": "#f4f4f4",
    "ny_kandidat": "#d6e6f5",
}


def criteria_matrix(frame: pd.DataFrame, criteria: list[tuple[str, str]], lang: str) -> dict:
    """Return a grid: one row per industry, one column per criterion of the rule, ✓ or – in each cell, the class last.

    frame: row (label), category, category_name and one boolean column per criterion key.
    criteria: (column key, column label) in order.
    """
    # One line per column label, turned: ten columns side by side leave each under 50 px at 1280 px.
    labels = [label.replace("-<br>", "").replace("<br>", " ") for _key, label in criteria]
    z = frame[[key for key, _label in criteria]].astype(float).to_numpy()
    text = np.where(z > 0, YES, NO).tolist()
    traces = [
        dict(
            type="heatmap",
            z=z.tolist(),
            x=labels,
            y=frame["row"].tolist(),
            zmin=0,
            zmax=1,
            colorscale=[[0, "#f6f8fa"], [1, "#9ecae1"]],
            showscale=False,
            text=text,
            texttemplate="%{text}",
            textfont=dict(size=14),
            xgap=2,
            ygap=2,
            hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
        )
    ]
    klass = tx(lang, "Klass", "Class")
    for category, (colour, symbol) in CATEGORY_STYLE.items():
        rows = frame[frame["category"] == category]
        if rows.empty:
            continue
        traces.append(  # the class by shape and colour; the legend below names the shapes
            dict(
                type="scatter",
                x=[klass] * len(rows),
                y=rows["row"].tolist(),
                mode="markers",
                marker=dict(color=colour, symbol=symbol, size=13),
                name=rows["category_name"].iloc[0],
                text=rows["category_name"].tolist(),
                hovertemplate="%{y}<br>%{text}<extra></extra>",
            )
        )
    xaxis = dict(
        side="top",
        showgrid=False,
        tickangle=-45,
        automargin=True,
        tickfont=dict(size=12),
        categoryorder="array",
        categoryarray=[*labels, klass],
    )
    rows = list(frame["row"])
    # Every row's label, always: Plotly would skip every other one on a crowded category axis.
    yaxis = dict(
        autorange="reversed",
        showgrid=False,
        categoryorder="array",
        categoryarray=rows,
        tickmode="array",
        tickvals=rows,
        ticktext=rows,
    )
    fig = apply_base(figure(traces, dict(xaxis=xaxis, yaxis=yaxis)), lang, height=max(300, 230 + 26 * len(frame)))
    merge(fig["layout"], dict(margin=dict(t=20, b=10), legend=dict(y=-0.02, yanchor="top")))
    return mark_rows(fig, [len(frame)], 26, 230)


def shift_share_bars(frame: pd.DataFrame, panels: list[str], lang: str) -> dict:
    """Return stacked horizontal bars of the three shift-share parts, with the whole change as a marked number.

    Each industry's full name and its whole change are written above its bar.
    frame: panel, name, national_growth, industry_mix, regional_component, change; rows in drawing order.
    """
    parts = [
        ("national_growth", tx(lang, "Riksutveckling", "National growth"), OKABE_ITO[5], ""),
        ("industry_mix", tx(lang, "Branschstruktur", "Industry mix"), OKABE_ITO[4], "/"),
        ("regional_component", tx(lang, "Regional komponent", "Regional component"), OKABE_ITO[0], "."),
    ]
    whole = tx(lang, "Hela förändringen", "Whole change")
    fig = panel_figure(panels)
    frames = [frame[frame["panel"] == panel] for panel in panels]
    band, row_px = row_band(BAR_PX, heading_lines(frame["name"], frame["name"]))
    details = []
    for i, part in enumerate(frames):
        rows = bar_positions(len(part), band)
        for key, label, colour, pattern in parts:
            fig["data"].append(
                dict(
                    type="bar",
                    x=part[key].tolist(),
                    y=rows,
                    width=band,
                    orientation="h",
                    name=label,
                    legendgroup=key,
                    showlegend=i == 0,
                    marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="#1f2328", size=6)),
                    customdata=part["name"].tolist(),
                    hovertemplate="%{customdata}<br>" + label + ": %{x:,.0f}<extra></extra>",
                    **cell_axis(i, panels),
                )
            )
        changes = [fmt_number(v, lang) for v in part["change"]]
        diamonds = dict(
            type="scatter",
            x=part["change"].tolist(),
            y=rows,
            mode="markers",
            marker=dict(symbol="diamond", size=10, color="#1f2328"),
            name=whole,
            legendgroup="change",
            showlegend=i == 0,
            hovertemplate="%{customdata[0]}<br>" + whole + ": %{customdata[1]}<extra></extra>",
            **cell_axis(i, panels),
        )
        if len(part):
            diamonds["customdata"] = np.stack([part["name"], changes], axis=-1).tolist()
        fig["data"].append(diamonds)
        details.append([f"{whole}: {c}" for c in changes])
    name_rows(fig, panels, [list(p["name"]) for p in frames], details, band=band)
    fig["layout"]["barmode"] = "relative"
    title = dict(text=tx(lang, "Personer", "Persons"))
    update_axes(fig, "x", title=title, tickformat=",.0f", zeroline=True, zerolinecolor=MUTED_COLOR)
    return panel_height(fig, lang, frames, row_px)


def grouped_bars(
    frame: pd.DataFrame,
    panels: list[str],
    series: list[tuple[str, str]],
    lang: str,
    *,
    unit: str,
    reference_line: float | None = None,
    percent: bool = False,
) -> dict:
    """Return grouped horizontal bars (one series per measure), one stacked panel per region, values as text.

    Each row's full name is written above its bars; a series without a bar in a row (too few cases)
    is said in words on the line under the name, so such words never collide with the bars.
    frame: panel, name and one column per series key (and optionally <key>_text, words that replace the
    bar); series: (key, label) in order.
    """
    patterns = ["", "/", "."]
    fig = panel_figure(panels)
    frames = [frame[frame["panel"] == panel] for panel in panels]
    shapes, details = [], []
    for part in frames:
        words = [part[f"{key}_text"] if f"{key}_text" in part else pd.Series("", index=part.index) for key, _ in series]
        details.append([" · ".join(w for w in row if w) for row in zip(*words)] if len(part) else [])
    flat = [d for panel in details for d in panel]
    band, row_px = row_band(GROUP_BAR_PX * len(series), heading_lines(frame["name"], flat))
    for i, part in enumerate(frames):
        rows = bar_positions(len(part), band)
        for k, (key, label) in enumerate(series):
            values = part[key]
            text = [fmt_percent(v, lang) if percent else fmt_number(v, lang, 2) for v in values]
            if f"{key}_text" in part:  # the words under the name say why there is no bar
                text = ["" if own else t for own, t in zip(part[f"{key}_text"], text)]
            fig["data"].append(
                dict(
                    type="bar",
                    x=values.tolist(),
                    y=rows,
                    orientation="h",
                    name=label,
                    legendgroup=key,
                    showlegend=i == 0,
                    marker=dict(color=OKABE_ITO[k], pattern=dict(shape=patterns[k % 3], fgcolor="white", size=6)),
                    text=text,
                    textposition="outside",
                    textfont=dict(size=GROUP_BAR_PX - 2),  # no taller than its bar: it must not reach the name above
                    cliponaxis=False,
                    customdata=part["name"].tolist(),
                    hovertemplate="%{customdata}<br>" + label + ": %{text}<extra></extra>",
                    **cell_axis(i, panels),
                )
            )
        if reference_line is not None:
            sx = axis_suffix(i)
            line = dict(color=MUTED_COLOR, dash="dash", width=1.5)
            x = reference_line
            shapes.append(dict(type="line", xref=f"x{sx}", yref=f"y{sx} domain", x0=x, x1=x, y0=0, y1=1, line=line))
    name_rows(fig, panels, [list(p["name"]) for p in frames], details, band=band)
    fig["layout"].update(barmode="group", bargap=1 - band, bargroupgap=0.05, shapes=shapes)
    top = np.nanmax(frame[[k for k, _ in series]].to_numpy(float)) if not frame.empty else 1
    top = top if np.isfinite(top) and top > 0 else 1
    title = "<br>".join(wrapped(unit, 32, 3))  # a long unit would run past a phone's edge
    update_axes(fig, "x", title=dict(text=title), range=[0, top * 1.3], tickformat=".0%" if percent else None)
    return panel_height(fig, lang, frames, row_px, legend=len(series) > 1)


def test_area_table(frame: pd.DataFrame, headers: list[str], lang: str) -> dict:
    """Return the test-area matrix as a table whose assessment cells are shaded and written out.

    frame: the columns to show in order, plus assessment (code) for the shading.
    """
    shown = [c for c in frame.columns if c != "assessment"]
    fills = [ASSESSMENT_FILL.get(code, "white") for code in frame["assessment"]]
    table = dict(
        type="table",
        columnwidth=[1.1, 2.2, 3, 2.4, 1.3][: len(shown)],
        header=dict(values=[f"<b>{h}</b>" for h in headers], fill_color="#f6f8fa", align="left", font=dict(size=13)),
        cells=dict(
            values=[frame[c].tolist() for c in shown],
            fill_color=[["white"] * len(frame)] * (len(shown) - 1) + [fills],
            align="left",
            font=dict(size=13),
            height=30,
        ),
    )
    return apply_base(figure([table], {}), lang, height=table_height(frame[shown]), legend=False)


def table_height(frame: pd.DataFrame, widths=(16, 32, 44, 36, 18)) -> int:
    """Return a height that fits the table's rows once their text wraps (about so many characters a line)."""
    lines = [max(math.ceil(len(str(v)) / w) for v, w in zip(row, widths)) for row in frame.itertuples(index=False)]
    return 80 + sum(20 * n + 14 for n in lines)
