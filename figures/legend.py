"""Take a figure's legend out of the plot, to be written as text beside it on the page.

Why: Plotly widens a chart's margins to fit its legend and then draws the chart a second time
(automargin), and a horizontal legend's height depends on the screen's width, so no margin set in
advance fits both a phone and a desktop. Measured in Chromium, that second drawing doubled the
drawing time of most charts. On the page the legend is therefore a list of names with their colours
above the chart (layouts/card.py); pictures and slides keep Plotly's own legend.
"""

from __future__ import annotations

import copy

# Plotly's default colours, for a trace that sets none (every chart of ours sets its own).
PLOTLY_COLORWAY = ["#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880"]
LEGEND_TYPES = {"bar", "scatter"}  # the trace types of ours that Plotly gives a legend entry


def _first(value):
    """Return a colour value or the first of a list of them (a bar coloured bar by bar)."""
    if isinstance(value, list | tuple):
        return value[0] if value else None
    return value if isinstance(value, str) else None


def _kind(trace: dict) -> str:
    """Return how the entry's mark looks: bar, line, dot, diamond or tick."""
    if trace.get("type", "scatter") == "bar":
        return "bar"
    mode = trace.get("mode") or "lines+markers"
    if "lines" in mode:
        return "line"
    symbol = str((trace.get("marker") or {}).get("symbol") or "circle")
    if symbol.startswith("line-ns") or symbol.startswith("line-ew"):
        return "tick"
    return "diamond" if symbol.startswith("diamond") else "dot"


def _color(trace: dict, index: int, colorway: list[str]) -> str:
    marker, line = trace.get("marker") or {}, trace.get("line") or {}
    mark_line = marker.get("line") or {}
    if _kind(trace) == "line":
        found = _first(line.get("color")) or _first(marker.get("color"))
    elif _kind(trace) == "tick":
        found = _first(mark_line.get("color")) or _first(marker.get("color"))
    else:
        found = _first(marker.get("color")) or _first(line.get("color"))
    return found or colorway[index % len(colorway)]


def legend_entries(figure: dict) -> list[dict]:
    """Return the entries Plotly's legend would show, in its order: name, color, kind (see _kind)."""
    layout = figure.get("layout") or {}
    traces = figure.get("data") or []
    shown = layout.get("showlegend")
    if shown is False or (shown is None and len(traces) < 2):
        return []
    colorway = layout.get("colorway") or PLOTLY_COLORWAY
    entries, seen = [], set()
    for index, trace in enumerate(traces):
        if trace.get("type", "scatter") not in LEGEND_TYPES or trace.get("showlegend") is False:
            continue
        if trace.get("visible") is False or not trace.get("name") or trace.get("mode") == "text":
            continue
        group = trace.get("legendgroup") or trace["name"]
        if group in seen:
            continue
        seen.add(group)
        rank = trace.get("legendrank", 1000)
        entries.append(
            {"name": trace["name"], "color": _color(trace, index, colorway), "kind": _kind(trace), "rank": rank}
        )
    if (layout.get("legend") or {}).get("traceorder") == "reversed":
        entries.reverse()
    return [{k: e[k] for k in ("name", "color", "kind")} for e in sorted(entries, key=lambda e: e["rank"])]


def without_legend(figure: dict) -> dict:
    """Return a copy of the figure whose legend is not drawn (the page writes it as text)."""
    out = copy.copy(figure)
    out["layout"] = {**(figure.get("layout") or {}), "showlegend": False}
    return out
