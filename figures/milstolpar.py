"""Build the Milstolpar view's figures: quarter timeline, status per group, goal attainment."""

from __future__ import annotations

import pandas as pd

from i18n import fmt_percent, tx

from .style import (
    GRID_COLOR,
    HEADING_LINE,
    STATUS_COLORS,
    TEXT_COLOR,
    apply_base,
    bar_positions,
    empty_figure,
    escape,
    figure,
    heading_lines,
    mark_rows,
    merge,
    row_axis,
    row_headings,
)

# Text on a coloured bar: black where it reads best, white on the dark blue (WCAG contrast ≥ 4.5).
STATUS_TEXT = {"pagar": "white"}
ATTAINMENT_COLORS = {
    "uppnatt": "#009E73",
    "i_fas": "#0072B2",
    "efter_plan": "#D55E00",
    "ej_uppnatt": "#D55E00",
    "ingen_matning": "#8c959f",
    "inga_indikatorer": "#8c959f",
}


BAR_PX = 14  # a bar's thickness on screen; its label takes the lines above it
STACK_PX = 22  # a stacked bar's thickness (its counts are written inside)
STACK_FIXED = 130  # pixels of a stacked-bar chart besides its rows: legend, axis, margins
ATTAINMENT_PX = 18  # an attainment bar's thickness
ATTAINMENT_FIXED = 110  # pixels of the attainment chart besides its rows: target, axis, margins
TIMELINE_FIXED = 100  # pixels of the timeline besides its rows: quarters, legend, margins


def _quarter_axis(labels: list[str]) -> tuple[dict, list[dict]]:
    """Return the x axis of the quarters and the lines between them (see _vertical)."""
    axis = dict(
        range=[0, len(labels)],
        tickvals=[i + 0.5 for i in range(len(labels))],
        ticktext=labels,
        tickangle=0,
        showgrid=False,
        zeroline=False,
        side="top",
        fixedrange=True,
    )
    return axis, [_vertical(i, dict(color=GRID_COLOR, width=1), layer="below") for i in range(len(labels) + 1)]


def _vertical(x: float, line: dict, layer: str = "above") -> dict:
    """Return a line across the plot at x, as add_vline draws it.

    A chart's lines are set in one step: add_vline checks every shape added before it again (the
    timeline's 13 lines took 60-130 ms that way).
    """
    return dict(type="line", xref="x", yref="y domain", x0=x, x1=x, y0=0, y1=1, line=line, layer=layer)


def timeline(frame: pd.DataFrame, quarter_labels: list[str], asof_position: float, asof_text: str, lang: str) -> dict:
    """Return a Gantt-style timeline: one row per milestone with its label and status in words above a bar in
    its planned quarter, coloured by status; diamonds where done; a dashed line at the as-of date.

    frame: label, hover, quarter_index, status, status_word (the legend's), status_text (the row's, e.g. 'klar, två
    kvartal sent'; status_word where absent), done_position, completed_text (positions in quarters from the first);
    quarter_labels may hold '<br>' for two-line ticks.
    """
    if frame.empty:
        return empty_figure(tx(lang, "Inga milstolpar med de valda filtren.", "No milestones match the filters."), lang)
    frame = frame.reset_index(drop=True).assign(row=lambda f: f.index)
    if "status_text" not in frame:  # "klar, två kvartal sent" where the data layer says how late
        frame = frame.assign(status_text=frame["status_word"])
    names = [f"{w} · {label}" for w, label in zip(frame["status_text"], frame["label"])]
    lines = heading_lines(names)
    row_px = BAR_PX + lines * HEADING_LINE + 10
    band = BAR_PX / row_px
    frame["row"] = bar_positions(len(frame), band)
    traces = _milestone_bars(frame, band) + _completion_marks(frame, lang)
    notes = row_headings(names, band=band)
    for note, word in zip(notes, frame["status_text"]):  # status first and bold: it stays in view on a phone
        note["text"] = note["text"].replace(escape(word), f"<b>{escape(word)}</b>", 1)
    xaxis, grid = _quarter_axis(quarter_labels)
    asof_note, asof = _asof_line(asof_position, asof_text, len(quarter_labels))
    height = round(TIMELINE_FIXED + row_px * len(frame))
    layout = dict(
        xaxis=xaxis,
        yaxis=dict(**row_axis(len(frame)), visible=False),
        barmode="overlay",
        annotations=[asof_note, *notes],
        shapes=[*grid, asof],
    )
    fig = apply_base(figure(traces, layout), lang, height=height)
    legend = dict(orientation="h", yanchor="top", y=-26 / height, x=0)
    merge(fig["layout"], dict(legend=legend, margin=dict(l=8, r=4, t=40, b=60)))
    return mark_rows(fig, [len(frame)], row_px, TIMELINE_FIXED)


