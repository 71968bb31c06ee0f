"""Build the Klusterkartering figures: portfolio by phase, phase history, criteria matrix, one cluster's phases.

Every builder takes frames that already carry display names in the page's language, so the
figures never look anything up. Cells carry their words (phase or level names) as text, so
nothing is told by colour alone; each mark carries the cluster code as customdata, so a click
opens that cluster's card.
"""

from __future__ import annotations

import pandas as pd
from plotly.colors import sample_colorscale

from i18n import tx

from .style import (
    HEADING_LINE,
    MUTED_COLOR,
    TEXT_COLOR,
    apply_base,
    figure,
    heading_lines,
    mark_rows,
    merge,
    region_color,
    row_axis,
    row_headings,
)

ROW_HEIGHT = 36
CELL_PX = 26  # a grid cell's height; its row's name takes the gap above
GRID_FIXED = 90  # pixels of a grid besides its rows: column names, margins
LABEL_WIDTH = 13  # characters per line of a cluster name, so the grid keeps its width on a phone
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross"]
LEVEL_COLORS = ["#0b5394", "#9ecae1", "#eeeeee"]  # first level (aktivt) darkest; works in greyscale too


def phase_colors(n: int) -> list[str]:
    """Return n sequential blues from light to dark (a later phase is darker)."""
    if n <= 1:
        return ["rgb(46, 126, 188)"] * n
    return sample_colorscale("Blues", [0.3 + 0.7 * i / (n - 1) for i in range(n)])


def _text_color(rgb: str) -> str:
    """Return black or white, whichever reads better on the colour (WCAG relative luminance)."""
    if rgb.startswith("#"):
        parts = [int(rgb[i : i + 2], 16) for i in (1, 3, 5)]
    else:
        parts = [int(float(v)) for v in rgb[rgb.index("(") + 1 : -1].split(",")]
    lin = [(c / 255 / 12.92) if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in parts]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return TEXT_COLOR if luminance > 0.25 else "white"


def _rows_axis(names: list[str]) -> dict:
    return dict(
        tickvals=list(range(len(names))),
        ticktext=[_wrap(n, LABEL_WIDTH) for n in names],
        tickfont=dict(size=12),
        range=[len(names) - 0.5, -0.5],
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )


def portfolio_dots(frame: pd.DataFrame, phases: pd.DataFrame, lang: str) -> dict:
    """Return one row per cluster with a mark in its phase's column, one colour and shape per county.

    frame: cluster, name, phase_sort, phase_name, county, county_name, in row order.
    phases: sort, name (the whole scale, in order).
    """
    columns = list(phases["sort"])
    counts = frame.groupby("phase_sort")["cluster"].count()
    ticktext = [f"{name}<br>({counts.get(sort, 0)})" for sort, name in zip(phases["sort"], phases["name"])]
    rows = {code: i for i, code in enumerate(frame["cluster"])}
    traces = []
    for k, (county, part) in enumerate(frame.groupby("county", sort=False)):
        traces.append(
            dict(
                type="scatter",
                x=[columns.index(v) for v in part["phase_sort"]],
                y=[rows[c] for c in part["cluster"]],
                mode="markers",
                name=part["county_name"].iloc[0],
                marker=dict(
                    size=16, color=region_color(county, k), symbol=SYMBOLS[k % len(SYMBOLS)], line=dict(width=1)
                ),
                customdata=[
                    list(c) for c in zip(part["cluster"], part["name"], part["county_name"], part["phase_name"])
                ],
                hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}<br>"
                + tx(lang, "Fas", "Phase")
                + ": %{customdata[3]}<extra></extra>",
            )
        )
    xaxis = dict(
        tickvals=list(range(len(columns))),
        ticktext=ticktext,
        range=[-0.5, len(columns) - 0.5],
        side="top",
        gridcolor="#eef1f4",
        zeroline=False,
        fixedrange=True,
    )
    layout = dict(xaxis=xaxis, yaxis=_rows_axis(list(frame["name"])))
    # Room for the phase names, which a phone writes upright, above the rows.
    fig = apply_base(figure(traces, layout), lang, height=190 + ROW_HEIGHT * len(frame))
    merge(fig["layout"], dict(legend=dict(orientation="h", yanchor="top", y=-0.02, x=0), margin=dict(t=10, b=10)))
    return mark_rows(fig, [len(frame)], ROW_HEIGHT, 190)


def _cell_grid(cells: pd.DataFrame, names: list[str], columns: list[str], lang: str) -> dict:
    """Return a grid of coloured cells with their word in each (cells: row, col, color, text, cluster, hover).

    One heatmap draws the cells (its colour scale has one flat step per colour used) and carries the
    hover text and the cluster code; a text layer on top writes each cell's word in black or white.
    """
    palette = list(dict.fromkeys(cells["color"]))
    index = {c: i for i, c in enumerate(palette)}
    z = [[None] * len(columns) for _ in names]
    custom = [[["", ""] for _ in columns] for _ in names]
    for cell in cells.itertuples(index=False):
        z[cell.row][cell.col] = index[cell.color]
        custom[cell.row][cell.col] = [cell.cluster, cell.hover]
    n = max(len(palette), 1)
    scale = []
    for i, color in enumerate(palette or ["#ffffff"]):
        scale += [[i / n, color], [(i + 1) / n, color]]
    gap = heading_lines(names) * HEADING_LINE + 4
    row_px = CELL_PX + gap
    heatmap = dict(
        type="heatmap",
        z=z,
        x=list(range(len(columns))),
        y=list(range(len(names))),
        colorscale=scale,
        zmin=-0.5,
        zmax=n - 0.5,
        showscale=False,
        xgap=3,
        ygap=gap,
        customdata=custom,
        hovertemplate="%{customdata[1]}<extra></extra>",
        hoverongaps=False,
    )
    words = dict(
        type="scatter",
        x=cells["col"].tolist(),
        y=cells["row"].tolist(),
        mode="text",
        text=cells["text"].tolist(),
        textfont=dict(color=[_text_color(c) for c in cells["color"]], size=12),
        hoverinfo="skip",
        showlegend=False,
    )
    layout = dict(
        xaxis=dict(
            tickvals=list(range(len(columns))),
            ticktext=columns,
            tickfont=dict(size=12),
            range=[-0.5, len(columns) - 0.5],
            side="top",
            showgrid=False,
            zeroline=False,
            fixedrange=True,
        ),
        # Each cluster's name in the gap above its row: the cells keep the chart's whole width on a phone.
        yaxis=row_axis(len(names), top=gap / 2 / row_px),
        annotations=[
            {**note, "y": i - 0.5, "yanchor": "middle", "yshift": 0}
            for i, note in enumerate(row_headings(names, band=1.0))
        ],
    )
    height = round(GRID_FIXED + row_px * len(names) + gap / 2)
    fig = apply_base(figure([heatmap, words], layout), lang, height=height, legend=False)
    merge(fig["layout"], dict(margin=dict(t=10, b=10)))
    return mark_rows(fig, [len(names)], row_px, GRID_FIXED)


