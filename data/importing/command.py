"""The `python -m data import PATH...` command: pick an importer per file, check all, write in one transaction.

Every file of one command is read and checked before anything is written, and everything is
written in one transaction: on any problem the command prints each one (file, line or cell,
column, why), exits non-zero and leaves the store as it was.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError

from data.meta import bump_store_version
from data.store import database_url, engine_for, sqlite_path

from .base import IMPORTERS, Importer, ImportFailed, Problem
from .staging import ImportSession

OTHER_IMPORTERS = ("clusters", "survey", "assessments", "indicator_defs")  # written alongside; imported when present
TEXT_SUFFIXES_EXEMPT = {".xlsx", ".xlsm"}  # zip files: NUL bytes are expected
EPILOG = """\
Filtyper:
  statistik  CSV eller XLSX med rubrikerna region,industry,year,measure,value (measure kan
             i stället anges med --measure); UTF-8 eller Windows-1252, komma eller semikolon,
             decimalkomma eller decimalpunkt.
  pxweb      JSON-stat från PxWebs API v1 eller v2 (SCB, Tillväxtanalys m.fl.), format json-stat2.
  eurostat   Eurostats regionala sysselsättning i Data Commons-format (Date,GeoId,Count_Person_…).
  publicerad tabell som den publiceras: län eller kommuner som rader (kod eller namn), år eller
             kvartal som kolumner (2010*, 2007K1, 200701); eller regioner som kolumner. ".." saknas,
             "-" är noll, fotnotstecken tas bort och redovisas.
  publikationer  publikationer per lärosäte, forskningsämne och år (t.ex. en SwePub-export).
