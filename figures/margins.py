"""Reserve room for a figure's axis labels before the browser draws it.

Every chart lets Plotly widen its margins to fit the axis labels (automargin). Plotly finds that out
only while drawing: it draws the chart, sees that the labels stick out and draws the whole chart a
second time. For a chart whose labels change with the filters (industry names, say) that second
pass came with every redraw and took half of Plotly's time (bench/styrkeomraden_redraw.py: about
190 of 380 ms for the seven charts of Styrkeområden).

label_room estimates, from the labels themselves, the room the left axis labels and the bottom
(or top) axis of a figure take. The page gives the figure at least those margins (layouts/chart.py
slot_value, assets/20-charts.js); Plotly then finds the labels fit at once and draws the chart
once. Exports keep their own layout. Automargin stays on: a label the estimate got too short
still fits, at the cost of the second pass. The widths are DejaVu Sans, the browser's sans-serif
on Debian and wider than most phone fonts, so the estimate errs on the side of room.
"""

from __future__ import annotations

import math
import re

import plotly.graph_objects as go

# Advance widths of DejaVu Sans in em (measured with Pillow); other characters count as WIDE.
_WIDTHS = {
    0.28: "'ijlIJ",
    0.32: " ,.·",
    0.35: "/:;\\|f-",
    0.4: "()[]t!r",
    0.5: '"*_`–',
    0.55: "szc?L",
    0.6: "FkvxyPTYaoåäöeé",
    0.64: "ESbdghnpquüÉ$0123456789{}K",
    0.7: "AVÅÄBRXZC",
    0.78: "UHNDG&OQÖ",
}
WIDTH = {c: w for w, chars in _WIDTHS.items() for c in chars}
WIDE = 0.9
LINE = 1.3  # a line of text, in em
TICK_PAD = 14  # px between an axis and its labels, with the tick itself (Plotly: about 10-13)
TITLE_PAD = 10  # px around an axis title
_TAG = re.compile(r"<[^>]+>")


def text_width(text: str, size: float) -> float:
    """Return the width in px of the widest line of a label (Plotly's <br> breaks lines, tags draw nothing)."""
    lines = _TAG.sub("", re.sub(r"<br\s*/?>", "\n", str(text), flags=re.I)).split("\n")
    return max(sum(WIDTH.get(c, WIDE) for c in line) for line in lines) * size


def _number_labels(values, axis) -> list[str]:
    """Return a label as wide as a numeric axis's widest tick label, from the data the axis shows."""
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)]
    if not numbers:
        return []
    biggest = max(abs(v) for v in numbers)
    whole = f"{biggest:,.0f}".replace(",", " ")
    sign = "−" if min(numbers) < 0 else ""
    decimals = ",0" if biggest < 10 else ""  # small numbers get a decimal on their ticks
    return [f"{sign}{whole}{decimals}{axis.ticksuffix or ''}"]


def _axis_values(fig: go.Figure, name: str, letter: str) -> list:
    """Return every value the traces on one axis put along it (name: "yaxis", "yaxis2", …)."""
    ref = letter + name[5:]  # "y", "y2", …
    values: list = []
    for trace in fig.data:
        if (getattr(trace, letter + "axis", None) or letter) != ref:
            continue
        data = getattr(trace, letter, None)
        if data is not None:
            values.extend(data.tolist() if hasattr(data, "tolist") else list(data))
    return values


def _labels(fig: go.Figure, name: str, axis, letter: str) -> list[str]:
    if axis.showticklabels is False or axis.visible is False:
        return []
    if axis.ticktext is not None:
        return [str(t) for t in axis.ticktext]
    values = _axis_values(fig, name, letter)
    if axis.categoryarray is not None:
        values = [*values, *axis.categoryarray]
    texts = [v for v in values if isinstance(v, str)]
    return list(dict.fromkeys(texts)) if texts else _number_labels(values, axis)


def _title_room(fig: go.Figure, axis) -> float:
    if not (axis.title and axis.title.text):
        return 0
    size = (axis.title.font and axis.title.font.size) or fig.layout.font.size or 12
    return size * LINE + TITLE_PAD


def label_room(fig: go.Figure) -> dict[str, int]:
    """Return the left, bottom and top margins (px) the figure's axis labels need, where more than it has.

    Only axes Plotly would widen the margins for are counted: y axes on the left with automargin,
    and x axes with automargin and level labels that are not categories (Plotly turns those when
    they crowd). The figure is not changed: assets/20-charts.js gives it these margins when the
    graph is wide enough for them (on a phone, Plotly's own narrower answer is better).
    """
    font = fig.layout.font.size or 12
    margin = fig.layout.margin
    left, room = margin.l or 0, {"bottom": margin.b or 0, "top": margin.t or 0}
    for name in [k for k in fig.layout if k.startswith("yaxis")]:
        axis = fig.layout[name]
        if not axis.automargin or axis.side == "right":
            continue
        size = (axis.tickfont and axis.tickfont.size) or font
        labels = _labels(fig, name, axis, "y")
        widest = max((text_width(t, size) for t in labels), default=0)
        left = max(left, math.ceil(widest + (TICK_PAD if labels else 0) + _title_room(fig, axis)))
    for name in [k for k in fig.layout if k.startswith("xaxis")]:
        axis = fig.layout[name]
        if not axis.automargin or axis.tickangle not in (None, 0):
            continue
        labels = _labels(fig, name, axis, "x")
        if axis.ticktext is None and any(isinstance(v, str) for v in _axis_values(fig, name, "x")):
            continue  # category labels: Plotly turns them when they crowd; leave those to automargin
        size = (axis.tickfont and axis.tickfont.size) or font
        lines = max((str(t).count("<br>") + 1 for t in labels), default=0)
        side = "top" if axis.side == "top" else "bottom"
        need = lines * size * LINE + (TICK_PAD if labels else 0) + _title_room(fig, axis)
        room[side] = max(room[side], math.ceil(need))
    wanted = {"l": left, "b": room["bottom"], "t": room["top"]}
    own = {"l": margin.l or 0, "b": margin.b or 0, "t": margin.t or 0}
    return {k: v for k, v in wanted.items() if v > own[k]}
