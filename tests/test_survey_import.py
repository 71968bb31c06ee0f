"""Import of survey responses: hand-written CSVs in Windows-1252 and UTF-8, and refusals that write nothing."""

from __future__ import annotations

import hashlib
import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from data import schema as s
from data.__main__ import main as data_command
from data.importing import survey
from data.importing.base import ImportFailed
from data.store import engine_for
from indicators.survey import answer_shares

FIXTURES = Path(__file__).parent / "fixtures" / "survey"
CP1252 = FIXTURES / "svar_2019_cp1252_semikolon.csv"
UTF8 = FIXTURES / "svar_2017_utf8_komma.csv"
BAD_ANSWER = FIXTURES / "svar_fel_svarstext.csv"
MIXED = FIXTURES / "svar_fel_blandat.csv"
SURVEY_TABLES = [s.dataset, s.survey_round, s.respondent, s.answer]


@pytest.fixture()
def store(store_url, tmp_path):
    """Return (engine, file) of a private copy of the example store."""
    path = tmp_path / "s3.sqlite"
    shutil.copyfile(store_url.removeprefix("sqlite:///"), path)
    engine = engine_for(f"sqlite:///{path}")
    yield engine, path
    engine.dispose()


def load(engine, path: Path, **args) -> str:
    with engine.begin() as conn:
        return survey.load(conn, path, SimpleNamespace(**args))


def refused(engine, path: Path, **args) -> list:
    with pytest.raises(ImportFailed) as caught:
        load(engine, path, **args)
    return caught.value.problems


def state(engine, path: Path) -> tuple:
    """Return the store file's hash and the survey tables' rows: a refused import must change neither."""
    with engine.connect() as conn:
        rows = {t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=repr) for t in SURVEY_TABLES}
    engine.dispose()  # let go of the file so its bytes are final
    return hashlib.sha256(path.read_bytes()).hexdigest(), rows


def respondents(engine, round_code: str) -> dict:
    """Return {external_id: (cluster, county, size_class, {question: option})} of a round."""
    p, a = s.respondent, s.answer
    with engine.connect() as conn:
        people = conn.execute(select(p).where(p.c.round == round_code)).mappings().all()
        answers = conn.execute(select(a.c.respondent, a.c.question, a.c.option)).all()
    by_person = {}
    for rid, question, option in answers:
        by_person.setdefault(rid, {})[question] = option
    return {r["external_id"]: (r["cluster"], r["region"], r["size_class"], by_person.get(r["id"], {})) for r in people}


def round_row(engine, code: str):
    r, d = s.survey_round, s.dataset
    with engine.connect() as conn:
        return conn.execute(
            select(r.c.year, r.c.dataset, d.c.is_example).join(d, d.c.code == r.c.dataset).where(r.c.code == code)
        ).first()


def test_the_windows_1252_fixture_really_is_windows_1252():
    raw = CP1252.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "Omgång;Respondent;Kluster;Län".encode("cp1252") in raw
    assert b"\x96" in raw  # the en dash of "1–9", a Windows-1252 character that Latin-1 lacks
    assert b"\r\n" in raw


def test_a_windows_1252_file_with_semicolons_is_imported(store):
    engine, _ = store
    summary = load(engine, CP1252)
    assert "6 svarande" in summary and "windows-1252" in summary and "”;”" in summary
    people = respondents(engine, "2019")
    assert people["R-01"] == (
        "paper-province",
        "17",
        "10-49",
        {"samverkan_foretag": "mycket_hog", "samverkan_forskare": "inte_alls", "samverkan_offentlig": "vet_ej"},
    )
    # "Värmlands län", "1–9" and an empty cell (no answer)
    assert people["R-02"] == (
        "paper-province",
        "17",
        "1-9",
        {"samverkan_foretag": "hog", "samverkan_forskare": "liten"},
    )
    # lower-case answer text, county by code, no size class
    assert people["R-05"][:3] == ("triple-steelix", "20", None)
    assert people["R-05"][3]["samverkan_foretag"] == "hog"
    assert set(people) == {"R-01", "R-02", "R-03", "R-04", "R-05", "R-06"}
    assert tuple(round_row(engine, "2019")) == (2019, "svar_2019_cp1252_semikolon", False)


def test_the_imported_round_is_shown_only_where_groups_are_large_enough(store):
    engine, _ = store
    load(engine, CP1252)
    with engine.connect() as conn:
        shares = answer_shares(conn, rounds=["2019"], questions=["samverkan_foretag"])
    total = shares[(shares["cluster"] == "*") & (shares["county"] == "*")].iloc[0]
    # 6 answers: mycket hög, hög, varken, nej, hög, vet ej -> 2 of 5 "hög"
    assert (total["status"], total["respondents"], total["answered"], total["dont_know"]) == ("shown", 6, 5, 1)
    assert total["share_hog"] == pytest.approx(0.4)
    assert set(shares.loc[shares["cluster"] != "*", "status"]) == {"too_few"}  # 3, 2 and 1 respondents


def test_an_import_replaces_the_example_answers_of_its_round(store):
    engine, _ = store
    before_2018 = respondents(engine, "2018")
    assert len(respondents(engine, "2017")) == 176
    summary = load(engine, UTF8)
    assert "ersatte exempeldata i omgång 2017" in summary
    assert set(respondents(engine, "2017")) == {"A1", "A2", "A3"}
    assert respondents(engine, "2017")["A3"][3] == {"samverkan_foretag": "varken", "samverkan_studenter": "hog"}
    assert tuple(round_row(engine, "2017")) == (2017, "svar_2017_utf8_komma", False)
    assert respondents(engine, "2018") == before_2018


