"""The strength rule, the holistic strength areas and the test-area comparison, checked by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from indicators import load_all
from indicators.analysis import StrengthAnalysis, strength_analysis
from indicators.levels import InvalidArgument
from indicators.strength import STRENGTH_CLASSIFICATION, Thresholds, classify, rule_lines, strength_counts
from indicators.test_areas import compare_test_areas, new_candidates

NAN = float("nan")


@pytest.fixture()
def conn(backend_conn):
    """Run this module's store tests on SQLite and on PostgreSQL (tests/conftest.py)."""
    return backend_conn


def industries() -> pd.DataFrame:
    """Eight industries of one region of 10 000 employees, with every input of the rule."""
    rows = [
        # industry, lq, employees, regional component, new-firm LQ and count, patent LQ and count, academic LQ
        ("a", 3.0, 2000, 10, 1.2, 10, NAN, 0, 1.5),
        ("b", 2.5, 50, -1, 0.5, 9, NAN, 0, NAN),
        ("c", 1.5, 800, 5, 1.5, 3, NAN, 0, NAN),  # renewal on 3 new firms does not count
        ("d", 1.2, 500, 1, 0.2, 8, 2.0, 6, 0.8),
        ("e", 0.9, 3000, -5, 1.1, 50, NAN, 0, 2.0),
        ("f", 0.5, 100, -2, NAN, 0, NAN, 0, NAN),
        ("g", 0.8, 400, -3, NAN, 0, NAN, 0, NAN),
        ("h", NAN, 10, 0, NAN, 0, NAN, 0, NAN),  # nobody in the reference: no quotient
    ]
    cols = ["industry", "lq", "value", "regional_component", "lq_new_firms", "count_new_firms"]
    cols += ["lq_patent_applications", "count_patent_applications", "academic_lq"]
    frame = pd.DataFrame(rows, columns=cols).assign(region="20", region_total=10000.0)
    return frame.assign(lq_trademark_applications=NAN, count_trademark_applications=0)


def test_the_rule_classifies_as_computed_by_hand():
    out = classify(industries()).set_index("industry")
    # Top quarter of 7 quotients = 2 industries (a, b); the smallest quarter of 8 = 2 (h, b).
    assert list(out.index[out["top_quartile"]]) == ["a", "b"]
    assert list(out.index[~out["above_bottom"]]) == ["b", "h"]
    assert list(out.index[out["strong"]]) == ["a"]
    assert out["stars"].to_dict() == {"a": 3, "b": 1, "c": 1, "d": 1, "e": 2, "f": 0, "g": 1, "h": 0}
    assert out["category"].to_dict() == {
        "a": "helhetlig",  # strong, academic base, dynamic and renewing
        "b": "ovrig",  # specialised but among the smallest
        "c": "ovrig",  # growing, but renewal rests on too few new firms
        "d": "framvaxande",  # LQ at least 1, growing faster than the reference, many patents
        "e": "ovrig",
        "f": "ovrig",
        "g": "ovrig",
        "h": "ovrig",
    }


def test_the_thresholds_change_the_result():
    wider = classify(industries(), Thresholds(top=50)).set_index("industry")
    assert list(wider.index[wider["strong"]]) == ["a", "c", "d"]
    stricter = classify(industries(), Thresholds(lq_min=3.5))
    assert not stricter["strong"].any()


@pytest.mark.parametrize(
    "setting, value",
    [("lq_min", -1.0), ("top", 150.0), ("star_focus", math.nan), ("support_lq", math.inf)],
)
def test_thresholds_that_make_no_sense_are_refused_by_name(setting, value):
    with pytest.raises(InvalidArgument) as err:
        Thresholds(**{setting: value}).checked()
    assert err.value.argument == setting


def test_the_rule_text_carries_the_thresholds_in_force():
    text = " ".join(rule_lines(Thresholds(lq_min=1.25, star_size=500), "sv"))
    assert "minst 1,25" in text
    assert "minst 500 personer" in text
    assert "Helhetligt styrkeområde" in text
    extra = STRENGTH_CLASSIFICATION.extra
    assert extra["rule_sv"] and extra["rule_en"] and extra["defaults"]["lq_min"] == 1.0


def test_every_strength_indicator_documents_itself():
    mine = [m for m in load_all().values() if m.view == "styrkeomraden"]
    assert {m.key for m in mine} >= {
        "location_quotient",
        "higher_education",
        "size_change",
        "shift_share",
        "innovation",
        "academic_specialisation",
        "strength_classification",
        "test_area_comparison",
    }
    for meta in mine:
        for text in (meta.title_sv, meta.title_en, meta.unit_sv, meta.definition_sv, meta.definition_en, meta.formula):
            assert text.strip(), meta.key


def analysis(table: pd.DataFrame, academic: pd.DataFrame) -> StrengthAnalysis:
    return StrengthAnalysis(table, academic, 2023, 2018, "section", "00", 0.05)


