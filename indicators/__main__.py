"""Print the strength-area indicators, the same numbers the Styrkeområden view shows.

    python -m indicators location-quotients [--db URL] [--measure employees] [--year Y]
        [--level section|division|a10|sector] [--reference 00|SE31] [--region CODE] [--format csv|json]
    python -m indicators higher-education | size-change | shift-share | innovation | academic
        | strengths | test-areas  [same options; see --help of each]

Regions and references are SCB codes (00, 17, 1780) or NUTS codes (SE, SE31, SE311). Bad input
(unknown region, level or industry, a year without data, an industry nobody works in in the reference)
gives a message naming the argument (and, for a year, the years that have data) and exit code 2; a
question whose answer is empty (no value for that region, level and year) says so and exits 1. Never a
traceback, never an empty table with exit 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import fields

import pandas as pd
from sqlalchemy.exc import SQLAlchemyError

from data.store import database_url, engine_for, sqlite_path

from .academic import academic_specialisation
from .analysis import default_years, strength_analysis
from .cli_help import default_level, missing_note, scb_codes
from .dynamics import innovation, shift_share, size_and_change
from .levels import InvalidArgument, industries
from .lq import MEASURE_NAMES, higher_education, location_quotients, without_reference
from .source import as_source
from .strength import Thresholds
from .test_areas import area_links, compare_test_areas, new_candidates

COUNTIES = ["17", "20", "21"]


def regions_arg(value: str | None) -> list[str] | None:
    return [part.strip() for part in value.split(",") if part.strip()] if value else None


def common(p: argparse.ArgumentParser, *, period: bool = False, region_default: str = "alla") -> None:
    p.add_argument("--db", help="SQLAlchemy-URL (standard: DATABASE_URL eller data/s3.sqlite)")
    p.add_argument("--year", type=int, help="år (standard: alla år, eller det senaste)")
    if period:
        p.add_argument("--start", type=int, help="periodens första år (standard: fem år före --year)")
    p.add_argument("--level", help="branschnivå: section, division, a10 eller sector (standard: den finaste med data)")
    p.add_argument("--reference", default="00", help="referens: 00 (riket) eller SE31 (Norra Mellansverige)")
    p.add_argument("--region", help=f"regionkod, flera med komma (standard: {region_default})")
    p.add_argument("--format", choices=["csv", "json"], default="csv")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m indicators", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="command", required=True)
    lq = sub.add_parser("location-quotients", help="lokaliseringskvoter, en rad per region × bransch × år")
    common(lq)
    lq.add_argument("--measure", default="employees", help=f"mått: {', '.join(MEASURE_NAMES)}")
    lq.add_argument("--industry", help="bara en bransch (kod på den valda nivån)")
    common(sub.add_parser("higher-education", help="andel och kvot för sysselsatta med eftergymnasial utbildning"))
    common(sub.add_parser("size-change", help="storlek och förändring över en period"), period=True)
    common(sub.add_parser("shift-share", help="förändringen delad i riksutveckling, bransch och region"), period=True)
    inn = sub.add_parser("innovation", help="nya företag, patent och varumärken: takt och kvot")
    common(inn)
    inn.add_argument("--window", type=int, default=3, help="antal år som summeras (standard 3)")
    inn.add_argument("--per", default="employees", help="patent och varumärken per employees eller inhabitants")
    acad = sub.add_parser("academic", help="lärosätenas specialisering per forskningsämne")
    acad.add_argument("--db")
    acad.add_argument("--year", type=int)
    acad.add_argument("--university", help="kau, du eller hig; flera med komma räknas tillsammans")
    acad.add_argument("--window", type=int, default=3)
    acad.add_argument("--subject-level", type=int, default=3, help="1 (ämnesområde) eller 3 (ämnesgrupp)")
    acad.add_argument("--format", choices=["csv", "json"], default="csv")
    for name, text in (("strengths", "styrkeområden enligt regeln"), ("test-areas", "testområdena mot analysen")):
        p = sub.add_parser(name, help=text)
        common(p, period=True, region_default="de tre länen")
        p.add_argument("--per", default="employees")
        for f in fields(Thresholds):
            p.add_argument(
                f"--{f.name.replace('_', '-')}", type=float, default=f.default, help=f"tröskel ({f.default:g})"
            )
    return top


def location_quotients_cmd(conn, args) -> pd.DataFrame:
    out = location_quotients(
        conn,
        measure=args.measure,
        year=args.year,
        level=args.level,
        reference=args.reference,
        regions=regions_arg(args.region),
    )
    if args.industry:
        if args.industry not in set(industries(conn, args.level)["industry"]):
            raise InvalidArgument("industry", args.industry, f"okänd bransch på nivån {args.level}", "unknown industry")
        out = out[out["industry"] == args.industry]
        if without_reference(out):
            raise InvalidArgument(
                "industry",
                args.industry,
                "ingen arbetar i branschen i referensen, så kvoten kan inte räknas",
                "nobody works in the industry in the reference, so there is no quotient",
            )
    elif missing := without_reference(out):
        print(f"Obs: ingen kvot för {', '.join(missing)}: branschen saknas i referensen.", file=sys.stderr)
    out = out.assign(reference=args.reference)
    cols = ["region", "industry", "year", "lq", "value", "region_total", "reference", "reference_value"]
    return out[cols + ["reference_total", "is_example", "uncertain"]]


def thresholds_of(args) -> Thresholds:
    return Thresholds(**{f.name: getattr(args, f.name) for f in fields(Thresholds)})


def analysis_of(conn, args):
    return strength_analysis(
        conn,
        regions=regions_arg(args.region) or COUNTIES,
        level=args.level,
        year=args.year,
        start=args.start,
        reference=args.reference,
        per=args.per,
        thresholds=thresholds_of(args),
    )


def strengths_cmd(conn, args) -> pd.DataFrame:
    table = analysis_of(conn, args).table
    cols = ["region", "industry", "name_sv", "year", "value", "lq", "top_quartile", "above_bottom", "strong"]
    cols += ["star_spec", "star_size", "star_focus", "stars", "change", "regional_component", "dynamic"]
    cols += ["lq_new_firms", "lq_patent_applications", "lq_trademark_applications", "renewal"]
    return table[cols + ["academic_subject", "academic_lq", "academic", "category", "is_example"]]


def test_areas_cmd(conn, args) -> pd.DataFrame:
    """Return the test-area matrix, then the new candidates as rows with assessment ny_kandidat."""
    analysis = analysis_of(conn, args)
    areas, area_industries, area_subjects = area_links(as_source(conn), args.level)
    matrix = compare_test_areas(analysis, areas, area_industries, area_subjects)
    for col in ("industries", "strong_industries", "subjects", "strong_subjects"):
        matrix[col] = matrix[col].map(" ".join)
    found = new_candidates(analysis, areas, area_industries)
    extra = pd.DataFrame(
        {
            "region": found["region"],
            "test_area": None,
            "name_sv": found["name_sv"],
            "name_en": found["name_en"],
            "industries": found["industry"],
            "strong_industries": found["industry"],
            "subjects": "",
            "strong_subjects": "",
            "assessment": "ny_kandidat",
            "is_example": found["is_example"],
        }
    )
    return pd.concat([matrix, extra], ignore_index=True)


def period(conn, args) -> dict:
    """Return start and year for the period commands: the latest year with industry data and five years before."""
    start, year = default_years(
        as_source(conn),
        args.year,
        getattr(args, "start", None),
        level=args.level,
        regions=regions_arg(args.region),
        reference=args.reference,
    )
    return dict(start=start, year=year)


def place(args) -> dict:
    return dict(level=args.level, reference=args.reference, regions=regions_arg(args.region))


COMMANDS = {
    "location-quotients": location_quotients_cmd,
    "higher-education": lambda conn, a: higher_education(conn, year=a.year, **place(a)),
    "size-change": lambda conn, a: size_and_change(conn, **period(conn, a), **place(a)),
    "shift-share": lambda conn, a: shift_share(conn, **period(conn, a), **place(a)),
    "innovation": lambda conn, a: innovation(
        conn, year=period(conn, a)["year"], window=a.window, per=a.per, **place(a)
    ),
    "academic": lambda conn, a: academic_specialisation(
        conn,
        groups={a.university: regions_arg(a.university)} if a.university else None,
        year=a.year,
        window=a.window,
        subject_level=a.subject_level,
    ),
    "strengths": strengths_cmd,
    "test-areas": test_areas_cmd,
}


def write(frame: pd.DataFrame, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False) + "\n")
    else:
        frame.to_csv(sys.stdout, index=False)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    url = database_url(args.db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        print(f"Fel i --db: databasfilen {path} finns inte. Bygg den med python -m data build.", file=sys.stderr)
        return 2
    try:
        with engine_for(url).connect() as conn:
            scb_codes(conn, args)
            default_level(conn, args)
            try:
                frame = COMMANDS[args.command](conn, args)
            except InvalidArgument as exc:
                flag = "--" + exc.argument.replace("_", "-") + ("" if exc.value is None else f" {exc.value}")
                extra = f" {missing_note(conn, args)}" if exc.argument in ("year", "start") else ""
                print(f"Fel i {flag}: {exc.message_sv}.{extra}", file=sys.stderr)
                return 2
            if frame.empty:
                print(f"Inga värden att visa för den frågan. {missing_note(conn, args)}", file=sys.stderr)
                return 1
    except SQLAlchemyError as exc:
        print(f"Fel: databasen {url} kunde inte läsas ({type(exc).__name__}).", file=sys.stderr)
        return 1
    try:
        write(frame, args.format)
    except BrokenPipeError:  # the reader stopped early (| head): not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    return 0


if __name__ == "__main__":
    sys.exit(main())
