"""Build the Milstolpar view's figures: quarter timeline, status per group, goal attainment."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from i18n import tx

from .style import GRID_COLOR, MUTED_COLOR, STATUS_COLORS, TEXT_COLOR, apply_base, empty_figure

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


ROW = 46  # pixels per milestone in the timeline: a label line, right under it a bar, then a gap
BAR_OFFSET = 0.05  # the bar sits a little below the row centre, close to its label


def _quarter_axis(fig: go.Figure, labels: list[str]) -> None:
    fig.update_xaxes(
        range=[0, len(labels)],
        tickvals=[i + 0.5 for i in range(len(labels))],
        ticktext=labels,
        tickangle=0,
        showgrid=False,
        zeroline=False,
        side="top",
        fixedrange=True,
    )
    for i in range(len(labels) + 1):
        fig.add_vline(x=i, line=dict(color=GRID_COLOR, width=1), layer="below")


def timeline(
    frame: pd.DataFrame, quarter_labels: list[str], asof_position: float, asof_text: str, lang: str
) -> go.Figure:
    """Return a Gantt-style timeline: one row per milestone with its label and status in words above a bar in
    its planned quarter, coloured by status; diamonds where done; a dashed line at the as-of date.

    frame: label, hover, quarter_index, status, status_word (the legend's), status_text (the row's, e.g. 'klar, två
    kvartal sent'; status_word where absent), done_position, completed_text (positions in quarters from the first);
    quarter_labels may hold '<br>' for two-line ticks.
    """
    if frame.empty:
        return empty_figure(tx(lang, "Inga milstolpar med de valda filtren.", "No milestones match the filters."), lang)
    frame = frame.reset_index(drop=True).assign(row=lambda f: f.index)
    fig = go.Figure()
    _milestone_bars(fig, frame)
    _completion_marks(fig, frame, lang)
    if "status_text" not in frame:
        frame = frame.assign(status_text=frame["status_word"])
    for row in frame.itertuples():
        fig.add_annotation(
            x=0,
            y=row.row - 0.13,
            xanchor="left",
            yanchor="bottom",
            text=f"<b>{row.status_text}</b> · {row.label}",  # status first: it stays visible on a phone
            showarrow=False,
            font=dict(size=12, color=TEXT_COLOR),
            bgcolor="rgba(255,255,255,0.8)",
        )
    _quarter_axis(fig, quarter_labels)
    _asof_line(fig, asof_position, asof_text, len(quarter_labels))
    height = 100 + ROW * len(frame)
    fig.update_yaxes(range=[len(frame) - 0.6, -0.6], visible=False, fixedrange=True)
    fig.update_layout(barmode="overlay")
    apply_base(fig, lang, height=height)
    fig.update_layout(
        legend=dict(orientation="h", yanchor="top", y=-26 / height, x=0), margin=dict(l=4, r=4, t=40, b=60)
    )
    return fig


def _milestone_bars(fig: go.Figure, frame: pd.DataFrame) -> None:
    """Add one bar trace per status (so the legend names each colour), each bar spanning its quarter."""
    for status in STATUS_COLORS:
        part = frame[frame["status"] == status]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                y=part["row"] + BAR_OFFSET,
                x=[1] * len(part),
                base=part["quarter_index"],
                orientation="h",
                name=part["status_word"].iloc[0],
                marker=dict(color=STATUS_COLORS[status], line=dict(color="white", width=1)),
                customdata=part["hover"],
                hovertemplate="%{customdata}<extra></extra>",
                width=0.34,
            )
        )


def _completion_marks(fig: go.Figure, frame: pd.DataFrame, lang: str) -> None:
    """Add a diamond where each milestone was actually completed (it may be outside its planned quarter)."""
    done = frame.dropna(subset=["done_position"])
    if done.empty:
        return
    fig.add_trace(
        go.Scatter(
            y=done["row"] + BAR_OFFSET,
            x=done["done_position"],
            mode="markers",
            name=tx(lang, "Blev klar", "Completed"),
            marker=dict(symbol="diamond", size=10, color=TEXT_COLOR, line=dict(color="white", width=1)),
            hovertemplate=tx(lang, "Klar ", "Done ") + "%{customdata}<extra></extra>",
            customdata=done["completed_text"],
        )
    )


def _asof_line(fig: go.Figure, position: float, text: str, quarters: int) -> None:
    """Add the dashed as-of line with its date below the plot, the label on the side with more room."""
    fig.add_vline(x=position, line=dict(color=TEXT_COLOR, width=2, dash="dash"))
    fig.add_annotation(
        x=position,
        y=0,
        yref="paper",
        yanchor="top",
        text=text,
        showarrow=False,
        xanchor="right" if position > quarters / 2 else "left",
        font=dict(size=12, color=TEXT_COLOR),
    )


def status_stack(frame: pd.DataFrame, category: str, status_words: dict, lang: str, *, horizontal: bool) -> go.Figure:
    """Return stacked bars of milestones by status per category, the share done written at each bar's end
    (frame: category, one count column per status, share_text)."""
    if frame.empty:
        return empty_figure(tx(lang, "Inga milstolpar med de valda filtren.", "No milestones match the filters."), lang)
    fig = go.Figure()
    for status, color in STATUS_COLORS.items():
        counts = frame[status]
        if not counts.any():
            continue
        xy = dict(x=counts, y=frame[category]) if horizontal else dict(x=frame[category], y=counts)
        fig.add_trace(
            go.Bar(
                **xy,
                orientation="h" if horizontal else "v",
                name=status_words[status],
                marker=dict(color=color, line=dict(color="white", width=1)),
                text=[str(c) if c else "" for c in counts],
                textposition="inside",
                textfont=dict(color=STATUS_TEXT.get(status, "black")),
                hovertemplate="%{fullData.name}: %{text}<extra></extra>",
            )
        )
    totals = frame[list(STATUS_COLORS)].sum(axis=1)
    for cat, total, text in zip(frame[category], totals, frame["share_text"]):
        pos = dict(x=total, y=cat, xanchor="left", xshift=4) if horizontal else dict(x=cat, y=total, yanchor="bottom")
        fig.add_annotation(**pos, text=text, showarrow=False, font=dict(size=12, color=MUTED_COLOR))
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    count_axis = dict(title_text=tx(lang, "Antal milstolpar", "Number of milestones"), dtick=1, rangemode="tozero")
    if horizontal:
        fig.update_xaxes(**count_axis, range=[0, totals.max() * 1.4])
        fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=list(frame[category]))
        return apply_base(fig, lang, height=120 + 42 * len(frame))
    fig.update_yaxes(**count_axis, range=[0, totals.max() * 1.25])
    fig.update_xaxes(type="category")
    return apply_base(fig, lang, height=360)


def attainment_bars(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Return goal attainment per indicator as bars against the target line at 100 %, the expected level as
    a tick, and the status in words on each bar (frame: label, percent, expected_percent, status, text; optional
    hover: the full name where the label is cut)."""
    if frame.empty:
        return empty_figure(
            tx(lang, "Inga aktivitetsindikatorer i databasen.", "No activity indicators in the store."), lang
        )
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=frame["label"],
            x=frame["percent"].fillna(0),
            orientation="h",
            marker=dict(color=[ATTAINMENT_COLORS[s] for s in frame["status"]]),
            text=frame["text"],
            textposition="auto",
            insidetextanchor="start",
            insidetextfont=dict(color=["white" if s == "i_fas" else "black" for s in frame["status"]]),
            outsidetextfont=dict(color=TEXT_COLOR),
            cliponaxis=False,
            name=tx(lang, "Måluppfyllelse", "Goal attainment"),
            customdata=frame["hover"] if "hover" in frame else frame["label"],
            hovertemplate="%{customdata}<br>%{text}<extra></extra>",
            showlegend=False,
        )
    )
    fig.add_trace(
        go.Scatter(
            y=frame["label"],
            x=frame["expected_percent"],
            mode="markers",
            marker=dict(symbol="line-ns", size=22, line=dict(width=3, color=TEXT_COLOR)),
            name=tx(lang, "Förväntat vid datumet (jämn takt)", "Expected at the date (even pace)"),
            hovertemplate=tx(lang, "Förväntat: ", "Expected: ") + "%{x:.0f} %<extra></extra>",
        )
    )
    top = max(150.0, float(frame["percent"].max(skipna=True) or 0) * 1.45)
    fig.add_vline(x=100, line=dict(color=TEXT_COLOR, width=2))
    fig.add_annotation(x=100, y=1, yref="paper", yanchor="bottom", text=tx(lang, "Mål", "Target"), showarrow=False)
    fig.update_xaxes(
        range=[0, top],
        ticksuffix=" %" if lang != "en" else "%",
        title_text=tx(lang, "Andel av målet", "Share of target"),
    )
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=list(frame["label"]))
    return apply_base(fig, lang, height=140 + 48 * len(frame))