def test_test_areas_are_confirmed_partly_or_not_and_new_candidates_found():
    table = pd.DataFrame(
        {
            "region": "20",
            "industry": ["C", "F", "I", "J"],
            "name_sv": ["Tillverkning", "Bygg", "Hotell", "IT"],
            "name_en": ["Manufacturing", "Construction", "Hotels", "ICT"],
            "category": ["styrka", "ovrig", "helhetlig", "styrka"],
            "lq": [1.4, 0.9, 1.3, 1.1],
            "is_example": True,
        }
    )
    academic = pd.DataFrame(
        {"region": "20", "subject": ["203", "201", "502"], "lq": [1.5, 0.5, 2.0], "publications": [30, 40, 3]}
    ).assign(is_example=True)
    areas = pd.DataFrame(
        {"test_area": [1, 2, 3], "region": "20", "name_sv": ["Industri", "Bygg", "Upplevelser"], "sort": [0, 1, 2]}
    ).assign(name_en=["Industry", "Building", "Experiences"])
    area_ind = pd.DataFrame({"test_area": [1, 2, 3], "industry": ["C", "F", "I"]})
    area_subj = pd.DataFrame({"test_area": [1, 2, 3], "subject": ["203", "201", "502"]})
    matrix = compare_test_areas(analysis(table, academic), areas, area_ind, area_subj).set_index("name_sv")
    assert matrix["assessment"].to_dict() == {
        "Industri": "bekraftas",  # a strong industry and a strong subject
        "Bygg": "bekraftas_inte",  # neither
        "Upplevelser": "delvis",  # a strong industry, but three publications are too few to count
    }
    found = new_candidates(analysis(table, academic), areas, area_ind)
    assert found["industry"].tolist() == ["J"]


def test_the_example_store_finds_steel_in_dalarna_and_the_settings_matter(conn):
    default = strength_analysis(conn, regions=["20"], year=2023).table.set_index("industry")
    assert default.at["24", "category"] in ("helhetlig", "styrka")
    assert default.at["24", "stars"] >= 2
    assert default["is_example"].all()
    strict = strength_analysis(conn, regions=["20"], year=2023, thresholds=Thresholds(lq_min=10)).table
    assert not strict["strong"].any()


def test_the_analysis_refuses_a_region_that_is_its_own_reference(conn):
    with pytest.raises(InvalidArgument) as err:
        strength_analysis(conn, regions=["SE31"], reference="SE31")
    assert err.value.argument == "region"


def a10_rows() -> pd.DataFrame:
    """SE31's A*10 in 2017 (Eurostat, thousands): C lies inside B-E."""
    rows = [  # industry, lq, employees (persons), overlapping
        ("A", 1.79, 14000, False),
        ("B-E", 1.25, 59000, False),
        ("C", 1.28, 54000, True),
        ("F", 1.14, 32000, False),
        ("G-I", 0.90, 70000, False),
        ("J", 0.34, 5000, False),
        ("K", 0.29, 2000, False),
        ("L", 0.95, 6000, False),
        ("M-N", 0.63, 30000, False),
        ("O-Q", 1.14, 141000, False),
        ("R-U", 1.00, 18000, False),
    ]
    frame = pd.DataFrame(rows, columns=["industry", "lq", "value", "overlapping"]).assign(
        region="SE31", region_total=382000.0, regional_component=NAN, academic_lq=NAN
    )
    for key in ("new_firms", "patent_applications", "trademark_applications"):
        frame[f"lq_{key}"], frame[f"count_{key}"] = NAN, NAN
    return frame


def test_a_nested_aggregate_takes_no_place_in_the_quartiles_and_is_not_counted_twice():
    out = classify(a10_rows()).set_index("industry")
    # The top quarter of the 10 non-overlapping quotients is 3 (A 1.79, B-E 1.25, O-Q/F 1.14): C is measured
    # against that cut-off (1.14) without taking a place in it.
    assert list(out.index[out["top_quartile"] & ~out["overlapping"]]) == ["A", "B-E", "F", "O-Q"]
    assert out.at["C", "top_quartile"] and out.at["C", "nested_in"] == "B-E"
    assert out.at["C", "category"] == out.at["B-E", "category"] == "styrka"
    assert not out.at["C", "counted"] and out.at["B-E", "counted"]  # the same people are counted once
    counts = strength_counts(out.reset_index()).set_index("category")["count"].to_dict()
    assert counts["styrka"] == len(out[(out["category"] == "styrka") & out["counted"]])
    assert counts["styrka"] == int((out.loc[~out["overlapping"], "category"] == "styrka").sum())


def test_a_nested_row_counts_when_its_aggregate_is_in_another_class():
    frame = a10_rows()
    frame.loc[frame["industry"] == "B-E", "lq"] = 0.9  # industry as a whole is not specialised, manufacturing is
    out = classify(frame).set_index("industry")
    assert out.at["C", "category"] == "styrka" and out.at["B-E", "category"] == "ovrig"
    assert out.at["C", "counted"]
