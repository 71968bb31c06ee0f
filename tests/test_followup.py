"""Milestone status at an as-of date, share done, and goal attainment, against hand-computed values."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from indicators.followup import (
    milestone_status,
    milestones,
    quarter_end,
    quarter_position,
    quarters_between,
    share_done,
    status_counts,
)
from indicators.goals import attainment_status, expected_share, goal_attainment

TODAY = date(2026, 11, 1)


@pytest.fixture()
def conn(backend_conn):
    """Run this module's store tests on SQLite and on PostgreSQL (tests/conftest.py)."""
    return backend_conn


@pytest.mark.parametrize(
    "stored,year,quarter,completed_on,asof,expected",
    [
        ("planerad", 2017, 2, None, date(2017, 6, 30), "planerad"),  # last day of its quarter: not late yet
        ("planerad", 2017, 2, None, date(2017, 7, 1), "forsenad"),  # the day after the quarter: late
        ("pagar", 2017, 2, None, date(2017, 5, 1), "pagar"),  # within its quarter
        ("pagar", 2017, 2, None, date(2016, 5, 1), "planerad"),  # looking back before its quarter began
        ("pagar", 2027, 2, None, TODAY, "pagar"),  # today: the manager's word stands even before the quarter
        ("pagar", 2017, 2, None, date(2018, 1, 1), "forsenad"),  # quarter over, still not done
        ("klar", 2017, 2, date(2017, 6, 28), date(2017, 7, 1), "klar"),  # done in time
        ("klar", 2017, 2, date(2017, 11, 10), date(2017, 7, 1), "forsenad"),  # done later than the as-of date
        ("klar", 2017, 2, date(2017, 11, 10), date(2017, 11, 10), "klar"),  # done on the as-of date itself
        ("klar", 2017, 2, date(2017, 6, 28), date(2017, 5, 1), "pagar"),  # quarter begun, done later
        ("klar", 2017, 2, date(2017, 6, 28), date(2016, 12, 31), "planerad"),  # before its quarter
        ("klar", 2017, 2, None, date(2016, 1, 1), "klar"),  # done without a date: done at any date
        ("struken", 2016, 2, None, date(2026, 1, 1), "struken"),  # cancelled is never late
    ],
)
def test_milestone_status_at_an_as_of_date(stored, year, quarter, completed_on, asof, expected):
    assert milestone_status(stored, year, quarter, completed_on, asof, today=TODAY) == expected


@pytest.mark.parametrize(
    "asof,counts,late",
    [
        # Before the first quarter ended: only milestone 1 (2016 K2, done 20 June 2016) is under way.
        (date(2016, 5, 1), dict(klar=0, pagar=1, planerad=13, forsenad=0, struken=0, total=14), []),
        # 1 July 2017: milestone 8 (2017 K2) was done only on 10 Nov 2017, so it is late.
        (date(2017, 7, 1), dict(klar=8, pagar=1, planerad=4, forsenad=1, struken=0, total=14), [8]),
        # The project's last day: milestone 13 (2018 K1) is still in progress, so late.
        (date(2018, 7, 31), dict(klar=13, pagar=0, planerad=0, forsenad=1, struken=0, total=14), [13]),
        # Long after: nothing changes any more.
        (date(2030, 1, 1), dict(klar=13, pagar=0, planerad=0, forsenad=1, struken=0, total=14), [13]),
    ],
)
def test_example_store_milestones_at_several_dates(conn, asof, counts, late):
    frame = milestones(conn, asof, today=TODAY)
    assert status_counts(frame) == counts
    assert frame.loc[frame["status"] == "forsenad", "id"].tolist() == late
    assert frame["status_is_example"].all()  # the default build's statuses are example data
    assert set(frame["stored_status"]) <= {"planerad", "pagar", "klar", "struken"}  # never a stored 'försenad'


