"""Bad input: the command exits non-zero, names file, line, column and reason, and changes nothing."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from data.classifications import DIVISIONS
from tests.import_helpers import empty_store, facts, jsonstat, run_cli, snapshot

HEADER = "region,industry,year,measure,value\n"
GOOD = {("17", "C", 2017, "employees"): 16000.0}


@pytest.fixture()
def store(tmp_path):
    """A store holding one imported dataset 'rams', which a failed re-import must leave as it was."""
    url = empty_store(tmp_path)
    (tmp_path / "ok.csv").write_text(HEADER + "17,C,2017,employees,16000\n", encoding="utf-8")
    assert run_cli("import", "--db", url, "--dataset", "rams", tmp_path / "ok.csv")[0] == 0
    return url


def small_cube() -> dict:
    dims = [("Region", "region", {"17": "Värmlands län"}), ("Tid", "år", {"2020": "2020", "2021": "2021"})]
    return jsonstat(dims, lambda c: 10, label="Folkmängd")


def xlsx_without_sheet(path):
    book = Workbook()
    book.active.title = "Blad1"
    book.active.append(["Län", "Antal"])  # neither tidy nor years as columns
    book.save(path)


def xlsx_published_without_rows(path):
    book = Workbook()
    book.active.append(["Län", "2017", "2018"])  # a published layout, but nothing under the headings
    book.save(path)


def many_rows_one_bad(path):
    lines = [HEADER]
    for n in range(10_000):  # every key once: 3 counties x 88 divisions x 38 years
        region, division, year = ("17", "20", "21")[n % 3], DIVISIONS[(n // 3) % 88][0], 1990 + n // 264
        value = "tolv" if n == 4999 else str(n)  # the file's line 5001
        lines.append(f"{region},{division},{year},employees,{value}\n")
    path.write_text("".join(lines), encoding="utf-8")


CASES = [
    # name, file, how to write it, words expected in the report
    ("empty", "tom.csv", lambda p: p.write_bytes(b""), ["tom.csv", "filen är tom"]),
    ("blank", "blank.csv", lambda p: p.write_bytes(b"  \r\n\r\n"), ["blank.csv", "filen är tom"]),
    ("binary csv", "bild.csv", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ["bild.csv", "binär"]),
    ("binary json", "data.json", lambda p: p.write_bytes(b"\x00\x01\x02{"), ["data.json", "binär"]),
    (
        "truncated json",
        "avbruten.json",
        lambda p: p.write_text(json.dumps(small_cube())[:150], encoding="utf-8"),
        ["avbruten.json", "tar slut mitt i"],
    ),
    (
        "json, not json-stat",
        "annat.json",
        lambda p: p.write_text('{"kpi": "N85085", "values": [1, 2]}', encoding="utf-8"),
        ["annat.json", "inte JSON-stat"],
    ),
    (
        "pxweb's plain json",
        "px.json",
        lambda p: p.write_text('{"columns": [], "data": []}', encoding="utf-8"),
        ["px.json", "json-stat2"],
    ),
    (
        "json-stat with too few values",
        "kort.json",
        lambda p: p.write_text(json.dumps(small_cube() | {"value": [1]}), encoding="utf-8"),
        ["kort.json", "1 värden men dimensionerna ger 2 celler"],
    ),
    ("xlsx without the sheet", "lan.xlsx", xlsx_without_sheet, ["lan.xlsx", "ingen flik har rubrikraden", "Blad1"]),
    ("published table without rows", "tom.xlsx", xlsx_published_without_rows, ["tom.xlsx", "inga rader"]),
    (
        "text named xlsx",
        "fel.xlsx",
        lambda p: p.write_text("region,industry\n"),
        ["fel.xlsx", "ingen läsbar Excel-fil"],
    ),
    ("old xls", "gammal.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0"), ["gammal.xls", ".xlsx"]),
    ("bad row among 10 000", "stor.csv", many_rows_one_bad, ["stor.csv, rad 5001, kolumn value: ”tolv” är inget tal"]),
    ("unknown format", "lista.csv", lambda p: p.write_text("namn,telefon\nA,1\n"), ["lista.csv", "känns inte igen"]),
]


@pytest.mark.parametrize("name, file, write, words", CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_refused_and_the_store_is_unchanged(tmp_path, store, name, file, write, words):
    path = tmp_path / file
    write(path)
    before = snapshot(store)
    code, out, err = run_cli("import", "--db", store, "--dataset", "rams", "--measure", "population", path)
    assert code == 1
    assert "Traceback" not in err and "databasen är oförändrad" in err
    for word in words:
        assert word in err
    assert snapshot(store) == before
    assert facts(store) == GOOD


ROW_CASES = [
    # a row, then the line, column and reason the report must give
    ("99,C,2017,employees,1", "rad 2, kolumn region: okänd region ”99”"),
    ("1799,C,2017,employees,1", "rad 2, kolumn region: okänd region ”1799”"),
    ("17,G-J,2017,employees,1", "rad 2, kolumn industry: okänd bransch ”G-J”"),
    ("17,C,1850,employees,1", "rad 2, kolumn year: året 1850 ligger utanför"),
    ("17,C,2017.5,employees,1", "rad 2, kolumn year: ”2017.5” är inget årtal"),
    ("17,C,2017K2,employees,1", "rad 2, kolumn year: ”2017K2” är en period inom året"),
    ("17,C,2017,employees,-5", "rad 2, kolumn value: värdet -5 är negativt"),
    ("17,C,2017,employees,nan", "rad 2, kolumn value: värdet nan är inget ändligt tal"),
    ("17,C,2017,employees,", "rad 2, kolumn value: värdet saknas"),
    ("17,C,2017,sysselsatta,1", "rad 2, kolumn measure: okänt mått ”sysselsatta”; kända mått: employees"),
    ("17,C,2017,employees,1\nSE311,C,2017,employees,2", "rad 3, kolumn value: region 17, bransch C, år 2017"),
]


@pytest.mark.parametrize("row, report", ROW_CASES)
def test_bad_row_is_reported_with_line_column_and_reason(tmp_path, store, row, report):
    path = tmp_path / "rader.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    before = snapshot(store)
    code, _out, err = run_cli("import", "--db", store, "--dataset", "rams", path)
    assert code == 1
    assert f"rader.csv, {report}" in err
    assert snapshot(store) == before


def test_a_good_file_is_not_written_when_another_file_of_the_command_is_bad(tmp_path, store):
    good = tmp_path / "bra.csv"
    good.write_text(HEADER + "20,C,2017,employees,19000\n", encoding="utf-8")
    bad = tmp_path / "dalig.csv"
    bad.write_text(HEADER + "20,C,2017,employees,x\n", encoding="utf-8")
    before = snapshot(store)
    code, _out, err = run_cli("import", "--db", store, good, bad)
    assert code == 1 and "dalig.csv, rad 2" in err and "bra.csv" not in err
    assert snapshot(store) == before


def test_many_problems_are_shown_up_to_a_limit_then_counted(tmp_path, store):
    path = tmp_path / "manga.csv"
    path.write_text(HEADER + "".join(f"17,C,{2000 + n},employees,x{n}\n" for n in range(25)), encoding="utf-8")
    code, _out, err = run_cli("import", "--db", store, path)
    assert code == 1
    assert "25 problem" in err and "… och 5 problem till." in err
    assert err.count("är inget tal") == 20


def test_a_missing_store_is_named_and_not_created(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(HEADER + "17,C,2017,employees,1\n", encoding="utf-8")
    code, _out, err = run_cli("import", "--db", f"sqlite:///{tmp_path / 'saknas.sqlite'}", path)
    assert code == 1 and "finns inte" in err and "python -m data build" in err
    assert not (tmp_path / "saknas.sqlite").exists()
