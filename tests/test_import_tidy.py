"""`python -m data import` of tidy CSV and XLSX tables: every encoding, separator and decimal sign."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from tests.import_helpers import dataset_row, empty_store, facts, run_cli

ROWS = [  # region, industry, year, measure, value (as written), value (as read)
    ("17", "C", "2017", "employees", "16 000", 16000.0),
    ("SE312", "C", "2017", "employees", "19000", 19000.0),
    ("21", "M_N", "2017", "employees", "4 512,5", 4512.5),
    ("00", "TOTAL", "2017", "employees", "5017000", 5017000.0),
]
EXPECTED = {
    ("17", "C", 2017, "employees"): 16000.0,
    ("20", "C", 2017, "employees"): 19000.0,
    ("21", "M-N", 2017, "employees"): 4512.5,
    ("00", "TOTAL", 2017, "employees"): 5017000.0,
}


def write_csv(path, header, rows, *, sep=",", encoding="utf-8", decimal=","):
    """Write rows as Excel does: quote cells holding the separator."""

    def cell(text):
        text = text if decimal == "," else text.replace(",", ".")
        return f'"{text}"' if sep in text else text

    lines = [sep.join(header)] + [sep.join(cell(c) for c in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.fixture()
def store(tmp_path):
    return empty_store(tmp_path)


@pytest.mark.parametrize(
    "encoding, sep, decimal, header",
    [
        ("utf-8", ",", ".", ["region", "industry", "year", "measure", "value"]),  # plain UTF-8
        ("utf-8", ",", ",", ["region", "industry", "year", "measure", "value"]),  # decimal comma, quoted
        ("utf-8-sig", ";", ",", ["region", "industry", "year", "measure", "value"]),  # Excel's UTF-8 with BOM
        ("cp1252", ";", ",", ["Region", "Bransch", "År", "Mått", "Värde"]),  # Excel in Sweden, Swedish header
        ("cp1252", ",", ".", ["region", "näringsgren", "år", "mått", "värde"]),
    ],
)
def test_tidy_csv_imports_in_every_encoding_separator_and_decimal_sign(tmp_path, store, encoding, sep, decimal, header):
    path = write_csv(
        tmp_path / "sysselsatta.csv", header, [r[:5] for r in ROWS], sep=sep, encoding=encoding, decimal=decimal
    )
    code, out, err = run_cli("import", "--db", store, "--source", "SCB RAMS", "--licence", "CC0", path)
    assert code == 0, err
    assert facts(store) == EXPECTED
    row = dataset_row(store, "sysselsatta")
    assert (row["source"], row["licence"], row["is_example"]) == ("SCB RAMS", "CC0", 0)
    assert row["retrieved"] == date.today().isoformat()
    assert "4 värden" in out and "dataset sysselsatta" in out


def test_measure_option_fills_a_file_without_measure_column(tmp_path, store):
    path = write_csv(
        tmp_path / "folk.csv", ["region", "industry", "year", "value"], [("17", "TOTAL", "2020", "282414")]
    )
    code, _out, err = run_cli("import", "--db", store, "--measure", "population", path)
    assert code == 0, err
    assert facts(store) == {("17", "TOTAL", 2020, "population"): 282414.0}


def test_a_file_without_measure_column_or_option_is_refused(tmp_path, store):
    path = write_csv(tmp_path / "folk.csv", ["region", "industry", "year", "value"], [("17", "TOTAL", "2020", "1")])
    code, _out, err = run_cli("import", "--db", store, path)
    assert code == 1 and "kolumnen measure saknas" in err and "--measure" in err
    assert facts(store) == {}


def test_an_unknown_measure_is_refused_with_the_known_ones_listed(tmp_path, store):
    path = write_csv(tmp_path / "x.csv", ["region", "industry", "year", "value"], [("17", "TOTAL", "2020", "1")])
    code, _out, err = run_cli("import", "--db", store, "--measure", "sysselsatta", path)
    assert code == 1
    assert "okänt mått ”sysselsatta”" in err
    assert "employees (Sysselsatta efter arbetsställe)" in err and "new_firms (Nystartade företag)" in err


def test_xlsx_sheet_with_the_tidy_header_imports(tmp_path, store):
    book = Workbook()
    book.active.title = "Läs mig"
    book.active.append(["Tabellen kommer från SCB."])
    data = book.create_sheet("Data")
    data.append([])  # an empty first row, as many spreadsheets have
    data.append(["region", "industry", "year", "measure", "value"])
    data.append(["17", "C", 2017, "employees", 16000])
    data.append(["SE312", "C", 2017.0, "employees", "19 000"])
    data.append([21, "M_N", "2017", "employees", 4512.5])
    data.append(["00", "TOTAL", 2017, "employees", 5017000])
    book.save(tmp_path / "sysselsatta.xlsx")
    code, _out, err = run_cli("import", "--db", store, tmp_path / "sysselsatta.xlsx")
    assert code == 0, err
    assert facts(store) == EXPECTED


def test_regions_outside_the_dashboard_are_skipped_and_counted(tmp_path, store):
    rows = [
        ("17", "C", "2017", "employees", "1"),
        ("01", "C", "2017", "employees", "2"),
        ("SE3", "C", "2017", "employees", "3"),
    ]
    path = write_csv(tmp_path / "x.csv", ["region", "industry", "year", "measure", "value"], rows)
    code, out, err = run_cli("import", "--db", store, path)
    assert code == 0, err
    assert facts(store) == {("17", "C", 2017, "employees"): 1.0}
    assert "regioner utanför dashboarden: 2 (t.ex. 01, SE3)" in out


def test_importing_the_same_dataset_again_replaces_it(tmp_path, store):
    header = ["region", "industry", "year", "measure", "value"]
    first = write_csv(
        tmp_path / "v1.csv", header, [("17", "C", "2017", "employees", "1"), ("20", "C", "2017", "employees", "2")]
    )
    second = write_csv(tmp_path / "v2.csv", header, [("17", "C", "2017", "employees", "5")])
    assert run_cli("import", "--db", store, "--dataset", "rams", first)[0] == 0
    assert run_cli("import", "--db", store, "--dataset", "rams", "--source", "SCB", second)[0] == 0
    assert facts(store) == {("17", "C", 2017, "employees"): 5.0}
    assert dataset_row(store, "rams")["source"] == "SCB"


def test_several_files_into_one_dataset_must_agree(tmp_path, store):
    header = ["region", "industry", "year", "measure", "value"]
    a = write_csv(tmp_path / "a.csv", header, [("17", "C", "2017", "employees", "1")])
    b = write_csv(tmp_path / "b.csv", header, [("SE311", "C", "2017", "employees", "2")])  # same key as a.csv
    code, _out, err = run_cli("import", "--db", store, "--dataset", "rams", a, b)
    assert code == 1 and "b.csv" in err and "annat värde" in err
    assert facts(store) == {}


def test_an_example_dataset_cannot_be_overwritten(tmp_path, store_url):
    path = write_csv(
        tmp_path / "x.csv", ["region", "industry", "year", "measure", "value"], [("17", "C", "2017", "employees", "1")]
    )
    copy = tmp_path / "full.sqlite"
    copy.write_bytes(open(store_url.removeprefix("sqlite:///"), "rb").read())
    code, _out, err = run_cli("import", "--db", f"sqlite:///{copy}", "--dataset", "ex_sysselsattning", path)
    assert code == 1 and "är exempeldata" in err


def test_imported_numbers_replace_example_numbers_everywhere_in_the_views(tmp_path, store_url):
    """A real import of a measure hides that measure's example data everywhere: never mixed key by key."""
    from data.store import engine_for
    from indicators.facts import example_share, load_facts
    from indicators.overview import employment_trend

    copy = tmp_path / "full.sqlite"
    copy.write_bytes(open(store_url.removeprefix("sqlite:///"), "rb").read())
    url = f"sqlite:///{copy}"
    path = write_csv(
        tmp_path / "rams.csv",
        ["region", "industry", "year", "measure", "value"],
        [("17", "TOTAL", "2016", "employees", "123456")],
    )
    assert run_cli("import", "--db", url, "--source", "SCB RAMS", path)[0] == 0
    with engine_for(url).connect() as conn:
        frame = load_facts(conn, "employees", regions=["17"], industries=["TOTAL"])
        trend = employment_trend(conn, ["17", "20", "21"])
    assert frame[["year", "value", "dataset"]].values.tolist() == [[2016, 123456.0, "rams"]]
    assert not frame["is_example"].any()
    assert trend[["region", "year", "value"]].values.tolist() == [["17", 2016, 123456.0]]  # no example year beside it
    assert example_share(trend) == "real"
