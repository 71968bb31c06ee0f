"""Read the cluster mapping: initiatives, the phase scale, phase and criteria assessments.

Every scale (phases, criteria, criterion levels) is read from the store, so a region can
replace the default model with its own without touching code.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from data import schema as s

from .meta import IndicatorMeta, register

PHASE_SCALE_SOURCE_SV = (
    "Standardskalan som dashboarden levereras med (initiering, etablering, utveckling, mognad, förnyelse) är "
    "formulerad efter Reglabs "
    "beskrivningar av hur klusterinitiativ utvecklas. Exakt vilken fasmodell projektets klusterkartering "
    "använde har inte gått att verifiera. Skalan är data i databasen (tabellen phase) och kan ersättas "
    "med regionens egen modell."
)
PHASE_SCALE_SOURCE_EN = (
    "The default scale the dashboard comes with (initiation, establishment, development, maturity, renewal) is "
    "worded after "
    "Reglab's descriptions of how cluster initiatives develop. The exact phase model used by the "
    "project's cluster mapping could not be verified. The scale is data in the store (table phase) "
    "and can be replaced with the region's own model."
)

CLUSTER_PHASE = IndicatorMeta(
    key="cluster_phase",
    title_sv="Klusterinitiativens utvecklingsfas",
    title_en="Development phase of the cluster initiatives",
    unit_sv="fas på en ordnad skala",
    unit_en="phase on an ordered scale",
    definition_sv="Den fas ett klusterinitiativ bedömdes vara i vid bedömningen ett visst år. Portföljen visar "
    "valt års bedömningar; fashistoriken visar alla bedömningsår.",
    definition_en="The phase a cluster initiative was assessed to be in at the assessment of a given year. "
    "The portfolio shows the chosen year's assessments; the phase history shows every assessment year.",
    formula="fas(kluster, år) på fasskalan, ordnad efter phase.sort",
    source_sv="Klusterkarteringens fasbedömningar (tabellen phase_assessment)",
    source_en="The cluster mapping's phase assessments (table phase_assessment)",
    view="klusterkartering",
    extra={
        "tables": ("phase", "phase_assessment"),
        "scale": "indicators.clusters.phase_scale",
        "scale_source_sv": PHASE_SCALE_SOURCE_SV,
        "scale_source_en": PHASE_SCALE_SOURCE_EN,
    },
)

CLUSTER_CRITERIA = IndicatorMeta(
    key="cluster_criteria",
    title_sv="Horisontella kriterier per klusterinitiativ",
    title_en="Horizontal criteria by cluster initiative",
    unit_sv="nivå: aktivt, delvis eller inte",
    unit_en="level: active, partly or not",
    definition_sv="Hur klusterinitiativet arbetar med de horisontella kriterierna bättre miljö, jämställdhet och "
    "lika möjligheter och icke-diskriminering, på de tre nivåer som används i strukturfondsprojekt.",
    definition_en="How the cluster initiative works with the horizontal criteria better environment, gender "
    "equality, and equal opportunities and non-discrimination, on the three levels used in structural-fund projects.",
    formula="nivå(kluster, år, kriterium) ∈ {aktivt, delvis, inte}",
    source_sv="Klusterkarteringens kriteriebedömningar (tabellen criteria_assessment)",
    source_en="The cluster mapping's criteria assessments (table criteria_assessment)",
    view="klusterkartering",
    extra={"tables": ("criterion", "criterion_level", "criteria_assessment")},
)

CLUSTER_THEME = IndicatorMeta(
    key="cluster_thematic_area",
    title_sv="Klusterinitiativens tematiska områden",
    title_en="Thematic areas of the cluster initiatives",
    unit_sv="område",
    unit_en="area",
    definition_sv="Ett klusterinitiativ hör till de funktionella sektorer som dess kopplade branscher (SNI 2007) "
    "ingår i. Både kopplingen kluster–bransch och indelningen i sektorer är dashboardens förslag och kan ändras "
    "i databasen (tabellerna cluster_industry och industry_sector).",
    definition_en="A cluster initiative belongs to the functional sectors that its linked industries (SNI 2007) "
    "fall in. Both the cluster–industry links and the sector grouping are the dashboard's proposal and can be "
    "changed in the store (tables cluster_industry and industry_sector).",
    formula="område(kluster) = {sektor(b) : b ∈ branscher(kluster)}",
    source_sv="Klusterinitiativens förteckning och dashboardens sektorindelning",
    source_en="The list of cluster initiatives and the dashboard's sector grouping",
    view="klusterkartering",
    extra={"tables": ("cluster_industry", "industry_sector", "sector")},
)

CLUSTER_COLUMNS = [
    "code",
    "name",
    "theme_sv",
    "theme_en",
    "founded",
    "members",
    "organisation",
    "url",
    "dataset",
    "is_example",
    "counties",
]


OPTIONAL_TEXT = ("comment", "theme_sv", "theme_en", "organisation", "url", "description_sv", "description_en")


def _frame(conn, query, columns: list[str]) -> pd.DataFrame:
    """Return the query's rows; a missing optional text stays None (pandas would make it NaN)."""
    frame = pd.DataFrame([tuple(r) for r in conn.execute(query).all()], columns=columns)
    for col in OPTIONAL_TEXT:
        if col in frame:
            frame[col] = pd.Series([None if pd.isna(v) else v for v in frame[col]], index=frame.index, dtype="object")
    return frame


