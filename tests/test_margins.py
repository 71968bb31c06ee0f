"""Room for the axis labels is reserved before the browser draws (figures/margins.py)."""

from __future__ import annotations

import plotly.graph_objects as go

from figures.margins import TICK_PAD, label_room, text_width
from figures.style import apply_base

LONG = "Tillverkning av datorer, elektronikvaror och optik"


def bars(names: list[str], **layout) -> go.Figure:
    fig = go.Figure(go.Bar(x=[1.5] * len(names), y=names, orientation="h"))
    fig.update_xaxes(title_text="Lokaliseringskvot")
    return apply_base(fig, "sv").update_layout(**layout)


def test_a_label_is_as_wide_as_its_widest_line_without_tags():
    assert text_width("<b>Ab</b><br>Abcdef", 10) == text_width("Abcdef", 10)
    assert text_width("Abcdef", 20) == 2 * text_width("Abcdef", 10)
    assert text_width("iiii", 14) < text_width("MMMM", 14)  # narrow and wide letters differ


def test_the_left_margin_fits_the_longest_industry_name():
    fig = bars(["Handel", LONG])
    short, long = label_room(bars(["Handel", "Bygg"])), label_room(fig)
    assert long["l"] >= text_width(LONG, 14) + TICK_PAD
    assert long["l"] <= text_width(LONG, 14) + 2 * TICK_PAD + 30  # room, not a gap
    assert short["l"] < long["l"]
    assert "r" not in long  # only the sides with labels
    assert fig.layout.margin.l == 10 and fig.layout.yaxis.automargin  # the figure itself is unchanged


def test_a_numeric_axis_title_and_tick_labels_get_room_below():
    room = label_room(bars(["Handel"]))
    assert room["b"] >= 14 * 2 * 1.3  # a line of tick labels and the axis title
    untitled = label_room(bars(["Handel"]).update_xaxes(title_text=None))
    assert untitled["b"] < room["b"]


def test_category_labels_along_the_bottom_are_left_to_plotly():
    fig = apply_base(go.Figure(go.Bar(x=["Värmland", "Dalarna"], y=[1, 2])), "sv")
    assert "b" not in label_room(fig)  # Plotly turns crowded labels: no safe estimate


def test_margins_only_grow_and_hidden_labels_take_no_room():
    assert "l" not in label_room(bars(["Bygg"], margin=dict(l=400)))
    assert "l" not in label_room(bars([LONG]).update_yaxes(showticklabels=False))
