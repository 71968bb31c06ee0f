"""Help the indicators' command line speak about the data: NUTS codes, default level, what is missing."""

from __future__ import annotations

from sqlalchemy import select

from data import schema as s

from .choices import default_view, year_choices
from .coverage import missing_message
from .facts import years_with_data

COMMAND_MEASURES = {  # the measure whose absence a command's empty answer is about
    "higher-education": "employees_higher_ed",
    "innovation": "new_firms",
    "academic": "publications",
}


def regions_of(value: str | None) -> list[str] | None:
    return [part.strip() for part in value.split(",") if part.strip()] if value else None


def scb_codes(conn, args) -> None:
    """Turn NUTS codes in --region and --reference into the store's SCB codes (SE -> 00, SE311 -> 17)."""
    by_nuts = {nuts.upper(): code for code, nuts in conn.execute(select(s.region.c.code, s.region.c.nuts)) if nuts}

    def code_of(text: str) -> str:
        return by_nuts.get(text.strip().upper(), text.strip())

    if getattr(args, "region", None):
        args.region = ",".join(code_of(part) for part in regions_of(args.region))
    if getattr(args, "reference", None):
        args.reference = code_of(args.reference)


def default_level(conn, args) -> None:
    """Give --level, where it is not given, the finest level with data for the (first) region or Värmland."""
    if not hasattr(args, "level") or args.level:
        return
    region = (regions_of(getattr(args, "region", None)) or ["17"])[0]
    view = default_view(conn, region=region, reference=getattr(args, "reference", "00"))
    args.level = view["level"] or "division"


def year_ranges(years: list[int]) -> str:
    """Return years as ranges: [2000, 2001, 2002, 2005] -> '2000–2002, 2005'."""
    out, run = [], []
    for year in sorted(years):
        if run and year != run[-1] + 1:
            out.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
            run = []
        run.append(year)
    if run:
        out.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(out) or "inga"


def missing_note(conn, args) -> str:
    """Return the years with data for the command's measure, region and level, or what is missing and who has it."""
    measure = COMMAND_MEASURES.get(args.command) or getattr(args, "measure", None) or "employees"
    regions = regions_of(getattr(args, "region", None))
    level = getattr(args, "level", None)
    if measure == "employees" and regions and level:
        with_values = set()
        for region in regions:
            found = year_choices(conn, region=region, level=level, measure=measure, reference=args.reference)
            with_values |= set(found.loc[found["has_data"], "year"])
        if with_values:
            return f"År med värden för {', '.join(regions)} på nivån {level}: {year_ranges(sorted(with_values))}."
    elif measure == "employees" and years_with_data(conn, measure):
        return f"År med uppgifter om sysselsatta: {year_ranges(years_with_data(conn, measure))}."
    year = getattr(args, "year", None)
    return missing_message(conn, measure, level=level, years=[year] if year else None, regions=regions)["text"]
