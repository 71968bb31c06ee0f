"""Read the qualitative half of the strength analysis: assessments after document studies and
interviews, and international value chains, for a strength area (region + industry at a level)
or a test area.

Nothing here is computed from statistics: these are the project's recorded judgements. With no
records the frames are empty, and a view says that no qualitative assessment has been entered.
Example (demo) records carry is_example and are never mixed with real ones in one count.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from data import schema as s
from data.assessments import POSITIONS, VERDICTS

from .levels import check_level, industries
from .meta import IndicatorMeta, register

QUALITATIVE_ASSESSMENT = IndicatorMeta(
    key="qualitative_assessment",
    title_sv="Kvalitativ bedömning efter dokumentstudier och intervjuer",
    title_en="Qualitative assessment after document studies and interviews",
    unit_sv="bedömning",
    unit_en="assessment",
    definition_sv=(
        "Vad projektet kom fram till om ett styrkeområde (en region och en bransch på en nivå) eller ett "
        "testområde, på vilket underlag (antal dokument och intervjuer, när), av vem, och om bedömningen "
        "bekräftar, försvagar eller tillför ett styrkeområde. Den står bredvid den statistiska klassningen och "
        "ändrar den inte."
    ),
    definition_en=(
        "What the project concluded about a strength area (a region and an industry at a level) or a test area, "
        "on what evidence (number of documents and interviews, when), by whom, and whether the judgement "
        "confirms, weakens or adds a strength area. It stands beside the statistical classification and does not "
        "change it."
    ),
    formula="omdöme ∈ {bekräftar, försvagar, tillför}",
    source_sv="Projektets kvalitativa bedömningar (tabellen qualitative_assessment)",
    source_en="The project's qualitative assessments (table qualitative_assessment)",
    view="styrkeomraden",
    extra={"tables": ("qualitative_assessment",)},
)
VALUE_CHAINS = IndicatorMeta(
    key="value_chains",
    title_sv="Internationella värdekedjor",
    title_en="International value chains",
    unit_sv="värdekedja",
    unit_en="value chain",
    definition_sv=(
        "Vilka internationella värdekedjor ett styrkeområde eller testområde ingår i, med vilka regioner "
        "utomlands, och var i kedjan regionens företag står (uppströms, mitt i kedjan, nedströms eller i flera "
        "led), enligt projektets intervjuer."
    ),
    definition_en=(
        "Which international value chains a strength area or test area is part of, with which regions abroad, "
        "and where in the chain the region's firms stand (upstream, midstream, downstream or in several links), "
        "according to the project's interviews."
    ),
    formula="position ∈ {uppströms, mitt, nedströms, flera}",
    source_sv="Projektets intervjuer om värdekedjor (tabellen value_chain)",
    source_en="The project's interviews on value chains (table value_chain)",
    view="styrkeomraden",
    extra={"tables": ("value_chain",)},
)
SUBJECT_COLUMNS = ["id", "subject", "region", "region_name_sv", "region_name_en", "level", "industry"]
SUBJECT_COLUMNS += ["industry_name_sv", "industry_name_en", "test_area", "test_area_name_sv", "test_area_name_en"]
RECORD_COLUMNS = ["assessed_on", "assessed_by", "is_example", "dataset", "version"]
ASSESSMENT_FIELDS = ["verdict", "conclusion_sv", "conclusion_en", "documents", "interviews", "evidence_sv"]
ASSESSMENT_FIELDS += ["evidence_en", "evidence_from", "evidence_to"]
CHAIN_FIELDS = ["chain_sv", "chain_en", "regions_abroad", "position", "position_note_sv", "position_note_en"]
CHAIN_FIELDS += ["interviews", "evidence_sv", "evidence_en"]


def verdict_word(verdict: str, lang: str) -> str:
    """Return a verdict in words: 'bekräftar' / 'confirms'."""
    sv, en = VERDICTS.get(verdict, (verdict, verdict))
    return en if lang == "en" else sv


def position_word(position: str, lang: str) -> str:
    """Return a value-chain position in words: 'mitt i kedjan: tillverkning och förädling' / 'midstream: ...'."""
    sv, en = POSITIONS.get(position, (position, position))
    return en if lang == "en" else sv


def _names(conn, levels) -> dict[tuple[str, str], tuple[str, str]]:
    """Return (level, code) -> (name_sv, name_en) for the industry levels used."""
    out = {}
    for level in levels:
        frame = industries(conn, level)
        out |= {(level, c): (sv, en) for c, sv, en in zip(frame["industry"], frame["name_sv"], frame["name_en"])}
    return out


def _records(conn, table, fields: list[str], *, region, level, industry, test_area) -> pd.DataFrame:
    """Read a record table with its subject's names, newest first; columns SUBJECT + fields + RECORD."""
    t, r, ta, d = table, s.region, s.test_area, s.dataset
    q = (
        select(t, r.c.name_sv.label("region_name_sv"), r.c.name_en.label("region_name_en"))
        .add_columns(ta.c.name_sv.label("test_area_name_sv"), ta.c.name_en.label("test_area_name_en"))
        .add_columns(d.c.is_example.label("dataset_is_example"))
        .join(r, r.c.code == t.c.region)
        .outerjoin(ta, ta.c.id == t.c.test_area)
        .outerjoin(d, d.c.code == t.c.dataset)
    )
    if level is not None:
        q = q.where(t.c.level == check_level(level))
    for column, value in (("region", region), ("industry", industry), ("test_area", test_area)):
        if value is not None:
            q = q.where(t.c[column] == value)
    rows = [dict(row) for row in conn.execute(q.order_by(t.c.assessed_on.desc(), t.c.id.desc())).mappings()]
    names = _names(conn, {row["level"] for row in rows if row["level"]})
    for row in rows:
        row["subject"] = "testomrade" if row["test_area"] is not None else "styrkeomrade"
        row["industry_name_sv"], row["industry_name_en"] = names.get((row["level"], row["industry"]), (None, None))
        row["is_example"] = bool(row["is_example"]) or bool(row["dataset_is_example"])
    # object columns keep a missing text as None (pandas would make it NaN), so a view can say "saknas"
    frame = pd.DataFrame(rows, columns=[*SUBJECT_COLUMNS, *fields, *RECORD_COLUMNS], dtype=object)
    frame = frame.astype({"id": "int64", "test_area": "Int64", "is_example": bool, "version": "int64"})
    return frame


