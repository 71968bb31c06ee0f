"""Turn a chart's on-screen figure into a finished picture for slides and print.

The exported figure carries its own title and subtitle (Plotly's title, anchored to the image),
a source line with "Exempeldata" and the as-of date (the title of a second, item-less legend, so
Plotly reserves room for it below the axis labels), fonts readable on a projector, and the
screen's palette and number separators (they are part of the figure already).
"""

from __future__ import annotations

import copy
import textwrap
from dataclasses import dataclass
from datetime import date

from figures.spec import ChartSpec
from i18n import tx

from .style import MUTED_COLOR, TEXT_COLOR

SLIDE_CANVAS = (1280, 720)  # layout pixels of a 16:9 slide picture; 1920x1080 is this at scale 1.5
SCREEN_FONT = 14  # the on-screen base font size (figures.style.apply_base)
EXAMPLE_COLOR = "#8a5300"
# Trace types without x/y axes: a figure made only of these must not grow axes in export.
NON_CARTESIAN = {
    "pie", "sunburst", "treemap", "icicle", "funnelarea", "sankey", "table", "indicator", "parcoords",
    "parcats", "scattergeo", "choropleth", "scattermap", "choroplethmap", "densitymap", "scattermapbox",
    "choroplethmapbox", "densitymapbox", "scatterpolar", "scatterpolargl", "barpolar", "scatterternary",
    "scatter3d", "surface", "mesh3d", "cone", "streamtube", "volume", "isosurface", "scattersmith",
}  # fmt: skip
FOOTER_LEGEND = "legend99"
HEADING_LINE = 16  # screen pixels per line of a row heading (figures.style.HEADING_LINE)
HEADING = "row-heading"  # the name of the row headings' annotations (figures.style.row_headings)


@dataclass(frozen=True)
class TextStyle:
    """Font sizes (layout pixels) and spacing of an exported picture."""

    base: float  # axis ticks, legend
    title: float
    subtitle: float
    footer: float
    pad: int


SLIDE = TextStyle(base=19, title=30, subtitle=20, footer=15, pad=28)  # readable from the back of a room
SCREEN = TextStyle(base=SCREEN_FONT, title=20, subtitle=14, footer=12, pad=14)


@dataclass(frozen=True)
class Preset:
    """One picture size: layout size, scale to pixels, and the text style."""

    key: str
    width: int
    height: int
    scale: float
    style: TextStyle

    @property
    def pixels(self) -> tuple[int, int]:
        return round(self.width * self.scale), round(self.height * self.scale)


def preset(key: str, spec: ChartSpec) -> Preset:
    """Return the preset named by key: 1920x1080, 1280x720 or own (the chart's size on screen)."""
    if key == "1920x1080":
        return Preset(key, *SLIDE_CANVAS, 1.5, SLIDE)
    if key == "1280x720":
        return Preset(key, *SLIDE_CANVAS, 1, SLIDE)
    if key == "own":
        width, height = own_size(spec)
        return Preset(key, width, height, 1, SCREEN)
    raise KeyError(key)


PRESET_KEYS = ("1920x1080", "1280x720", "own")


def own_size(spec: ChartSpec) -> tuple[int, int]:
    """Return the chart's size on a desktop screen, plus room for the baked-in title and source."""
    width, height = spec.figure_size()
    width, height = int(width or 1000), int(height or 420)
    lines = 1 + bool(spec.subtitle) + 2 + len(spec.notes)
    return width, height + 2 * SCREEN.pad + int(lines * 1.5 * SCREEN.subtitle)


