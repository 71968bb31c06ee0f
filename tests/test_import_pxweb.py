"""PxWeb JSON-stat import: region and time dimensions, total categories, sub-annual periods, contents."""

from __future__ import annotations

import json

import pytest

from data.importing.jsonstat import parse_cube
from data.importing.periods import parse_period
from data.importing.pxweb import total_category
from tests.import_helpers import FIXTURES, empty_store, facts, jsonstat, run_cli, snapshot

COUNTIES = {"17": "Värmlands län", "20": "Dalarnas län", "01": "Stockholms län"}


@pytest.fixture()
def store(tmp_path):
    return empty_store(tmp_path)


def save(tmp_path, name, cube) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(cube, ensure_ascii=False), encoding="utf-8")
    return path


def test_v1_response_uses_the_total_category_and_maps_industries(tmp_path, store):
    """The recorded v1 answer: Kon has 1+2 'totalt', SNI2007 has C, M+N, TOT and US (unknown)."""
    path = FIXTURES / "scb_v1_am0207_sysselsatta.json"
    code, out, err = run_cli("import", "--db", store, "--measure", "employees", path)
    assert code == 0, err
    got = facts(store)
    # 1+2 'totalt' is used as it stands, never summed with män and kvinnor (cells 1 and 2 hold 1 and 2)
    assert got[("17", "C", 2022, "employees")] == 16100.0
    assert got[("17", "M-N", 2022, "employees")] == 6100.0  # M+N is the A*10 aggregate M-N
    assert got[("20", "TOTAL", 2023, "employees")] == 129200.0  # TOT is all industries
    assert not any(r == "01" for r, *_ in got)  # Stockholm lies outside the dashboard
    assert len(got) == 2 * 3 * 2  # 2 counties x (C, M-N, TOTAL) x 2 years; US left out
    # employees is a measure by sex: men (1) and women (2) are kept beside the total, never summed into it
    by_sex = facts(store, sex=None)
    assert (
        by_sex[("17", "C", 2022, "employees", "men")] == 1.0 and by_sex[("17", "C", 2022, "employees", "women")] == 2.0
    )
    assert len(by_sex) == 3 * len(got)
    assert "Kon (kön): behöll kön (män, kvinnor, totalt)" in out
    assert "US (okänd verksamhet) är ingen bransch" in out


def month_cube(months: list[str]) -> dict:
    """Population by month: Alder has no total (summed); Kon's total TotSa is its elimination value."""
    dims = [
        ("Region", "region", COUNTIES),
        ("Alder", "ålder", {"0-64": "0-64 år", "65+": "65+ år"}),
        (
            "Kon",
            "kön",
            {"TotSa": "totalt, samtliga män och kvinnor", "1": "män", "2": "kvinnor"},
            {"elimination": True, "eliminationValueCode": "TotSa"},
        ),
        ("ContentsCode", "tabellinnehåll", {"000007SF": "Folkmängden per månad"}),
        ("Tid", "månad", {m: m for m in months}),
    ]

    def value(c):
        if c["Kon"] != "TotSa":
            return 1  # män and kvinnor: must not be added to the total
        base = {"17": 200_000, "20": 210_000, "01": 2_000_000}[c["Region"]]
        age = 0 if c["Alder"] == "0-64" else 70_000
        return base + age + int(c["Tid"][:4]) % 10 * 1000 + int(c["Tid"][5:])

    return jsonstat(dims, value, label="Folkmängden per månad efter region, ålder och kön", table="TAB6471")


def test_monthly_stock_takes_the_years_last_month_and_sums_ages(tmp_path, store):
    months = [f"2024M{m:02d}" for m in range(1, 13)] + ["2025M01", "2025M02", "2025M03"]
    code, out, err = run_cli("import", "--db", store, save(tmp_path, "folk.json", month_cube(months)))
    assert code == 0, err
    # value = base + (0 + 70 000 for the two age groups) + year digit * 1000 + month
    assert facts(store) == {
        ("17", "TOTAL", 2024, "population"): 2 * 200_000 + 70_000 + 2 * 4000 + 2 * 12,
        ("20", "TOTAL", 2024, "population"): 2 * 210_000 + 70_000 + 2 * 4000 + 2 * 12,
        ("17", "TOTAL", 2025, "population"): 2 * 200_000 + 70_000 + 2 * 5000 + 2 * 3,
        ("20", "TOTAL", 2025, "population"): 2 * 210_000 + 70_000 + 2 * 5000 + 2 * 3,
    }
    assert "tolkade ”Folkmängden per månad” som måttet population" in out
    assert "månadsvärden → ett värde per år: årets sista period, eftersom population är ett bestånd" in out
    assert "2025: senaste perioden är 3 av 12; året är inte komplett" in out
    assert "Alder (ålder): ingen totalkategori, summerade 2 kategorier" in out
    # population is kept by sex: the total is TotSa as it stands, men and women beside it (1 per age group here)
    assert "Kon (kön): behöll kön (män, kvinnor, totalt)" in out
    assert facts(store, sex="women")[("17", "TOTAL", 2024, "population")] == 2