@register(CLUSTER_PHASE)
def phase_scale(conn) -> pd.DataFrame:
    """Return the ordered phase scale: code, sort, name_sv, name_en, description_sv, description_en."""
    p = s.phase
    cols = ["code", "sort", "name_sv", "name_en", "description_sv", "description_en"]
    return _frame(conn, select(*[p.c[c] for c in cols]).order_by(p.c.sort), cols)


@register(CLUSTER_CRITERIA)
def criteria(conn) -> pd.DataFrame:
    """Return the horizontal criteria in order: code, sort, name_sv, name_en."""
    c = s.criterion
    return _frame(conn, select(c.c.code, c.c.sort, c.c.name_sv, c.c.name_en).order_by(c.c.sort), list(c.c.keys()))


@register(CLUSTER_CRITERIA)
def criterion_levels(conn) -> pd.DataFrame:
    """Return the criterion levels in order (aktivt first): code, sort, name_sv, name_en."""
    lv = s.criterion_level
    return _frame(conn, select(lv.c.code, lv.c.sort, lv.c.name_sv, lv.c.name_en).order_by(lv.c.sort), list(lv.c.keys()))


def scale_is_default(conn) -> bool:
    """Return True when the store holds the default phase scale (so its source note applies)."""
    from data.content import PHASES

    return list(phase_scale(conn)["code"]) == [p[0] for p in PHASES]


def assessment_years(conn) -> list[int]:
    """Return every year with a phase or criteria assessment, ascending."""
    years = set(conn.execute(select(s.phase_assessment.c.year).distinct()).scalars())
    years |= set(conn.execute(select(s.criteria_assessment.c.year).distinct()).scalars())
    return sorted(int(y) for y in years)


def cluster_sectors(conn) -> pd.DataFrame:
    """Return each cluster's thematic areas (sectors of its linked industries): cluster, sector."""
    ci, ins = s.cluster_industry, s.industry_sector
    q = select(ci.c.cluster, ins.c.sector).join(ins, ins.c.industry == ci.c.industry).distinct()
    return _frame(conn, q.order_by(ci.c.cluster, ins.c.sector), ["cluster", "sector"])


@register(CLUSTER_THEME)
def thematic_areas(conn) -> pd.DataFrame:
    """Return the thematic areas that hold at least one cluster: code, name_sv, name_en, clusters."""
    sec = s.sector
    names = _frame(
        conn, select(sec.c.code, sec.c.name_sv, sec.c.name_en).order_by(sec.c.sort), ["code", "name_sv", "name_en"]
    )
    counts = cluster_sectors(conn).groupby("sector")["cluster"].nunique()
    names["clusters"] = names["code"].map(counts).fillna(0).astype("int64")
    return names[names["clusters"] > 0].reset_index(drop=True)


def clusters(conn, *, county: str | None = None, theme: str | None = None) -> pd.DataFrame:
    """Return the cluster initiatives, optionally of one county and thematic area, sorted by name.

    Columns: code, name, theme_sv, theme_en, founded, members, organisation, url, dataset,
    is_example, counties (sorted tuple of county codes). Unknown facts stay missing (None).
    """
    c, d, cr = s.cluster, s.dataset, s.cluster_region
    cols = CLUSTER_COLUMNS[:-1]
    q = select(*[c.c[k] for k in cols[:-1]], d.c.is_example).join(d, d.c.code == c.c.dataset)
    frame = _frame(conn, q.order_by(c.c.name), cols)
    homes = _frame(conn, select(cr.c.cluster, cr.c.region).order_by(cr.c.region), ["cluster", "region"])
    by_cluster = homes.groupby("cluster")["region"].agg(tuple)
    frame["counties"] = [by_cluster.get(code, ()) for code in frame["code"]]
    frame["is_example"] = frame["is_example"].astype(bool)
    for fact in ("founded", "members"):  # unknown stays None: never shown as 0 or NaN
        frame[fact] = pd.Series([None if pd.isna(v) else int(v) for v in frame[fact]], dtype="object")
    if county:
        frame = frame[[county in homes for homes in frame["counties"]]]
    if theme:
        sectors = cluster_sectors(conn)
        frame = frame[frame["code"].isin(set(sectors.loc[sectors["sector"] == theme, "cluster"]))]
    return frame.reset_index(drop=True)