def _milestone_bars(frame: pd.DataFrame, band: float) -> list[dict]:
    """Return one bar trace per status (so the legend names each colour), each bar spanning its quarter."""
    traces = []
    for status in STATUS_COLORS:
        part = frame[frame["status"] == status]
        if part.empty:
            continue
        traces.append(
            dict(
                type="bar",
                y=part["row"].tolist(),
                x=[1] * len(part),
                base=part["quarter_index"].tolist(),
                orientation="h",
                name=part["status_word"].iloc[0],
                marker=dict(color=STATUS_COLORS[status], line=dict(color="white", width=1)),
                customdata=part["hover"].tolist(),
                hovertemplate="%{customdata}<extra></extra>",
                width=band,
            )
        )
    return traces


def _completion_marks(frame: pd.DataFrame, lang: str) -> list[dict]:
    """Return a diamond where each milestone was actually completed (it may be outside its planned quarter)."""
    done = frame.dropna(subset=["done_position"])
    if done.empty:
        return []
    return [
        dict(
            type="scatter",
            y=done["row"].tolist(),
            x=done["done_position"].tolist(),
            mode="markers",
            name=tx(lang, "Blev klar", "Completed"),
            marker=dict(symbol="diamond", size=10, color=TEXT_COLOR, line=dict(color="white", width=1)),
            hovertemplate=tx(lang, "Klar ", "Done ") + "%{customdata}<extra></extra>",
            customdata=done["completed_text"].tolist(),
        )
    ]


def _asof_line(position: float, text: str, quarters: int) -> tuple[dict, dict]:
    """Return the as-of date below the plot, on the side with more room, and its dashed line (see _vertical)."""
    note = dict(
        x=position,
        y=0,
        yref="paper",
        yanchor="top",
        text=text,
        showarrow=False,
        xanchor="right" if position > quarters / 2 else "left",
        font=dict(size=12, color=TEXT_COLOR),
    )
    return note, _vertical(position, dict(color=TEXT_COLOR, width=2, dash="dash"))


def status_stack(frame: pd.DataFrame, category: str, status_words: dict, lang: str) -> dict:
    """Return horizontal stacked bars of milestones by status per category, each category's name and share
    done written above its bar (frame: category, one count column per status, share_text)."""
    if frame.empty:
        return empty_figure(tx(lang, "Inga milstolpar med de valda filtren.", "No milestones match the filters."), lang)
    frame = frame.reset_index(drop=True)
    names = [str(c) for c in frame[category]]
    details = [tx(lang, f"{t} klara", f"{t} done") for t in frame["share_text"]]
    lines = heading_lines(names, details)
    row_px = STACK_PX + lines * HEADING_LINE + 8
    band = STACK_PX / row_px
    traces = []
    for status, color in STATUS_COLORS.items():
        counts = frame[status]
        if not counts.any():
            continue
        traces.append(
            dict(
                type="bar",
                x=counts.tolist(),
                y=bar_positions(len(frame), band),
                width=band,
                orientation="h",
                name=status_words[status],
                marker=dict(color=color, line=dict(color="white", width=1)),
                text=[str(c) if c else "" for c in counts],
                textposition="inside",
                insidetextanchor="middle",
                textfont=dict(color=STATUS_TEXT.get(status, "black")),
                customdata=names,
                hovertemplate="%{customdata}<br>%{fullData.name}: %{text}<extra></extra>",
            )
        )
    totals = frame[list(STATUS_COLORS)].sum(axis=1)
    xaxis = dict(
        title=dict(text=tx(lang, "Antal milstolpar", "Number of milestones")),
        rangemode="tozero",
        range=[0, max(float(totals.max()), 1.0)],
        fixedrange=True,
    )
    if totals.max() <= 10:
        xaxis["dtick"] = 1
    layout = dict(
        barmode="stack",
        legend=dict(traceorder="normal"),
        annotations=row_headings(names, details, band=band),
        xaxis=xaxis,
        yaxis=row_axis(len(frame)),
    )
    fig = apply_base(figure(traces, layout), lang, height=round(STACK_FIXED + row_px * len(frame)))
    return mark_rows(fig, [len(frame)], row_px, STACK_FIXED)