def quarter_cube(quarters: list[str], contents=None, missing=()) -> dict:
    contents = contents or {"N1": "Nystartade företag"}
    dims = [
        ("Region", "region", {"17": "Värmlands län", "20": "Dalarnas län"}),
        ("ContentsCode", "tabellinnehåll", contents),
        ("Tid", "kvartal", {q: q for q in quarters}),
    ]

    def value(c):
        if (c["Region"], c["Tid"]) in missing:
            return None
        return {"17": 100, "20": 200}[c["Region"]] + int(c["Tid"][-1]) + (5 if c["ContentsCode"] != "N1" else 0)

    return jsonstat(dims, value, label="Nystartade företag per kvartal", source="Tillväxtanalys", table="NYAF")


@pytest.mark.parametrize("letter", ["K", "Q"])  # SCB writes 2020K1, others 2020Q1
def test_quarterly_flow_is_summed_over_complete_years_only(tmp_path, store, letter):
    quarters = [f"2020{letter}{q}" for q in range(1, 5)] + [f"2021{letter}1", f"2021{letter}2"]
    path = save(tmp_path, "nyaf.json", quarter_cube(quarters))
    code, out, err = run_cli("import", "--db", store, "--measure", "new_firms", path)
    assert code == 0, err
    assert facts(store) == {
        ("17", "TOTAL", 2020, "new_firms"): 4 * 100 + 1 + 2 + 3 + 4,
        ("20", "TOTAL", 2020, "new_firms"): 4 * 200 + 1 + 2 + 3 + 4,
    }
    assert "kvartalsvärden summerades till år, eftersom new_firms är ett flöde" in out
    assert "2021 har 2 av 4 perioder och lämnades utanför (ofullständigt år)" in out
    assert "tabellen har ingen regiondimension" not in out


def test_a_flow_year_with_a_missing_quarter_is_left_out(tmp_path, store):
    quarters = [f"2020K{q}" for q in range(1, 5)]
    path = save(tmp_path, "nyaf.json", quarter_cube(quarters, missing={("20", "2020K3")}))
    code, out, _err = run_cli("import", "--db", store, "--measure", "new_firms", path)
    assert code == 0
    assert facts(store) == {("17", "TOTAL", 2020, "new_firms"): 410.0}
    assert "2020 har 3 av 4 perioder" in out


def test_quarterly_stock_takes_the_last_quarter(tmp_path, store):
    quarters = [f"2020K{q}" for q in range(1, 5)]
    path = save(tmp_path, "syss.json", quarter_cube(quarters))
    code, out, _err = run_cli("import", "--db", store, "--measure", "employees", path)
    assert code == 0
    assert facts(store) == {("17", "TOTAL", 2020, "employees"): 104.0, ("20", "TOTAL", 2020, "employees"): 204.0}
    assert "kvartalsvärden → ett värde per år: årets sista period" in out


TWO_CONTENTS = {"N1": "Antal nya företag", "N2": "Antal konkurser"}


def test_several_contents_without_measure_are_refused_with_the_contents_listed(tmp_path, store):
    path = save(tmp_path, "tva.json", quarter_cube(["2020K1", "2020K2", "2020K3", "2020K4"], TWO_CONTENTS))
    before = snapshot(store)
    code, _out, err = run_cli("import", "--db", store, path)
    assert code == 1
    assert "tva.json, kolumn ContentsCode: ange vilket mått" in err
    assert "N1 (Antal nya företag); N2 (Antal konkurser)" in err and "employees (Sysselsatta" in err
    code, _out, err = run_cli("import", "--db", store, "--measure", "new_firms", path)
    assert code == 1 and "tabellen har 2 tabellinnehåll" in err and "--measure N1=new_firms" in err
    assert snapshot(store) == before


