"""Start a chart with the margins its axis labels will need, so that Plotly draws it once.

With automargin on (figures.style.apply_base), Plotly draws a chart, finds that a label needs a
wider margin, widens it and draws the whole chart again: measured in Chromium, that doubled the
drawing time of most charts. settle() estimates each side's room from the labels the figure itself
holds (tick texts, categories, the data's largest number, axis titles) and sets it from the start.
Automargin stays on: where the estimate falls short (a phone that turns a chart's year labels), the
chart is drawn twice as before, never cut. The estimates were checked against the margins Plotly
settles on in Chromium at 375 and 1280 px for every chart of the default store (bench/margins.py).
"""

from __future__ import annotations

import base64
import math
import re

import numpy as np

CHAR_EM = 0.62  # a label character's width, in ems (digits and lower case of the house font, with room)
LINE_EM = 1.3  # a label line's height, in ems
TICK_PAD = 8  # pixels between the axis and its labels
TITLE_PAD = 16  # pixels between the labels and the axis title
SLACK = 4  # pixels to spare on a side with labels (Plotly rounds and pads a little of its own)
TAG = re.compile(r"<[^>]+>")


def _lines(text) -> list[str]:
    """Return a label's lines as shown ('<br>' breaks, other tags take no room)."""
    return [TAG.sub("", part) for part in re.split(r"<br\s*/?>", str(text))]


def _title_text(axis: dict) -> str:
    title = axis.get("title")
    return (title.get("text") or "") if isinstance(title, dict) else (title or "")


def _number_label(value: float, axis: dict) -> str:
    """Return roughly the longest tick label of a numeric axis whose values reach value."""
    tickformat = str(axis.get("tickformat") or "")
    percent = tickformat.endswith("%")
    value = value * 100 if percent else value
    digits = len(str(int(abs(value)))) if math.isfinite(value) and abs(value) >= 1 else 1
    decimals = re.search(r"\.(\d+)[f%]", tickformat)
    text = "9" * digits
    if digits > 4 or "," in tickformat:  # thousands grouped as the page writes them (Plotly: from five digits)
        text = f"{int(text):,}".replace(",", " ")
    if decimals and int(decimals.group(1)):
        text += "," + "9" * int(decimals.group(1))
    sign = "-" if value < 0 else ""
    return sign + text + (" %" if percent else "") + str(axis.get("ticksuffix") or "")


def _labels(axis: dict, values: list) -> list[str]:
    """Return the tick labels an axis will show (None: none at all)."""
    if axis.get("visible") is False or axis.get("showticklabels") is False:
        return []
    if axis.get("ticktext"):
        return [str(t) for t in axis["ticktext"]]
    strings = [v for v in values if isinstance(v, str)]
    if strings or axis.get("type") == "category":
        return list(dict.fromkeys(str(v) for v in values))
    numbers = [float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    numbers += [float(v) for v in axis.get("range") or [] if isinstance(v, int | float)]
    if axis.get("type") == "log" or not numbers:
        return ["999"] if numbers or axis.get("type") == "log" else []
    low, high = min(numbers), max(numbers)
    return [_number_label(low, axis), _number_label(max(high, abs(low)), axis)]


def _axis_values(figure: dict, name: str) -> list:
    """Return the values the traces on an axis put on it (x or y)."""
    letter, ref = name[0], name[0] + name[5:]  # xaxis2 -> x, x2
    values: list = []
    for trace in figure.get("data") or []:
        if trace.get(letter + "axis", letter) != ref:
            continue
        data = trace.get(letter)
        if isinstance(data, dict) and "bdata" in data:  # Plotly's packed array
            data = np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"])
        if hasattr(data, "tolist"):  # a numpy array or a pandas column
            data = data.tolist()
        if isinstance(data, list | tuple):
            values += [v for v in data if v is not None]
    return values


def _starts_at_zero(axis: dict, values: list) -> bool:
    """Tell whether a numeric x axis begins at 0, where its first label sits on the plot's edge."""
    if axis.get("ticktext") or any(isinstance(v, str) for v in values):
        return False
    start = (axis.get("range") or [None])[0]
    if start is None:
        numbers = [v for v in values if isinstance(v, int | float)]
        start = min(numbers) if numbers else None
    return start == 0


def _needs(figure: dict, font: float, base: dict) -> dict[str, float]:
    """Return the pixels each side needs for the axes' labels and titles (base: the figure's own margins)."""
    layout = figure.get("layout") or {}
    need = {"l": 0.0, "r": 0.0, "t": 0.0, "b": 0.0}
    char, line = CHAR_EM * font, LINE_EM * font
    for name, axis in layout.items():
        if not re.fullmatch(r"[xy]axis\d*", name) or not isinstance(axis, dict):
            continue
        if axis.get("visible") is False:
            continue
        values = _axis_values(figure, name)
        labels = _labels(axis, values)
        title = _title_text(axis)
        title_px = len(_lines(title)) * line + TITLE_PAD if title else 0
        if name.startswith("y"):
            side = "r" if axis.get("side") == "right" else "l"
            width = max((len(part) for label in labels for part in _lines(label)), default=0) * char
            need[side] = max(need[side], (width + TICK_PAD if labels else 0) + title_px)
        else:
            side = "t" if axis.get("side") == "top" else "b"
            height = max((len(_lines(label)) for label in labels), default=0) * line
            need[side] = max(need[side], (height + TICK_PAD if labels else 0) + title_px)
            if not (labels and _starts_at_zero(axis, values)):
                continue
            half = len(_number_label(0, axis)) * char / 2  # "0" sticks out by half its width
            need["l"] = max(need["l"], base.get("l", 0) + half)
            end = (axis.get("range") or [None, None])[-1]
            if isinstance(end, int | float) and float(end).is_integer():  # a whole number at the end is a tick there
                half = len(_number_label(end, axis)) * char / 2
                need["r"] = max(need["r"], base.get("r", 0) + half)
    return need


def settle(figure: dict) -> dict:
    """Return a copy of the figure whose margins are at least what its labels need (see the module)."""
    layout = figure.get("layout") or {}
    font = float((layout.get("font") or {}).get("size") or 12)
    margin = dict(layout.get("margin") or {})
    for side, px in _needs(figure, font, {k: float(v) for k, v in margin.items() if k in "lrtb"}).items():
        own = float(margin.get(side, 80 if side in "lr" else 100))  # Plotly's defaults where a figure sets none
        margin[side] = max(own, math.ceil(px + SLACK)) if px else own
    return {**figure, "layout": {**layout, "margin": margin}}
