"""Make a chart's picture files (PNG, SVG, PDF) from its ChartSpec, with the shared renderer."""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from figures.spec import ChartSpec

from . import render
from .export_layout import SLIDE_CANVAS, Preset, export_figure, logo_box, preset, slide_figure

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
    size = preset(size_key, spec)
    fig = export_figure(spec, lang, size, as_of, logo=logo is not None)
    # Vector formats keep layout pixels; only PNG is scaled up to the preset's pixels.
    scale = size.scale if fmt == "png" else 1
    if logo is None:
        return render.render(fig, fmt, size.width, size.height, scale)
    svg = with_logo(render.render(fig, "svg", size.width, size.height), logo.data, logo.mimetype, size)
    if fmt == "svg":
        return svg
    return render.render(framed(svg, size), fmt, size.width, size.height, scale)


def slide_picture(spec: ChartSpec, aspect: float) -> bytes:
    """Return the bare chart as a PNG for a slide picture of the given width/height ratio, 1920 px wide."""
    width = SLIDE_CANVAS[0]
    height = round(width / aspect)
    return render.render(slide_figure(spec, height), "png", width, height, 1.5)


def image_filename(spec: ChartSpec, fmt: str, size: Preset | None = None) -> str:
    """Return a file name that says what the file is: styrkeomraden_lq_dalarna_2022.png."""
    stem = spec.filename or f"{spec.view}_{spec.key}"
    if fmt == "png" and size is not None and size.key != DEFAULT_SIZE:
        stem += "_{}x{}".format(*size.pixels)
    return f"{stem}.{fmt}"


__all__ = ["IMAGE_FORMATS", "DEFAULT_SIZE", "Logo", "chart_image", "slide_picture", "image_filename", "preset"]
