"""Join the cluster mapping to the strength analysis: which cluster initiatives work in a strength
area (a region and an industry at a level) or a test area, and in which phase they were last assessed.

This is the strength model's "Samverkan – Klusterkartering" dimension. The links are the store's
editable tables: cluster_region (home counties), cluster_industry (SNI divisions) and
cluster_test_area; a phase comes from phase_assessment, where a real assessment wins over an
example one and phase_is_example says which it is.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from data import schema as s

from .clusters import phase_history, phase_scale
from .levels import InvalidArgument, division_map, industries
from .meta import IndicatorMeta, register

COLLABORATION = IndicatorMeta(
    key="collaboration_clusters",
    title_sv="Samverkan: klusterinitiativ i styrkeområdet",
    title_en="Collaboration: cluster initiatives in the strength area",
    unit_sv="klusterinitiativ",
    unit_en="cluster initiatives",
    definition_sv=(
        "De klusterinitiativ som arbetar i ett styrkeområde: initiativ med hemlän i regionen (för Norra "
        "Mellansverige något av de tre länen, för en kommun dess län) och minst en kopplad bransch (SNI-avdelning) "
        "som ingår i branschen på vald nivå; för ett testområde de initiativ som är kopplade till det. Varje "
        "initiativ visas med sin senast bedömda fas; en verklig bedömning går före en exempelbedömning. "
        "Kopplingarna är dashboardens förslag och kan ändras i databasen."
    ),
    definition_en=(
        "The cluster initiatives working in a strength area: initiatives with a home county in the region (for "
        "North Middle Sweden any of the three counties, for a municipality its county) and at least one linked "
        "industry (SNI division) that falls in the industry at the chosen level; for a test area the initiatives "
        "linked to it. Each initiative is shown with its latest assessed phase; a real assessment goes before an "
        "example one. The links are the dashboard's proposal and can be changed in the store."
    ),
    formula="kluster ∈ område ⇔ hemlän ∩ län(region) ≠ ∅ ∧ branscher(kluster) ∩ avdelningar(bransch) ≠ ∅",
    source_sv="Klusterkarteringen (klusterinitiativ, deras branscher, län och fasbedömningar)",
    source_en="The cluster mapping (cluster initiatives, their industries, counties and phase assessments)",
    view="styrkeomraden",
    extra={"tables": ("cluster", "cluster_region", "cluster_industry", "cluster_test_area", "phase_assessment")},
)
AREA_COLUMNS = ["cluster", "name", "counties", "industries", "phase", "phase_sort", "phase_name_sv"]
AREA_COLUMNS += ["phase_name_en", "phase_year", "phase_is_example", "via"]


def area_counties(conn, region: str) -> list[str]:
    """Return the counties a region's clusters may have as home: the county, its parent county, or all in it."""
    r = s.region
    row = conn.execute(select(r.c.code, r.c.level, r.c.parent).where(r.c.code == region)).first()
    if row is None:
        raise InvalidArgument("region", region, f"okänd region {region!r}", f"unknown region {region!r}")
    if row.level == "lan":
        return [row.code]
    if row.level == "kommun":
        return [row.parent]
    counties = select(r.c.code).where(r.c.level == "lan")
    if row.level == "nuts2":
        counties = counties.where(r.c.parent == row.code)
    return sorted(conn.execute(counties).scalars())


def latest_phases(conn) -> pd.DataFrame:
    """Return each assessed cluster's latest phase, real before example: cluster, phase, phase_sort, phase_year,
    phase_is_example."""
    history = phase_history(conn)
    cols = ["cluster", "phase", "phase_sort", "phase_year", "phase_is_example"]
    if history.empty:
        return pd.DataFrame(columns=cols)
    history = history.sort_values(["cluster", "is_example", "year"], ascending=[True, True, False], kind="stable")
    latest = history.drop_duplicates("cluster", keep="first")
    latest = latest.rename(columns={"year": "phase_year", "is_example": "phase_is_example"})
    return latest[cols].reset_index(drop=True)


def _members(conn) -> tuple[pd.DataFrame, dict[str, tuple[str, ...]]]:
    c, cr = s.cluster, s.cluster_region
    names = pd.DataFrame(conn.execute(select(c.c.code, c.c.name)).all(), columns=["cluster", "name"])
    homes: dict[str, list[str]] = {}
    for cluster, region in conn.execute(select(cr.c.cluster, cr.c.region).order_by(cr.c.region)):
        homes.setdefault(cluster, []).append(region)
    return names, {k: tuple(v) for k, v in homes.items()}


def _found(clusters: list[str], divisions: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        {"cluster": pd.Series(clusters, dtype=object), "industries": pd.Series(divisions, dtype=object)}
    )


