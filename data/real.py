"""Load the public statistics shipped in data/real/ (described by data/real/manifest.toml) into a store.

Each file goes through the import command a user would type (see manifest.toml), inside the build's
transaction: the shipped files are the proof that the importers read the layouts they were made for.
A shipped file that no longer imports stops the build with every problem named.
"""

from __future__ import annotations

import argparse
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .importing import command
from .importing.base import ImportFailed
from .importing.staging import ImportSession

REAL_DIR = Path(__file__).resolve().parent / "real"
MANIFEST = REAL_DIR / "manifest.toml"
DESCRIBED = (  # manifest field -> dataset column
    ("title_sv", "title_sv"),
    ("title_en", "title_en"),
    ("source", "source"),
    ("url", "source_url"),
    ("licence", "licence"),
    ("publisher", "publisher"),
    ("table", "table_ref"),
    ("unit", "unit"),
    ("file", "file"),
    ("rounding", "rounding"),
    ("rank", "rank"),
    ("caveats_sv", "caveats_sv"),
    ("caveats_en", "caveats_en"),
)


class ShippedDataBroken(Exception):
    """A shipped file did not import: a defect of the project, reported with every problem."""


@dataclass(frozen=True)
class Shipped:
    """One [[dataset]] of the manifest."""

    code: str
    file: str
    importer: str
    args: tuple[str, ...]
    retrieved: date
    fields: dict = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return REAL_DIR / self.file

    def command(self) -> list[str]:
        """Return the import command's arguments that load this dataset."""
        return ["import", f"data/real/{self.file}", "--dataset", self.code, "--importer", self.importer, *self.args]


def manifest(path: Path = MANIFEST) -> list[Shipped]:
    """Return the shipped datasets in the manifest's order."""
    with path.open("rb") as fh:
        entries = tomllib.load(fh)["dataset"]
    return [
        Shipped(e["code"], e["file"], e["importer"], tuple(e.get("args", ())), e["retrieved"], dict(e)) for e in entries
    ]


def import_options(entry: Shipped) -> argparse.Namespace:
    """Return the parsed options of the entry's import command, as the command line would parse them."""
    parser = argparse.ArgumentParser(prog="python -m data")
    command.add_arguments(parser.add_subparsers(dest="command"))
    args = parser.parse_args(entry.command())
    args.paths = [str(entry.path)]
    return args


def load_shipped(conn, entries: list[Shipped] | None = None) -> list[str]:
    """Import every shipped dataset into the store in one session (the caller's transaction); return summaries."""
    session = ImportSession(conn)
    summaries, problems = [], []
    for entry in entries or manifest():
        args = import_options(entry)
        args.session = session
        try:
            importer = command.choose_importer(entry.path, args)
            args.importer_used = importer.name
            summaries.append(importer.load(conn, entry.path, args))
        except ImportFailed as exc:
            problems += exc.problems
            continue
        columns = {column: entry.fields[key] for key, column in DESCRIBED if key in entry.fields}
        session.describe(entry.code, retrieved=entry.retrieved, **columns)
    if problems:
        raise ShippedDataBroken("\n".join(str(p) for p in problems))
    summaries += session.write(conn)
    return summaries


README_HEAD = """# Public statistics shipped with the dashboard

Generated from `manifest.toml` by `python -m data shipped --readme > data/real/README.md`; edit the
manifest, not this file. `python -m data build` loads every file below through the import command shown
with it, so each file is also the test that its importer reads the layout it was published in.

Every file was gathered on 2026-12-02 from public repositories and pages; the provenance of each
(repository, commit, path) is under "Copied from". Nothing here is invented. What is *not* shipped, and the
command or SCB table that would supply it, is listed by `indicators.coverage` (the methods page shows it).

Also here: `sweden_counties_municipalities_scb_codes.csv`, SCB's list of the 21 counties and 290
municipalities (codes and names, from SCB's table metadata HE0110), which the importers use to skip
regions outside the dashboard by name as well as by code. It is a code list, not statistics.
"""


def readme(entries: list[Shipped] | None = None) -> str:
    """Return data/real/README.md: every shipped dataset with its source, licence, unit, command and caveats."""
    parts = [README_HEAD]
    for e in entries or manifest():
        f = e.fields
        rounding = f"; rounded to {f['rounding']:,}".replace(",", " ") if f.get("rounding") else ""
        parts.append(
            "\n".join(
                [
                    f"## {f['title_en']}",
                    "",
                    f"*{f['title_sv']}*",
                    "",
                    f"- Dataset `{e.code}`, file `{e.file}`, measures {', '.join(f'`{m}`' for m in f['measures'])}",
                    f"- Publisher: {f['publisher']}; table: {f['table']}",
                    f"- Source: {f['url']}",
                    f"- Copied from: {f['via']}",
                    f"- Licence: {f['licence']}",
                    f"- Retrieved: {e.retrieved.isoformat()}; unit: {f['unit']}{rounding}",
                    f"- Loaded with: `python -m data {' '.join(_quoted(a) for a in e.command())}`",
                    "",
                    f"Caveats: {f['caveats_en']}",
                    "",
                    f"Förbehåll: {f['caveats_sv']}",
                    "",
                ]
            )
        )
    return "\n".join(parts)


def _quoted(arg: str) -> str:
    return f'"{arg}"' if " " in arg else arg


def add_arguments(sub) -> None:
    p = sub.add_parser(
        "shipped", help="lista den offentliga statistik som följer med i data/real (eller visa dess README)"
    )
    p.add_argument("--readme", action="store_true", help="print data/real/README.md as generated from the manifest")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.readme:
        print(readme(), end="")
        return 0
    for e in manifest():
        print(f"{e.code}\t{e.file}\t{', '.join(e.fields['measures'])}\t{e.fields['publisher']}")
    return 0
