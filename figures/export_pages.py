"""Give every row of a chart room in its export: taller pictures, or pages of rows for slides.

A figure builder records its rows in layout.meta["rows"] (figures.style.mark_rows): the rows of
each panel, the screen pixels per row and the pixels besides the rows. From that a picture grows
tall enough that slide-sized fonts leave every row readable, and a slide picture shows a window of
rows (a y-axis range) of one panel at a time, as many slides as it takes.

Tables (a figure made of one go.Table) are measured from their text: Plotly writes a table that is
taller than its figure with a scroll bar, which a picture cannot scroll.
"""

from __future__ import annotations

import copy
import math
from dataclasses import replace

from figures.spec import ChartSpec

from .export_layout import HEADING, HEADING_LINE, SCREEN_FONT, SLIDE, TextStyle, one_line_headings

BAND_PX = 250  # layout pixels of a finished picture besides the chart: title, subtitle, source lines


def rows_of(fig: dict) -> dict | None:
    """Return the figure's record of its rows (counts, row_px, fixed_px), or None for a chart without rows."""
    meta = (fig.get("layout") or {}).get("meta")
    return meta.get("rows") if isinstance(meta, dict) and isinstance(meta.get("rows"), dict) else None


def table_trace(fig: dict) -> dict | None:
    """Return the figure's one go.Table trace, or None when the figure is not a table."""
    data = fig.get("data") or []
    return data[0] if len(data) == 1 and data[0].get("type") == "table" else None


def _factor(style: TextStyle, fig: dict) -> float:
    screen = ((fig.get("layout") or {}).get("font") or {}).get("size") or SCREEN_FONT
    return style.base / screen


def table_height(trace: dict, width: float, factor: float = 1.0) -> int:
    """Return the pixels a go.Table needs at a width once its cells' text wraps (fonts scaled by factor)."""
    header, cells = trace.get("header") or {}, trace.get("cells") or {}
    columns = [list(c) for c in cells.get("values") or []]
    weights = list(trace.get("columnwidth") or [1] * len(columns))[: len(columns)] or [1] * len(columns)
    weights += [1] * (len(columns) - len(weights))
    font = ((cells.get("font") or {}).get("size") or SCREEN_FONT) * factor
    per_char = 0.52 * font  # a proportional font's average, with some room to spare

    def lines(texts: list) -> int:
        return max(
            [math.ceil(len(str(t)) * per_char / max(width * w / sum(weights) - 12, 20)) for t, w in zip(texts, weights)]
            + [1]
        )

    heads = [str(h).replace("<b>", "").replace("</b>", "") for h in header.get("values") or []]
    line_px = font * 1.4
    total = lines(heads) * line_px + 12
    for row in zip(*columns):
        total += max(lines(list(row)) * line_px + 10, (cells.get("height") or 0) * factor)
    return math.ceil(total + 20)


def needed_height(spec: ChartSpec, width: int, style: TextStyle) -> int | None:
    """Return the layout height a finished picture needs so every row keeps its room at the style's fonts.

    None for a chart without rows (it keeps the preset's height).
    """
    fig = spec.figure_dict()
    trace = table_trace(fig)
    if trace is not None:
        return table_height(trace, width - 2 * style.pad, _factor(style, fig)) + BAND_PX
    rows = rows_of(fig)
    if rows is None:
        return None
    screen = spec.figure_size()[1] or rows["fixed_px"] + rows["row_px"] * sum(rows["counts"])
    return math.ceil(screen * _factor(style, fig)) + BAND_PX


PAGED_BASE = 16  # font size (layout px, about 12 pt on a slide) of a chart whose rows go over several slides


def slide_style(spec: ChartSpec, height: int) -> TextStyle:
    """Return the text style of a chart's slide pictures: slide-sized fonts where every row fits one slide;
    else smaller ones down to screen size if that makes them fit; else PAGED_BASE, over several slides."""
    fig = spec.figure_dict()
    rows = rows_of(fig)
    if rows is None:
        return SLIDE
    layout = copy.deepcopy(fig.get("layout") or {})
    saved = one_line_headings({"layout": layout})
    screen = (layout.get("font") or {}).get("size") or SCREEN_FONT
    most = max(rows["counts"] + [1])

    def fits(base: float) -> bool:
        factor = base / screen
        fixed = min(rows["fixed_px"] * factor, height / 3)
        return fixed + most * (rows["row_px"] - saved * HEADING_LINE) * factor <= height

    base = next((b for b in range(int(SLIDE.base), int(screen) - 1, -1) if fits(b)), PAGED_BASE)
    return replace(SLIDE, base=base)