def attainment_bars(frame: pd.DataFrame, lang: str) -> dict:
    """Return goal attainment per indicator as bars against the target line at 100 %, the expected level as
    a tick; each indicator's name and its outcome in words above its bar, the share on the bar
    (frame: label, percent, expected_percent, status, text)."""
    if frame.empty:
        return empty_figure(
            tx(lang, "Inga aktivitetsindikatorer i databasen.", "No activity indicators in the store."), lang
        )
    frame = frame.reset_index(drop=True)
    names, details = list(frame["label"]), list(frame["text"])
    lines = heading_lines(names, details)
    row_px = ATTAINMENT_PX + lines * HEADING_LINE + 8
    band = ATTAINMENT_PX / row_px
    rows = bar_positions(len(frame), band)
    bars = dict(
        type="bar",
        y=rows,
        x=frame["percent"].fillna(0).tolist(),
        width=band,
        orientation="h",
        marker=dict(color=[ATTAINMENT_COLORS[s] for s in frame["status"]]),
        text=[fmt_percent(p / 100, lang) if pd.notna(p) else "" for p in frame["percent"]],
        textposition="outside",
        cliponaxis=False,
        outsidetextfont=dict(color=TEXT_COLOR),
        name=tx(lang, "Måluppfyllelse", "Goal attainment"),
        customdata=[[name, detail] for name, detail in zip(names, details)],
        hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        showlegend=False,
    )
    expected = tx(lang, "Förväntat vid datumet (jämn takt)", "Expected at the date (even pace)")
    ticks = dict(
        type="scatter",
        y=rows,
        x=frame["expected_percent"].tolist(),
        mode="markers",
        marker=dict(symbol="line-ns", size=ATTAINMENT_PX + 6, line=dict(width=3, color=TEXT_COLOR)),
        name=expected,
        customdata=names,
        hovertemplate="%{customdata}<br>" + expected + ": %{x:.0f} %<extra></extra>",
        showlegend=False,  # the subtitle says what the tick is; a legend would crowd the target's name
    )
    top = max(150.0, float(frame["percent"].max(skipna=True) or 0) * 1.3)
    target = dict(x=100, y=1, yref="paper", yanchor="bottom", text=tx(lang, "Mål", "Target"), showarrow=False)
    layout = dict(
        annotations=[target, *row_headings(names, details, band=band)],
        shapes=[_vertical(100, dict(color=TEXT_COLOR, width=2))],
        xaxis=dict(
            range=[0, top],
            ticksuffix=" %" if lang != "en" else "%",
            title=dict(text=tx(lang, "Andel av målet", "Share of target")),
            fixedrange=True,
        ),
        yaxis=row_axis(len(frame)),
    )
    height = round(ATTAINMENT_FIXED + row_px * len(frame))
    fig = apply_base(figure([bars, ticks], layout), lang, height=height, legend=False)
    return mark_rows(fig, [len(frame)], row_px, ATTAINMENT_FIXED)
