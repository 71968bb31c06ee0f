"""Location quotients against hand-computed values, on frames and on small real SQLite stores."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from sqlalchemy import insert

from data import schema as s
from data.build import classification_rows
from data.meta import start_version
from data.store import engine_for
from indicators.levels import InvalidArgument, combine_totals, facts_at_level, prefer
from indicators.lq import higher_education, location_quotients, lq_from_facts, without_reference

EXAMPLE = dict(code="ex", title_sv="ex", title_en="ex", source="Exempel", is_example=True)
REAL = dict(code="real", title_sv="real", title_en="real", source="Eurostat", is_example=False)


def make_store(path, facts, *, academic=(), datasets=(EXAMPLE, REAL)) -> str:
    """Build a store with the real code lists and the given facts: (dataset, region, industry, year, measure, value)."""
    url = f"sqlite:///{path}"
    engine = engine_for(url)
    s.metadata.create_all(engine)
    s.bookkeeping.create_all(engine)
    with engine.begin() as conn:
        start_version(conn)  # the app reads the store's version for its caches
        for table, rows in classification_rows().items():
            conn.execute(insert(table), rows)
        conn.execute(insert(s.dataset), list(datasets))
        cols = ("dataset", "region", "industry", "year", "measure", "value")
        conn.execute(insert(s.fact), [dict(zip(cols, f)) for f in facts])
        cols = ("dataset", "university", "subject", "year", "measure", "value")
        if academic:
            conn.execute(insert(s.academic_output), [dict(zip(cols, a)) for a in academic])
    return url


def employees(dataset, region, year, **values):
    return [(dataset, region, industry.lstrip("d"), year, "employees", float(v)) for industry, v in values.items()]


# Riket 1 000 employees (TOTAL stored); Dalarna 120 (TOTAL stored, more than its divisions); Gävleborg no TOTAL.
SMALL = [
    *employees("ex", "00", 2020, d24=100, d16=200, d02=300, d62=400, d05=0, TOTAL=1000),
    *employees("ex", "20", 2020, d24=30, d16=20, d02=30, d62=20, d05=5, TOTAL=120),
    *employees("ex", "21", 2020, d24=0, d16=10, d02=10, d62=30),
]


@pytest.fixture()
def small(tmp_path):
    url = make_store(tmp_path / "small.sqlite", SMALL)
    with engine_for(url).connect() as conn:
        yield conn


def test_lq_from_facts_matches_the_formula_by_hand():
    facts = pd.DataFrame(
        {
            "region": ["00", "00", "20", "20"],
            "industry": ["24", "62", "24", "62"],
            "year": [2020] * 4,
            "value": [100.0, 400.0, 30.0, 20.0],
            "is_example": [False, False, True, False],
        }
    )
    totals = pd.DataFrame(
        {"region": ["00", "20"], "year": [2020, 2020], "total": [1000.0, 120.0], "total_is_example": [False, False]}
    )
    expected = pd.DataFrame(
        {
            "region": ["20", "20"],
            "industry": ["24", "62"],
            "year": [2020, 2020],
            "value": [30.0, 20.0],
            "region_total": [120.0, 120.0],
            "reference_value": [100.0, 400.0],
            "reference_total": [1000.0, 1000.0],
            "lq": [(30 / 120) / (100 / 1000), (20 / 120) / (400 / 1000)],  # 2.5 and 0.41667
            "is_example": [True, False],
            "uncertain": [False, False],  # no rounding given
        }
    )
    assert_frame_equal(lq_from_facts(facts, totals, "00"), expected, check_dtype=False)
    # Rounded to thousands, 30 and 20 are far under 5 000: rounding alone moves such quotients a lot
    rounded = lq_from_facts(facts.assign(rounding=1000.0), totals, "00")
    assert rounded["uncertain"].tolist() == [True, True]
    assert lq_from_facts(facts.assign(rounding=1.0), totals, "00")["uncertain"].tolist() == [False, False]


def test_division_quotients_use_the_total_row_or_else_the_sum(small):
    out = location_quotients(small, year=2020, level="division", regions=["20", "21"]).set_index(["region", "industry"])
    # Dalarna: TOTAL row 120, not the 105 its divisions add up to.
    assert out.at[("20", "24"), "lq"] == pytest.approx((30 / 120) / (100 / 1000))
    assert out.at[("20", "62"), "lq"] == pytest.approx((20 / 120) / (400 / 1000))
    # Gävleborg: no TOTAL row, so the sum of its divisions (50).
    assert out.at[("21", "62"), "region_total"] == 50
    assert out.at[("21", "62"), "lq"] == pytest.approx((30 / 50) / (400 / 1000))
    assert out.at[("21", "24"), "lq"] == 0
    assert out["is_example"].all()


def test_an_industry_nobody_works_in_in_the_reference_gets_no_quotient(small):
    out = location_quotients(small, year=2020, regions=["20"])
    assert pd.isna(out.loc[out["industry"] == "05", "lq"]).all()
    assert without_reference(out) == ["05"]


def test_a10_sums_divisions_and_leaves_the_overlapping_c_out_of_the_total(small):
    out = location_quotients(small, year=2020, level="a10", regions=["20", "21"]).set_index(["region", "industry"])
    assert out.at[("20", "B-E"), "value"] == 30 + 20 + 5  # mining (05) and manufacturing (16, 24)
    assert out.at[("20", "C"), "value"] == 30 + 20  # "of which manufacturing"
    assert out.at[("20", "C"), "lq"] == pytest.approx((50 / 120) / (300 / 1000))
    # Gävleborg has no TOTAL: B-E + A + J = 10 + 10 + 30, C not counted twice.
    assert out.at[("21", "C"), "region_total"] == 50
    assert out.at[("21", "C"), "lq"] == pytest.approx((10 / 50) / (300 / 1000))


@pytest.mark.parametrize(
    "level, industry, expected",
    [
        ("section", "C", (50 / 120) / (300 / 1000)),  # divisions 16 and 24
        ("section", "A", (30 / 120) / (300 / 1000)),
        ("sector", "stal", (30 / 120) / (100 / 1000)),  # steel: division 24 (07, 25 have no facts)
        ("sector", "skog", (50 / 120) / (500 / 1000)),  # forest: 02 and 16
    ],
)
def test_sections_and_functional_sectors_are_summed_from_divisions(small, level, industry, expected):
    out = location_quotients(small, year=2020, level=level, regions=["20"]).set_index("industry")
    assert out.at[industry, "lq"] == pytest.approx(expected)


def test_real_data_hides_the_example_data_of_its_measure_everywhere(tmp_path):
    """Once a measure has real data, its example data is used nowhere: not for keys the real data lacks."""
    real = [
        ("real", "00", "C", 2020, "employees", 280.0),
        ("real", "20", "C", 2020, "employees", 60.0),
        ("real", "00", "TOTAL", 2020, "employees", 1000.0),
        ("real", "20", "TOTAL", 2020, "employees", 120.0),
    ]
    url = make_store(tmp_path / "mixed.sqlite", SMALL + real)
    with engine_for(url).connect() as conn:
        out = location_quotients(conn, year=2020, level="a10", regions=["20"]).set_index("industry")
        divisions = location_quotients(conn, year=2020, level="division", regions=["20"])
    assert out.at["C", "value"] == 60
    assert out.at["C", "lq"] == pytest.approx((60 / 120) / (280 / 1000))
    assert list(out.index) == ["C"]  # B-E would be summed from example divisions: not done
    assert not out["is_example"].any()
    assert divisions.empty  # the example divisions are not used beside the real data either


# Eurostat nama_10r_3empers, 2017, persons (../shared/data/real): Sweden, Värmland (SE311), Dalarna (SE312).
EUROSTAT_2017 = [
    ("real", "00", "C", 2017, "employees", 561000.0),
    ("real", "00", "B-E", 2017, "employees", 627000.0),
    ("real", "00", "TOTAL", 2017, "employees", 5017000.0),
    ("real", "17", "C", 2017, "employees", 16000.0),
    ("real", "17", "B-E", 2017, "employees", 17000.0),
    ("real", "17", "TOTAL", 2017, "employees", 121000.0),
    ("real", "20", "C", 2017, "employees", 19000.0),
    ("real", "20", "B-E", 2017, "employees", 21000.0),
    ("real", "20", "TOTAL", 2017, "employees", 129000.0),
]


def test_real_eurostat_a10_rows_give_the_quotients_a_calculator_gives(tmp_path):
    url = make_store(tmp_path / "eurostat.sqlite", EUROSTAT_2017, datasets=[REAL])
    with engine_for(url).connect() as conn:
        out = location_quotients(conn, year=2017, level="a10", regions=["17", "20"]).set_index(["region", "industry"])
    assert round(out.at[("17", "C"), "lq"], 2) == 1.18
    assert round(out.at[("20", "C"), "lq"], 2) == 1.32
    assert not out["is_example"].any()


@pytest.mark.parametrize(
    "kwargs, argument",
    [
        (dict(regions=["99"]), "region"),  # unknown region
        (dict(level="kommun"), "level"),  # unknown industry level
        (dict(year=1999), "year"),  # no data that year
        (dict(reference="17"), "reference"),  # only riket or Norra Mellansverige
        (dict(regions=["00"]), "region"),  # a region cannot be its own reference
    ],
)
def test_bad_arguments_are_refused_by_name(small, kwargs, argument):
    with pytest.raises(InvalidArgument) as err:
        location_quotients(small, **{"year": 2020, **kwargs})
    assert err.value.argument == argument
    assert err.value.message("sv") and err.value.message("en")


def test_combined_totals_prefer_the_stored_total():
    facts = pd.DataFrame(
        {"region": ["20", "20", "21"], "industry": ["B-E", "C", "B-E"], "year": [2020] * 3, "value": [5.0, 4.0, 7.0]}
    ).assign(is_example=True)
    stored = pd.DataFrame({"region": ["20"], "industry": ["TOTAL"], "year": [2020], "value": [9.0]}).assign(
        is_example=False
    )
    out = combine_totals(stored, facts, {"C"}).set_index("region")
    assert out.at["20", "total"] == 9 and not out.at["20", "total_is_example"]
    assert out.at["21", "total"] == 7 and out.at["21", "total_is_example"]


def test_prefer_keeps_one_value_per_key_real_then_stored():
    key = dict(region="20", industry="C", year=2020)
    direct = pd.DataFrame([{**key, "value": 1.0, "is_example": True}])
    summed = pd.DataFrame([{**key, "value": 2.0, "is_example": False}])
    assert prefer(direct, summed)["value"].tolist() == [2.0]  # real beats example
    assert prefer(direct, summed.assign(is_example=True))["value"].tolist() == [1.0]  # then stored beats summed


def test_the_example_store_gives_dalarna_its_steel(conn):
    out = location_quotients(conn, year=2023, regions=["20"]).set_index("industry")
    facts = facts_at_level(conn, "employees", "division", years=[2023], regions=["20", "00"])
    by = facts.set_index(["region", "industry"])["value"]
    assert out.at["24", "value"] == by[("20", "24")]
    assert out.at["24", "lq"] > 4  # the example data makes steel far more common in Dalarna than in Sweden
    assert out["is_example"].all()


def test_higher_education_share_and_quotient(tmp_path):
    facts = SMALL + [
        ("ex", "00", "24", 2020, "employees_higher_ed", 20.0),
        ("ex", "00", "62", 2020, "employees_higher_ed", 300.0),
        ("ex", "00", "TOTAL", 2020, "employees_higher_ed", 320.0),
        ("ex", "20", "24", 2020, "employees_higher_ed", 3.0),
        ("ex", "20", "62", 2020, "employees_higher_ed", 12.0),
        ("ex", "20", "TOTAL", 2020, "employees_higher_ed", 15.0),
    ]
    url = make_store(tmp_path / "he.sqlite", facts)
    with engine_for(url).connect() as conn:
        out = higher_education(conn, year=2020, regions=["20"]).set_index("industry")
    assert out.at["24", "share"] == pytest.approx(3 / 30)
    assert out.at["24", "reference_share"] == pytest.approx(20 / 100)
    assert out.at["24", "lq"] == pytest.approx((3 / 15) / (20 / 320))