def phase_history_grid(frame: pd.DataFrame, phases: pd.DataFrame, lang: str) -> dict:
    """Return clusters × assessment years, each cell naming the phase, with ↑/↓ where it moved.

    frame: cluster, name, year, phase_sort, phase_name (clusters in row order).
    phases: sort, name (the whole scale, in order).
    """
    colors = dict(zip(phases["sort"], phase_colors(len(phases))))
    names = list(dict.fromkeys(frame["name"]))
    years = sorted(frame["year"].unique(), reverse=True)  # the newest first: a phone shows it without scrolling
    frame = frame.sort_values(["cluster", "year"])
    step = frame.groupby("cluster")["phase_sort"].diff()
    arrow = step.map(lambda d: " ↑" if d > 0 else (" ↓" if d < 0 else ""))
    cells = pd.DataFrame(
        {
            "row": frame["name"].map({n: i for i, n in enumerate(names)}),
            "col": frame["year"].map({y: i for i, y in enumerate(years)}),
            "color": frame["phase_sort"].map(colors),
            "text": frame["phase_name"] + arrow,
            "cluster": frame["cluster"],
            "hover": "<b>" + frame["name"] + "</b><br>" + frame["year"].astype(str) + ": " + frame["phase_name"],
        }
    )
    return _cell_grid(cells, names, [str(y) for y in years], lang)


def criteria_grid(frame: pd.DataFrame, criteria_names: list[str], level_count: int, lang: str) -> dict:
    """Return clusters × criteria, each cell naming the level (aktivt / delvis / inte).

    frame: cluster, name, criterion_name, level_rank (0 = first level), level_name, comment.
    """
    names = list(dict.fromkeys(frame["name"]))
    palette = LEVEL_COLORS if level_count <= len(LEVEL_COLORS) else phase_colors(level_count)[::-1]
    comment = frame["comment"].fillna("").map(lambda c: f"<br>{c}" if c else "")
    cells = pd.DataFrame(
        {
            "row": frame["name"].map({n: i for i, n in enumerate(names)}),
            "col": frame["criterion_name"].map({n: i for i, n in enumerate(criteria_names)}),
            "color": frame["level_rank"].map(lambda r: palette[r]),
            "text": frame["level_name"],
            "cluster": frame["cluster"],
            "hover": "<b>"
            + frame["name"]
            + "</b><br>"
            + frame["criterion_name"]
            + ": "
            + frame["level_name"]
            + comment,
        }
    )
    return _cell_grid(cells, names, [_wrap(n, 12) for n in criteria_names], lang)


def _wrap(text: str, width: int) -> str:
    """Break a long axis label into lines of about width characters."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join(lines + [line])


def cluster_phase_steps(frame: pd.DataFrame, phases: pd.DataFrame, lang: str) -> dict:
    """Return one cluster's phase at each assessment year as a line with the phase named at each point.

    frame: year, phase_sort, phase_name. phases: sort, name (the whole scale, in order).
    """
    order = list(phases["sort"])
    changed = frame["phase_sort"].ne(frame["phase_sort"].shift())
    steps = dict(
        type="scatter",
        x=[str(y) for y in frame["year"]],
        y=[order.index(v) for v in frame["phase_sort"]],
        mode="lines+markers+text",
        # The phase is named where it starts; a repeat beside it would collide on a phone.
        text=[name if new else "" for name, new in zip(frame["phase_name"], changed)],
        customdata=frame["phase_name"].tolist(),
        # Keep the first and last names inside the plot on a narrow screen.
        textposition=["top right"] + ["top center"] * (len(frame) - 2) + ["top left"]
        if len(frame) > 1
        else "top center",
        line=dict(color="#0b5394", width=3, shape="hv"),
        marker=dict(size=12, color="#0b5394"),
        hovertemplate="%{x}: %{customdata}<extra></extra>",
        showlegend=False,
    )
    layout = dict(
        xaxis=dict(
            type="category",
            range=[-0.3, len(frame) - 0.7],
            title=dict(text=tx(lang, "Bedömningsår", "Assessment year")),
            fixedrange=True,
        ),
        yaxis=dict(
            tickvals=list(range(len(order))),
            ticktext=list(phases["name"]),
            range=[-0.5, len(order) - 0.3],
            fixedrange=True,
            title=dict(text=tx(lang, "Fas", "Phase"), font=dict(color=MUTED_COLOR)),
        ),
    )
    return apply_base(figure([steps], layout), lang, height=300, legend=False)