def test_several_contents_map_with_code_equals_measure(tmp_path, store):
    path = save(tmp_path, "tva.json", quarter_cube(["2020K1", "2020K2", "2020K3", "2020K4"], TWO_CONTENTS))
    code, out, err = run_cli("import", "--db", store, "--measure", "N1=new_firms", path)
    assert code == 0, err
    assert set(facts(store)) == {("17", "TOTAL", 2020, "new_firms"), ("20", "TOTAL", 2020, "new_firms")}
    assert "tabellinnehållet N2 (Antal konkurser) har inget mått och lämnades utanför" in out
    code, _out, err = run_cli(
        "import", "--db", store, "--measure", "N1=new_firms", "--measure", "N2=patent_applications", path
    )
    assert code == 0, err
    assert facts(store)[("17", "TOTAL", 2020, "patent_applications")] == 4 * 105 + 10


def test_a_table_without_region_dimension_is_national(tmp_path, store):
    dims = [("ContentsCode", "tabellinnehåll", {"BE1": "Folkmängd"}), ("Tid", "år", {"2020": "2020"})]
    path = save(tmp_path, "riket.json", jsonstat(dims, lambda c: 10_379_295))
    code, out, err = run_cli("import", "--db", store, path)
    assert code == 0, err
    assert facts(store) == {("00", "TOTAL", 2020, "population"): 10_379_295.0}
    assert "värdena gäller riket (00)" in out


def test_unknown_region_and_industry_categories_are_problems(tmp_path, store):
    dims = [
        ("Region", "region", {"17": "Värmlands län", "99": "Okänt län"}),
        ("SNI2007", "näringsgren SNI 2007", {"C": "tillverkning", "B+C": "utvinning och tillverkning"}),
        ("Tid", "år", {"2020": "2020"}),
    ]
    path = save(tmp_path, "fel.json", jsonstat(dims, lambda c: 1, roles={"time": ["Tid"]}))
    before = snapshot(store)
    code, _out, err = run_cli("import", "--db", store, "--measure", "employees", path)
    assert code == 1
    assert "fel.json, kolumn Region: okänd region ”99” (Okänt län)" in err
    assert "fel.json, kolumn SNI2007: okänd bransch ”B+C”" in err
    assert snapshot(store) == before


def test_a_table_without_time_dimension_is_refused(tmp_path, store):
    dims = [("Region", "region", {"17": "Värmlands län"}), ("Kon", "kön", {"1": "män"})]
    path = save(tmp_path, "utan_tid.json", jsonstat(dims, lambda c: 1, roles={}))
    code, _out, err = run_cli("import", "--db", store, "--measure", "population", path)
    assert code == 1 and "tabellen ska ha en tidsdimension, den har 0: Region (region), Kon (kön)" in err


def test_json_stat_version_1_and_sparse_values_are_read():
    v1 = {
        "dataset": {
            "label": "Folkmängd",
            "source": "SCB",
            "dimension": {
                "id": ["Region", "Tid"],
                "size": [1, 2],
                "role": {"time": ["Tid"]},
                "Region": {"label": "region", "category": {"index": {"17": 0}, "label": {"17": "Värmland"}}},
                "Tid": {"label": "år", "category": {"index": ["2019", "2020"]}},
            },
            "value": {"1": 282414},
        }
    }
    cube = parse_cube(json.dumps(v1), "v1.json")
    assert [d.id for d in cube.dims] == ["Region", "Tid"]
    assert cube.values == [None, 282414] and cube.source == "SCB"


@pytest.mark.parametrize(
    "code, period",
    [("2024", (2024, 1, 1)), ("2024M03", (2024, 3, 12)), ("2024K2", (2024, 2, 4)), ("2024Q4", (2024, 4, 4))],
)
def test_time_codes_are_read_as_year_and_period(code, period):
    assert parse_period(code) == period


@pytest.mark.parametrize("code", ["2024M13", "2024K5", "24", "2024-03"])
def test_time_codes_that_are_no_period_are_refused(code):
    assert parse_period(code) is None


@pytest.mark.parametrize(
    "codes, labels, extension, total",
    [
        (["1", "2", "1+2"], {"1+2": "totalt"}, {}, "1+2"),  # SCB v1 kön
        (["TotSa", "1", "2"], {}, {"eliminationValueCode": "TotSa"}, "TotSa"),  # SCB v2 kön
        (["16-24", "25-64", "tot16+"], {}, {}, "tot16+"),  # SCB ålder
        (["a", "b", "x9"], {"x9": "Samtliga företag"}, {}, "x9"),  # only the label says it
        (["a", "b"], {"a": "män", "b": "kvinnor"}, {}, None),  # no total: summed
    ],
)
def test_total_category_is_found_by_elimination_code_or_label(codes, labels, extension, total):
    from data.importing.jsonstat import Dimension

    assert total_category(Dimension("X", "x", codes, labels, extension)) == total
