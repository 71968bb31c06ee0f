"""Size, change, shift-share and new firms / patents / trademarks against hand-computed values."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from data.store import engine_for
from indicators.dynamics import innovation, shift_share, shift_share_frame, size_and_change
from indicators.levels import InvalidArgument
from tests.test_indicators_lq import employees, make_store


def test_shift_share_splits_the_change_as_computed_by_hand():
    # Reference: industry A 1 000 -> 1 200 (+20 %), B 4 000 -> 4 100 (+2.5 %), all 5 000 -> 5 300 (+6 %).
    period = pd.DataFrame(
        {
            "region": ["20", "20"],
            "industry": ["A", "B"],
            "value_start": [100.0, 200.0],
            "value": [120.0, 190.0],
            "reference_start": [1000.0, 4000.0],
            "reference_value": [1200.0, 4100.0],
            "reference_total_start": [5000.0, 5000.0],
            "reference_total": [5300.0, 5300.0],
        }
    )
    out = shift_share_frame(period)[["change", "national_growth", "industry_mix", "regional_component"]]
    expected = pd.DataFrame(
        {
            "change": [20.0, -10.0],
            "national_growth": [6.0, 12.0],  # 100 * 6 %, 200 * 6 %
            "industry_mix": [14.0, -7.0],  # 100 * (20 % - 6 %), 200 * (2.5 % - 6 %)
            "regional_component": [0.0, -15.0],  # A grew as its industry did; B: 200 * (-5 % - 2.5 %)
        }
    )
    assert_frame_equal(out, expected, atol=1e-9)


PERIOD = [
    *employees("ex", "00", 2015, d24=100, d62=400, TOTAL=1000),
    *employees("ex", "00", 2020, d24=90, d62=500, TOTAL=1100),
    *employees("ex", "20", 2015, d24=30, d62=20, TOTAL=120),
    *employees("ex", "20", 2020, d24=33, d62=20, TOTAL=125),
]


@pytest.fixture()
def period_store(tmp_path):
    facts = PERIOD + [
        ("ex", "00", "24", 2020, "new_firms", 10.0),
        ("ex", "00", "62", 2020, "new_firms", 90.0),
        ("ex", "20", "24", 2020, "new_firms", 6.0),
        ("ex", "20", "62", 2020, "new_firms", 4.0),
        ("ex", "00", "24", 2020, "patent_applications", 50.0),
        ("ex", "00", "62", 2020, "patent_applications", 50.0),
        ("ex", "20", "24", 2020, "patent_applications", 8.0),
        ("ex", "20", "62", 2020, "patent_applications", 2.0),
        ("ex", "00", "24", 2020, "trademark_applications", 5.0),
        ("ex", "20", "24", 2020, "trademark_applications", 1.0),
        ("ex", "00", "TOTAL", 2020, "population", 10000.0),
        ("ex", "20", "TOTAL", 2020, "population", 2000.0),
    ]
    url = make_store(tmp_path / "period.sqlite", facts)
    with engine_for(url).connect() as conn:
        yield conn


def test_size_and_change_over_a_period(period_store):
    out = size_and_change(period_store, start=2015, year=2020, regions=["20"]).set_index("industry")
    assert out.at["24", "value_start"] == 30 and out.at["24", "value"] == 33
    assert out.at["24", "change"] == 3
    assert out.at["24", "change_pct"] == pytest.approx(0.10)
    assert out.at["24", "share_of_region"] == pytest.approx(33 / 125)
    assert out.at["24", "reference_change_pct"] == pytest.approx(-0.10)


def test_shift_share_of_the_store_adds_up_to_the_change(period_store):
    out = shift_share(period_store, start=2015, year=2020, regions=["20"]).set_index("industry")
    # Steel: national growth 30 * 10 % = 3, industry mix 30 * (-10 % - 10 %) = -6, regional 3 - 3 + 6 = 6.
    assert out.at["24", "national_growth"] == pytest.approx(3.0)
    assert out.at["24", "industry_mix"] == pytest.approx(-6.0)
    assert out.at["24", "regional_component"] == pytest.approx(6.0)
    parts = out[["national_growth", "industry_mix", "regional_component"]].sum(axis=1)
    assert parts.to_numpy() == pytest.approx(out["change"].to_numpy())


def test_new_firms_patents_and_trademarks_rates_and_quotients(period_store):
    out = innovation(period_store, year=2020, window=1, regions=["20"]).set_index(["measure", "industry"])
    firms = out.loc[("new_firms", "24")]
    assert firms["rate"] == pytest.approx(6 / 33 * 1000)  # per 1 000 employees
    assert firms["reference_rate"] == pytest.approx(10 / 90 * 1000)
    assert firms["lq"] == pytest.approx((6 / 10) / (10 / 100))
    patents = out.loc[("patent_applications", "24")]
    assert patents["rate"] == pytest.approx(8 / 33 * 10000)  # per 10 000 employees
    assert patents["lq"] == pytest.approx((8 / 10) / (50 / 100))
    assert out.loc[("patent_applications", "24"), "years"] == "2020–2020"


def test_patents_per_inhabitant_use_the_population(period_store):
    out = innovation(period_store, year=2020, window=1, regions=["20"], per="inhabitants").set_index(
        ["measure", "industry"]
    )
    assert out.loc[("patent_applications", "24"), "rate"] == pytest.approx(8 / 2000 * 10000)
    assert out.loc[("new_firms", "24"), "rate"] == pytest.approx(6 / 33 * 1000)  # new firms stay per employee


@pytest.mark.parametrize(
    "call, argument",
    [
        (lambda c: size_and_change(c, start=2020, year=2015, regions=["20"]), "start"),  # start after end
        (lambda c: size_and_change(c, start=2010, year=2020, regions=["20"]), "year"),  # no data in 2010
        (lambda c: shift_share(c, start=2015, year=2020, level="bransch"), "level"),
        (lambda c: innovation(c, year=2015, regions=["20"]), "year"),  # no new firms that year
        (lambda c: innovation(c, year=2020, regions=["20"], per="hushåll"), "per"),
    ],
)
def test_bad_periods_and_options_are_refused_by_name(period_store, call, argument):
    with pytest.raises(InvalidArgument) as err:
        call(period_store)
    assert err.value.argument == argument
