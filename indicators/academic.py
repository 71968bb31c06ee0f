"""Compute the universities' specialisation by research subject against all Swedish universities."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .levels import InvalidArgument
from .lq import quotient
from .meta import IndicatorMeta, register
from .source import as_source

NATIONAL = "riket"  # the store's row for all Swedish universities together
ACADEMIC_COLUMNS = [
    "group",
    "subject",
    "year",
    "years",
    "publications",
    "total",
    "reference_publications",
    "reference_total",
    "share",
    "lq",
    "is_example",
]

ACADEMIC_SPECIALISATION = IndicatorMeta(
    key="academic_specialisation",
    title_sv="Akademisk specialisering per forskningsämne",
    title_en="Academic specialisation by research subject",
    unit_sv="kvot (1 = som i riket)",
    unit_en="ratio (1 = as in Sweden)",
    definition_sv=(
        "Forskningsämnets andel av lärosätets publikationer delad med ämnets andel av alla svenska lärosätens "
        "publikationer, summerat över de senaste åren (normalt tre). Över 1 betyder att lärosätet är "
        "specialiserat i ämnet. För Norra Mellansverige räknas Karlstads universitet, Högskolan Dalarna och "
        "Högskolan i Gävle tillsammans; för en kommun räknas lärosätet i länet. Ämnen enligt Standard för svensk "
        "indelning av forskningsämnen 2011."
    ),
    definition_en=(
        "The research subject's share of the university's publications divided by its share of all Swedish "
        "universities' publications, summed over the latest years (three by default). Above 1 means the "
        "university is specialised in the subject. For North Middle Sweden, Karlstad University, Dalarna "
        "University and the University of Gävle count together; for a municipality, the university of its county. "
        "Subjects follow the Swedish standard classification of research subjects 2011."
    ),
    formula="AS = (p_us / p_u) / (p_Ns / p_N)",
    view="styrkeomraden",
)


def university_groups(source, regions) -> dict[str, tuple[str, ...]]:
    """Return the universities that speak for each region: its county's, or all three for SE31 (or riket)."""
    source = as_source(source)
    unis = source.table("university")
    unis = unis[unis["code"] != NATIONAL]
    table = source.regions().set_index("code")
    out = {}
    for region in regions:
        if region not in table.index:
            raise InvalidArgument("region", region, f"okänd region {region!r}", f"unknown region {region!r}")
        kind = table.at[region, "level"]
        home = table.at[region, "parent"] if kind == "kommun" else region
        homes = set(table.index[table["parent"] == home]) if kind in ("nuts2", "riket") else {home}
        out[region] = tuple(sorted(unis.loc[unis["region"].isin(homes), "code"]))
    return out


def universities_for(source, region: str) -> list[str]:
    """Return the universities that speak for a region (see university_groups)."""
    return list(university_groups(source, [region])[region])


def subject_parents(source) -> dict[str, str]:
    subjects = source.table("research_subject")
    return dict(zip(subjects["code"], subjects["parent"].where(subjects["parent"].notna(), subjects["code"])))


def academic_lq(pubs: pd.DataFrame, groups: dict[str, list[str]], reference: str = NATIONAL) -> pd.DataFrame:
    """Return ACADEMIC_COLUMNS but year/years from publications (university, subject, value, is_example).

    Each group pools its universities' publications; the reference is the national row.
    """
    ref = pubs[pubs["university"] == reference].groupby("subject", as_index=False)["value"].sum()
    ref = ref.rename(columns={"value": "reference_publications"})
    ref_example = bool(pubs.loc[pubs["university"] == reference, "is_example"].any())
    parts = []
    for group, members in groups.items():
        own = pubs[pubs["university"].isin(members)]
        own = own.groupby("subject", as_index=False).agg(
            publications=("value", "sum"), is_example=("is_example", "max")
        )
        own = own.merge(ref, on="subject", how="left").assign(group=group)
        own["total"] = own["publications"].sum()
        own["reference_total"] = ref["reference_publications"].sum()
        own["share"] = np.where(own["total"] > 0, own["publications"] / own["total"].where(own["total"] > 0), np.nan)
        own["lq"] = quotient(own["publications"], own["total"], own["reference_publications"], own["reference_total"])
        own["is_example"] = own["is_example"].astype(bool) | ref_example
        parts.append(own)
    if not parts:
        return pd.DataFrame(columns=[c for c in ACADEMIC_COLUMNS if c not in ("year", "years")])
    return pd.concat(parts, ignore_index=True)


@register(ACADEMIC_SPECIALISATION)
def academic_specialisation(conn, *, groups=None, year=None, window: int = 3, subject_level: int = 3) -> pd.DataFrame:
    """Return group, subject, year, years, publications, total, reference_publications, reference_total, share, lq, is_example.

    groups maps a label to the universities it pools, e.g. {"SE31": ["du", "hig", "kau"]};
    by default each university is its own group.
    """
    source = as_source(conn)
    pubs = source.academic()
    known = sorted(set(source.table("university")["code"]) - {NATIONAL})
    groups = groups or {u: [u] for u in known}
    for members in groups.values():
        for uni in members:
            if uni not in known:
                raise InvalidArgument("university", uni, f"okänt lärosäte {uni!r}", f"unknown university {uni!r}")
    if subject_level not in (1, 3):
        raise InvalidArgument("subject_level", subject_level, "ämnesnivån är 1 eller 3", "the subject level is 1 or 3")
    have = sorted(pubs["year"].unique())
    if not have:
        raise InvalidArgument(
            "year",
            year,
            "det finns inga publikationsuppgifter i databasen (läs in dem: python -m data import FIL --importer publikationer)",
            "the store has no publication data (import it: python -m data import FILE --importer publikationer)",
        )
    year = int(year) if year is not None else have[-1]
    if year not in have:
        raise InvalidArgument(
            "year", year, f"det finns inga publikationsuppgifter år {year}", f"there is no publication data for {year}"
        )
    years = [y for y in range(year - max(int(window), 1) + 1, year + 1) if y in have]
    pubs = pubs[pubs["year"].isin(years)]
    if subject_level == 1:
        pubs = pubs.assign(subject=pubs["subject"].map(subject_parents(source)))
    out = academic_lq(pubs, groups).assign(year=year, years=f"{years[0]}–{years[-1]}")
    return out[ACADEMIC_COLUMNS].sort_values(["group", "subject"], kind="stable").reset_index(drop=True)
