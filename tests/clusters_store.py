"""A tiny hand-written store for the cluster-mapping tests: three clusters, a three-phase scale of its own.

The scale and the criteria differ from the defaults in data/content.py on purpose: what the
view shows must come from the store, not from code.
"""

from __future__ import annotations

from sqlalchemy import insert

from data import schema as s
from data.store import engine_for

PHASES = [
    dict(code="ide", sort=10, name_sv="Idé", name_en="Idea", description_sv="Första steget.", description_en="First."),
    dict(code="drift", sort=20, name_sv="Drift", name_en="Running", description_sv=None, description_en=None),
    dict(code="export", sort=30, name_sv="Export", name_en="Export", description_sv=None, description_en=None),
]
CRITERIA = [
    dict(code="klimat", sort=1, name_sv="Klimat", name_en="Climate"),
    dict(code="mangfald", sort=2, name_sv="Mångfald", name_en="Diversity"),
]
LEVELS = [
    dict(code="aktivt", sort=1, name_sv="Aktivt", name_en="Active"),
    dict(code="delvis", sort=2, name_sv="Delvis", name_en="Partly"),
    dict(code="inte", sort=3, name_sv="Inte", name_en="Not"),
]


def _dataset(code: str, example: bool, source: str) -> dict:
    return dict(code=code, title_sv=code, title_en=code, source=source, is_example=example)


def _cluster(code, name, founded=None, members=None, url=None):
    return dict(
        code=code,
        name=name,
        theme_sv=f"Tema {name}",
        theme_en=f"Theme {name}",
        founded=founded,
        members=members,
        organisation=None,
        url=url,
        dataset="lista",
    )


ROWS = {
    s.region: [
        dict(code="17", nuts="SE311", name_sv="Värmlands län", name_en="Värmland County", level="lan", parent=None),
        dict(code="20", nuts="SE312", name_sv="Dalarnas län", name_en="Dalarna County", level="lan", parent=None),
        dict(code="21", nuts="SE313", name_sv="Gävleborgs län", name_en="Gävleborg County", level="lan", parent=None),
    ],
    s.industry: [
        dict(code="24", level="division", name_sv="Stål", name_en="Steel", section="C", a10="B-E", sort=1),
        dict(code="62", level="division", name_sv="Data", name_en="Computing", section="J", a10="J", sort=2),
    ],
    s.sector: [
        dict(code="stal", name_sv="Stål och metall", name_en="Steel and metals", sort=1),
        dict(code="it", name_sv="IT", name_en="ICT", sort=2),
    ],
    s.industry_sector: [dict(industry="24", sector="stal"), dict(industry="62", sector="it")],
    s.dataset: [
        _dataset("lista", False, "Klusterlistan"),
        _dataset("ex", True, "Exempel"),
        _dataset("imp", False, "Regionens bedömning 2022"),
    ],
    s.test_area: [dict(id=1, region="20", name_sv="Avancerad industri", name_en="Advanced industry", sort=0)],
    s.cluster: [
        _cluster("alfa", "Alfa", url="https://alfa.example"),
        _cluster("beta", "Beta", founded=2001, members=30),
        _cluster("gamma", "Gamma"),
    ],
    s.cluster_region: [
        dict(cluster="alfa", region="17"),
        dict(cluster="beta", region="20"),
        dict(cluster="gamma", region="20"),
        dict(cluster="gamma", region="21"),
    ],
    s.cluster_industry: [
        dict(cluster="alfa", industry="62"),
        dict(cluster="beta", industry="24"),
        dict(cluster="gamma", industry="62"),
    ],
    s.cluster_test_area: [dict(cluster="beta", test_area=1)],
    s.phase: PHASES,
    s.criterion: CRITERIA,
    s.criterion_level: LEVELS,
    s.phase_assessment: [
        dict(cluster="alfa", year=2016, phase="ide", comment=None, dataset="ex"),
        dict(cluster="alfa", year=2018, phase="drift", comment="Växer", dataset="ex"),
        dict(cluster="beta", year=2016, phase="drift", comment=None, dataset="ex"),
        dict(cluster="beta", year=2018, phase="drift", comment=None, dataset="ex"),
        dict(cluster="beta", year=2022, phase="export", comment="Säljer utomlands", dataset="imp"),
        dict(cluster="gamma", year=2018, phase="ide", comment=None, dataset="imp"),
    ],
    s.criteria_assessment: [
        dict(cluster="alfa", year=2018, criterion="klimat", level="aktivt", comment=None, dataset="ex"),
        dict(cluster="beta", year=2022, criterion="mangfald", level="delvis", comment="Plan finns", dataset="imp"),
        dict(cluster="beta", year=2022, criterion="klimat", level="inte", comment=None, dataset="imp"),
    ],
}


def tiny_store(path) -> str:
    """Create the tiny store at path and return its URL."""
    url = f"sqlite:///{path}"
    engine = engine_for(url)
    s.metadata.create_all(engine)
    with engine.begin() as conn:
        for table in s.metadata.sorted_tables:
            if table in ROWS:
                conn.execute(insert(table), ROWS[table])
    return url
