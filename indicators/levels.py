"""Bring facts to an industry level: SNI section, SNI division, NACE A*10, functional sector or SCB's 15 groups.

All values of one read come from one dataset (indicators.facts: real data hides example data of the
same measure, and one real dataset is chosen). Within it, facts stored directly at the level (an
imported A*10 table, say) are used as they are; other keys are summed from SNI divisions, and a
stored value wins over a sum of the same key.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from data import classifications as cl
from data import schema as s

from .facts import load_facts

LEVELS = ("section", "division", "a10", "sector")  # the Styrkeområden view's levels
ALL_LEVELS = LEVELS + ("bransch15",)  # and SCB's 15 branschgrupper, in which the gender statistics come
LEVEL_NAMES = {
    "section": ("SNI-avsnitt", "SNI section"),
    "division": ("SNI-avdelning", "SNI division"),
    "a10": ("NACE A*10", "NACE A*10"),
    "sector": ("Funktionell sektor", "Functional sector"),
    "bransch15": ("SCB:s 15 branschgrupper", "SCB's 15 industry groups"),
}
A10_CODES = [code for code, _sv, _en in cl.A10]
FRAME_COLUMNS = ["region", "industry", "year", "value", "is_example", "dataset", "rounding"]
OPTIONAL = {"dataset": None, "rounding": float("nan")}  # hand-made frames may leave these out


class InvalidArgument(ValueError):
    """An argument an indicator cannot use; says which argument and why, in Swedish and English."""

    def __init__(self, argument: str, value, message_sv: str, message_en: str):
        super().__init__(f"{argument}={value!r}: {message_en}")
        self.argument, self.value = argument, value
        self.message_sv, self.message_en = message_sv, message_en

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message_sv


def as_flag(series: pd.Series) -> pd.Series:
    """Return a yes/no column from one that may hold gaps after a join (a gap is no)."""
    return series.astype("float64").fillna(0.0).gt(0)


def check_level(level: str) -> str:
    if level not in ALL_LEVELS:
        raise InvalidArgument(
            "level",
            level,
            f"okänd branschnivå {level!r}; välj en av {', '.join(LEVELS)}",
            f"unknown industry level {level!r}; choose one of {', '.join(LEVELS)}",
        )
    return level


def framed(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a facts frame with FRAME_COLUMNS (dataset and rounding filled in where a hand-made frame lacks them)."""
    missing = {col: value for col, value in OPTIONAL.items() if col not in frame}
    return frame.assign(**missing)[FRAME_COLUMNS] if missing else frame[FRAME_COLUMNS]


def industries(conn, level: str) -> pd.DataFrame:
    """Return the industries of a level: industry, name_sv, name_en, overlapping, sort."""
    check_level(level)
    if level == "sector":
        t = s.sector
        rows = conn.execute(select(t.c.code, t.c.name_sv, t.c.name_en, t.c.sort).order_by(t.c.sort)).all()
        frame = pd.DataFrame(rows, columns=["industry", "name_sv", "name_en", "sort"])
        return frame.assign(overlapping=False)[["industry", "name_sv", "name_en", "overlapping", "sort"]]
    i = s.industry
    q = select(i.c.code, i.c.name_sv, i.c.name_en, i.c.sort, i.c.level)
    frame = pd.DataFrame(conn.execute(q).all(), columns=["industry", "name_sv", "name_en", "sort", "kind"])
    if level == "a10":
        frame = frame[frame["industry"].isin(A10_CODES)].copy()
        names = {code: (sv, en) for code, sv, en in cl.A10}
        frame["name_sv"] = frame["industry"].map(lambda c: names[c][0])
        frame["name_en"] = frame["industry"].map(lambda c: names[c][1])
        frame["sort"] = frame["industry"].map(A10_CODES.index)
    else:
        frame = frame[frame["kind"] == level].copy()  # section, division or bransch15
    frame["overlapping"] = frame["industry"].isin(cl.A10_OVERLAPPING) if level == "a10" else False
    frame = frame.sort_values("sort", kind="stable").reset_index(drop=True)
    return frame[["industry", "name_sv", "name_en", "overlapping", "sort"]]