@register(CLUSTER_PHASE)
def phase_history(conn, cluster_codes: list[str] | None = None) -> pd.DataFrame:
    """Return phase assessments: cluster, year, phase, phase_sort, comment, dataset, is_example.

    Sorted by cluster and year; cluster_codes=None means every cluster.
    """
    pa, p, d = s.phase_assessment, s.phase, s.dataset
    q = (
        select(pa.c.cluster, pa.c.year, pa.c.phase, p.c.sort, pa.c.comment, pa.c.dataset, d.c.is_example)
        .join(p, p.c.code == pa.c.phase)
        .join(d, d.c.code == pa.c.dataset)
    )
    if cluster_codes is not None:
        q = q.where(pa.c.cluster.in_(list(cluster_codes)))
    cols = ["cluster", "year", "phase", "phase_sort", "comment", "dataset", "is_example"]
    frame = _frame(conn, q.order_by(pa.c.cluster, pa.c.year), cols)
    return frame.astype({"year": "int64", "phase_sort": "int64", "is_example": "bool"})


@register(CLUSTER_PHASE)
def phase_portfolio(conn, year: int, cluster_codes: list[str] | None = None) -> pd.DataFrame:
    """Return the phase of each cluster assessed in the year (columns as phase_history)."""
    frame = phase_history(conn, cluster_codes)
    return frame[frame["year"] == year].reset_index(drop=True)


@register(CLUSTER_CRITERIA)
def criteria_assessments(conn, cluster_codes: list[str] | None = None, year: int | None = None) -> pd.DataFrame:
    """Return criteria assessments: cluster, year, criterion, criterion_sort, level, level_sort, comment,
    dataset, is_example; sorted by cluster, year and criterion."""
    ca, c, lv, d = s.criteria_assessment, s.criterion, s.criterion_level, s.dataset
    q = (
        select(ca.c.cluster, ca.c.year, ca.c.criterion, c.c.sort, ca.c.level, lv.c.sort, ca.c.comment)
        .add_columns(ca.c.dataset, d.c.is_example)
        .join(c, c.c.code == ca.c.criterion)
        .join(lv, lv.c.code == ca.c.level)
        .join(d, d.c.code == ca.c.dataset)
    )
    if cluster_codes is not None:
        q = q.where(ca.c.cluster.in_(list(cluster_codes)))
    if year is not None:
        q = q.where(ca.c.year == year)
    cols = ["cluster", "year", "criterion", "criterion_sort", "level", "level_sort", "comment", "dataset", "is_example"]
    frame = _frame(conn, q.order_by(ca.c.cluster, ca.c.year, c.c.sort), cols)
    return frame.astype({"year": "int64", "criterion_sort": "int64", "level_sort": "int64", "is_example": "bool"})


def cluster_test_areas(conn, code: str) -> pd.DataFrame:
    """Return the strength/test areas a cluster is linked to: id, region, name_sv, name_en."""
    ta, cta = s.test_area, s.cluster_test_area
    q = (
        select(ta.c.id, ta.c.region, ta.c.name_sv, ta.c.name_en)
        .join(cta, cta.c.test_area == ta.c.id)
        .where(cta.c.cluster == code)
        .order_by(ta.c.region, ta.c.sort)
    )
    return _frame(conn, q, ["id", "region", "name_sv", "name_en"])


def cluster_industries(conn, code: str) -> pd.DataFrame:
    """Return the industries (SNI 2007) a cluster is linked to: code, name_sv, name_en."""
    i, ci = s.industry, s.cluster_industry
    q = (
        select(i.c.code, i.c.name_sv, i.c.name_en)
        .join(ci, ci.c.industry == i.c.code)
        .where(ci.c.cluster == code)
        .order_by(i.c.sort)
    )
    return _frame(conn, q, ["code", "name_sv", "name_en"])
