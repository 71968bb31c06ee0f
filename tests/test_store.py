"""The store: schema, real content from the project plan, example data that is plausible and marked."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlalchemy import func, select

from data import schema as s
from data.build import build
from data.real import manifest
from data.store import COPY_FROM_ROWS, engine_for, insert_rows


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
    # A*10 adds B-E, G-I, M-N, O-Q, R-U to the sections; SCB's 15 branschgrupper are G01-G15
    assert levels == {"section": 21, "division": 88, "a10": 5, "bransch15": 15, "total": 1}
    steel = conn.execute(select(s.industry).where(s.industry.c.code == "24")).one()
    assert steel.section == "C" and steel.a10 == "B-E" and steel.name_sv == "Stål- och metallframställning"
    assert steel.group15 == "G02"  # Tillverkning och utvinning
    groups = dict(
        conn.execute(select(s.industry.c.code, s.industry.c.group15).where(s.industry.c.level == "section")).all()
    )
    assert groups["M"] == groups["N"] == "G11" and groups["U"] == "G15"
    assert count(conn, s.industry_sector) == 88  # every division belongs to one functional sector


def test_project_plan_content_is_real(conn):
    milestones = conn.execute(select(s.milestone).order_by(s.milestone.c.id)).all()
    assert len(milestones) == 16  # the 14 quarterly ones, then the practical start and the end date
    assert (milestones[0].year, milestones[0].quarter) == (2016, 2)
    assert milestones[13].text_sv == "Avslutsarbete" and milestones[-1].text_sv == "Projektets slutdatum"
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


def test_building_twice_gives_identical_contents(tmp_path, real_store_url):
    again = build(f"sqlite:///{tmp_path / 'again.sqlite'}")
    assert dump(again) == dump(real_store_url)


def test_each_backend_holds_the_same_statistics_whichever_way_they_were_written(conn, store_url):
    # PostgreSQL is given the 330 000 example values through COPY (data.store.insert_rows), SQLite through INSERT.
    for table in (s.fact, s.academic_output):
        with engine_for(store_url).connect() as lite:
            expected = sorted(map(tuple, lite.execute(select(table)).all()))
        assert sorted(map(tuple, conn.execute(select(table)).all())) == expected


def test_many_rows_written_at_once_get_the_columns_defaults(conn):
    rows = [
        dict(dataset="ex_sysselsattning", region="1715", industry="01", year=3000 + i, measure="employees", value=i)
        for i in range(COPY_FROM_ROWS + 1)
    ]
    with conn.begin() as transaction:
        insert_rows(conn, s.fact, rows)
        written = conn.execute(select(s.fact.c.sex, s.fact.c.value).where(s.fact.c.year >= 3000)).all()
        transaction.rollback()
    assert len(written) == len(rows) and {sex for sex, _ in written} == {"total"}  # the column's default
    assert sorted(value for _, value in written) == [float(i) for i in range(len(rows))]


def datasets_of(url) -> dict[str, bool]:
    with engine_for(url).connect() as c:
        return dict(c.execute(select(s.dataset.c.code, s.dataset.c.is_example)).all())


def test_the_default_build_holds_every_shipped_dataset_and_no_invented_statistic(real_store_url):
    shipped = {entry.code for entry in manifest()}
    found = datasets_of(real_store_url)
    assert shipped <= set(found) and not any(found[code] for code in shipped)
    with engine_for(real_store_url).connect() as c:
        fact_sets = set(c.execute(select(s.fact.c.dataset).distinct()).scalars())
        assert fact_sets == shipped  # every statistic in the default store is real
        assert count(c, s.academic_output) == 0  # no invented publications
        assert count(c, s.respondent) > 0 and count(c, s.phase_assessment) > 0  # example records stay, labelled
        assert found["ex_enkat"] and found["ex_kluster"] and found["ex_uppfoljning"]
        # Värmland had 121 000 employed in 2017 (Eurostat)
        value = c.execute(
            select(s.fact.c.value).where(
                s.fact.c.region == "17",
                s.fact.c.industry == "TOTAL",
                s.fact.c.year == 2017,
                s.fact.c.measure == "employees",
            )
        ).scalar_one()
        assert value == 121_000


def test_a_shipped_dataset_carries_its_manifest_in_the_store(real_store_url):
    with engine_for(real_store_url).connect() as c:
        row = c.execute(select(s.dataset).where(s.dataset.c.code == "eurostat_nama_10r_3empers")).mappings().one()
    assert row["publisher"] == "Eurostat" and row["rounding"] == 1000 and row["importer"] == "eurostat-datacommons"
    assert (
        row["retrieved"] == date(2026, 12, 2) and "tusental" in row["caveats_sv"] and "thousands" in row["caveats_en"]
    )
    assert row["measures"] == "employees" and row["file"].startswith("eurostat_nama_10r_3empers")


def test_demo_adds_the_invented_statistics_as_separate_example_datasets(demo_store_url):
    found = datasets_of(demo_store_url)
    assert found["ex_sysselsattning"] and found["ex_akademi"]  # example, and labelled so
    assert found["eurostat_nama_10r_3empers"] is False  # beside the real ones


def test_real_only_has_no_example_record_and_no_reported_status(tmp_path):
    url = build(f"sqlite:///{tmp_path / 'real.sqlite'}", example_records=False)
    with engine_for(url).connect() as c:
        assert count(c, s.dataset, s.dataset.c.is_example.is_(True)) == 0
        assert count(c, s.respondent) == 0 and count(c, s.indicator_outcome) == 0
        statuses = set(c.execute(select(s.milestone.c.status)).scalars())
        assert statuses == {None}  # nobody has reported a status: unknown, never "planned" or "late"
        assert count(c, s.fact) > 0


def test_empty_build_has_plan_content_and_no_example_rows(tmp_path):
    url = build(f"sqlite:///{tmp_path / 'empty.sqlite'}", empty=True)
    with engine_for(url).connect() as c:
        assert count(c, s.fact) == 0 and count(c, s.respondent) == 0
        assert count(c, s.milestone) == 16 and count(c, s.cluster) == 11
        assert count(c, s.dataset, s.dataset.c.is_example.is_(True)) == 0
