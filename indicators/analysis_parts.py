"""Join the strength analysis' parts (change, competence, renewal, academic base) to its quotients.

A part joins only when it is of the same kind as the quotients (real with real, example with example):
the classification and the sentences built on it never combine kinds. A part without data, or of the
other kind, leaves its columns empty and adds a note that says so in Swedish and English.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .academic import academic_specialisation, university_groups
from .dynamics import INNOVATION_MEASURES, innovation, shift_share
from .facts import kind_of
from .levels import InvalidArgument
from .lq import higher_education
from .strength import INNOVATION_KEYS, MIN_COUNT

KIND_WORDS = {"real": ("verkliga uppgifter", "real data"), "example": ("exempeldata", "example data")}
MEASURE_WORDS = {
    "new_firms": ("nystartade företag", "new firms"),
    "patent_applications": ("patentansökningar", "patent applications"),
    "trademark_applications": ("varumärkesansökningar", "trademark applications"),
}


def innovation_wide(frame: pd.DataFrame) -> pd.DataFrame:
    """Return region, industry and lq_/count_/rate_/reference_rate_<measure>, innovation_is_example."""
    keys = ["region", "industry"]
    wide = frame.pivot_table(index=keys, columns="measure", values=["lq", "count", "rate", "reference_rate"])
    wide.columns = [f"{value}_{measure}" for value, measure in wide.columns]
    flags = frame.groupby(keys)["is_example"].max().rename("innovation_is_example")
    return wide.join(flags).reset_index()


def industry_subject_links(source, level: str) -> pd.DataFrame:
    """Return industry (at the level), subject: pairs that share a test area in the store."""
    divisions = source.table("test_area_industry").rename(columns={"industry": "division"})
    subjects = source.table("test_area_subject")
    pairs = divisions.merge(subjects, on="test_area")[["division", "subject"]]
    return pairs.merge(source.division_map(level), on="division")[["industry", "subject"]].drop_duplicates()


def academic_frames(source, regions: list[str], level: str, year: int, window: int):
    """Return (per subject, per industry) academic strength of each region's universities."""
    empty = pd.DataFrame(columns=["region", "subject", "publications", "share", "lq", "is_example", "years"])
    usable = [y for y in sorted(source.academic()["year"].unique()) if y <= year]
    groups = {region: unis for region, unis in university_groups(source, regions).items() if unis}
    if not usable or not groups:
        return empty, None
    # Regions sharing universities share the numbers: compute each distinct group once.
    distinct = {",".join(unis): list(unis) for unis in set(groups.values())}
    acad = academic_specialisation(source, groups=distinct, year=usable[-1], window=window)
    owners = pd.DataFrame({"region": list(groups), "group": [",".join(u) for u in groups.values()]})
    acad = owners.merge(acad, on="group").drop(columns="group")
    links = industry_subject_links(source, level)
    counted = acad[acad["publications"] >= MIN_COUNT]
    per_industry = links.merge(counted[["region", "subject", "lq"]], on="subject")
    per_industry = per_industry.sort_values("lq", ascending=False, kind="stable")
    per_industry = per_industry.drop_duplicates(["region", "industry"]).rename(
        columns={"subject": "academic_subject", "lq": "academic_lq"}
    )
    return acad, per_industry


@dataclass(frozen=True)
class Part:
    """One indicator joined into the analysis table, and what to say when it has no data."""

    read: object  # () -> frame keyed by region and industry
    flag: str  # the frame's example-flag column
    name_sv: str
    name_en: str

    def missing(self, year: int) -> tuple[str, str]:
        return (f"Uppgift saknas om {self.name_sv} år {year}.", f"No data on {self.name_en} for {year}.")

    def other_kind(self, kind: str, base: str) -> tuple[str, str]:
        (k_sv, k_en), (b_sv, b_en) = KIND_WORDS[kind], KIND_WORDS[base]
        return (
            f"Uppgifterna om {self.name_sv} är {k_sv} och används inte tillsammans med {b_sv} om sysselsatta.",
            f"The data on {self.name_en} are {k_en} and are not used together with {b_en} on employees.",
        )