def _panel_axes(fig: dict, count: int) -> list[str]:
    return ["yaxis" + ("" if i == 0 else str(i + 1)) for i in range(count)]


def _only_panel(fig: dict, keep: int, count: int) -> None:
    """Leave one panel of a stacked panel figure: its axes fill the height, the others' traces and notes go."""
    if count <= 1:
        return
    layout = fig["layout"]
    refs = ["y" + ("" if i == 0 else str(i + 1)) for i in range(count)]
    kept = refs[keep]
    fig["data"] = [t for t in fig["data"] if t.get("yaxis", "y") == kept or t.get("legend") is not None]
    seen = set()
    for trace in fig["data"]:  # the legend names what this panel shows (the first panel's traces named it)
        group = trace.get("legendgroup") or trace.get("name")
        trace["showlegend"] = group not in seen
        seen.add(group)
    for i, axis in enumerate(_panel_axes(fig, count)):
        x_axis = axis.replace("y", "x")
        if i == keep:
            layout.setdefault(axis, {})["domain"] = [0, 1]
            layout.setdefault(x_axis, {})["domain"] = [0, 1]
        else:
            layout.setdefault(axis, {}).update(visible=False, domain=[0, 0.001])
            layout.setdefault(x_axis, {}).update(visible=False)
    titles = [a for a in layout.get("annotations") or [] if _is_panel_title(a)]

    def own(item: dict) -> bool:
        ref = str(item.get("yref", "")).split(" ")[0]
        return ref in ("", "paper") or ref == kept

    # The panel's name is in the slide's subtitle; over the plot it would meet the legend.
    layout["annotations"] = [a for a in layout.get("annotations") or [] if own(a) and a not in titles]
    layout["shapes"] = [s for s in layout.get("shapes") or [] if own(s)]


def row_pages(spec: ChartSpec, fig: dict, height: int, style: TextStyle) -> list[tuple[dict, tuple | None]]:
    """Return (figure, window) per picture: the chart whole (window None), or windows of rows that fit height.

    fig is the chart as it will be drawn (fonts already at the style's size); a window is
    (panel index, panel title, first row, last row, rows in the panel), rows counted from 1.
    """
    rows = rows_of(fig)
    meta = fig["layout"].get("meta")
    panels = meta.get("panels", 1) if isinstance(meta, dict) else 1
    titles = [a.get("text", "") for a in fig["layout"].get("annotations") or [] if _is_panel_title(a)]
    if rows is None and panels > 1:  # panels without rows (the bubble chart): a slide each
        pages = []
        for panel in range(panels):
            page = copy.deepcopy(fig)
            _only_panel(page, panel, panels)
            pages.append((page, (panel, titles[panel] if panel < len(titles) else "", None, None, None)))
        return pages
    if rows is None:
        return [(fig, None)]
    factor = _factor(style, spec.figure_dict())
    saved = rows.get("saved_lines", 0)  # base_figure wrote each name on one line
    row_need = max(rows["row_px"] - saved * HEADING_LINE, 12) * factor
    # A slide's legend takes one line, not a phone's three: the fixed part is at most a third of the slide.
    per_page = max(1, math.floor((height - min(rows["fixed_px"] * factor, height / 3)) / row_need))
    counts = rows["counts"]
    if len(counts) == 1 and counts[0] <= per_page:
        return [(fig, None)]
    pages = []
    for panel, count in enumerate(counts):
        size = math.ceil(count / math.ceil(count / per_page))  # even pages: 5, 5, 5 rather than 7, 7, 1
        for start in range(0, count, size):
            end = min(start + size, count)
            page = copy.deepcopy(fig)
            _only_panel(page, panel, len(counts))
            axis = page["layout"].setdefault(_panel_axes(page, len(counts))[panel], {})
            extra = -0.5 - axis.get("range", [0, -0.5])[1]  # room kept above the first row for its name
            # just inside the row boundaries: the neighbouring rows' bar edges stay off the page
            axis.update(range=[end - 0.51, start - 0.49 - extra], autorange=False)
            page["layout"]["annotations"] = [
                a
                for a in page["layout"].get("annotations") or []
                if a.get("name") != HEADING or start <= math.floor(float(a["y"]) + 0.5) < end
            ]
            title = titles[panel] if len(counts) > 1 and panel < len(titles) else ""
            pages.append((page, (panel, title, start + 1, end, count)))
    return pages


def _is_panel_title(note: dict) -> bool:
    return note.get("yref") == "paper" and note.get("xref") == "paper" and note.get("name") != HEADING
