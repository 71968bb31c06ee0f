"""Make a chart's picture files (PNG, SVG, PDF) from its ChartSpec, with the shared renderer."""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from figures.spec import ChartSpec

from . import render
from .export_layout import SLIDE_CANVAS, Preset, export_figure, logo_box, preset, slide_figure
from .export_pages import needed_height, row_pages, slide_style

IMAGE_FORMATS = ("png", "svg", "pdf")
DEFAULT_SIZE = "1920x1080"


@dataclass(frozen=True)
class Logo:
    data: bytes
    mimetype: str

    @classmethod
    def from_path(cls, path: str | Path | None) -> Logo | None:
        """Read a logo file (PNG, JPEG or SVG); None when there is none."""
        if not path or not Path(path).is_file():
            return None
        mimetype = mimetypes.guess_type(str(path))[0] or "image/png"
        return cls(Path(path).read_bytes(), mimetype)


def with_logo(svg: bytes, logo: bytes, logo_type: str, size: Preset) -> bytes:
    """Return the SVG with the logo in its top right corner, in the title's band."""
    width, height = logo_box(size)
    x = size.width - size.style.pad - width
    uri = f"data:{logo_type};base64," + base64.b64encode(logo).decode("ascii")
    image = (
        f'<image x="{x}" y="{size.style.pad}" width="{width}" height="{height}" '
        f'preserveAspectRatio="xMaxYMin meet" href="{uri}" xlink:href="{uri}"/>'
    )
    text = svg.decode("utf-8")
    end = text.rfind("</svg>")
    return (text[:end] + image + text[end:]).encode("utf-8")


def framed(svg: bytes, size: Preset) -> dict:
    """Return a figure that shows a finished SVG edge to edge, to turn it into PNG or PDF."""
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
    hidden = dict(visible=False, range=[0, 1], fixedrange=True)
    return dict(
        data=[],
        layout=dict(
            margin=dict(l=0, r=0, t=0, b=0),
            xaxis=hidden,
            yaxis=hidden,
            paper_bgcolor="white",
            plot_bgcolor="white",
            images=[
                dict(
                    source=uri,
                    xref="paper",
                    yref="paper",
                    x=0,
                    y=1,
                    sizex=1,
                    sizey=1,
                    xanchor="left",
                    yanchor="top",
                    sizing="stretch",
                    layer="above",
                )
            ],
        ),
    )


def chart_image(
    spec: ChartSpec, lang: str, fmt: str, size_key: str = DEFAULT_SIZE, *, as_of: date, logo: Logo | None = None
) -> bytes:
    """Return the finished chart picture as PNG, SVG or PDF bytes (raises render.RenderUnavailable)."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}")
    size = grown(preset(size_key, spec), spec)
    fig = export_figure(spec, lang, size, as_of, logo=logo is not None)
    # Vector formats keep layout pixels; only PNG is scaled up to the preset's pixels.
    scale = size.scale if fmt == "png" else 1
    if logo is None:
        return render.render(fig, fmt, size.width, size.height, scale)
    svg = with_logo(render.render(fig, "svg", size.width, size.height), logo.data, logo.mimetype, size)
    if fmt == "svg":
        return svg
    return render.render(framed(svg, size), fmt, size.width, size.height, scale)


def grown(size: Preset, spec: ChartSpec) -> Preset:
    """Return the preset, made taller where the chart's rows need more room at its fonts (every row shown)."""
    needed = needed_height(spec, size.width, size.style) if size.key != "own" else None
    return replace(size, height=needed) if needed and needed > size.height else size


def slide_pictures(spec: ChartSpec, aspect: float) -> list[tuple[bytes, tuple | None]]:
    """Return the bare chart as PNGs for slide pictures of the given width/height ratio, 1920 px wide.

    A chart whose rows do not fit one slide at slide-sized fonts comes as several pictures, each a
    window of rows (see export_pages.row_pages), with the window it shows.
    """
    width = SLIDE_CANVAS[0]
    height = round(width / aspect)
    style = slide_style(spec, height)
    pages = row_pages(spec, slide_figure(spec, height, style), height, style)
    return [(render.render(fig, "png", width, height, 1.5), window) for fig, window in pages]


def slide_picture(spec: ChartSpec, aspect: float) -> bytes:
    """Return the bare chart as one PNG for a slide picture (the first page where it has several)."""
    return slide_pictures(spec, aspect)[0][0]


def image_filename(spec: ChartSpec, fmt: str, size: Preset | None = None) -> str:
    """Return a file name that says what the file is: styrkeomraden_lq_dalarna_2022.png."""
    stem = spec.filename or f"{spec.view}_{spec.key}"
    if fmt == "png" and size is not None and (size.key != DEFAULT_SIZE or size.pixels != (1920, 1080)):
        stem += "_{}x{}".format(*size.pixels)  # a picture grown for its rows says its size
    return f"{stem}.{fmt}"


__all__ = [
    "IMAGE_FORMATS",
    "DEFAULT_SIZE",
    "Logo",
    "chart_image",
    "grown",
    "slide_picture",
    "slide_pictures",
    "image_filename",
    "preset",
]
