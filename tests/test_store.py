"""The store: schema, real content from the project plan, example data that is plausible and marked."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import func, select

from data import schema as s
from data.build import build
from data.store import engine_for


@pytest.fixture()
def conn(backend_conn):
    """Run this module's store tests on SQLite and on PostgreSQL (tests/conftest.py)."""
    return backend_conn


def count(conn, table, *where):
    return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def test_regions_cover_riket_nms_counties_and_their_municipalities(conn):
    rows = {r.code: r for r in conn.execute(select(s.region)).all()}
    assert rows["00"].nuts == "SE" and rows["SE31"].name_sv == "Norra Mellansverige"
    assert {c: rows[c].nuts for c in ("17", "20", "21")} == {"17": "SE311", "20": "SE312", "21": "SE313"}
    munis = [r for r in rows.values() if r.level == "kommun"]
    assert len(munis) == 41  # 16 in Värmland, 15 in Dalarna, 10 in Gävleborg
    assert rows["2180"].name_sv == "Gävle" and rows["2180"].parent == "21"


def test_industries_have_sections_divisions_a10_and_total(conn):
    levels = dict(conn.execute(select(s.industry.c.level, func.count()).group_by(s.industry.c.level)).all())
    assert levels == {"section": 21, "division": 88, "a10": 5, "total": 1}  # B-E, G-I, M-N, O-Q, R-U
    steel = conn.execute(select(s.industry).where(s.industry.c.code == "24")).one()
    assert steel.section == "C" and steel.a10 == "B-E" and steel.name_sv == "Stål- och metallframställning"
    assert count(conn, s.industry_sector) == 88  # every division belongs to one functional sector


def test_project_plan_content_is_real(conn):
    milestones = conn.execute(select(s.milestone).order_by(s.milestone.c.id)).all()
    assert len(milestones) == 14
    assert (milestones[0].year, milestones[0].quarter) == (2016, 2)
    assert milestones[-1].text_sv == "Avslutsarbete"
    assert count(conn, s.activity) == 6 and count(conn, s.subgoal) == 5
    areas = dict(conn.execute(select(s.test_area.c.region, func.count()).group_by(s.test_area.c.region)).all())
    assert areas == {"17": 6, "20": 4, "21": 5}
    clusters = dict(conn.execute(select(s.cluster.c.name, s.cluster.c.dataset)).all())
    assert len(clusters) == 11 and clusters["Triple Steelix"] == "klusterlista"
    real = conn.execute(select(s.dataset.c.is_example).where(s.dataset.c.code == "klusterlista")).scalar_one()
    assert real is False


def test_example_statistics_are_marked_as_example(conn):
    rows = conn.execute(
        select(s.dataset.c.code, s.dataset.c.is_example).join(s.fact, s.fact.c.dataset == s.dataset.c.code).distinct()
    ).all()
    assert rows and all(is_example for _code, is_example in rows)


def frame(conn, measure, year):
    q = select(s.fact.c.region, s.fact.c.industry, s.fact.c.value).where(
        s.fact.c.measure == measure, s.fact.c.year == year
    )
    return pd.DataFrame(conn.execute(q).all(), columns=["region", "industry", "value"])


@pytest.mark.parametrize("measure", ["employees", "employees_higher_ed", "new_firms", "patent_applications"])
def test_municipalities_add_up_to_counties_and_counties_to_nms(conn, measure):
    df = frame(conn, measure, 2020)
    regions = pd.DataFrame(
        conn.execute(select(s.region.c.code, s.region.c.parent, s.region.c.level)).all(),
        columns=["region", "parent", "level"],
    )
    df = df.merge(regions, on="region")
    munis = df[df.level == "kommun"].groupby(["parent", "industry"])["value"].sum()
    counties = df[df.level == "lan"].set_index(["region", "industry"])["value"]
    pd.testing.assert_series_equal(munis.sort_index(), counties.sort_index(), check_names=False)
    nms = df[df.region == "SE31"].set_index("industry")["value"]
    pd.testing.assert_series_equal(counties.groupby("industry").sum().sort_index(), nms.sort_index(), check_names=False)


def test_example_economy_is_plausible(conn):
    df = frame(conn, "employees", 2022).pivot(index="industry", columns="region", values="value")
    # riket is the whole country: far larger than the three counties together
    assert df.loc["TOTAL", "00"] > 10 * df.loc["TOTAL", "SE31"]
    # steel in Dalarna and paper in Värmland are specialisations (LQ well above 1)
    lq = (df["20"] / df.loc["TOTAL", "20"]) / (df["00"] / df.loc["TOTAL", "00"])
    assert lq["24"] > 3
    lq17 = (df["17"] / df.loc["TOTAL", "17"]) / (df["00"] / df.loc["TOTAL", "00"])
    assert lq17["17"] > 3
    # employees with higher education never exceed employees
    he = frame(conn, "employees_higher_ed", 2022).set_index(["region", "industry"])["value"]
    emp = frame(conn, "employees", 2022).set_index(["region", "industry"])["value"]
    assert (he <= emp.loc[he.index]).all()


def dump(url):
    engine = engine_for(url)
    with engine.connect() as c:
        return {t.name: sorted(map(tuple, c.execute(select(t)).all()), key=repr) for t in s.metadata.sorted_tables}


def test_building_twice_gives_identical_contents(tmp_path, store_url):
    again = build(f"sqlite:///{tmp_path / 'again.sqlite'}")
    assert dump(again) == dump(store_url)


def test_empty_build_has_plan_content_and_no_example_rows(tmp_path):
    url = build(f"sqlite:///{tmp_path / 'empty.sqlite'}", empty=True)
    with engine_for(url).connect() as c:
        assert count(c, s.fact) == 0 and count(c, s.respondent) == 0
        assert count(c, s.milestone) == 14 and count(c, s.cluster) == 11
        assert count(c, s.dataset, s.dataset.c.is_example.is_(True)) == 0
