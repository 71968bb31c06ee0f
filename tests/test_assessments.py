"""Qualitative assessments and value chains: checked writes, stale-edit refusal, audit, CSV import, indicators."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from data import schema as s
from data.assessments import SUBJECT_LEVELS, VALUE_CHAIN_LABELS, RecordRefused
from data.assessments_write import (
    delete_assessment,
    delete_value_chain,
    save_assessment,
    save_value_chain,
)
from data.example_assessments import insert_examples
from data.followup_write import EditRefused, StaleEdit
from data.importing.assessments import ASSESSMENT_COLUMNS, VALUE_CHAIN_COLUMNS
from data.store import engine_for
from indicators.levels import LEVELS
from indicators.qualitative import latest_verdicts, position_word, qualitative_assessments, value_chains, verdict_word
from tests.import_helpers import empty_store, run_cli, snapshot

TODAY = date(2026, 11, 1)
STEEL = dict(
    region="Dalarna",
    level="avdelning",
    industry="24",
    conclusion_sv="Stål- och metallframställningen är en styrka.",
    verdict="bekräftar",
    documents="12",
    interviews="8",
    evidence_sv="Regionala strategier och intervjuer med tolv företag.",
    evidence_from="2016-10-01",
    evidence_to="2017-02-01",
    assessed_on="2017-03-01",
    assessed_by="Anna Klerby",
)
CHAIN = dict(
    test_area="Bioekonomi",
    chain_sv="Förpackningar av kartong",
    regions_abroad="Finland: Södra Karelen;\nTyskland: Bayern",
    position="mitt",
    interviews="4",
    assessed_on="2017-05-05",
    assessed_by="Lili André",
)


@pytest.fixture()
def store(tmp_path):
    """Return an engine on a fresh store with the plan and no example data."""
    return engine_for(empty_store(tmp_path))


def count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def audit(engine, entity: str) -> list[tuple]:
    a = s.audit_log
    q = select(a.c.username, a.c.record, a.c.field, a.c.old_value, a.c.new_value).where(a.c.entity == entity)
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(q.order_by(a.c.id))]


def assessments(engine, **filters):
    with engine.connect() as conn:
        return qualitative_assessments(conn, **filters)


def test_a_new_assessment_is_stored_audited_and_read_back_with_names(store):
    saved = save_assessment(store, None, version=None, values=STEEL, username="anna", today=TODAY)
    row = assessments(store).iloc[0]
    assert (row["id"], row["subject"], row["region"], row["level"], row["industry"]) == (
        saved.id,
        "styrkeomrade",
        "20",
        "division",
        "24",
    )
    assert row["industry_name_sv"] == "Stål- och metallframställning" and row["region_name_sv"] == "Dalarnas län"
    assert (row["verdict"], row["documents"], row["interviews"], row["version"]) == ("bekraftar", 12, 8, 1)
    assert row["assessed_on"] == date(2017, 3, 1) and row["evidence_en"] is None
    assert not row["is_example"] and row["dataset"] is None
    logged = audit(store, "qualitative_assessment")
    assert ("anna", str(saved.id), "verdict", None, "bekraftar") in logged
    assert len(logged) == len(saved.changes) == 12  # one row per field given


def test_an_edit_changes_only_what_changed_and_a_stale_one_is_refused(store):
    saved = save_assessment(store, None, version=None, values=STEEL, username="anna", today=TODAY)
    edited = save_assessment(
        store, saved.id, version=1, values=STEEL | {"verdict": "försvagar"}, username="anna", today=TODAY
    )
    assert [(c.field, c.old, c.new) for c in edited.changes] == [("verdict", "bekraftar", "forsvagar")]
    before = assessments(store)
    with pytest.raises(StaleEdit) as refused:  # a second manager's form still holds version 1
        save_assessment(store, saved.id, version=1, values=STEEL | {"documents": "2"}, username="bo", today=TODAY)
    assert "ändrats av någon annan" in refused.value.message("sv")
    assert assessments(store).equals(before)
    assert "bo" not in {r[0] for r in audit(store, "qualitative_assessment")}
    same = save_assessment(
        store, saved.id, version=2, values=STEEL | {"verdict": "forsvagar"}, username="anna", today=TODAY
    )
    assert same.changes == [] and assessments(store).iloc[0]["version"] == 2  # nothing to save, nothing written


@pytest.mark.parametrize(
    "change,field,words",
    [
        ({"conclusion_sv": "  "}, "conclusion_sv", "Slutsats: fältet är tomt"),
        ({"verdict": "kanske"}, "verdict", "välj bekräftar, försvagar, tillför"),
        ({"documents": "", "interviews": "0"}, "documents", "minst ett av dem"),  # no evidence at all
        ({"documents": "tolv"}, "documents", "inget heltal"),
        ({"assessed_on": "2027-01-01"}, "assessed_on", "ligger i framtiden"),
        ({"assessed_on": "1/3 2017"}, "assessed_on", "är inget datum"),
        ({"evidence_to": "2016-01-01"}, "evidence_to", "slutdatumet ligger före startdatumet"),
        ({"evidence_from": None, "evidence_to": "2017-04-01"}, "evidence_to", "efter bedömningsdagen"),
        ({"region": "Norrbotten"}, "region", "okänd region"),
        ({"level": "kommun"}, "level", "okänd nivå"),
        ({"industry": "C"}, "industry", "ingen bransch på nivån division"),  # a section is no division
        ({"test_area": "Bioekonomi"}, "test_area", "antingen ett testområde eller en bransch"),
        ({"assessed_by": "x" * 201}, "assessed_by", "för lång"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(store, change, field, words):
    with pytest.raises(RecordRefused) as refused:
        save_assessment(store, None, version=None, values=STEEL | change, username="anna", today=TODAY)
    problems = {p.field: p for p in refused.value.problems}
    assert field in problems and words in problems[field].sv
    assert problems[field].en and problems[field].en != problems[field].sv
    assert count(store, s.qualitative_assessment) == 0 and count(store, s.audit_log) == 0


def test_a_test_area_gives_its_region_and_a_wrong_region_is_refused(store):
    area = {k: v for k, v in STEEL.items() if k not in ("region", "level", "industry")} | {"test_area": "Bioekonomi"}
    saved = save_assessment(store, None, version=None, values=area, username="anna", today=TODAY)
    row = assessments(store, test_area=None).set_index("id").loc[saved.id]
    assert (row["subject"], row["region"], row["test_area_name_sv"]) == ("testomrade", "21", "Bioekonomi")
    with pytest.raises(RecordRefused) as refused:
        save_assessment(store, None, version=None, values=area | {"region": "17"}, username="anna", today=TODAY)
    assert "hör till region 21, inte 17" in refused.value.message("sv")


def test_example_records_cannot_be_edited_only_deleted(store):
    with store.begin() as conn:
        assert insert_examples(conn, today=TODAY) == 6
    frame = assessments(store)
    assert frame["is_example"].all() and set(frame["dataset"]) == {"ex_kvalitativ"}
    ident = int(frame.iloc[0]["id"])
    with pytest.raises(EditRefused) as refused:
        save_assessment(store, ident, version=1, values=STEEL, username="anna", today=TODAY)
    assert "exempeldata och kan inte ändras" in refused.value.message("sv")
    with pytest.raises(StaleEdit):
        delete_assessment(store, ident, version=7, username="anna")
    removed = delete_assessment(store, ident, version=1, username="anna")
    assert ident not in set(assessments(store)["id"])
    assert {(r[2], r[4]) for r in audit(store, "qualitative_assessment")} == {(c.field, None) for c in removed}
    assert ("is_example", "true", None) in {(c.field, c.old, c.new) for c in removed}


def test_value_chains_are_saved_split_by_region_and_deleted(store):
    saved = save_value_chain(store, None, version=None, values=CHAIN, username="lili", today=TODAY)
    with store.connect() as conn:
        row = value_chains(conn, region="21").iloc[0]
    assert row["regions_abroad"] == ("Finland: Södra Karelen", "Tyskland: Bayern")
    assert position_word(row["position"], "sv").startswith("mitt i kedjan")
    assert position_word(row["position"], "en").startswith("midstream")
    with pytest.raises(RecordRefused) as refused:
        save_value_chain(store, saved.id, version=1, values=CHAIN | {"position": "överallt"}, username="lili")
    assert "Position i kedjan" in refused.value.message("sv")
    delete_value_chain(store, saved.id, version=1, username="lili")
    assert count(store, s.value_chain) == 0


def test_latest_verdict_per_industry_prefers_real_records_to_example_ones(store):
    with store.begin() as conn:
        insert_examples(conn, today=TODAY)  # an example "bekraftar" for Dalarna division 24, 2017-02-15
    older_real = STEEL | {"verdict": "forsvagar", "assessed_on": "2017-03-01"}
    save_assessment(store, None, version=None, values=older_real, username="anna", today=TODAY)
    with store.connect() as conn:
        latest = latest_verdicts(conn, "20", "division").set_index("industry")
    assert latest.loc["24", ["verdict", "is_example", "assessments"]].tolist() == ["forsvagar", False, 1]
    assert verdict_word("forsvagar", "en") == "weakens"


def test_the_default_store_has_no_qualitative_records(real_store_url, conn):
    # Nobody has published the project's qualitative judgements: the default store holds none ...
    with engine_for(real_store_url).connect() as real:
        assert qualitative_assessments(real).empty and value_chains(real).empty
        assert list(latest_verdicts(real, "20", "division").columns)[:3] == ["industry", "id", "verdict"]
    # ... and the example store's invented ones are all marked as examples.
    examples = qualitative_assessments(conn)
    assert not examples.empty and examples["is_example"].all() and set(examples["dataset"]) == {"ex_kvalitativ"}


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """region;niva;bransch;testomrade;slutsats;omdome;dokument;intervjuer;bedomd_den;bedomd_av
Dalarna;avdelning;24;;Stål är en styrka.;bekräftar;12;8;2017-03-01;Anna
20;sektor;besok;;Besöksnäringen tillför.;tillför;;5;2017-03-02;Anna
;;;Bioekonomi;Svagare än väntat.;försvagar;3;;2017-03-03;Anna
"""


def test_an_assessment_file_is_recognised_imported_and_replaced_on_reimport(tmp_path):
    url = empty_store(tmp_path)
    path = write(tmp_path / "bedomningar.csv", GOOD)
    code, out, err = run_cli("import", "--db", url, path)
    assert code == 0, err
    assert "3 kvalitativa bedömningar i datasetet bedomningar" in out
    engine = engine_for(url)
    frame = assessments(engine)
    assert sorted(frame["verdict"]) == ["bekraftar", "forsvagar", "tillfor"] and not frame["is_example"].any()
    code, out, _err = run_cli("import", "--db", url, path)
    assert code == 0 and "3 tidigare poster från samma dataset ersatta" in out
    assert count(engine, s.qualitative_assessment) == 3
    assert {r[0] for r in audit(engine, "qualitative_assessment")} == {"import (bedomningar.csv)"}


def test_a_bad_file_names_file_line_and_column_and_changes_nothing(tmp_path):
    url = empty_store(tmp_path)
    bad = write(
        tmp_path / "daliga.csv",
        GOOD + "Dalarna;avdelning;99x;;Stål.;kanske;;;2017-13-01;Anna\n;;;Finns inte;;bekräftar;1;;2017-03-03;\n",
    )
    before = snapshot(url)
    code, _out, err = run_cli("import", "--db", url, bad)
    assert code == 1 and "databasen är oförändrad" in err
    for where in (
        "daliga.csv, rad 5, kolumn bransch: ”99x” är ingen bransch på nivån division",
        "daliga.csv, rad 5, kolumn omdome: okänt värde ”kanske”",
        "daliga.csv, rad 5, kolumn bedomd_den: ”2017-13-01” är inget datum",
        "daliga.csv, rad 5, kolumn dokument:",
        "daliga.csv, rad 6, kolumn testomrade: testområdet ”Finns inte” finns inte",
        "daliga.csv, rad 6, kolumn slutsats: fältet är tomt",
        "daliga.csv, rad 6, kolumn bedomd_av: fältet är tomt",
    ):
        assert where in err, where
    assert snapshot(url) == before  # the good rows of the same file were not written either


def test_a_value_chain_file_is_recognised_by_its_header(tmp_path):
    url = empty_store(tmp_path)
    path = write(
        tmp_path / "vardekedjor.csv",
        "testomrade,vardekedja,regioner_utomlands,position,intervjuer,bedomd_den,bedomd_av\n"
        'Bioekonomi,Förpackningar,"Finland: Södra Karelen; Tyskland: Bayern",mitt,4,2017-05-05,Lili\n',
    )
    code, out, err = run_cli("import", "--db", url, path)
    assert code == 0, err
    assert "1 internationella värdekedjor" in out
    with engine_for(url).connect() as conn:
        assert value_chains(conn).iloc[0]["regions_abroad"] == ("Finland: Södra Karelen", "Tyskland: Bayern")


def test_the_vocabularies_agree_with_the_strength_analysis_and_the_forms():
    assert SUBJECT_LEVELS == LEVELS
    assert set(VALUE_CHAIN_COLUMNS) == set(VALUE_CHAIN_LABELS)
    from data.assessments import ASSESSMENT_LABELS

    assert set(ASSESSMENT_COLUMNS) == set(ASSESSMENT_LABELS)
