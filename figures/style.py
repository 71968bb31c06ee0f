"""Hold the shared look of every chart: palette, fonts, number format, source line, rows with their names above."""

from __future__ import annotations

import copy
import functools
import json
import textwrap

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from i18n import PLOTLY_SEPARATORS, lang_or_default

FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
TEXT_COLOR = "#1f2328"
MUTED_COLOR = "#57606a"
GRID_COLOR = "#d8dee4"

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
REGION_COLORS = {
    "17": "#0072B2",  # Värmland
    "20": "#D55E00",  # Dalarna
    "21": "#009E73",  # Gävleborg
    "SE31": "#CC79A7",  # Norra Mellansverige
    "00": "#57606a",  # riket
}
# Diverging, colour-blind-safe (blue–orange), neutral in grey; for Likert answers and LQ heatmaps.
DIVERGING = ["#b35806", "#f1a340", "#d9d9d9", "#998ec3", "#542788"]
NEUTRAL_GREY = "#bdbdbd"
STATUS_COLORS = {
    "klar": "#009E73",
    "pagar": "#0072B2",
    "planerad": "#8c959f",
    "forsenad": "#D55E00",
    "struken": "#882255",  # not #CC79A7: with deuteranopia that looks like "planerad" grey
    "okand": "#2b2b2b",  # no status reported: dark grey, apart from every other status for colour-blind readers
}


def region_color(code: str, index: int = 0) -> str:
    """Return the region's fixed colour, or a palette colour for municipalities."""
    return REGION_COLORS.get(code, OKABE_ITO[index % len(OKABE_ITO)])


# Plotly's default template, as go.Figure puts it into every figure: a figure built as a dict (see figure())
# carries the same, so it looks the same.
TEMPLATE = go.Figure().to_plotly_json()["layout"]["template"]
AXIS_BASE = dict(gridcolor=GRID_COLOR, zerolinecolor=GRID_COLOR, automargin=True)


def merge(target: dict, changes: dict) -> dict:
    """Merge changes into target in place and return it: nested dicts key by key, anything else replaced, None
    removing the key (as Plotly's update_layout does)."""
    for key, value in changes.items():
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = value
    return target


def _pruned(props: dict) -> dict:
    """Return props without the keys whose value is None, in nested dicts too (None means "Plotly's default")."""
    return {k: _pruned(v) if isinstance(v, dict) else v for k, v in props.items() if v is not None}


def figure(data: list[dict], layout: dict) -> dict:
    """Return a figure as the plain dict Plotly and dcc.Graph read (traces with their "type").

    Building a go.Figure checks every property as it is set: 20-80 ms a chart, most of an uncached
    chart answer. The views' figures are dicts instead; the tests have Plotly check each figure a page
    sends (tests/test_plotly_bundle.py) and every chart they build (tests/specs.py).
    """
    return {"data": [_pruned(t) for t in data], "layout": {**_pruned(layout), "template": TEMPLATE}}


@functools.lru_cache(maxsize=32)
def _subplots(arrangement: str) -> dict:
    layout = make_subplots(**json.loads(arrangement)).to_plotly_json()["layout"]
    layout.pop("template", None)
    return layout


def subplots(**arrangement) -> dict:
    """Return an empty figure laid out as make_subplots(**arrangement) lays it out (made once per arrangement)."""
    return figure([], copy.deepcopy(_subplots(json.dumps(arrangement, sort_keys=True))))


def axis_names(layout: dict, letter: str) -> list[str]:
    """Return the layout's axes of a letter ('x': xaxis, xaxis2, ...), at least the first one."""
    names = [k for k in layout if k.startswith(f"{letter}axis") and k[5:].isdigit() or k == f"{letter}axis"]
    return sorted(set(names) | {f"{letter}axis"}, key=lambda k: int(k[5:] or 1))


def update_axes(fig: dict, letter: str, **props) -> dict:
    """Set props on every axis of a letter, as update_xaxes / update_yaxes do."""
    for name in axis_names(fig["layout"], letter):
        merge(fig["layout"].setdefault(name, {}), copy.deepcopy(props))
    return fig


def base_layout(lang: str, *, height: int | None = 420, legend: bool = True) -> dict:
    """Return the house look: fonts, margins, separators of the language, no title (the card has it)."""
    return dict(
        font=dict(family=FONT_FAMILY, size=14, color=TEXT_COLOR),
        separators=PLOTLY_SEPARATORS[lang_or_default(lang)],
        margin=dict(l=10, r=10, t=30, b=10),
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=14)),
        showlegend=legend,
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, title=dict(text="")),
        height=height,
        # A finger that scrolls the page over a chart must scroll the page, not zoom the chart.
        dragmode=False,
    )


