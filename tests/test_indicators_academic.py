"""Academic specialisation by research subject against hand-computed values."""

from __future__ import annotations

import pandas as pd
import pytest

from data.store import engine_for
from indicators.academic import academic_lq, academic_specialisation, universities_for
from indicators.levels import InvalidArgument
from tests.test_indicators_lq import employees, make_store

PUBLICATIONS = [
    # university, subject, publications in 2022
    ("riket", "203", 1000),
    ("riket", "102", 3000),
    ("riket", "502", 6000),
    ("kau", "203", 20),
    ("kau", "102", 60),
    ("kau", "502", 20),
    ("du", "203", 30),
    ("du", "502", 20),
]


def frame(rows) -> pd.DataFrame:
    return pd.DataFrame([dict(university=u, subject=s, value=float(v), is_example=True) for u, s, v in rows])


def test_a_university_is_compared_with_all_swedish_universities():
    out = academic_lq(frame(PUBLICATIONS), {"kau": ["kau"]}).set_index("subject")
    # Karlstad: 20 of 100 publications in mechanical engineering (203) against 1 000 of 10 000 in Sweden.
    assert out.at["203", "share"] == pytest.approx(0.2)
    assert out.at["203", "lq"] == pytest.approx((20 / 100) / (1000 / 10000))
    assert out.at["502", "lq"] == pytest.approx((20 / 100) / (6000 / 10000))


def test_a_group_pools_its_universities():
    out = academic_lq(frame(PUBLICATIONS), {"SE31": ["kau", "du"]}).set_index("subject")
    assert out.at["203", "publications"] == 50
    assert out.at["203", "lq"] == pytest.approx((50 / 150) / (1000 / 10000))


@pytest.fixture()
def store(tmp_path):
    academic = [("ex", u, s, 2022, "publications", float(v)) for u, s, v in PUBLICATIONS]
    academic += [("ex", "kau", "203", 2021, "publications", 10.0), ("ex", "riket", "203", 2021, "publications", 500.0)]
    url = make_store(tmp_path / "acad.sqlite", employees("ex", "00", 2022, d24=1), academic=academic)
    with engine_for(url).connect() as conn:
        yield conn


def test_publications_are_summed_over_the_window(store):
    out = academic_specialisation(store, groups={"kau": ["kau"]}, year=2022, window=2).set_index("subject")
    assert out.at["203", "publications"] == 30
    assert out.at["203", "lq"] == pytest.approx((30 / 110) / (1500 / 10500))
    assert out.at["203", "years"] == "2021–2022"


def test_subject_areas_sum_their_groups(store):
    out = academic_specialisation(store, groups={"kau": ["kau"]}, year=2022, window=1, subject_level=1)
    out = out.set_index("subject")
    assert set(out.index) == {"1", "2", "5"}  # natural sciences (102), engineering (203), social sciences (502)
    assert out.at["2", "lq"] == pytest.approx((20 / 100) / (1000 / 10000))


@pytest.mark.parametrize(
    "region, expected",
    [("17", ["kau"]), ("2080", ["du"]), ("SE31", ["du", "hig", "kau"]), ("21", ["hig"])],
)
def test_each_region_is_spoken_for_by_its_county_universities(store, region, expected):
    assert universities_for(store, region) == expected


@pytest.mark.parametrize(
    "kwargs, argument",
    [
        (dict(groups={"x": ["lund"]}), "university"),
        (dict(year=1990), "year"),
        (dict(subject_level=2), "subject_level"),
    ],
)
def test_bad_arguments_are_refused_by_name(store, kwargs, argument):
    with pytest.raises(InvalidArgument) as err:
        academic_specialisation(store, **{"year": 2022, **kwargs})
    assert err.value.argument == argument
