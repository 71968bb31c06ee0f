"""Helpers for the import tests: a fresh store, the command line run in-process, JSON-stat builders."""

from __future__ import annotations

import atexit
import hashlib
import io
import itertools
import shutil
import sqlite3
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from data.__main__ import main
from data.build import build

FIXTURES = Path(__file__).parent / "fixtures" / "import"


_TEMPLATE: list[Path] = []


def empty_store(tmp_path: Path) -> str:
    """Return the URL of a fresh store with the project plan and no example data (a copy of one built once)."""
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="s3-import-template-"))
        atexit.register(shutil.rmtree, folder, True)
        build(f"sqlite:///{folder / 'template.sqlite'}", empty=True)
        _TEMPLATE.append(folder / "template.sqlite")
    tmp_path.mkdir(parents=True, exist_ok=True)
    target = tmp_path / "s3.sqlite"
    shutil.copyfile(_TEMPLATE[0], target)
    return f"sqlite:///{target}"


def run_cli(*argv) -> tuple[int, str, str]:
    """Run `python -m data ...` in this process; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse errors
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def sqlite_file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def snapshot(url: str) -> tuple[str, list[str]]:
    """Return the store file's hash and its full SQL dump: both must survive a failed import."""
    path = sqlite_file(url)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # WAL: every commit into the file before it is hashed
        dump = list(db.iterdump())
    db.close()
    return hashlib.sha256(path.read_bytes()).hexdigest(), dump


def data_dump(url: str) -> list[str]:
    """Return the store's SQL dump without its version row (every import bumps it, even one that changes nothing)."""
    return [line for line in snapshot(url)[1] if not line.startswith('INSERT INTO "store_meta"')]


def facts(url: str, dataset: str | None = None, sex: str | None = "total") -> dict[tuple, float]:
    """Return (region, industry, year, measure) -> value of the store's facts (of one dataset; sex total).

    With sex=None the key ends with the sex: (region, industry, year, measure, sex).
    """
    with sqlite3.connect(sqlite_file(url)) as db:
        rows = db.execute(
            "select region, industry, year, measure, value, dataset, sex from fact"
            + (" where dataset = ?" if dataset else ""),
            (dataset,) if dataset else (),
        ).fetchall()
    db.close()
    if sex is None:
        return {(r, i, y, m, x): v for r, i, y, m, v, _d, x in rows}
    return {(r, i, y, m): v for r, i, y, m, v, _d, x in rows if x == sex}


def dataset_row(url: str, code: str) -> dict | None:
    with sqlite3.connect(sqlite_file(url)) as db:
        db.row_factory = sqlite3.Row
        row = db.execute("select * from dataset where code = ?", (code,)).fetchone()
    db.close()
    return dict(row) if row else None


def jsonstat(dims: list[tuple], value, *, label="Testtabell", roles=None, source="SCB", table="TAB1") -> dict:
    """Return a JSON-stat 2 dataset; dims are (id, label, {code: label}[, extension]); value(coords) gives cells."""
    ids = [d[0] for d in dims]
    dimension = {}
    for d in dims:
        ident, text, cats = d[0], d[1], d[2]
        dimension[ident] = {"label": text, "category": {"index": {c: i for i, c in enumerate(cats)}, "label": cats}}
        if len(d) > 3:
            dimension[ident]["extension"] = d[3]
    cells = [value(dict(zip(ids, combo))) for combo in itertools.product(*(list(d[2]) for d in dims))]
    return {
        "version": "2.0",
        "class": "dataset",
        "label": label,
        "source": source,
        "id": ids,
        "size": [len(d[2]) for d in dims],
        "dimension": dimension,
        "value": cells,
        "role": roles or {"time": ["Tid"], "metric": ["ContentsCode"]},
        "extension": {"px": {"tableid": table}},
    }