def _with_phases(conn, found: pd.DataFrame, via: str) -> pd.DataFrame:
    names, homes = _members(conn)
    frame = found.merge(names, on="cluster").merge(latest_phases(conn), on="cluster", how="left")
    scale = phase_scale(conn).set_index("code")
    frame["phase_name_sv"] = [scale["name_sv"].get(p) if isinstance(p, str) else None for p in frame["phase"]]
    frame["phase_name_en"] = [scale["name_en"].get(p) if isinstance(p, str) else None for p in frame["phase"]]
    frame["counties"] = [homes.get(code, ()) for code in frame["cluster"]]
    frame["via"] = via
    frame = frame.astype({"phase_sort": "Int64", "phase_year": "Int64"})
    frame["phase"] = pd.Series([p if isinstance(p, str) else None for p in frame["phase"]], dtype=object)
    frame["phase_is_example"] = frame["phase_is_example"].astype("boolean")
    extra = ["test_area"] if "test_area" in frame else []
    return frame.sort_values("name").reset_index(drop=True)[AREA_COLUMNS + extra]


def clusters_in_test_areas(conn, test_areas) -> dict[int, pd.DataFrame]:
    """Return clusters_in_area(conn, test_area=a) for each of the test areas, with one read of what they share
    (the initiatives' names, homes and latest phases): the Styrkeområden view asks for every test area at once."""
    cta = s.cluster_test_area
    wanted = [int(a) for a in test_areas]
    rows = conn.execute(select(cta.c.test_area, cta.c.cluster).where(cta.c.test_area.in_(wanted))).all()
    found = _found([cluster for _, cluster in rows], [()] * len(rows)).assign(test_area=[a for a, _ in rows])
    frame = _with_phases(conn, found, "testomrade")
    return {a: frame[frame["test_area"] == a].drop(columns="test_area").reset_index(drop=True) for a in wanted}


@register(COLLABORATION)
def clusters_in_area(conn, *, region=None, level=None, industry=None, test_area=None) -> pd.DataFrame:
    """Return the cluster initiatives in a strength area (region, level, industry) or a test area: cluster, name,
    counties, industries (its SNI divisions in the area), phase, phase_sort, phase_name_sv, phase_name_en,
    phase_year, phase_is_example (NA: never assessed), via (bransch | testomrade)."""
    if test_area is not None:
        ta = s.test_area
        if conn.execute(select(ta.c.id).where(ta.c.id == int(test_area))).first() is None:
            raise InvalidArgument("test_area", test_area, "okänt testområde", "unknown test area")
        return clusters_in_test_areas(conn, [test_area])[int(test_area)]
    if region is None or level is None or industry is None:
        raise InvalidArgument(
            "region",
            region,
            "ange region, nivå och bransch eller ett testområde",
            "give region, level and industry, or a test area",
        )
    known = industries(conn, level)["industry"]
    if industry not in set(known):
        raise InvalidArgument("industry", industry, f"ingen bransch på nivån {level}", f"no industry at level {level}")
    mapping = division_map(conn, level)
    divisions = set(mapping.loc[mapping["industry"] == industry, "division"])
    counties = set(area_counties(conn, region))
    ci, cr = s.cluster_industry, s.cluster_region
    home = set(conn.execute(select(cr.c.cluster).where(cr.c.region.in_(counties))).scalars())
    links: dict[str, list[str]] = {}
    for cluster, division in conn.execute(select(ci.c.cluster, ci.c.industry).order_by(ci.c.industry)):
        if cluster in home and division in divisions:
            links.setdefault(cluster, []).append(division)
    found = _found(list(links), [tuple(v) for v in links.values()])
    return _with_phases(conn, found, "bransch")


@register(COLLABORATION)
def collaboration_by_industry(conn, region: str, level: str) -> pd.DataFrame:
    """Return per industry of a level how many cluster initiatives of the region work in it: industry, clusters,
    cluster_codes, names (industries without any initiative are left out)."""
    mapping = division_map(conn, level)
    counties = set(area_counties(conn, region))
    ci, cr, c = s.cluster_industry, s.cluster_region, s.cluster
    q = (
        select(ci.c.cluster, ci.c.industry, c.c.name)
        .join(cr, cr.c.cluster == ci.c.cluster)
        .join(c, c.c.code == ci.c.cluster)
        .where(cr.c.region.in_(counties))
        .distinct()
    )
    links = pd.DataFrame(conn.execute(q).all(), columns=["cluster", "division", "name"])
    cols = ["industry", "clusters", "cluster_codes", "names"]
    if links.empty:
        return pd.DataFrame(columns=cols)
    joined = (
        links.merge(mapping, on="division").drop_duplicates(["industry", "cluster"]).sort_values(["industry", "name"])
    )
    out = joined.groupby("industry", sort=True).agg(
        clusters=("cluster", "nunique"), cluster_codes=("cluster", tuple), names=("name", tuple)
    )
    return out.reset_index()[cols].astype({"clusters": "int64"})
