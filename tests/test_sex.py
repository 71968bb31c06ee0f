"""Women and men: facts keep a sex (total, women, men), imports read it, and the share of women by industry."""

from __future__ import annotations

import csv

import pytest

from data.real import REAL_DIR
from data.store import engine_for
from indicators.facts import load_facts
from indicators.gender import women_share
from tests.import_helpers import empty_store, facts, run_cli

RAMS = REAL_DIR / "scb_rams_dagbef_nuts2_sections_A-G_2016-2021.csv"


@pytest.fixture()
def store(tmp_path):
    return empty_store(tmp_path)


def write(path, rows):
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "cells",
    [
        ("total", "women", "men"),
        ("1+2", "2", "1"),  # SCB's codes
        ("Totalt", "Kvinnor", "Män"),  # SCB's words
        ("T", "F", "M"),  # Eurostat's letters
    ],
)
def test_a_tidy_sex_column_is_read_in_every_spelling(tmp_path, store, cells):
    rows = [["region", "industry", "year", "sex", "value"]]
    rows += [["20", "F", "2021", cell, value] for cell, value in zip(cells, ("100", "8", "92"))]
    code, _out, err = run_cli(
        "import", "--db", store, "--measure", "employed_register", write(tmp_path / "k.csv", rows)
    )
    assert code == 0, err
    assert facts(store, sex=None) == {
        ("20", "F", 2021, "employed_register", "total"): 100.0,
        ("20", "F", 2021, "employed_register", "women"): 8.0,
        ("20", "F", 2021, "employed_register", "men"): 92.0,
    }


def test_without_a_sex_column_values_are_the_total_or_the_sex_given(tmp_path, store):
    path = write(tmp_path / "m.csv", [["region", "industry", "year", "value"], ["SE31", "G04", "2021", "0.9"]])
    assert run_cli("import", "--db", store, "--measure", "sex_share_employed", "--sex", "men", path)[0] == 0
    assert facts(store, sex=None) == {("SE31", "G04", 2021, "sex_share_employed", "men"): 0.9}


def test_an_unknown_sex_is_refused_by_line_and_column(tmp_path, store):
    rows = [["region", "industry", "year", "kön", "value"], ["20", "F", "2021", "båda", "1"]]
    code, _out, err = run_cli("import", "--db", store, "--measure", "employees", write(tmp_path / "x.csv", rows))
    assert code == 1 and "rad 2, kolumn kön: okänt kön ”båda”" in err


def test_readers_read_the_total_unless_asked(real_store_url):
    with engine_for(real_store_url).connect() as conn:
        total = load_facts(conn, "employed_register", regions=["SE31"], industries=["F"], years=[2021])
        women = load_facts(conn, "employed_register", regions=["SE31"], industries=["F"], years=[2021], sex="women")
    assert total["value"].tolist() == [33266.0] and women["value"].tolist() == [2607.0]


def source_cell(year: str, section: str, sex: str, region: str) -> float:
    with RAMS.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if (row["year"], row["sni2007_section"], row["sex"]) == (year, section, sex):
                return float(row[region])
    raise KeyError((year, section, sex))


def test_share_of_women_in_construction_se31_2021_matches_the_source_file(real_store_url):
    with engine_for(real_store_url).connect() as conn:
        out = women_share(conn, region="SE31")
    row = out[(out["industry"] == "F") & (out["year"] == 2021) & (out["group"] == "employed")].iloc[0]
    women, total = source_cell("2021", "F", "women", "SE31"), source_cell("2021", "F", "total", "SE31")
    assert (row["women"], row["total"]) == (women, total) == (2607.0, 33266.0)
    assert row["share_women"] == pytest.approx(women / total)
    ref = source_cell("2021", "F", "women", "SE_total") / source_cell("2021", "F", "total", "SE_total")
    assert row["reference_share_women"] == pytest.approx(ref)  # Sweden from the same dataset
    assert row["dataset"] == "scb_rams_nuts2_avsnitt_kon" and not row["is_example"]
    # Region Dalarna's share of men in Bygg (G04) 2021 is the same RAMS number: 1 - 0.92163 = 0.07837
    g04 = out[(out["industry"] == "G04") & (out["year"] == 2021) & (out["group"] == "employed")].iloc[0]
    assert g04["share_women"] == pytest.approx(row["share_women"], abs=1e-6)
    assert g04["dataset"] == "regiondalarna_nms_konsfordelning" and g04["derived"] == "1 − published share of men"


def test_managers_where_known_and_nothing_imputed_where_not(real_store_url):
    with engine_for(real_store_url).connect() as conn:
        se31 = women_share(conn, region="SE31")
        varmland = women_share(conn, region="17")
        dalarna = women_share(conn, region="20")
    managers = se31[se31["group"] == "managers"]
    assert set(managers["year"]) == {2008, 2021, 2022} and managers["reference_share_women"].isna().all()
    assert set(varmland["dataset"]) == {"regionfakta_varmland_15branscher_kon"} and set(varmland["year"]) == {
        2018,
        2022,
    }
    assert varmland["reference_share_women"].notna().all()  # Sweden from the same Regionfakta table
    assert dalarna.empty  # no split by sex for Dalarna alone: no row, nothing imputed
