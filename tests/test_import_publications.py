"""Research output per university × research subject × year imports from counts or from SwePub-like records,
and feeds the academic specialisation (fixtures: tests/fixtures/publications, invented for the test)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from data.store import engine_for
from indicators.academic import academic_specialisation
from indicators.facts import measure_kind
from tests.import_helpers import empty_store, run_cli, snapshot, sqlite_file

FIXTURES = Path(__file__).parent / "fixtures" / "publications"


@pytest.fixture()
def store(tmp_path):
    return empty_store(tmp_path)


def publications(url: str) -> dict[tuple, float]:
    with sqlite3.connect(sqlite_file(url)) as db:
        rows = db.execute("select university, subject, year, value from academic_output").fetchall()
    db.close()
    return {(u, s, y): v for u, s, y, v in rows}


def test_counts_by_university_subject_and_year_import(store):
    code, out, err = run_cli("import", "--db", store, FIXTURES / "antal_per_amne.csv")
    assert code == 0, err
    assert publications(store) == {
        ("kau", "102", 2020): 12.0,
        ("kau", "203", 2020): 7.0,  # by name: Karlstads universitet
        ("du", "102", 2020): 5.0,  # 10201 and 10202 both count in their group 102
        ("hig", "2", 2020): 4.0,  # a 1-digit subject area stays an area
        ("riket", "102", 2020): 900.0,
    }
    assert "lärosäten utanför dashboarden: 1" in out  # Uppsala universitet
    assert "saknade värden (..): 1" in out  # never 0
    assert "5-siffriga forskningsämnen räknades i sin ämnesgrupp" in out
    with engine_for(store).connect() as conn:
        assert measure_kind(conn, "publications") == "real"
        out = academic_specialisation(conn, groups={"du": ["du"]}, year=2020, window=1).set_index("subject")
    assert out.at["102", "lq"] == pytest.approx((5 / 5) / (900 / 900))


def test_swepub_records_count_each_publication_once_per_university_and_group(store):
    code, out, err = run_cli("import", "--db", store, "--national", FIXTURES / "swepub_poster.csv")
    assert code == 0, err
    assert publications(store) == {
        ("kau", "102", 2020): 1.0,  # p1 has two subjects of group 102 and appears twice: one publication
        ("kau", "203", 2020): 1.0,  # p2, kau and du
        ("du", "203", 2020): 1.0,
        ("du", "503", 2020): 1.0,
        ("hig", "102", 2021): 1.0,  # p5, hig with KTH
        ("riket", "102", 2020): 2.0,  # --national: every distinct publication counts once for Sweden (p1, p3)
        ("riket", "203", 2020): 1.0,
        ("riket", "503", 2020): 1.0,
        ("riket", "102", 2021): 1.0,
    }
    assert "räknades hela" in out


def test_records_without_national_leave_sweden_out_and_say_so(store):
    code, out, _err = run_cli("import", "--db", store, FIXTURES / "swepub_poster.csv")
    assert code == 0
    assert not any(u == "riket" for u, *_ in publications(store))
    assert "ange --national" in out


def test_an_unknown_subject_is_refused_by_line_and_nothing_is_written(tmp_path, store):
    path = tmp_path / "fel.csv"
    path.write_text("lärosäte,ämne,år,antal\nkau,999,2020,3\n", encoding="utf-8")
    before = snapshot(store)
    code, _out, err = run_cli("import", "--db", store, path)
    assert code == 1 and "rad 2" in err and "okänt forskningsämne ”999”" in err
    assert snapshot(store) == before
