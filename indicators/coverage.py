"""Say what the store holds, computed from the store: per measure and per indicator real, example or none,
with years, industry levels and regions, and what would supply what is missing.

The methods page shows measure_coverage and indicator_coverage; every "uppgift saknas" / "no data"
message is built by missing_message, so they all say the same thing in the same words.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select

from data import schema as s
from data.measures import BY_CODE, MEASURES
from data.recipes import recipes_for

from .facts import candidate_datasets, chosen_dataset
from .levels import A10_CODES as A10_LIST
from .levels import ALL_LEVELS, LEVEL_NAMES
from .meta import INDICATORS

A10_CODES = set(A10_LIST)
COVERAGE_COLUMNS = ["measure", "name_sv", "name_en", "kind", "dataset", "first", "last", "years", "levels", "regions"]
REGION_LEVEL_NAMES = {"riket": ("riket", "Sweden"), "nuts2": ("Norra Mellansverige", "North Middle Sweden")}


def industry_levels(conn, dataset: str, measure: str) -> dict[str, str]:
    """Return level -> complete | partial for the industries a dataset holds for a measure (total: all industries)."""
    f, i = s.fact, s.industry
    held = set(
        conn.execute(select(f.c.industry).where(f.c.dataset == dataset, f.c.measure == measure).distinct()).scalars()
    )
    rows = conn.execute(select(i.c.code, i.c.level, i.c.section)).all()
    levels = {}
    divisions = {code for code, level, _sec in rows if level == "division"}
    for level in ("division", "section", "a10", "bransch15"):
        codes = A10_CODES if level == "a10" else {code for code, lv, _sec in rows if lv == level}
        direct = held & codes
        if held >= divisions:  # every division: every coarser level adds up from them
            levels[level] = "complete"
        elif direct:
            levels[level] = "complete" if direct == codes else "partial"
    if "TOTAL" in held:
        levels["total"] = "complete"
    return levels


def dataset_coverage(conn, measure: str, dataset: str, is_example: bool, table=s.fact) -> dict:
    """Return what one dataset holds of a measure: kind, first, last, years, levels, regions."""
    t = table
    years = sorted(
        int(y)
        for y in conn.execute(
            select(t.c.year).where(t.c.dataset == dataset, t.c.measure == measure).distinct()
        ).scalars()
    )
    row = dict(kind="example" if is_example else "real", dataset=dataset, first=years[0], last=years[-1], years=years)
    row.update(levels={}, regions=[])
    if table is s.fact:
        held = select(t.c.region).where(t.c.dataset == dataset, t.c.measure == measure).distinct()
        row["regions"] = sorted(conn.execute(held).scalars())
        row["levels"] = industry_levels(conn, dataset, measure)
    return row


def measure_coverage(conn) -> pd.DataFrame:
    """Return what the store holds per registered measure: one row per dataset a read may use (the real ones
    where any real dataset holds the measure, else the example ones), or one row of kind none.

    Columns: measure, name_sv, name_en, kind (real | example | none), dataset, first, last, years (list),
    levels ({level: complete | partial}), regions (list of codes).
    """
    rows = []
    for m in MEASURES:
        table = s.academic_output if m.code == "publications" else s.fact
        base = dict(measure=m.code, name_sv=m.name_sv, name_en=m.name_en)
        candidates = candidate_datasets(conn, m.code, table=table)
        if candidates.empty:
            rows.append(dict(base, kind="none", dataset=None, first=None, last=None, years=[], levels={}, regions=[]))
        for c in candidates.itertuples():
            rows.append(dict(base, **dataset_coverage(conn, m.code, c.dataset, bool(c.is_example), table)))
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


def indicator_coverage(conn) -> pd.DataFrame:
    """Return one row per registered indicator with measures: indicator, title_sv, title_en, status, kinds.

    status: real (every measure real), example (every measure example), none (no data at all), partial
    (measures of different kinds, or some without data); kinds maps each measure to real | example | none.
    """
    coverage = measure_coverage(conn).drop_duplicates("measure").set_index("measure")
    rows = []
    for key, meta in INDICATORS.items():
        if not meta.measures:
            continue
        kinds = {m: (coverage.at[m, "kind"] if m in coverage.index else "none") for m in meta.measures}
        found = set(kinds.values())
        status = found.pop() if len(found) == 1 else "partial"
        rows.append(dict(indicator=key, title_sv=meta.title_sv, title_en=meta.title_en, status=status, kinds=kinds))
    return pd.DataFrame(rows, columns=["indicator", "title_sv", "title_en", "status", "kinds"])


def _years_text(years: list[int]) -> str:
    out, run = [], []
    for year in sorted(years):
        if run and year != run[-1] + 1:
            out.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
            run = []
        run.append(year)
    if run:
        out.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(out)


def _region_names(conn, codes, lang: str) -> list[str]:
    r = s.region
    names = dict(conn.execute(select(r.c.code, r.c.name_en if lang == "en" else r.c.name_sv)).all())
    return [names.get(c, c) for c in codes]


def _region_levels(conn, codes) -> set[str]:
    r = s.region
    return set(conn.execute(select(r.c.level).where(r.c.code.in_(list(codes)))).scalars()) if codes else set()


def missing_message(conn, measure: str, *, level=None, years=None, regions=None, lang: str = "sv") -> dict:
    """Return the parts of an "uppgift saknas" message and the sentence built from them.

    Keys: measure (name), level (name or None), years, regions (names), have (what the store does hold for the
    measure, in words), supply (list of {source, command, tried}), text. Works for any language ("sv", "en").
    """
    spec = BY_CODE.get(measure)
    name = spec.name(lang) if spec else measure
    level_name = LEVEL_NAMES[level][1 if lang == "en" else 0] if level in LEVEL_NAMES else None
    year_text = _years_text([int(y) for y in years]) if years else ""
    region_names = _region_names(conn, regions, lang) if regions else []
    table = s.academic_output if measure == "publications" else s.fact
    chosen = chosen_dataset(conn, measure, regions=regions if table is s.fact else None, table=table)
    row = None if chosen is None else dataset_coverage(conn, measure, chosen["dataset"], chosen["is_example"], table)
    have = ""
    if row is not None:
        held = [LEVEL_NAMES[lv][1 if lang == "en" else 0] for lv in ALL_LEVELS if row["levels"].get(lv) == "complete"]
        kind = ("example data" if lang == "en" else "exempeldata") if row["kind"] == "example" else ""
        have = (
            ", ".join(held or [("all industries" if lang == "en" else "alla branscher")])
            + f" {_years_text(row['years'])}"
        )
        have = f"{have} ({kind})" if kind else have
    region_levels = _region_levels(conn, regions) if regions else {None}
    supply = []
    for rl in region_levels:
        for recipe in recipes_for(measure, level=level if level in ALL_LEVELS else None, region_level=rl):
            entry = {"source": recipe.source(lang), "command": recipe.command, "tried": recipe.tried}
            if entry not in supply:
                supply.append(entry)
    what = " ".join(
        part
        for part in [
            (name[:1].lower() + name[1:]) if lang == "sv" else name,  # "rams/bas" must stay RAMS/BAS
            (f"at the level {level_name}" if lang == "en" else f"på nivån {level_name}") if level_name else "",
            (f"for {', '.join(region_names)}" if lang == "en" else f"för {', '.join(region_names)}")
            if region_names
            else "",
            (f"in {year_text}" if lang == "en" else f"år {year_text}") if year_text else "",
        ]
        if part
    )
    text = f"{'No data' if lang == 'en' else 'Uppgift saknas'}: {what}."
    if have:
        text += f" {'The store holds' if lang == 'en' else 'Databasen har'}: {have}."
    if supply:
        first = supply[0]
        text += f" {'Would be supplied by' if lang == 'en' else 'Kan fyllas med'}: {first['source']} (`{first['command']}`)."
    return dict(
        measure=name, level=level_name, years=year_text, regions=region_names, have=have, supply=supply, text=text
    )


def dataset_counts(conn) -> dict[str, int]:
    """Return dataset -> number of facts (to show beside the coverage)."""
    f = s.fact
    return dict(conn.execute(select(f.c.dataset, func.count()).group_by(f.c.dataset)).all())


__all__ = ["measure_coverage", "indicator_coverage", "missing_message", "candidate_datasets"]
