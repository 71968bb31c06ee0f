"""Read JSON-stat (version 2, as PxWeb API v1 and v2 give it, and the older 1.x) into a Cube.

Every way a file can fail to be a JSON-stat dataset ends in ImportFailed with a plain reason:
binary or empty file, truncated or broken JSON, JSON that is not JSON-stat, sizes that disagree.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

from .base import ImportFailed, Problem


@dataclass
class Dimension:
    id: str
    label: str
    codes: list[str]
    labels: dict[str, str]
    extension: dict = field(default_factory=dict)

    def label_of(self, code: str) -> str:
        return self.labels.get(code, code)


@dataclass
class Cube:
    """A JSON-stat dataset: its dimensions in order and its values, dense and row-major (None = missing)."""

    label: str
    dims: list[Dimension]
    values: list
    roles: dict[str, list[str]] = field(default_factory=dict)
    source: str | None = None
    table_id: str | None = None

    def strides(self) -> list[int]:
        out, step = [], 1
        for dim in reversed(self.dims):
            out.append(step)
            step *= len(dim.codes)
        return out[::-1]


def read_cube(path: Path) -> Cube:
    """Return the Cube in a JSON file, or raise ImportFailed saying why it holds none."""
    raw = path.read_bytes()
    if not raw.strip():
        raise ImportFailed([Problem(path.name, None, None, "filen är tom")])
    if b"\x00" in raw[:4096]:
        raise ImportFailed([Problem(path.name, None, None, "filen är binär, inte JSON")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed([Problem(path.name, None, None, "filen är inte UTF-8-text och alltså ingen JSON")]) from None
    return parse_cube(text, path.name)


def parse_cube(text: str, file: str) -> Cube:
    """Return the Cube in a JSON-stat text, or raise ImportFailed saying why it holds none."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) - 1:
            why = "JSON-filen tar slut mitt i (avbruten nedladdning?)"
        else:
            why = f"inte giltig JSON: {exc.msg} (kolumn {exc.colno})"
        raise ImportFailed([Problem(file, exc.lineno, None, why)]) from None
    return cube_from(obj, file)


def cube_from(obj, file: str) -> Cube:
    def fail(why: str):
        return ImportFailed([Problem(file, None, None, why)])

    if isinstance(obj, dict) and "class" not in obj and isinstance(obj.get("dataset"), dict):
        obj = _from_version1(obj["dataset"])
    if not isinstance(obj, dict):
        raise fail("JSON-filen är inte JSON-stat (den är ingen JSON-stat-datamängd)")
    if "columns" in obj and "data" in obj:
        raise fail("filen är PxWebs format ”json”, inte JSON-stat; hämta tabellen med format json-stat2")
    if obj.get("class") in ("collection", "bundle"):
        raise fail("filen är en JSON-stat-samling; läs in en datamängd (class dataset) i taget")
    if not all(k in obj for k in ("id", "size", "dimension", "value")):
        raise fail("JSON-filen är inte JSON-stat: nycklarna id, size, dimension och value saknas")
    try:
        dims = [_dimension(d, obj["dimension"][d], n) for d, n in zip(obj["id"], obj["size"], strict=True)]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise fail(f"JSON-stat-filen är inkonsekvent: dimensionerna stämmer inte med id och size ({exc})") from None
    cells = math.prod(len(d.codes) for d in dims)
    if cells and obj["value"] in ([], {}):
        raise fail("filen är en tabells metadata utan värden; hämta tabellens data (v2: …/tables/ID/data)")
    values = _values(obj["value"], cells, fail)
    ext = obj.get("extension") or {}
    return Cube(
        label=str(obj.get("label") or ""),
        dims=dims,
        values=values,
        roles=obj.get("role") or {},
        source=obj.get("source"),
        table_id=((ext.get("px") or {}).get("tableid") if isinstance(ext, dict) else None),
    )


def _from_version1(ds: dict) -> dict:
    """Return a JSON-stat 1.x dataset (SCB's format json-stat) in version 2's shape."""
    dims = dict(ds.get("dimension") or {})
    return {
        "class": "dataset",
        "label": ds.get("label"),
        "source": ds.get("source"),
        "id": dims.pop("id", None),
        "size": dims.pop("size", None),
        "role": dims.pop("role", None),
        "dimension": dims,
        "value": ds.get("value"),
        "extension": ds.get("extension"),
    }


def _dimension(ident: str, spec: dict, size: int) -> Dimension:
    cat = spec.get("category") or {}
    index = cat.get("index")
    labels = {str(k): str(v) for k, v in (cat.get("label") or {}).items()}
    if index is None:
        codes = list(labels)
    elif isinstance(index, list):
        codes = [str(c) for c in index]
    else:
        codes = [str(c) for c, _pos in sorted(index.items(), key=lambda kv: kv[1])]
    if len(codes) != size:
        raise ValueError(f"{ident} har {len(codes)} kategorier men size säger {size}")
    return Dimension(str(ident), str(spec.get("label") or ident), codes, labels, spec.get("extension") or {})


def _values(raw, cells: int, fail) -> list:
    if isinstance(raw, list):
        if len(raw) != cells:
            raise fail(
                f"JSON-stat-filen är inkonsekvent: {len(raw)} värden men dimensionerna ger {cells} celler "
                "(avbruten eller ändrad fil?)"
            )
        values = raw
    elif isinstance(raw, dict):
        values = [None] * cells
        for key, value in raw.items():
            if not str(key).isdigit() or int(key) >= cells:
                raise fail(f"JSON-stat-filen är inkonsekvent: värdeindex {key} finns inte bland {cells} celler")
            values[int(key)] = value
    else:
        raise fail("JSON-stat-filens value är varken en lista eller en tabell")
    for position, value in enumerate(values):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float | str)):
            raise fail(f"JSON-stat-filens värde nummer {position + 1} är inget tal: {value!r}")
    return values


def merge(cubes: list[Cube]) -> Cube:
    """Return one Cube holding the cells of several (chunks of one table fetched in parts)."""
    if len(cubes) == 1:
        return cubes[0]
    first = cubes[0]
    dims = []
    for i, dim in enumerate(first.dims):
        codes = list(dict.fromkeys(code for cube in cubes for code in cube.dims[i].codes))
        labels = {k: v for cube in cubes for k, v in cube.dims[i].labels.items()}
        dims.append(Dimension(dim.id, dim.label, codes, labels, dim.extension))
    merged = Cube(first.label, dims, [], first.roles, first.source, first.table_id)
    position = {d.id: {c: n for n, c in enumerate(d.codes)} for d in dims}
    strides = merged.strides()
    values = [None] * math.prod(len(d.codes) for d in dims)
    for cube in cubes:
        for coords, value in zip(product(*(d.codes for d in cube.dims)), cube.values, strict=True):
            values[sum(position[d.id][c] * s for d, c, s in zip(dims, coords, strides))] = value
    merged.values = values
    return merged
