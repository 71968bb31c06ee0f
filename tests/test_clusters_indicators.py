"""The cluster-mapping indicators against a tiny hand-written store (tests/clusters_store.py)."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from indicators import clusters as ind
from indicators.meta import INDICATORS
from tests.clusters_store import tiny_store


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from data.store import engine_for

    url = tiny_store(tmp_path_factory.mktemp("tiny") / "tiny.sqlite")
    with engine_for(url).connect() as connection:
        yield connection


def test_phase_scale_is_read_from_the_store_in_its_order(tiny):
    scale = ind.phase_scale(tiny)
    assert list(scale["code"]) == ["ide", "drift", "export"]  # the store's own scale, not data/content.py
    assert list(scale["name_en"]) == ["Idea", "Running", "Export"]
    assert scale.loc[0, "description_sv"] == "Första steget."
    assert ind.scale_is_default(tiny) is False  # so the view does not credit Reglab for the region's own scale


def test_criteria_and_levels_are_read_from_the_store(tiny):
    assert list(ind.criteria(tiny)["name_sv"]) == ["Klimat", "Mångfald"]
    assert list(ind.criterion_levels(tiny)["code"]) == ["aktivt", "delvis", "inte"]


def test_assessment_years_join_phase_and_criteria_years(tiny):
    assert ind.assessment_years(tiny) == [2016, 2018, 2022]


def test_clusters_keep_unknown_facts_missing_and_list_their_counties(tiny):
    frame = ind.clusters(tiny)
    assert list(frame["code"]) == ["alfa", "beta", "gamma"]
    assert frame.set_index("code").loc["gamma", "counties"] == ("20", "21")
    assert frame.set_index("code").loc["alfa", "founded"] is None  # never 0, never NaN
    assert frame.set_index("code").loc["beta", "members"] == 30


@pytest.mark.parametrize(
    "county,theme,expected",
    [
        ("", "", ["alfa", "beta", "gamma"]),  # no filter
        ("20", "", ["beta", "gamma"]),  # gamma has two home counties, Dalarna among them
        ("21", "", ["gamma"]),
        ("", "it", ["alfa", "gamma"]),  # thematic area = sector of the linked industries
        ("20", "it", ["gamma"]),  # both filters at once
        ("17", "stal", []),
    ],
)
def test_clusters_filter_by_county_and_thematic_area(tiny, county, theme, expected):
    assert list(ind.clusters(tiny, county=county or None, theme=theme or None)["code"]) == expected


def test_thematic_areas_count_their_clusters(tiny):
    expected = pd.DataFrame(
        {"code": ["stal", "it"], "name_sv": ["Stål och metall", "IT"], "name_en": ["Steel and metals", "ICT"]}
    ).assign(clusters=pd.Series([1, 2], dtype="int64"))
    assert_frame_equal(ind.thematic_areas(tiny), expected, check_dtype=False)


def test_phase_history_has_every_assessment_with_its_order_and_status(tiny):
    expected = pd.DataFrame(
        {
            "cluster": ["alfa", "alfa"],
            "year": [2016, 2018],
            "phase": ["ide", "drift"],
            "phase_sort": [10, 20],
            "comment": pd.Series([None, "Växer"], dtype="object"),  # no comment stays None
            "dataset": ["ex", "ex"],
            "is_example": [True, True],
        }
    ).astype({"year": "int64", "phase_sort": "int64"})
    assert_frame_equal(ind.phase_history(tiny, ["alfa"]), expected, check_dtype=False)


def test_phase_portfolio_takes_the_year_only(tiny):
    frame = ind.phase_portfolio(tiny, 2022)
    assert list(zip(frame["cluster"], frame["phase"], frame["is_example"])) == [("beta", "export", False)]
    assert list(ind.phase_portfolio(tiny, 2018)["cluster"]) == ["alfa", "beta", "gamma"]


def test_criteria_assessments_in_criterion_order(tiny):
    frame = ind.criteria_assessments(tiny, ["beta"], 2022)
    assert list(zip(frame["criterion"], frame["level"], frame["level_sort"], frame["comment"])) == [
        ("klimat", "inte", 3, None),
        ("mangfald", "delvis", 2, "Plan finns"),
    ]


def test_linked_test_areas_and_industries(tiny):
    assert list(ind.cluster_test_areas(tiny, "beta")["name_sv"]) == ["Avancerad industri"]
    assert ind.cluster_test_areas(tiny, "alfa").empty
    assert list(ind.cluster_industries(tiny, "gamma")["code"]) == ["62"]


def test_every_cluster_indicator_is_described_for_the_methods_page():
    for func in (ind.phase_scale, ind.phase_history, ind.phase_portfolio, ind.criteria_assessments):
        meta = func.meta
        assert INDICATORS[meta.key] is meta
        assert meta.title_sv and meta.title_en and meta.definition_sv and meta.definition_en and meta.view
    scale_note = INDICATORS["cluster_phase"].extra["scale_source_sv"]
    assert "Reglab" in scale_note and "inte gått att verifiera" in scale_note
    assert "could not be verified" in INDICATORS["cluster_phase"].extra["scale_source_en"]
