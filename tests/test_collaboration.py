"""Collaboration joins the strength analysis: the cluster initiatives in an area, with their latest phase."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from sqlalchemy import insert, select

from data import schema as s
from data.store import engine_for
from indicators.collaboration import area_counties, clusters_in_area, clusters_in_test_areas, collaboration_by_industry
from indicators.levels import InvalidArgument
from tests.import_helpers import empty_store


@pytest.fixture()
def store(tmp_path):
    """Return an engine on a store with the real cluster list and its links, and no assessments."""
    return engine_for(empty_store(tmp_path))


def assess(engine, rows: list[tuple]) -> None:
    """Add phase assessments (cluster, year, phase, dataset) and a real and an example dataset."""
    with engine.begin() as conn:
        for code, example in (("verklig", False), ("exempel", True)):
            conn.execute(
                insert(s.dataset).values(code=code, title_sv=code, title_en=code, source="test", is_example=example)
            )
        conn.execute(insert(s.phase_assessment), [dict(cluster=c, year=y, phase=p, dataset=d) for c, y, p, d in rows])


def test_a_county_division_lists_its_clusters_and_says_when_none_was_assessed(store):
    with store.connect() as conn:
        frame = clusters_in_area(conn, region="20", level="division", industry="24")
    assert frame["cluster"].tolist() == ["triple-steelix"]
    row = frame.iloc[0]
    assert (row["name"], row["counties"], row["industries"], row["via"]) == (
        "Triple Steelix",
        ("20",),
        ("24",),
        "bransch",
    )
    assert row["phase"] is None and pd.isna(row["phase_is_example"])  # never assessed: no phase, not "0"


def test_the_latest_real_phase_goes_before_a_newer_example_one(store):
    assess(
        store,
        [
            ("triple-steelix", 2016, "etablering", "verklig"),
            ("triple-steelix", 2018, "utveckling", "verklig"),
            ("triple-steelix", 2020, "mognad", "exempel"),  # newer, but invented
            ("high-voltage-valley", 2020, "mognad", "exempel"),  # only example data: shown, marked
        ],
    )
    with store.connect() as conn:
        frame = clusters_in_area(conn, region="20", level="section", industry="C").set_index("cluster")
    assert frame.loc["triple-steelix", ["phase", "phase_name_sv", "phase_year"]].tolist() == [
        "utveckling",
        "Utveckling",
        2018,
    ]
    assert not frame.loc["triple-steelix", "phase_is_example"]
    assert frame.loc["high-voltage-valley", ["phase", "phase_is_example"]].tolist() == ["mognad", True]
    assert frame.loc["triple-steelix", "industries"] == ("24", "25")  # its divisions in manufacturing


@pytest.mark.parametrize(
    "region,level,industry,clusters",
    [
        # All of North Middle Sweden, NACE A*10 "of which manufacturing": every cluster with a division in C.
        (
            "SE31",
            "a10",
            "C",
            [
                "dala-sports-academy",
                "fiber-optic-valley",
                "findit",
                "high-voltage-valley",
                "paper-province",
                "triple-steelix",
            ],
        ),
        ("2080", "sector", "besok", ["dala-sports-academy", "visit-dalarna"]),  # Falun: its county's clusters
        ("21", "sector", "it", ["fiber-optic-valley", "findit", "future-position-x"]),
        ("17", "division", "24", []),  # no steel cluster in Värmland
    ],
)
def test_clusters_at_every_level_and_region_kind(store, region, level, industry, clusters):
    with store.connect() as conn:
        assert clusters_in_area(conn, region=region, level=level, industry=industry)["cluster"].tolist() == clusters


def test_a_test_area_lists_the_clusters_linked_to_it(store):
    with store.connect() as conn:
        area = conn.execute(select(s.test_area.c.id).where(s.test_area.c.name_sv == "Avancerad industri")).scalar_one()
        frame = clusters_in_area(conn, test_area=area)
    assert frame["cluster"].tolist() == ["high-voltage-valley", "triple-steelix"]
    assert set(frame["via"]) == {"testomrade"}


def test_every_test_area_at_once_gives_what_each_alone_gives(store):
    with store.connect() as conn:
        areas = conn.execute(select(s.test_area.c.id)).scalars().all()
        together = clusters_in_test_areas(conn, areas)
        assert any(not frame.empty for frame in together.values())  # the comparison below compares something
        for area in areas:
            assert_frame_equal(together[area], clusters_in_area(conn, test_area=area), check_dtype=False)


@pytest.mark.parametrize(
    "kwargs,argument",
    [
        (dict(region="99", level="division", industry="24"), "region"),
        (dict(region="20", level="division", industry="ZZ"), "industry"),
        (dict(region="20", level="kommun", industry="24"), "level"),
        (dict(test_area=9999), "test_area"),
        (dict(region="20"), "region"),  # neither a complete strength area nor a test area
    ],
)
def test_bad_arguments_are_named(store, kwargs, argument):
    with store.connect() as conn, pytest.raises(InvalidArgument) as refused:
        clusters_in_area(conn, **kwargs)
    assert refused.value.argument == argument and refused.value.message("sv")


def test_collaboration_per_industry_counts_the_regions_clusters(store):
    with store.connect() as conn:
        frame = collaboration_by_industry(conn, "21", "sector")
        assert area_counties(conn, "SE31") == ["17", "20", "21"] and area_counties(conn, "2180") == ["21"]
    expected = pd.DataFrame(
        {
            "industry": ["bygg", "it", "skog", "stal", "verkstad"],
            "clusters": [1, 3, 1, 1, 1],
            "cluster_codes": [
                ("future-position-x",),
                ("fiber-optic-valley", "findit", "future-position-x"),
                ("findit",),
                ("findit",),
                ("fiber-optic-valley",),
            ],
            "names": [
                ("Future Position X",),
                ("Fiber Optic Valley", "FindIT", "Future Position X"),
                ("FindIT",),
                ("FindIT",),
                ("Fiber Optic Valley",),
            ],
        }
    )
    assert_frame_equal(frame, expected)


def test_the_example_store_marks_example_phases(conn):
    frame = clusters_in_area(conn, region="20", level="division", industry="24")
    assert frame["phase_is_example"].all()  # the default build's assessments are example data