def apply_base(fig: dict, lang: str, *, height: int | None = 420, legend: bool = True) -> dict:
    """Give a figure the house look (base_layout), on every axis too."""
    merge(fig["layout"], base_layout(lang, height=height, legend=legend))
    update_axes(fig, "x", **AXIS_BASE)
    return update_axes(fig, "y", **AXIS_BASE)


def empty_figure(message: str, lang: str) -> dict:
    """Return a blank figure that says in words why there is nothing to show."""
    note = dict(
        text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font=dict(size=16, color=MUTED_COLOR)
    )
    layout = dict(
        annotations=[note],
        xaxis=dict(visible=False),
        yaxis=dict(visible=False),
        meta={"message": message},  # the page shows the words instead of an empty chart
    )
    return apply_base(figure([], layout), lang, height=240, legend=False)


HEADING_SIZE = 12  # font size of a row's name above its bar
HEADING_LINE = 16  # pixels per line of such a name
HEADING_CHARS = 42  # characters per line: a phone (about 330 px of chart) writes this many at HEADING_SIZE


def escape(text: str) -> str:
    """Return text that Plotly writes as it is (it reads a small HTML subset in labels)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wrapped(text: str, width: int = HEADING_CHARS, max_lines: int = 2) -> list[str]:
    """Return text as at most max_lines lines of about width characters (the last one shortened with …)."""
    lines = textwrap.wrap(str(text), width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip(" ,;") + "…"
    return lines


def heading_lines(names, details=None) -> int:
    """Return how many lines the tallest row heading takes (its wrapped name, plus a line of details)."""
    names = list(names)
    details = list(details) if details is not None else [""] * len(names)
    return max([len(wrapped(n)) + (len(wrapped(d)) if d else 0) for n, d in zip(names, details)] or [1])


def row_headings(names, details=None, *, axis: str = "", band: float = 0.4) -> list[dict]:
    """Return annotations that write each row's full name left-aligned above its bar.

    A phone has no room for long names beside the bars: written above, they take the chart's whole
    width and leave the bars theirs. details (optional, one per row) adds muted lines under the name.
    Row i spans y = i - 0.5 to i + 0.5; band is the share of it the bar (or bar group) takes, at the
    row's bottom (bar_position); the name fills the rest of the row above it.
    """
    details = list(details) if details is not None else [""] * len(names)
    notes = []
    for i, (name, detail) in enumerate(zip(names, details)):
        lines = wrapped(name)
        text = "<br>".join(escape(line) for line in lines)
        if detail:
            text += "".join(f"<br><span style='color:{MUTED_COLOR}'>{escape(line)}</span>" for line in wrapped(detail))
        notes.append(
            dict(
                name="row-heading",  # figures.export_pages finds the names by it
                text=text,
                hovertext=escape(name) if lines[-1].endswith("…") else None,  # the whole name, where shortened
                x=0,
                xref=f"x{axis} domain",
                xanchor="left",
                align="left",
                y=i + 0.5 - band,
                yref=f"y{axis}",
                yanchor="bottom",
                yshift=1,
                showarrow=False,
                font=dict(size=HEADING_SIZE, color=TEXT_COLOR),
                bgcolor="rgba(255,255,255,0.85)",  # a reference line behind the name must not cross it out
            )
        )
    return notes


def bar_positions(count: int, band: float) -> list[float]:
    """Return where row i's bar lies: at the bottom of its row, under its name (see row_headings)."""
    return [i + (1 - band) / 2 for i in range(count)]


def row_axis(count: int, top: float = 0.0) -> dict:
    """Return y-axis settings for rows 0..count-1 top to bottom, their names written as headings instead.

    top: rows of extra room above the first row (for a name written in the gap above a row of cells).
    """
    return dict(
        range=[count - 0.5, -0.5 - top],
        autorange=False,
        showticklabels=False,
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )


def mark_rows(fig: dict, rows: list[int], row_px: float, fixed_px: float) -> dict:
    """Record in the figure how its rows lie, so an export can give each row room or page through them.

    rows: the number of rows of each panel (y axis) in order; row_px: screen pixels per row;
    fixed_px: the screen pixels one panel needs besides its rows (axes, legend, margins).
    """
    meta = fig["layout"].get("meta")
    meta = dict(meta) if isinstance(meta, dict) else {}
    meta["rows"] = dict(counts=[int(r) for r in rows], row_px=float(row_px), fixed_px=float(fixed_px))
    fig["layout"]["meta"] = meta
    return fig