@register(QUALITATIVE_ASSESSMENT)
def qualitative_assessments(conn, *, region=None, level=None, industry=None, test_area=None) -> pd.DataFrame:
    """Return qualitative assessments, newest first: id, subject, region, region_name_sv, region_name_en, level,
    industry, industry_name_sv, industry_name_en, test_area, test_area_name_sv, test_area_name_en, verdict,
    conclusion_sv, conclusion_en, documents, interviews, evidence_sv, evidence_en, evidence_from, evidence_to,
    assessed_on, assessed_by, is_example, dataset, version."""
    frame = _records(
        conn,
        s.qualitative_assessment,
        ASSESSMENT_FIELDS,
        region=region,
        level=level,
        industry=industry,
        test_area=test_area,
    )
    return frame.astype({"documents": "Int64", "interviews": "Int64"})


@register(VALUE_CHAINS)
def value_chains(conn, *, region=None, level=None, industry=None, test_area=None) -> pd.DataFrame:
    """Return value-chain notes, newest first: the subject columns of qualitative_assessments, chain_sv,
    chain_en, regions_abroad (tuple), position, position_note_sv, position_note_en, interviews, evidence_sv,
    evidence_en, assessed_on, assessed_by, is_example, dataset, version."""
    frame = _records(
        conn, s.value_chain, CHAIN_FIELDS, region=region, level=level, industry=industry, test_area=test_area
    )
    frame["regions_abroad"] = [
        tuple(p.strip() for p in (v or "").split(";") if p.strip()) for v in frame["regions_abroad"]
    ]
    return frame.astype({"interviews": "Int64"})


@register(QUALITATIVE_ASSESSMENT)
def latest_verdicts(conn, region: str, level: str) -> pd.DataFrame:
    """Return per industry of a region and level its latest assessment (real before example): industry, id,
    verdict, assessed_on, is_example, assessments (how many with the same example status)."""
    frame = qualitative_assessments(conn, region=region, level=level)
    cols = ["industry", "id", "verdict", "assessed_on", "is_example", "assessments"]
    if frame.empty:
        return pd.DataFrame(columns=cols)
    counts = frame.groupby(["industry", "is_example"]).size().rename("assessments").reset_index()
    # newest first already; a stable sort puts real before example and keeps that order within each
    latest = frame.sort_values("is_example", kind="stable").drop_duplicates("industry", keep="first")
    latest = latest.merge(counts, on=["industry", "is_example"])[cols]
    return latest.sort_values("industry").reset_index(drop=True).astype({"assessments": "int64"})
