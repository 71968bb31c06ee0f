"""Published layouts import as published: regions as rows and years or quarters as columns (or regions as
columns), names or codes, footnote marks, series breaks, ".." missing and "-" zero."""

from __future__ import annotations

import csv

import pytest
from openpyxl import Workbook

from data.real import REAL_DIR
from tests.import_helpers import dataset_row, empty_store, facts, run_cli, snapshot

COUNTY_YEARS = REAL_DIR / "nystartade_foretag_per_lan_ar_1994-2021_tillvaxtanalys.csv"
MUNICIPAL_QUARTERS = REAL_DIR / "nystartade_foretag_per_kommun_kvartal_2007Q1-2021Q2_tillvaxtanalys.csv"


@pytest.fixture()
def store(tmp_path):
    return empty_store(tmp_path)


def write(path, rows, sep=","):
    path.write_text("\n".join(sep.join(map(str, r)) for r in rows) + "\n", encoding="utf-8")
    return path


def source_row(path, first_cell: str) -> dict[str, str]:
    with path.open(encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        for row in reader:
            if first_cell in row[:2]:
                return dict(zip(header, row))
    raise KeyError(first_cell)


def test_tillvaxtanalys_county_table_imports_as_published(store):
    code, out, err = run_cli("import", "--db", store, "--measure", "new_firms", COUNTY_YEARS)
    assert code == 0, err
    got = facts(store)
    varmland = source_row(COUNTY_YEARS, "Värmlands län")
    assert got[("17", "TOTAL", 2017, "new_firms")] == float(varmland["2017***"]) == 1424
    assert got[("17", "TOTAL", 1994, "new_firms")] == 809
    # 2010 is published twice: 2010* (old method, 1385) and 2010** (new, 1446); the later column is kept
    assert got[("17", "TOTAL", 2010, "new_firms")] == float(varmland["2010**"]) == 1446
    assert "tidsseriebrott: 2010* finns också som 2010**; behöll den senare kolumnen" in out
    assert "fotnotstecken togs bort från 11 rubriker" in out
    assert got[("00", "TOTAL", 2020, "new_firms")] == 73687  # "Samtliga" is Sweden
    assert ("00", "TOTAL", 2021, "new_firms") not in got  # blank in the source: missing, never 0
    assert "regioner utanför dashboarden: 18" in out
    assert dataset_row(store, "nystartade_foretag_per_lan_ar_1994_2021_tillvaxtanalys")["importer"] == "publicerad"


def test_tillvaxtanalys_municipal_quarters_sum_to_complete_years_only(store):
    code, out, err = run_cli("import", "--db", store, "--measure", "new_firms", MUNICIPAL_QUARTERS)
    assert code == 0, err
    got = facts(store)
    karlstad = source_row(MUNICIPAL_QUARTERS, "1780")
    quarters = [karlstad[f"2017{q:02d}***"] for q in range(1, 5)]
    assert got[("1780", "TOTAL", 2017, "new_firms")] == sum(float(q) for q in quarters)
    assert ("1780", "TOTAL", 2021, "new_firms") not in got  # two quarters of 2021: incomplete, left out
    assert not any(region == "0114" for region, *_ in got)  # 114 Upplands Väsby: outside, skipped
    assert "regioner utanför dashboarden: 249 (t.ex. 114, 115, 117)" in out
    assert "2021 har 2 av 4 perioder och lämnades utanför (ofullständigt år)" in out
    regions = {region for region, *_ in got}
    # Munkfors has a suppressed (..) or empty quarter in every year: no year is complete, so it has none
    assert "1762" not in regions and len(regions) == 41  # the other 40 municipalities and Sweden ("Samtliga")


@pytest.mark.parametrize(
    "header, expected",
    [
        (["Län", "2020K1", "2020K2", "2020K3", "2020K4"], 10.0),  # SCB's quarters
        (["Län", "2020Q1", "2020Q2", "2020Q3", "2020Q4"], 10.0),
        (["Län", "202001", "202002", "202003", "202004"], 10.0),  # Tillväxtanalys' quarters: no suffix past 04
        (["Län", "2020*", "2021**"], None),  # years with footnote marks
    ],
)
def test_period_headings_are_read_as_published(tmp_path, store, header, expected):
    cells = [1, 2, 3, 4][: len(header) - 1]
    path = write(tmp_path / "t.csv", [header, ["Värmlands län", *cells]])
    code, out, err = run_cli("import", "--db", store, "--measure", "new_firms", path)
    assert code == 0, err
    got = facts(store)
    if expected is None:
        assert got == {("17", "TOTAL", 2020, "new_firms"): 1.0, ("17", "TOTAL", 2021, "new_firms"): 2.0}
        assert "fotnotstecken togs bort från 2 rubriker" in out
    else:
        assert got == {("17", "TOTAL", 2020, "new_firms"): expected}


def test_six_digit_months_of_a_stock_give_the_years_last_month(tmp_path, store):
    header = ["Region"] + [f"2024{m:02d}" for m in range(1, 13)]  # 13..12: months, not quarters
    path = write(tmp_path / "folk.csv", [header, ["Dalarnas län", *range(100, 112)]])
    code, out, err = run_cli("import", "--db", store, "--measure", "population", path)
    assert code == 0, err
    assert facts(store) == {("20", "TOTAL", 2024, "population"): 111.0}
    assert "årets sista period, eftersom population är ett bestånd" in out


def test_names_codes_without_zero_dashes_and_missing_marks(tmp_path, store):
    rows = [
        ["Kommunkod", "Kommun", "2019", "2020"],
        ["2080", "Falun", "-", ".."],  # "-" is zero; ".." is missing, never 0
        ["", "Karlstad", "7", "8"],  # no code: the name stands in
        ["114", "Upplands Väsby", "5", "6"],  # outside the dashboard: skipped and counted
        ["", "Riket", "1000", "1100"],
    ]
    code, out, err = run_cli("import", "--db", store, "--measure", "new_firms", write(tmp_path / "k.csv", rows))
    assert code == 0, err
    assert facts(store) == {
        ("2080", "TOTAL", 2019, "new_firms"): 0.0,
        ("1780", "TOTAL", 2019, "new_firms"): 7.0,
        ("1780", "TOTAL", 2020, "new_firms"): 8.0,
        ("00", "TOTAL", 2019, "new_firms"): 1000.0,
        ("00", "TOTAL", 2020, "new_firms"): 1100.0,
    }
    assert "saknade värden (..): 1" in out and "regioner utanför dashboarden: 1 (t.ex. 114)" in out


def test_regions_as_columns_with_sex_in_the_heading(tmp_path, store):
    rows = [
        ["year", "branschgrupp", "varmland_women", "varmland_total", "riket_women", "riket_total", "varmland_pct"],
        ["2018", "Byggverksamhet", "685", "10158", "34730", "363517", "6,7"],
        ["2018", "Näringsgren okänd", "1201", "2233", "29922", "51171", "53,8"],
    ]
    path = write(tmp_path / "rf.csv", rows)
    code, out, err = run_cli(
        "import", "--db", store, "--measure", "employed_register", "--importer", "publicerad", path
    )
    assert code == 0, err
    got = facts(store, sex=None)
    assert got == {
        ("17", "G04", 2018, "employed_register", "women"): 685.0,
        ("17", "G04", 2018, "employed_register", "total"): 10158.0,
        ("00", "G04", 2018, "employed_register", "women"): 34730.0,
        ("00", "G04", 2018, "employed_register", "total"): 363517.0,
    }
    assert "kolumner som inte lästes: varmland_pct" in out and "okänd bransch" in out


def test_an_xlsx_published_table_imports_like_the_csv(tmp_path, store):
    book = Workbook()
    book.active.append(["Län", "2016", "2017***"])
    book.active.append(["Gävleborgs län", 1577, 1476])
    book.save(tmp_path / "nya.xlsx")
    code, _out, err = run_cli("import", "--db", store, "--measure", "new_firms", tmp_path / "nya.xlsx")
    assert code == 0, err
    assert facts(store) == {("21", "TOTAL", 2016, "new_firms"): 1577.0, ("21", "TOTAL", 2017, "new_firms"): 1476.0}


@pytest.mark.parametrize(
    "rows, args, words",
    [
        ([["Län", "2019", "2020"], ["Narnia län", "1", "2"]], ["--measure", "new_firms"], ["rad 2", "okänd region"]),
        (
            [["Län", "2019", "2020"], ["Dalarnas län", "tolv", "2"]],
            ["--measure", "new_firms"],
            ["rad 2", "2019", "inget tal"],
        ),
        ([["Län", "2019", "2020"], ["Dalarnas län", "1", "2"]], [], ["--measure", "new_firms"]),
        (
            [["Antal", "2019", "2020"], ["x", "1", "2"]],
            ["--measure", "new_firms"],
            ["ingen kolumn med län eller kommuner"],
        ),
    ],
)
def test_bad_published_tables_are_refused_by_line_and_column_and_change_nothing(tmp_path, store, rows, args, words):
    before = snapshot(store)
    code, _out, err = run_cli("import", "--db", store, *args, write(tmp_path / "bad.csv", rows))
    assert code == 1 and "Traceback" not in err
    for word in words:
        assert word in err
    assert snapshot(store) == before
