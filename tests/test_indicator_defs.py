"""Indicators the manager defines: checked writes, stale-edit refusal, audit, CSV import, attainment per group."""

from __future__ import annotations

import math
from datetime import date

import pytest
from sqlalchemy import func, insert, select

from data import schema as s
from data.assessments import RecordRefused
from data.followup_write import EditRefused, StaleEdit, save_outcome
from data.indicator_write import code_from_name, delete_indicator, save_indicator
from data.store import engine_for
from indicators.goals import activity_indicators, attainment_word, goal_attainment, goal_attainment_by
from tests.import_helpers import empty_store, run_cli, snapshot
from tests.milstolpar_support import copy_store

MEETINGS = dict(
    code="klustertraffar",
    activity="1",
    subgoal="1",
    name_sv="Träffar för klusterledare",
    name_en="Meetings for cluster leaders",
    unit_sv="träffar",
    unit_en="meetings",
    target="12",
    method_sv="Räknas ur deltagarlistor.",
)


@pytest.fixture()
def store(tmp_path):
    return engine_for(empty_store(tmp_path))


def definitions(engine):
    with engine.connect() as conn:
        return activity_indicators(conn).set_index("code")


def audit(engine, entity: str) -> list[tuple]:
    a = s.audit_log
    q = select(a.c.username, a.c.record, a.c.field, a.c.old_value, a.c.new_value).where(a.c.entity == entity)
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(q.order_by(a.c.id))]


def test_a_new_indicator_is_stored_audited_and_has_no_attainment_until_reported(store):
    saved = save_indicator(store, None, version=None, values=MEETINGS, username="david")
    row = definitions(store).loc["klustertraffar"]
    assert (row["activity"], row["subgoal"], row["target"], row["version"]) == (1, 1, 12.0, 1)
    assert row["method_sv"] == "Räknas ur deltagarlistor." and row["method_en"] is None
    assert not row["is_example"]
    assert ("david", "klustertraffar", "target", None, "12") in audit(store, "activity_indicator")
    assert len(saved.changes) == 8
    with store.connect() as conn:
        goal = goal_attainment(conn, date(2017, 7, 1)).set_index("code").loc["klustertraffar"]
    assert goal["status"] == "ingen_matning" and math.isnan(goal["attainment"])  # none reported: never 0 %
    assert attainment_word("ingen_matning", "sv") == "inget utfall rapporterat"


def test_a_code_is_made_from_the_name_and_a_taken_code_is_refused(store):
    saved = save_indicator(store, None, version=None, values=MEETINGS | {"code": ""}, username="david")
    assert saved.code == code_from_name("Träffar för klusterledare") == "traffar_for_klusterledare"
    with pytest.raises(EditRefused) as refused:  # a second manager saved the same new indicator first
        save_indicator(store, None, version=None, values=MEETINGS | {"code": ""}, username="bo")
    assert "finns redan" in refused.value.message("sv") and "already exists" in refused.value.message("en")
    assert len(definitions(store)) == 1


def test_an_edit_is_versioned_and_a_stale_one_refused(store):
    save_indicator(store, None, version=None, values=MEETINGS, username="david")
    changed = save_indicator(store, "klustertraffar", version=1, values=MEETINGS | {"target": "15,5"}, username="david")
    assert [(c.field, c.old, c.new) for c in changed.changes] == [("target", "12", "15.5")]
    with pytest.raises(StaleEdit):
        save_indicator(store, "klustertraffar", version=1, values=MEETINGS | {"target": "20"}, username="bo")
    assert definitions(store).loc["klustertraffar", ["target", "version"]].tolist() == [15.5, 2]


def test_setting_an_example_indicators_target_makes_it_the_managers(store_url, tmp_path):
    engine = engine_for(copy_store(store_url, tmp_path))
    before = definitions(engine).loc["motesplatser"]
    assert before["is_example"]  # today's invented indicators stay, labelled as examples
    values = {k: before[k] for k in ("name_sv", "name_en", "unit_sv", "unit_en")}
    values |= dict(activity=1, subgoal=1, target=before["target"], method_sv="Räknas ur kallelser.")
    save_indicator(engine, "motesplatser", version=1, values=values, username="david")
    assert definitions(engine).loc["motesplatser", "is_example"]  # a method alone does not vouch for the target
    save_indicator(engine, "motesplatser", version=2, values=values | {"target": 14}, username="david")
    assert not definitions(engine).loc["motesplatser", "is_example"]
    assert ("david", "motesplatser", "is_example", "true", "false") in audit(engine, "activity_indicator")


@pytest.mark.parametrize(
    "change,field,words",
    [
        ({"subgoal": ""}, "subgoal", "fältet är tomt"),
        ({"subgoal": "6"}, "subgoal", "finns inte; välj 1, 2, 3, 4, 5"),
        ({"activity": "9"}, "activity", "finns inte"),
        ({"target": "0"}, "target", "inget tal större än 0"),
        ({"target": "-3"}, "target", "inget tal större än 0"),
        ({"target": "tolv"}, "target", "inget tal"),
        ({"name_en": ""}, "name_en", "fältet är tomt"),
        ({"unit_sv": "x" * 61}, "unit_sv", "för lång"),
    ],
)
def test_bad_definitions_name_the_field_and_change_nothing(store, change, field, words):
    with pytest.raises(RecordRefused) as refused:
        save_indicator(store, None, version=None, values=MEETINGS | change, username="david")
    problem = next(p for p in refused.value.problems if p.field == field)
    assert words in problem.sv and problem.en
    assert definitions(store).empty and audit(store, "activity_indicator") == []