def _scale_fonts(node, factor: float) -> None:
    """Multiply every explicit font size in a figure dict by factor, in place."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("font") and isinstance(value, dict) and "size" in value:
                size = value["size"]
                if isinstance(size, (int, float)):
                    value["size"] = size * factor
                elif isinstance(size, (list, tuple)):
                    value["size"] = [s * factor if isinstance(s, (int, float)) else s for s in size]
            _scale_fonts(value, factor)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _scale_fonts(item, factor)


def _wrap(text: str, size: float, width: float, max_lines: int = 3) -> str:
    """Break text into lines that fit width at a font size (Plotly does not wrap titles)."""
    chars = max(20, int(width / (0.55 * size)))
    lines = textwrap.wrap(text, chars) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: chars - 1].rstrip() + "…"
    return "<br>".join(_escape(line) for line in lines)


def _escape(text: str) -> str:
    # Plotly reads a small HTML subset in text; a "<" in a name must stay a character.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _category_counts(fig: dict) -> dict[str, int]:
    """Return how many category labels each y axis shows (text values, or explicit tick values)."""
    categories: dict[str, set] = {}
    for trace in fig.get("data", []):
        values = trace.get("y")
        if values is None or isinstance(values, dict) or not len(values):
            continue
        if all(isinstance(v, str) for v in list(values)[:50]):
            axis = "yaxis" + str(trace.get("yaxis", "y"))[1:]
            categories.setdefault(axis, set()).update(map(str, values))
    counts = {axis: len(values) for axis, values in categories.items()}
    for key, axis in fig["layout"].items():
        if key.startswith("yaxis") and isinstance(axis, dict) and axis.get("tickvals") is not None:
            counts[key] = len(axis["tickvals"])
    return counts


def _fit_category_labels(fig: dict, height: int, style: TextStyle) -> None:
    """Shrink a y axis's labels where slide-sized ones would not all fit (Plotly would drop every other)."""
    if style.base <= SCREEN_FONT:
        return  # at the chart's own size the labels are as on screen, where they fit
    for axis, count in _category_counts(fig).items():
        room = height * 0.62 / max(count, 1) * 0.8
        if room < style.base:
            tickfont = fig["layout"].setdefault(axis, {}).setdefault("tickfont", {})
            tickfont["size"] = max(min(room, tickfont.get("size", style.base)), 9)


def _headings(fig: dict) -> list[dict]:
    return [a for a in (fig["layout"].get("annotations") or []) if a.get("name") == HEADING]


def one_line_headings(fig: dict) -> int:
    """Write each row heading's name, and its details, on one line each (an export is wide).

    Return the lines saved on the tallest heading: the rows may be that much less tall.
    """
    before = after = 0
    muted = "<br><span"
    for note in _headings(fig):
        text = note["text"]
        name, sep, details = text.partition(muted)
        before = max(before, text.count("<br>") + 1)
        joined = note.get("hovertext") or name.replace("<br>", " ")
        if "<b>" in name and "<b>" not in joined:  # the timeline's status word stays bold
            word = name[name.index("<b>") + 3 : name.index("</b>")]
            joined = joined.replace(word, f"<b>{word}</b>", 1)
        if sep:
            parts = (sep + details).split(muted)[1:]
            words = " ".join(p.split(">", 1)[1].removesuffix("</span>") for p in parts)
            style = parts[0].split(">", 1)[0]
            joined += f"{muted}{style}>{words}</span>"
        after = max(after, 1 + bool(sep))
        note["text"] = joined
    return max(before - after, 0)


def _scale_heading_gaps(fig: dict, saved: int, factor: float) -> None:
    """Fit the gaps that hold row names between a grid's rows of cells to the names' new lines and size."""
    for trace in fig.get("data", []):
        if trace.get("type") == "heatmap" and (trace.get("ygap") or 0) >= 10:
            trace["ygap"] = round((trace["ygap"] - saved * HEADING_LINE) * factor)


def base_figure(spec: ChartSpec, style: TextStyle, height: int) -> dict:
    """Return the chart's figure as a dict with fonts scaled from screen size to the style's size."""
    fig = copy.deepcopy(spec.figure_dict())
    layout = fig.setdefault("layout", {})
    screen = (layout.get("font") or {}).get("size") or SCREEN_FONT
    _scale_fonts(fig, style.base / screen)
    layout.setdefault("font", {})["size"] = style.base
    _fit_category_labels(fig, height, style)
    saved = one_line_headings(fig)  # an export is wide: each row's name on one line
    _scale_heading_gaps(fig, saved, style.base / screen)
    rows = (layout.get("meta") or {}).get("rows") if isinstance(layout.get("meta"), dict) else None
    if rows is not None:
        rows["saved_lines"] = saved
    layout.pop("height", None)
    layout.pop("width", None)
    layout.pop("autosize", None)
    return fig


