"""Saving a manager's edits: transactions, optimistic locking on version, and one audit row per changed field."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from data import schema as s
from data.followup_write import EditRefused, StaleEdit, save_milestone, save_outcome
from data.store import engine_for
from tests.milstolpar_support import copy_store


@pytest.fixture()
def store(store_url, tmp_path):
    """Return an engine on a private copy of the example store."""
    return engine_for(copy_store(store_url, tmp_path))


def milestone_row(engine, milestone_id: int):
    with engine.connect() as conn:
        return conn.execute(select(s.milestone).where(s.milestone.c.id == milestone_id)).mappings().one()


def audit_rows(engine, entity: str):
    a = s.audit_log
    with engine.connect() as conn:
        q = select(a.c.username, a.c.record, a.c.field, a.c.old_value, a.c.new_value).where(a.c.entity == entity)
        return [tuple(r) for r in conn.execute(q.order_by(a.c.id))]


def test_a_saved_milestone_is_changed_versioned_and_audited_per_field(store):
    before = milestone_row(store, 13)  # 2018 K1, example status 'pagar'
    changes = save_milestone(
        store,
        13,
        version=before["version"],
        status="klar",
        completed_on="2018-03-20",
        comment=" Klar i tid ",
        username="anna",
    )
    after = milestone_row(store, 13)
    assert (after["status"], after["completed_on"], after["comment"]) == ("klar", date(2018, 3, 20), "Klar i tid")
    assert after["version"] == before["version"] + 1
    assert after["status_is_example"] is False  # the manager has set it: no longer example data
    assert [c.field for c in changes] == ["status", "completed_on", "comment", "status_is_example"]
    assert audit_rows(store, "milestone") == [
        ("anna", "13", "status", "pagar", "klar"),
        ("anna", "13", "completed_on", None, "2018-03-20"),
        ("anna", "13", "comment", None, "Klar i tid"),
        ("anna", "13", "status_is_example", "true", "false"),
    ]
    with store.connect() as conn:
        times = conn.execute(select(func.count(func.distinct(s.audit_log.c.at)))).scalar()
    assert times == 1  # one save, one moment


def test_a_stale_version_is_refused_and_nothing_changes(store):
    version = milestone_row(store, 5)["version"]
    save_milestone(store, 5, version=version, status="struken", completed_on=None, comment="Utgår", username="anna")
    untouched = milestone_row(store, 5)
    # A second manager still has the form loaded at the old version.
    with pytest.raises(StaleEdit) as refused:
        save_milestone(store, 5, version=version, status="pagar", completed_on=None, comment="Mitt", username="bo")
    assert "ändrats av någon annan" in refused.value.message("sv")
    assert "changed by someone else" in refused.value.message("en")
    assert milestone_row(store, 5) == untouched
    assert [r[0] for r in audit_rows(store, "milestone")] == ["anna"] * 4  # bo wrote nothing


def test_saving_the_same_values_writes_nothing(store):
    row = milestone_row(store, 1)
    done = row["completed_on"].isoformat()
    changes = save_milestone(
        store, 1, version=row["version"], status="klar", completed_on=done, comment="", username="anna"
    )
    assert changes == []
    assert milestone_row(store, 1)["version"] == row["version"]
    assert audit_rows(store, "milestone") == []


@pytest.mark.parametrize(
    "status,completed_on,message",
    [
        ("klar", None, "Slutdatum saknas"),  # done needs a date
        ("klar", "2099-01-01", "ligger i framtiden"),
        ("klar", "2015-12-31", "före projektstarten"),
        ("klar", "31/12/2017", "är inget datum"),
        ("pagar", "2017-05-01", "bara för status klar"),  # a date belongs to done only
        ("forsenad", None, "Okänd status"),  # derived, never stored
    ],
)
def test_bad_milestone_edits_are_refused_with_a_message_and_change_nothing(store, status, completed_on, message):
    row = milestone_row(store, 9)
    with pytest.raises(EditRefused) as refused:
        save_milestone(
            store, 9, version=row["version"], status=status, completed_on=completed_on, comment="", username="anna"
        )
    assert message in refused.value.message("sv")
    assert milestone_row(store, 9) == row
    assert audit_rows(store, "milestone") == []


def outcome(engine, code: str, year: int, quarter: int):
    io = s.indicator_outcome
    with engine.connect() as conn:
        q = select(io.c.value, io.c.is_example, io.c.version).where(
            io.c.indicator == code, io.c.year == year, io.c.quarter == quarter
        )
        return conn.execute(q).first()


def test_outcomes_are_updated_and_stale_ones_refused(store):
    value, _, version = outcome(store, "motesplatser", 2017, 2)
    assert value == 7
    save_outcome(store, "motesplatser", 2017, 2, version=version, value=8, username="anna")
    assert tuple(outcome(store, "motesplatser", 2017, 2)) == (8.0, False, version + 1)
    with pytest.raises(StaleEdit):
        save_outcome(store, "motesplatser", 2017, 2, version=version, value=9, username="bo")
    assert outcome(store, "motesplatser", 2017, 2).value == 8
    assert audit_rows(store, "indicator_outcome") == [
        ("anna", "motesplatser:2017K2", "value", "7", "8"),
        ("anna", "motesplatser:2017K2", "is_example", "true", "false"),
    ]


def test_a_new_outcome_is_inserted_and_a_concurrent_insert_is_refused(store):
    with store.begin() as conn:
        conn.execute(s.indicator_outcome.delete().where(s.indicator_outcome.c.indicator == "kommunikation"))
    save_outcome(store, "kommunikation", 2016, 2, version=None, value=1, username="anna")
    assert tuple(outcome(store, "kommunikation", 2016, 2)) == (1.0, False, 1)
    with pytest.raises(StaleEdit):  # someone else's form also thought the quarter was empty
        save_outcome(store, "kommunikation", 2016, 2, version=None, value=2, username="bo")
    assert audit_rows(store, "indicator_outcome") == [("anna", "kommunikation:2016K2", "value", None, "1")]


@pytest.mark.parametrize(
    "code,year,quarter,value,message",
    [
        ("motesplatser", 2017, 2, -1, "från 0"),
        ("motesplatser", 2017, 2, "många", "inget tal"),
        ("motesplatser", 2019, 1, 5, "utanför projekttiden"),
        ("finns_inte", 2017, 2, 5, "finns inte"),
    ],
)
def test_bad_outcomes_are_refused(store, code, year, quarter, value, message):
    with pytest.raises(EditRefused) as refused:
        save_outcome(store, code, year, quarter, version=1, value=value, username="anna")
    assert message in refused.value.message("sv")
    assert audit_rows(store, "indicator_outcome") == []