Kön: kolumnen sex (total, women, men; 1, 2, 1+2; kvinnor, män) eller --sex.
Regioner: SCB-koder (00, 17, 1780) eller NUTS (SE, SE31, SE311). Branscher: SNI 2007-avdelningar
(A–U) och -huvudgrupper (01–99), NACE A*10 (B-E, G-I, M-N eller M_N, O-Q, R-U) eller TOTAL.
Samma dataset (--dataset, annars filnamnet) ersätts vid ny import."""


class Rollback(Exception):
    """Raised inside the transaction to undo it when any file had problems."""


def load_importers() -> list[Importer]:
    """Import every importer module by name (each registers itself) and return the registry."""
    from . import datacommons, publications, published, pxweb, statistics  # noqa: F401  (registration is the import)

    here = Path(__file__).parent
    for name in OTHER_IMPORTERS:
        if (here / f"{name}.py").exists() and name not in _BROKEN:
            try:
                importlib.import_module(f"{__package__}.{name}")
            except ImportError as exc:  # one broken importer must not stop the others
                _BROKEN.add(name)
                print(f"Varning: importmodulen {name} kunde inte laddas ({exc}).", file=sys.stderr)
    return IMPORTERS


_BROKEN: set[str] = set()


def add_common_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="SQLAlchemy-URL (standard: DATABASE_URL eller data/s3.sqlite)")
    p.add_argument(
        "--measure",
        action="append",
        metavar="NAME",
        help="måttet (t.ex. employees) när filen saknar kolumnen measure; för PxWeb-tabeller med flera "
        "tabellinnehåll KOD=mått, gärna flera gånger",
    )
    p.add_argument("--dataset", metavar="NAME", help="datasetets namn (standard: filnamnet); samma namn ersätts")
    p.add_argument("--source", metavar="TEXT", help="källan som visas vid diagram och i sidfoten")
    p.add_argument("--licence", metavar="TEXT", help="licensen, t.ex. ”CC0” eller ”CC BY 4.0”")
    p.add_argument("--title", metavar="TEXT", help="datasetets titel (standard: tabellens eller filens namn)")
    p.add_argument(
        "--column",
        action="append",
        metavar="FÄLT=RUBRIK",
        help="vilken kolumn som är region, industry, year, sex, measure eller value, t.ex. --column value=Index",
    )
    p.add_argument("--year", type=int, help="året för alla värden i en fil utan kolumn för år")
    p.add_argument("--sex", help="kön för alla värden i en fil utan kolumn för kön: total, women eller men")
    p.add_argument("--importer", metavar="NAMN", help="läs filen med just denna importör (se filtyperna nedan)")


def add_arguments(sub) -> None:
    p = sub.add_parser(
        "import",
        help="läs in statistik (CSV, XLSX, PxWeb-JSON) och andra filer, kontrollerat och i en transaktion",
        description="Läs in filer i databasen. Allt kontrolleras innan något skrivs; vid fel ändras inget.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="filer att läsa in")
    add_common_arguments(p)
    for importer in load_importers():
        if "arguments" in importer.extra:  # an importer may add its own options
            importer.extra["arguments"](p)
    p.set_defaults(func=run)


def choose_importer(path: Path, args=None) -> Importer:
    """Return the importer --importer names, else the first that accepts the file; or raise ImportFailed saying why."""

    def fail(why: str):
        return ImportFailed([Problem(path.name, None, None, why)])

    named = getattr(args, "importer", None) or ("statistik" if getattr(args, "column", None) else None)
    if named:
        found = [i for i in load_importers() if i.name == named]
        if not found:
            known = ", ".join(i.name for i in load_importers())
            raise ImportFailed([Problem(path.name, None, "--importer", f"okänd importör ”{named}”; kända: {known}")])
        if not path.exists():
            raise fail("filen finns inte")
        return found[0]

    if not path.exists():
        raise fail("filen finns inte")
    if path.is_dir():
        raise fail("är en mapp, inte en fil")
    with path.open("rb") as fh:
        head = fh.read(4096)
    if not head.strip():
        raise fail("filen är tom")
    if path.suffix.lower() == ".xls":
        raise fail("det gamla Excel-formatet .xls läses inte; spara filen som .xlsx")
    if path.suffix.lower() not in TEXT_SUFFIXES_EXEMPT and b"\x00" in head:
        raise fail("filen är binär, inte text (CSV eller JSON)")
    reasons = []
    for importer in load_importers():
        try:
            if importer.matches(path):
                return importer
        except ImportFailed:
            raise
        except Exception:  # a matcher that cannot read the file does not accept it
            continue
        try:
            reasons.append(importer.extra["explain"](path))
        except ImportFailed:
            raise
        except Exception:  # no explanation from this importer
            continue
    why = "; ".join(reasons) or f"filtypen {path.suffix or '(utan filändelse)'} läses inte"
    raise fail(f"filen känns inte igen: {why} (se python -m data import --help)")


def check_store(url: str) -> str | None:
    """Return why the store cannot take an import, or None."""
    path = sqlite_path(url)
    if path is not None and not path.exists():
        return f"Databasen {path} finns inte; bygg den först med: python -m data build --db {url}"
    try:
        if not inspect(engine_for(url)).has_table("fact"):
            return f"Databasen {url} saknar tabellerna; bygg den med: python -m data build --db {url}"
    except SQLAlchemyError as exc:
        return f"Databasen {url} kan inte öppnas: {exc.__class__.__name__}"
    return None


def in_one_transaction(args, work: Callable[[object, ImportSession, list[Problem]], list[str]]) -> int:
    """Run work(conn, session) in one transaction; print its summaries or every problem; return the exit code."""
    url = database_url(getattr(args, "db", None))
    trouble = check_store(url)
    if trouble:
        print(trouble, file=sys.stderr)
        return 1
    problems: list[Problem] = []
    try:
        with engine_for(url).begin() as conn:
            args.session = ImportSession(conn)
            summaries = work(conn, args.session, problems)
            if problems:
                raise Rollback
            summaries += args.session.write(conn)
            bump_store_version(conn)  # last, in the same transaction: every worker's cache follows at commit
    except Rollback:
        print(f"Importen avbröts och databasen är oförändrad. {len(problems)} problem:", file=sys.stderr)
        print(ImportFailed(problems).report(), file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc.__class__.__name__
        print(f"Databasen kunde inte skrivas ({reason}); inget har ändrats.", file=sys.stderr)
        return 1
    except Exception as exc:  # a defect must still not print a traceback or leave half an import
        print(f"Oväntat fel ({exc.__class__.__name__}: {exc}); inget har ändrats.", file=sys.stderr)
        return 2
    print("\n".join(summaries))
    return 0


def import_files(conn, session, problems: list[Problem], paths: list[Path], args) -> list[str]:
    """Load each file with its importer, collecting every problem (nothing stops at the first file)."""
    summaries = []
    for path in paths:
        try:
            importer = choose_importer(path, args)
            args.importer_used = importer.name
            summaries.append(importer.load(conn, path, args))
        except ImportFailed as exc:
            problems.extend(exc.problems)
        except Exception as exc:  # no traceback reaches the user; the transaction is undone
            problems.append(Problem(path.name, None, None, f"oväntat fel ({exc.__class__.__name__}: {exc})"))
    return summaries


def run(args) -> int:
    paths = [Path(p) for p in args.paths]
    return in_one_transaction(args, lambda conn, session, problems: import_files(conn, session, problems, paths, args))