def test_share_done_per_group_leaves_cancelled_out_of_the_denominator():
    frame = pd.DataFrame(
        {
            "activity_key": ["1", "1", "1", "2", "2"],
            "status": ["klar", "forsenad", "struken", "planerad", "pagar"],
        }
    )
    expected = pd.DataFrame(
        {
            "activity_key": ["1", "2"],
            "klar": [1, 0],
            "pagar": [0, 1],
            "planerad": [0, 1],
            "forsenad": [1, 0],
            "struken": [1, 0],
            "total": [2, 2],
            "share_done": [0.5, 0.0],
        }
    )
    result = share_done(frame, ["activity_key"])
    assert_frame_equal(result, expected, check_dtype=False)


def test_share_done_per_quarter_in_the_store(conn):
    frame = share_done(milestones(conn, date(2017, 7, 1), today=TODAY), ["year", "quarter"])
    k2 = frame[(frame["year"] == 2017) & (frame["quarter"] == 2)].iloc[0]
    assert (k2["klar"], k2["forsenad"], k2["total"]) == (2, 1, 3)
    assert k2["share_done"] == pytest.approx(2 / 3)
    assert frame[frame["year"] == 2016]["share_done"].tolist() == [1.0, 1.0, 1.0]


@pytest.mark.parametrize(
    "attainment,expected,period_over,status",
    [
        (None, 0.5, False, "ingen_matning"),  # nothing measured yet
        (1.0, 0.5, False, "uppnatt"),  # target met, whenever
        (1.2, 1.0, True, "uppnatt"),
        (0.6, 0.5, False, "i_fas"),  # ahead of an even pace
        (0.4, 0.5, False, "efter_plan"),  # behind an even pace
        (0.97, 1.0, True, "ej_uppnatt"),  # the project is over and the target was missed
    ],
)
def test_attainment_status_in_words(attainment, expected, period_over, status):
    assert attainment_status(attainment, expected, period_over=period_over) == status


def test_goal_attainment_in_mid_2017(conn):
    frame = goal_attainment(conn, date(2017, 7, 1)).set_index("code")
    expected_share_ = (date(2017, 7, 1) - date(2016, 4, 1)).days / (date(2018, 7, 31) - date(2016, 4, 1)).days
    # The latest outcome known on 1 July 2017 is the one for 2017 K2 (cumulative).
    assert frame.loc["motesplatser", ["year", "quarter", "value"]].tolist() == [2017, 2, 7.0]
    assert frame.loc["motesplatser", "attainment"] == pytest.approx(7 / 12)
    assert frame.loc["motesplatser", "expected"] == pytest.approx(expected_share_)
    assert frame.loc["motesplatser", "status"] == "i_fas"  # 58 % against an expected 54 %
    assert frame.loc["deltagande_foretag", "status"] == "efter_plan"  # 80 / 150 = 53 % < 54 %
    assert frame.loc["analysunderlag", "status"] == "uppnatt"  # 3 of 3
    assert frame["is_example"].all()


def test_goal_attainment_at_the_end_and_before_any_measurement(conn):
    end = goal_attainment(conn, date(2018, 7, 31)).set_index("code")
    # The 2018 K3 outcome counts from the project's last day, before its quarter ends.
    assert end.loc["sme_forskare", ["value", "status"]].tolist() == [24.0, "ej_uppnatt"]
    assert end.loc["motesplatser", ["value", "status"]].tolist() == [13.0, "uppnatt"]
    start = goal_attainment(conn, date(2016, 5, 1))
    assert set(start["status"]) == {"ingen_matning"}
    assert start["value"].isna().all()


def test_quarter_helpers():
    assert quarter_end(2016, 4) == date(2016, 12, 31)
    assert quarter_end(2018, 1) == date(2018, 3, 31)
    quarters = quarters_between(date(2016, 4, 1), date(2018, 7, 31))
    assert quarters[0] == (2016, 2) and quarters[-1] == (2018, 3) and len(quarters) == 10
    assert quarter_position(date(2016, 4, 1), quarters) == 0.0
    assert quarter_position(date(2017, 1, 1), quarters) == 3.0  # first day of 2017 K1
    assert quarter_position(date(2015, 1, 1), quarters) == 0.0  # before: clipped to the start
    assert quarter_position(date(2030, 1, 1), quarters) == 10.0  # after: clipped to the end
    assert expected_share(date(2015, 1, 1), date(2016, 4, 1), date(2018, 7, 31)) == 0.0