def division_map(conn, level: str) -> pd.DataFrame:
    """Return which level codes each SNI division adds to: division, industry (one row per pair).

    For A*10 a manufacturing division adds to both B-E and the overlapping "of which" row C.
    """
    check_level(level)
    if level == "sector":
        t = s.industry_sector
        return pd.DataFrame(conn.execute(select(t.c.industry, t.c.sector)).all(), columns=["division", "industry"])
    i = s.industry
    q = select(i.c.code, i.c.section, i.c.a10, i.c.group15).where(i.c.level == "division")
    divisions = pd.DataFrame(conn.execute(q).all(), columns=["division", "section", "a10", "group15"])
    if level == "bransch15":
        return divisions.rename(columns={"group15": "industry"})[["division", "industry"]]
    if level == "division":
        return pd.DataFrame({"division": divisions["division"], "industry": divisions["division"]})
    if level == "section":
        return divisions.rename(columns={"section": "industry"})[["division", "industry"]]
    main = divisions.rename(columns={"a10": "industry"})[["division", "industry"]]
    of_which = divisions[divisions["section"].isin(cl.A10_OVERLAPPING)]
    of_which = pd.DataFrame({"division": of_which["division"], "industry": of_which["section"]})
    return pd.concat([main, of_which], ignore_index=True)


def aggregate(division_facts: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    """Sum division facts to level codes: region, industry, year, value, is_example."""
    if division_facts.empty:
        return pd.DataFrame(columns=FRAME_COLUMNS)
    joined = framed(division_facts).rename(columns={"industry": "division"}).merge(mapping, on="division", how="inner")
    out = joined.groupby(["region", "industry", "year"], as_index=False, sort=False, dropna=False).agg(
        value=("value", "sum"),
        is_example=("is_example", "max"),
        dataset=("dataset", "first"),
        rounding=("rounding", "max"),
    )
    return out[FRAME_COLUMNS]


def prefer(direct: pd.DataFrame, summed: pd.DataFrame) -> pd.DataFrame:
    """Combine stored and summed values of one dataset per key: a stored value before a sum."""
    direct, summed = framed(direct), framed(summed)
    if direct.empty:
        return summed.reset_index(drop=True)
    if summed.empty:
        return direct.reset_index(drop=True)
    both = pd.concat([direct.assign(summed=False), summed.assign(summed=True)])
    both = both.sort_values(["region", "industry", "year", "is_example", "summed"], kind="stable")
    both = both.drop_duplicates(["region", "industry", "year"], keep="first")
    return both[FRAME_COLUMNS].reset_index(drop=True)


def facts_at_level(conn, measure: str, level: str, *, years=None, regions=None, dataset=None) -> pd.DataFrame:
    """Return a measure at an industry level, from one dataset: FRAME_COLUMNS.

    dataset: the dataset to read (default: the one indicators.facts chooses for the regions).
    """
    codes = industries(conn, level)["industry"].tolist()
    division_facts = load_facts(conn, measure, years=years, regions=regions, dataset=dataset)
    is_division = division_facts["industry"].str.fullmatch(r"\d\d")
    divisions = division_facts[is_division.fillna(False).astype(bool)]
    if level == "division":
        return divisions[FRAME_COLUMNS].reset_index(drop=True)
    direct = division_facts[division_facts["industry"].isin(codes)]
    summed = aggregate(divisions[FRAME_COLUMNS], division_map(conn, level))
    return prefer(direct, summed)


def region_totals(
    conn, measure: str, level_facts: pd.DataFrame, level: str, *, years=None, dataset=None
) -> pd.DataFrame:
    """Return each region's total: its TOTAL row where stored, else the sum over non-overlapping industries.

    Columns: region, year, total, total_is_example. The TOTAL rows come from the level facts' dataset.
    """
    regions = sorted(level_facts["region"].unique()) if not level_facts.empty else None
    if dataset is None and not level_facts.empty and "dataset" in level_facts:
        dataset = level_facts["dataset"].dropna().iloc[0] if level_facts["dataset"].notna().any() else None
    stored = load_facts(conn, measure, years=years, regions=regions, industries=["TOTAL"], dataset=dataset)
    return combine_totals(stored, level_facts, overlapping_codes(level))


def overlapping_codes(level: str) -> set[str]:
    return set(cl.A10_OVERLAPPING) if level == "a10" else set()


def combine_totals(stored: pd.DataFrame, level_facts: pd.DataFrame, overlapping: set[str]) -> pd.DataFrame:
    """Return region, year, total, total_is_example from stored TOTAL rows, else summed industries."""
    parts = level_facts[~level_facts["industry"].isin(overlapping)]
    summed = parts.groupby(["region", "year"], as_index=False, sort=False).agg(
        total=("value", "sum"), total_is_example=("is_example", "max")
    )
    if stored.empty:
        return summed
    stored = stored.rename(columns={"value": "total", "is_example": "total_is_example"})
    stored = stored[["region", "year", "total", "total_is_example"]]
    keys = stored[["region", "year"]].assign(_stored=True)
    rest = summed.merge(keys, on=["region", "year"], how="left")
    rest = rest[rest["_stored"].isna()].drop(columns="_stored")
    return pd.concat([stored, rest], ignore_index=True)
