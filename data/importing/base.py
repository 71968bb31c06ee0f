"""Share what every importer needs: problems with file/line/column, robust CSV reading, the registry.

Rules for every importer (ground rule 3): read and validate everything before writing; on any
problem raise ImportFailed with every Problem found (up to a limit, then a count); write in
one transaction so the store is unchanged on failure.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MAX_PROBLEMS_SHOWN = 20


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None  # 1-based line in the file (header is line 1), or None for whole-file problems
    column: str | None
    message: str  # in words a statistician understands, Swedish

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", rad {self.line}"
        if self.column:
            where += f", kolumn {self.column}"
        return f"{where}: {self.message}"


class ImportFailed(Exception):
    """Raised with every problem found; nothing has been written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.report())

    def report(self, limit: int = MAX_PROBLEMS_SHOWN) -> str:
        lines = [str(p) for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"… och {len(self.problems) - limit} problem till.")
        return "\n".join(lines)


@dataclass
class CsvTable:
    path: Path
    encoding: str
    delimiter: str
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number in file, cells)


def decode_text(path: Path, raw: bytes) -> tuple[str, str]:
    """Return (text, encoding): UTF-8 (with or without BOM), else Windows-1252 as Excel writes in Sweden."""
    if b"\x00" in raw[:4096]:
        raise ImportFailed([Problem(path.name, None, None, "filen är binär, inte text (CSV)")])
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="strict"), "windows-1252"


def read_csv(path: Path | str) -> CsvTable:
    """Read a CSV written by Excel or a survey tool: UTF-8 or Windows-1252, comma or semicolon."""
    path = Path(path)
    raw = path.read_bytes()
    if not raw.strip():
        raise ImportFailed([Problem(path.name, None, None, "filen är tom")])
    try:
        text, encoding = decode_text(path, raw)
    except UnicodeDecodeError as exc:
        raise ImportFailed([Problem(path.name, None, None, f"okänd teckenkodning ({exc.reason})")]) from exc
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in next(reader)]
    rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    return CsvTable(path, encoding, delimiter, header, rows)


@dataclass
class Importer:
    """One kind of file the import command understands."""

    name: str  # e.g. "statistik", "kluster", "enkät"
    matches: Callable[[Path], bool]  # cheap look at the file (suffix, header)
    load: Callable  # (conn, path, args) -> str summary; raises ImportFailed; writes inside the caller's transaction
    description: str = ""
    extra: dict = field(default_factory=dict)


IMPORTERS: list[Importer] = []


def register(importer: Importer) -> Importer:
    IMPORTERS.append(importer)
    return importer