def parts(source, year: int, start: int, per: str, window: int, args: dict) -> list[Part]:
    """Return the dynamics, competence and renewal parts of the analysis."""

    def period():
        if start >= year:
            return pd.DataFrame(columns=["region", "industry"])
        frame = shift_share(source, start=start, year=year, **args)
        return frame.drop(columns=["start_year", "year", "value"]).rename(columns={"is_example": "period_ex"})

    def competence():
        frame = higher_education(source, year=year, **args)
        names = {"share": "he_share", "reference_share": "he_reference_share", "lq": "he_lq", "is_example": "he_ex"}
        return frame[["region", "industry", "higher_ed", *names]].rename(columns=names)

    def renewal():
        frame = innovation(source, year=year, per=per, window=window, **args)
        wide = innovation_wide(frame)
        wide.attrs["missing"] = frame.attrs.get("missing", [])
        return wide

    return [
        Part(period, "period_ex", "förändringen fram till året", "the change up to the year"),
        Part(competence, "he_ex", "utbildningsnivå", "education levels"),
        Part(
            renewal, "innovation_is_example", "nya företag, patent och varumärken", "new firms, patents and trademarks"
        ),
    ]


def join_parts(table: pd.DataFrame, source, year: int, start: int, per: str, window: int, args: dict):
    """Return (table with the parts of the quotients' kind joined, notes)."""
    base = kind_of(table)
    notes: list[tuple[str, str]] = []
    for part in parts(source, year, start, per, window, args):
        try:
            frame = part.read()
        except InvalidArgument:  # a part without data that year leaves its columns empty and says so
            notes.append(part.missing(year))
            continue
        kind = kind_of(frame.rename(columns={part.flag: "is_example"})) if part.flag in frame else None
        if base and kind and kind != base:
            notes.append(part.other_kind(kind, base))
            continue
        for measure in frame.attrs.get("missing", []):
            sv, en = MEASURE_WORDS[measure]
            notes.append((f"Uppgift saknas om {sv} år {year}.", f"No data on {en} for {year}."))
        if part.flag == "innovation_is_example":  # data for all industries only gives no value per industry
            for measure in set(MEASURE_WORDS) - set(frame.attrs.get("missing", [])):
                if f"count_{measure}" not in frame or frame[f"count_{measure}"].isna().all():
                    sv, en = MEASURE_WORDS[measure]
                    notes.append(
                        (f"Uppgift saknas om {sv} per bransch år {year}.", f"No data on {en} by industry for {year}.")
                    )
        table = table.merge(frame, on=["region", "industry"], how="left")
    return table, notes


def academic_part(table, source, regions, level: str, year: int, window: int):
    """Return (academic frame, table with the academic columns joined, notes), of the quotients' kind only."""
    acad, per_industry = academic_frames(source, regions, level, year, window)
    base, kind = kind_of(table), kind_of(acad)
    if base and kind and kind != base:
        note = Part(None, "", "publikationer", "publications").other_kind(kind, base)
        return acad.iloc[0:0], table, [note]
    if per_industry is not None:
        table = table.merge(per_industry, on=["region", "industry"], how="left")
    return acad, table, []


def ensure_columns(table: pd.DataFrame) -> pd.DataFrame:
    """Add the columns a missing part would have given, empty, so the rule and the charts can rely on them."""
    wanted = ["value_start", "change", "national_growth", "industry_mix", "regional_component", "period_ex"]
    wanted += ["higher_ed", "he_share", "he_reference_share", "he_lq", "he_ex", "academic_subject", "academic_lq"]
    wanted += ["innovation_is_example"]
    for key in INNOVATION_KEYS:
        wanted += [f"lq_{key}", f"count_{key}", f"rate_{key}", f"reference_rate_{key}"]
    for col in wanted:
        if col not in table:
            table[col] = pd.NA if col == "academic_subject" else float("nan")
    return table


assert set(MEASURE_WORDS) == set(INNOVATION_MEASURES)