def slide_figure(spec: ChartSpec, height: int, style: TextStyle = SLIDE) -> dict:
    """Return the bare chart for a slide whose title and source are slide text: no baked-in words."""
    fig = base_figure(spec, style, height)
    fig["layout"]["margin"] = dict(l=SLIDE.pad // 2, r=SLIDE.pad // 2, t=SLIDE.pad // 2, b=SLIDE.pad // 2)
    return fig


def footer_text(spec: ChartSpec, lang: str, as_of: date, width: float, style: TextStyle) -> str:
    """Return the source line(s): source, the example-data mark, notes, and the as-of date."""
    status = {
        "example": tx(lang, "Exempeldata", "Example data"),
        "mixed": tx(lang, "Delvis exempeldata", "Partly example data"),
    }.get(spec.data_status)
    dated = tx(lang, f"Uttagsdatum {as_of.isoformat()}", f"As of {as_of.isoformat()}")
    site = tx(lang, "Smart specialisering i Norra Mellansverige", "Smart specialisation in North Middle Sweden")
    lines = [_wrap(spec.source, style.footer, width, 2)]
    lines += [_wrap(note, style.footer, width, 2) for note in spec.notes]
    tail = " · ".join(p for p in (dated, site) if p)
    if status:
        tail = f"<b><span style='color:{EXAMPLE_COLOR}'>{status}</span></b> · " + tail
    return "<br>".join(lines + [tail])


def export_figure(spec: ChartSpec, lang: str, size: Preset, as_of: date, logo: bool = False) -> dict:
    """Return the chart as a finished picture: title, subtitle, source line and date baked in."""
    style, width, height = size.style, size.width, size.height
    fig = base_figure(spec, style, height)
    layout = fig["layout"]
    text_width = width - 2 * style.pad - (logo_box(size)[0] + style.pad if logo else 0)
    title = dict(
        text=f"<b>{_wrap(spec.title, style.title, text_width, 2)}</b>",
        font=dict(size=style.title, color=TEXT_COLOR),
        xref="container",
        yref="container",
        x=style.pad / width,
        y=1 - style.pad / height,
        xanchor="left",
        yanchor="top",
        automargin=True,
        pad=dict(b=style.pad // 2),
    )
    if spec.subtitle:
        title["subtitle"] = dict(
            text=_wrap(spec.subtitle, style.subtitle, text_width, 2),
            font=dict(size=style.subtitle, color=MUTED_COLOR),
        )
    layout["title"] = title
    layout["margin"] = dict(l=style.pad, r=style.pad, t=style.pad // 2, b=style.pad // 2)
    _add_footer(fig, footer_text(spec, lang, as_of, width - 2 * style.pad, style), style, width, height)
    return fig


def _add_footer(fig: dict, text: str, style: TextStyle, width: int, height: int) -> None:
    """Write text as the title of an item-less legend at the bottom; Plotly then keeps room for it."""
    layout, traces = fig["layout"], fig.setdefault("data", [])
    shown = layout.get("showlegend")
    if shown is None:  # Plotly's own rule: a legend for several traces, or for a pie's slices
        shown = sum(t.get("showlegend", True) for t in traces) > 1 or any(
            t.get("type") in ("pie", "funnelarea") for t in traces
        )
    if not shown:
        for trace in traces:
            trace["showlegend"] = False
    if all(t.get("type", "scatter") in NON_CARTESIAN for t in traces):
        layout.setdefault("xaxis", {})["visible"] = False
        layout.setdefault("yaxis", {})["visible"] = False
        layout["plot_bgcolor"] = "rgba(0,0,0,0)"  # the hidden axes' subplot must not paint over the chart
    layout["showlegend"] = True
    traces.append(
        dict(
            type="scatter",
            x=[None],
            y=[None],
            name="",
            mode="markers",
            marker=dict(color="rgba(0,0,0,0)"),
            legend=FOOTER_LEGEND,
            showlegend=True,
            hoverinfo="skip",
        )
    )
    layout[FOOTER_LEGEND] = dict(
        orientation="h",
        xref="container",
        yref="container",
        x=style.pad / width,
        y=style.pad / 2 / height,
        xanchor="left",
        yanchor="bottom",
        itemwidth=30,
        bgcolor="rgba(0,0,0,0)",
        title=dict(text=text, side="left", font=dict(size=style.footer, color=MUTED_COLOR)),
    )


def logo_box(size: Preset) -> tuple[int, int]:
    """Return the logo's room (width, height) in the title band's right end; the logo keeps its shape inside."""
    height = round(size.height * 0.09)
    return min(round(size.width * 0.2), 3 * height), height
