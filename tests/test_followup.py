"""Milestone status at an as-of date, share done, and goal attainment, against hand-computed values."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from data.build import build
from data.store import engine_for
from indicators.followup import (
    late_count,
    milestone_status,
    milestones,
    quarter_end,
    quarter_position,
    quarters_between,
    quarters_late,
    share_done,
    status_counts,
    status_known,
    status_text,
    status_word,
)
from indicators.goals import attainment_status, attainment_word, expected_share, goal_attainment

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
        # Before the first quarter ended: the practical start (1 April 2016) is done, milestone 1 (2016 K2,
        # done 20 June 2016) is under way.
        (date(2016, 5, 1), dict(klar=1, pagar=1, planerad=14, forsenad=0, struken=0, total=16, okand=0), []),
        # 1 July 2017: milestone 8 (2017 K2) was done only on 10 Nov 2017, so it is late.
        (date(2017, 7, 1), dict(klar=9, pagar=1, planerad=5, forsenad=1, struken=0, total=16, okand=0), [8]),
        # The project's last day: milestone 13 (2018 K1) is still in progress, so late.
        (date(2018, 7, 31), dict(klar=15, pagar=0, planerad=0, forsenad=1, struken=0, total=16, okand=0), [13]),
        # Long after: nothing changes any more.
        (date(2030, 1, 1), dict(klar=15, pagar=0, planerad=0, forsenad=1, struken=0, total=16, okand=0), [13]),
    ],
)
def test_example_store_milestones_at_several_dates(conn, asof, counts, late):
    frame = milestones(conn, asof, today=TODAY)
    assert status_counts(frame) == counts
    assert frame.loc[frame["status"] == "forsenad", "id"].tolist() == late
    assert frame["status_is_example"].all()  # the default build's statuses are example data
    assert set(frame["stored_status"]) <= {"planerad", "pagar", "klar", "struken"}  # never a stored 'försenad'


@pytest.mark.parametrize(
    "year,quarter,completed_on,late",
    [
        (2017, 2, date(2017, 6, 30), None),  # the quarter's last day: in time
        (2017, 2, date(2017, 7, 1), 1),  # the next quarter's first day: one quarter late
        (2017, 2, date(2017, 11, 10), 2),  # milestone 8: planned K2, done in K4
        (2016, 4, date(2017, 1, 25), 1),  # across the new year
        (2017, 2, date(2016, 12, 1), None),  # done before its quarter: early, not late
        (2017, 2, None, None),  # no date: nothing to say
    ],
)
def test_quarters_late_counts_quarters_from_the_planned_one(year, quarter, completed_on, late):
    assert quarters_late(year, quarter, completed_on) == late


@pytest.mark.parametrize(
    "status,late,lang,text",
    [
        ("klar", 1, "sv", "klar, ett kvartal sent"),
        ("klar", 2, "sv", "klar, två kvartal sent"),
        ("klar", 12, "sv", "klar, 12 kvartal sent"),
        ("klar", 1, "en", "done, one quarter late"),
        ("klar", 2, "en", "done, two quarters late"),
        ("klar", None, "sv", "klar"),  # in time
        ("klar", pd.NA, "en", "done"),  # a gap in the frame's Int64 column
        ("forsenad", None, "sv", "försenad"),
    ],
)
def test_status_text_names_the_lateness(status, late, lang, text):
    assert status_text(status, late, lang) == text


def test_late_completion_shows_only_once_the_milestone_is_done(conn):
    mid = milestones(conn, date(2017, 7, 1), today=TODAY).set_index("id")
    assert pd.isna(mid.loc[8, "quarters_late"])  # not done yet on 1 July 2017: delayed, not "done late"
    later = milestones(conn, date(2018, 1, 1), today=TODAY).set_index("id")
    assert later.loc[8, ["status", "quarters_late"]].tolist() == ["klar", 2]
    assert later.loc[4, "quarters_late"] == 1  # planned 2016 K4, done 25 January 2017
    assert pd.isna(later.loc[9, "quarters_late"])  # done 28 June 2017, in its quarter
    end = milestones(conn, date(2030, 1, 1), today=TODAY)
    late = end.dropna(subset=["quarters_late"]).set_index("id")["quarters_late"].to_dict()
    assert late == {4: 1, 8: 2, 14: 1}  # Avslutsarbete (2018 K2) was done on 20 July 2018
    assert late_count(end) == 3


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
            "okand": [0, 0],
            "total": [2, 2],
            "share_done": [0.5, 0.0],
        }
    )
    result = share_done(frame, ["activity_key"])
    assert_frame_equal(result, expected, check_dtype=False)


def test_a_group_with_an_unknown_status_has_no_share_done():
    """Unknown is neither done nor not done: no share, never "0 of N"."""
    frame = pd.DataFrame({"activity_key": ["1", "1", "2"], "status": ["klar", "okand", "okand"]})
    result = share_done(frame, ["activity_key"]).set_index("activity_key")
    assert result.at["1", "okand"] == 1 and result.at["1", "klar"] == 1
    assert result["share_done"].isna().all()


@pytest.mark.parametrize(
    "asof",
    [date(2016, 5, 1), date(2017, 7, 1), date(2030, 1, 1)],  # before, during and long after the project
)
def test_milestones_without_a_reported_status_are_unknown_never_late(tmp_path_factory, asof):
    url = real_only_store(tmp_path_factory)
    with engine_for(url).connect() as conn:
        frame = milestones(conn, asof, today=TODAY)
    counts = status_counts(frame)
    assert counts["okand"] == 16 and counts["forsenad"] == 0 and counts["klar"] == 0 and counts["planerad"] == 0
    assert not status_known(frame)
    assert status_word("okand", "sv") == "status okänd" and status_word("okand", "en") == "status unknown"


_REAL_ONLY: list[str] = []


def real_only_store(tmp_path_factory) -> str:
    """Return a store built with --real-only (no example record, so no milestone status), built once."""
    if not _REAL_ONLY:
        _REAL_ONLY.append(
            build(f"sqlite:///{tmp_path_factory.mktemp('real_only') / 's3.sqlite'}", example_records=False)
        )
    return _REAL_ONLY[0]


def test_an_indicator_without_outcome_says_none_is_reported():
    assert attainment_status(None, 0.5, period_over=False) == "ingen_matning"
    assert attainment_word("ingen_matning", "sv") == "inget utfall rapporterat"
    assert attainment_word("ingen_matning", "en") == "no outcome reported"


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
