"""Help the export and phone tests: one example store per test run, an app on it, reading exported files.

Not a test module. The store is built once per process (about 10 s), whichever test module asks first.
"""

from __future__ import annotations

import functools
import io
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from pptx import Presentation

SVG = "{http://www.w3.org/2000/svg}"


@functools.cache
def example_store() -> str:
    """Return the URL of a full example store (invented statistics, as conftest's), built once per process."""
    from data.build import build
    from tests.conftest import EXAMPLE_STORE

    folder = Path(tempfile.mkdtemp(prefix="s3-export-rows-"))
    return build(f"sqlite:///{folder / 's3.sqlite'}", **EXAMPLE_STORE)


@functools.cache
def example_app():
    """Return an app on the example store (exports not rate-limited: TESTING)."""
    from app import create_app

    return create_app({"DATABASE_URL": example_store(), "TESTING": True, "SECRET_KEY": "test"})


def download(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.get_data(as_text=True)[:300])
    return response


def file_name(response) -> str:
    return response.headers["Content-Disposition"].split('filename="')[1].split('"')[0]


def slides(body: bytes) -> list:
    return list(Presentation(io.BytesIO(body)).slides)


def slide_texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def tables(slide) -> list:
    return [shape.table for shape in slide.shapes if shape.has_table]


def rows_windows(texts: list[str]) -> list[tuple[int, int, int]]:
    """Return the (first, last, of) row windows a chart's slides say they show ('Rader 3–6 av 14')."""
    found = []
    for text in texts:
        found += [tuple(map(int, m)) for m in re.findall(r"(?:Rader|Rows) (\d+)–(\d+) (?:av|of) (\d+)", text)]
    return found


def text_tops(svg: bytes, needle: str) -> tuple[float, list[float]]:
    """Return the SVG's height and where (y, page coordinates) each text containing needle is written."""
    root = ET.fromstring(svg)
    height, tops = float(root.get("height")), []

    def walk(node, dy: float) -> None:
        for match in re.finditer(r"translate\(([-\d.e]+)[ ,]*([-\d.e]+)?\)", node.get("transform") or ""):
            dy += float(match.group(2) or 0)
        if node.tag == SVG + "text" and needle in "".join(node.itertext()):
            tops.append(dy + float(node.get("y") or 0))
        for child in node:
            walk(child, dy)

    walk(root, 0.0)
    return height, tops
