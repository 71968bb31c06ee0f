"""Build the Styrkeområden figures of the profile: rule criteria, shift-share, renewal, competence, academia, test areas.

Builders take frames that already carry display names in the page's language; every mark
carries its number or word as text, so nothing is told by colour alone.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from i18n import fmt_number, fmt_percent, tx

from .style import MUTED_COLOR, OKABE_ITO, apply_base
from .styrkeomraden import BAR_HEIGHT, CATEGORY_STYLE, axis_suffix, cell_axis, panel_figure, short

YES, NO = "✓", "–"
ASSESSMENT_FILL = {
    "bekraftas": "#cfe8dc",
    "delvis": "#fbe3b8",
    "bekraftas_inte": "#eeeeee",
    "naringsliv_ja": "#e3f1ea",
    "naringsliv_nej": "#f4f4f4",
    "ny_kandidat": "#d6e6f5",
}


def criteria_matrix(frame: pd.DataFrame, criteria: list[tuple[str, str]], lang: str) -> go.Figure:
    """Return a grid: one row per industry, one column per criterion of the rule, ✓ or – in each cell, the class last.

    frame: row (label), category, category_name and one boolean column per criterion key.
    criteria: (column key, column label) in order.
    """
    # One line per column label, turned: ten columns side by side leave each under 50 px at 1280 px.
    labels = [label.replace("-<br>", "").replace("<br>", " ") for _key, label in criteria]
    z = frame[[key for key, _label in criteria]].astype(float).to_numpy()
    text = np.where(z > 0, YES, NO).tolist()
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=labels,
            y=frame["row"],
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
    )
    klass = tx(lang, "Klass", "Class")
    for category, (colour, symbol) in CATEGORY_STYLE.items():
        rows = frame[frame["category"] == category]
        if rows.empty:
            continue
        fig.add_trace(  # the class by shape and colour; the legend below names the shapes
            go.Scatter(
                x=[klass] * len(rows),
                y=rows["row"],
                mode="markers",
                marker=dict(color=colour, symbol=symbol, size=13),
                name=rows["category_name"].iloc[0],
                text=rows["category_name"],
                hovertemplate="%{y}<br>%{text}<extra></extra>",
            )
        )
    fig.update_xaxes(
        side="top",
        showgrid=False,
        tickangle=-45,
        automargin=True,
        tickfont=dict(size=12),
        categoryorder="array",
        categoryarray=[*labels, klass],
    )
    fig.update_yaxes(autorange="reversed", showgrid=False, categoryorder="array", categoryarray=list(frame["row"]))
    fig = apply_base(fig, lang, height=max(300, 230 + 26 * len(frame)))
    fig.update_layout(margin=dict(t=20, b=10), legend=dict(y=-0.02, yanchor="top"))
    return fig


def shift_share_bars(frame: pd.DataFrame, panels: list[str], lang: str) -> go.Figure:
    """Return stacked horizontal bars of the three shift-share parts, with the whole change as a marked number.

    frame: panel, name, national_growth, industry_mix, regional_component, change; rows in drawing order.
    """
    parts = [
        ("national_growth", tx(lang, "Riksutveckling", "National growth"), OKABE_ITO[5], ""),
        ("industry_mix", tx(lang, "Branschstruktur", "Industry mix"), OKABE_ITO[4], "/"),
        ("regional_component", tx(lang, "Regional komponent", "Regional component"), OKABE_ITO[0], "."),
    ]
    fig = panel_figure(panels)
    for i, panel in enumerate(panels):
        part = frame[frame["panel"] == panel]
        names = [short(n) for n in part["name"]]
        for key, label, colour, pattern in parts:
            fig.add_trace(
                go.Bar(
                    x=part[key],
                    y=names,
                    orientation="h",
                    name=label,
                    legendgroup=key,
                    showlegend=i == 0,
                    marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="#1f2328", size=6)),
                    hovertemplate="%{y}<br>" + label + ": %{x:,.0f}<extra></extra>",
                ),
                **cell_axis(i, panels),
            )
        fig.add_trace(
            go.Scatter(
                x=part["change"],
                y=names,
                mode="markers+text",
                marker=dict(symbol="diamond", size=10, color="#1f2328"),
                text=[fmt_number(v, lang) for v in part["change"]],
                textposition="middle right",
                name=tx(lang, "Hela förändringen", "Whole change"),
                legendgroup="change",
                showlegend=i == 0,
                hovertemplate="%{y}<br>" + tx(lang, "Hela förändringen", "Whole change") + ": %{text}<extra></extra>",
            ),
            **cell_axis(i, panels),
        )
        fig.update_yaxes(categoryorder="array", categoryarray=names[::-1], **cell_axis(i, panels))
    fig.update_layout(barmode="relative")
    fig.update_xaxes(
        title_text=tx(lang, "Personer", "Persons"), tickformat=",.0f", zeroline=True, zerolinecolor=MUTED_COLOR
    )
    rows = frame.groupby("panel").size().max() if not frame.empty else 1
    return apply_base(fig, lang, height=110 + len(panels) * (rows * BAR_HEIGHT + 60))


def grouped_bars(
    frame: pd.DataFrame,
    panels: list[str],
    series: list[tuple[str, str]],
    lang: str,
    *,
    unit: str,
    reference_line: float | None = None,
    percent: bool = False,
) -> go.Figure:
    """Return grouped horizontal bars (one series per measure), one stacked panel per region, values as text.

    frame: panel, name and one column per series key (and optionally <key>_text, words that replace the
    number); series: (key, label) in order.
    """
    patterns = ["", "/", "."]
    fig = panel_figure(panels)
    shapes = []
    for i, panel in enumerate(panels):
        part = frame[frame["panel"] == panel]
        names = [short(n) for n in part["name"]]
        for k, (key, label) in enumerate(series):
            values = part[key]
            text = [fmt_percent(v, lang) if percent else fmt_number(v, lang, 2) for v in values]
            if f"{key}_text" in part:  # a word instead of the number (too few cases to count)
                text = [own or t for own, t in zip(part[f"{key}_text"], text)]
            fig.add_trace(
                go.Bar(
                    x=values,
                    y=names,
                    orientation="h",
                    name=label,
                    legendgroup=key,
                    showlegend=i == 0,
                    marker=dict(color=OKABE_ITO[k], pattern=dict(shape=patterns[k % 3], fgcolor="white", size=6)),
                    text=text,
                    textposition="outside",
                    cliponaxis=False,
                    hovertemplate="%{y}<br>" + label + ": %{text}<extra></extra>",
                ),
                **cell_axis(i, panels),
            )
        fig.update_yaxes(categoryorder="array", categoryarray=names[::-1], **cell_axis(i, panels))
        if reference_line is not None:
            sx = axis_suffix(i)
            line = dict(color=MUTED_COLOR, dash="dash", width=1.5)
            x = reference_line
            shapes.append(dict(type="line", xref=f"x{sx}", yref=f"y{sx} domain", x0=x, x1=x, y0=0, y1=1, line=line))
    fig.update_layout(barmode="group", bargap=0.25, shapes=shapes)
    top = np.nanmax(frame[[k for k, _ in series]].to_numpy(float)) if not frame.empty else 1
    top = top if np.isfinite(top) else 1
    fig.update_xaxes(title_text=unit, range=[0, top * 1.3], tickformat=".0%" if percent else None)
    rows = frame.groupby("panel").size().max() if not frame.empty else 1
    height = 110 + len(panels) * (rows * BAR_HEIGHT * len(series) * 0.7 + 60)
    return apply_base(fig, lang, height=height, legend=len(series) > 1)


def test_area_table(frame: pd.DataFrame, headers: list[str], lang: str) -> go.Figure:
    """Return the test-area matrix as a table whose assessment cells are shaded and written out.

    frame: the columns to show in order, plus assessment (code) for the shading.
    """
    shown = [c for c in frame.columns if c != "assessment"]
    fills = [ASSESSMENT_FILL.get(code, "white") for code in frame["assessment"]]
    fig = go.Figure(
        go.Table(
            columnwidth=[1.1, 2.2, 3, 2.4, 1.3][: len(shown)],
            header=dict(
                values=[f"<b>{h}</b>" for h in headers], fill_color="#f6f8fa", align="left", font=dict(size=13)
            ),
            cells=dict(
                values=[frame[c] for c in shown],
                fill_color=[["white"] * len(frame)] * (len(shown) - 1) + [fills],
                align="left",
                font=dict(size=13),
                height=30,
            ),
        )
    )
    return apply_base(fig, lang, height=table_height(frame[shown]), legend=False)


def table_height(frame: pd.DataFrame, widths=(16, 32, 44, 36, 18)) -> int:
    """Return a height that fits the table's rows once their text wraps (about so many characters a line)."""
    lines = [max(math.ceil(len(str(v)) / w) for v, w in zip(row, widths)) for row in frame.itertuples(index=False)]
    return 80 + sum(20 * n + 14 for n in lines)