def test_importing_the_same_file_again_gives_the_same_store(store):
    engine, _ = store
    load(engine, CP1252)
    first = respondents(engine, "2019")
    load(engine, CP1252)
    assert respondents(engine, "2019") == first
    with engine.connect() as conn:
        assert (
            conn.execute(select(func.count()).select_from(s.respondent).where(s.respondent.c.round == "2019")).scalar()
            == 6
        )


def test_a_bad_answer_text_is_refused_with_line_and_column_and_nothing_written(store):
    engine, path = store
    before = state(engine, path)
    problems = refused(engine, BAD_ANSWER)
    assert [(p.file, p.line, p.column) for p in problems] == [("svar_fel_svarstext.csv", 3, "samverkan_forskare")]
    assert problems[0].message.startswith("okänt svar ”Ja, absolut”; tillåtna svar: Ja, i mycket hög grad")
    assert state(engine, path) == before


def test_every_problem_in_a_file_is_named_and_nothing_written(store):
    engine, path = store
    before = state(engine, path)
    problems = refused(engine, MIXED)
    assert [(p.line, p.column) for p in problems] == [(3, "kluster"), (4, "respondent"), (5, "lan"), (6, "omgang")]
    messages = [p.message for p in problems]
    assert messages[0].startswith("okänt kluster ”Kluster som inte finns”")
    assert messages[1] == "respondenten ”C-01” i omgång 2019 finns redan på rad 2"
    assert messages[2].startswith("okänt län ”Skåne”")
    assert messages[3].startswith("okänd omgång ”våren”")
    assert state(engine, path) == before


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text,line,column,words",
    [
        # a column that is neither a known question nor a standard column
        ("omgang,respondent,kluster,Kommentar\n2019,1,Compare,bra\n", 1, "Kommentar", "okänd kolumn ”Kommentar”"),
        # the respondent column is missing
        ("omgang,kluster,samverkan_foretag\n2019,Compare,Vet ej\n", 1, None, "kolumnen ”respondent” saknas"),
        # the same question twice, once by code and once by its Swedish text
        (
            "omgang,respondent,kluster,samverkan_foretag,"
            "Har klustret lett till att ert företag samverkar mer med andra företag?\n2019,1,Compare,Vet ej,Vet ej\n",
            1,
            "Har klustret lett till att ert företag samverkar mer med andra företag?",
            "betyder samma sak",
        ),
        # an unknown size class
        ("omgang,respondent,kluster,storlek\n2019,1,Compare,stor\n", 2, "storlek", "okänd storleksklass ”stor”"),
        # two names for one round
        (
            "omgang,respondent,kluster,period\n2020,1,Compare,Hösten 2020\n2020,2,Compare,Våren 2020\n",
            3,
            "period",
            "omgång 2020 har redan perioden ”Hösten 2020”",
        ),
        # a row with a cell too many
        ("omgang,respondent,kluster\n2019,1,Compare,extra\n", 2, None, "raden har 4 fält men rubriken 3"),
    ],
)
def test_bad_headers_and_rows_are_refused(store, tmp_path, text, line, column, words):
    engine, path = store
    before = state(engine, path)
    problems = refused(engine, write(tmp_path, "svar.csv", text))
    assert (problems[0].line, problems[0].column) == (line, column)
    assert words in problems[0].message
    assert state(engine, path) == before


def test_a_new_round_takes_its_name_from_the_period_column(store, tmp_path):
    engine, _ = store
    text = "omgang;respondent;kluster;period;samverkan_foretag\n2020-host;1;Compare;Hösten 2020;Vet ej\n"
    load(engine, write(tmp_path, "host.csv", text))
    with engine.connect() as conn:
        row = conn.execute(select(s.survey_round).where(s.survey_round.c.code == "2020-host")).mappings().one()
    assert (row["year"], row["period"], row["dataset"]) == (2020, "Hösten 2020", "host")


def test_a_round_of_another_real_dataset_and_an_example_dataset_are_not_overwritten(store):
    engine, path = store
    load(engine, CP1252)
    before = state(engine, path)
    problems = refused(engine, CP1252, dataset="annat")
    assert "omgång 2019 finns redan i datasetet ”svar_2019_cp1252_semikolon”" in problems[0].message
    problems = refused(engine, CP1252, dataset="ex_enkat")
    assert problems[0].column == "--dataset" and "exempeldata" in problems[0].message
    assert state(engine, path) == before


def test_the_importer_recognises_response_files_only(tmp_path):
    assert all(survey.matches(p) for p in (CP1252, UTF8, BAD_ANSWER, MIXED))
    assert not survey.matches(
        write(tmp_path, "stat.csv", "region,industry,year,measure,value\n17,C,2020,employees,1\n")
    )
    assert not survey.matches(write(tmp_path, "svar.json", "omgang,respondent,kluster\n"))
    assert "saknas respondent" in survey.explain(write(tmp_path, "x.csv", "omgang;kluster\n"))


def test_the_import_command_takes_a_response_file(store):
    engine, path = store
    url = f"sqlite:///{path}"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        ok = data_command(["import", str(CP1252), "--db", url])
        bad = data_command(["import", str(BAD_ANSWER), "--db", url])
    assert ok == 0 and "6 svarande" in out.getvalue()
    assert bad == 1 and "svar_fel_svarstext.csv, rad 3, kolumn samverkan_forskare: okänt svar" in err.getvalue()