def test_deleting_an_indicator_removes_and_audits_its_outcomes(store):
    save_indicator(store, None, version=None, values=MEETINGS, username="david")
    save_outcome(store, "klustertraffar", 2016, 3, version=None, value=2, username="david")
    delete_indicator(store, "klustertraffar", version=1, username="david")
    with store.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.indicator_outcome)).scalar_one() == 0
    assert ("david", "klustertraffar:2016K3", "value", "2", None) in audit(store, "indicator_outcome")
    assert ("david", "klustertraffar", "target", "12", None) in audit(store, "activity_indicator")


def test_attainment_per_activity_and_delmal_never_mixes_example_and_real(store):
    save_indicator(store, None, version=None, values=MEETINGS, username="david")
    second = MEETINGS | {"code": "kurser", "name_sv": "Kurser", "name_en": "Courses", "target": "4"}
    save_indicator(store, None, version=None, values=second, username="david")
    save_outcome(store, "klustertraffar", 2017, 1, version=None, value=18, username="david")  # 150 %: counts 100 %
    with store.begin() as conn:  # an invented indicator for activity 2, with an invented outcome
        example = MEETINGS | dict(code="exempel", activity=2, subgoal=2, target=10.0, is_example=True, version=1)
        conn.execute(insert(s.activity_indicator).values(**{k: v for k, v in example.items()}))
        conn.execute(
            insert(s.indicator_outcome).values(indicator="exempel", year=2017, quarter=1, value=5, is_example=True)
        )
    with store.connect() as conn:
        by_activity = goal_attainment_by(conn, date(2017, 7, 1), "activity").set_index("activity")
        by_subgoal = goal_attainment_by(conn, date(2017, 7, 1), "subgoal")
    one = by_activity.loc[1]
    assert (one["indicators"], one["reported"], one["met"], one["attainment"], one["status"]) == (
        2,
        1,
        1,
        1.0,
        "uppnatt",
    )
    assert not one["is_example"]
    assert by_activity.loc[2, ["is_example", "attainment", "status"]].tolist() == [True, 0.5, "efter_plan"]
    assert by_activity.loc[3, ["indicators", "status"]].tolist() == [0, "inga_indikatorer"]
    assert math.isnan(by_activity.loc[3, "attainment"])  # no indicators: no number, never 0 %
    assert by_subgoal["subgoal"].tolist() == [1, 2, 3, 4, 5]
    with store.connect() as conn:
        before_any = goal_attainment_by(conn, date(2016, 5, 1), "activity").set_index("activity")
    assert before_any.loc[1, ["reported", "status"]].tolist() == [0, "ingen_matning"]


GOOD = """kod;aktivitet;delmal;namn_sv;namn_en;enhet_sv;enhet_en;mal;matmetod_sv
klustertraffar;1;1;Träffar för klusterledare;Meetings for cluster leaders;träffar;meetings;12;Deltagarlistor
kurser;;2;Kurser;Courses;kurser;courses;4,5;
"""


def test_an_indicator_file_adds_and_updates(tmp_path):
    url = empty_store(tmp_path)
    path = tmp_path / "indikatorer.csv"
    path.write_text(GOOD, encoding="utf-8")
    code, out, err = run_cli("import", "--db", url, path)
    assert code == 0, err
    assert "2 aktivitetsindikatorer (2 nya, 0 ändrade, 0 oförändrade)" in out
    path.write_text(GOOD.replace(";4,5;", ";6;"), encoding="utf-8")
    code, out, err = run_cli("import", "--db", url, path)
    assert code == 0 and "(0 nya, 1 ändrade, 1 oförändrade)" in out, err
    frame = definitions(engine_for(url))
    assert frame.loc["kurser", ["target", "version"]].tolist() == [6.0, 2] and frame["activity"].isna()["kurser"]
    assert ("import (indikatorer.csv)", "kurser", "target", "4.5", "6") in audit(engine_for(url), "activity_indicator")


def test_a_bad_indicator_file_names_line_and_column_and_changes_nothing(tmp_path):
    url = empty_store(tmp_path)
    path = tmp_path / "indikatorer.csv"
    path.write_text(GOOD + "Fel Kod;7;;Namn;Name;st;pcs;noll;\nkurser;1;2;Igen;Again;st;pcs;1;\n", encoding="utf-8")
    before = snapshot(url)
    code, _out, err = run_cli("import", "--db", url, path)
    assert code == 1
    for where in (
        "indikatorer.csv, rad 4, kolumn kod: koden ”Fel Kod” ska ha a–z",
        "indikatorer.csv, rad 4, kolumn aktivitet: ”7” finns inte",
        "indikatorer.csv, rad 4, kolumn delmal: fältet är tomt",
        "indikatorer.csv, rad 4, kolumn mal: ”noll” är inget tal",
        "indikatorer.csv, rad 5, kolumn kod: indikatorn kurser finns redan på rad 3",
    ):
        assert where in err, where
    assert snapshot(url) == before
