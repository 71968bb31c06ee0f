"""PxWeb recipes (data/recipes): query files for what is not shipped, fetched from a local API in SCB's format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from data.measures import BY_CODE
from data.recipes import recipe, recipes, recipes_for
from data.store import engine_for
from indicators.lq import location_quotients
from tests.import_helpers import dataset_row, empty_store, facts, run_cli, snapshot
from tests.pxweb_server import PxWebServer

FIXTURES = Path(__file__).parent / "fixtures" / "recipes"
PATH = "/api/v1/sv/ssd/AM/AM0207/AM0207K/DagSNIK"
FAST = ("--pause", "0", "--timeout", "2")
README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture()
def api():
    with PxWebServer() as server:
        metadata = json.loads((FIXTURES / "scb_dagsnik_metadata.json").read_text(encoding="utf-8"))
        cube = json.loads((FIXTURES / "scb_dagsnik_data.json").read_text(encoding="utf-8"))
        server.tables[PATH] = (metadata, cube)
        yield server


@pytest.mark.parametrize("found", [r for r in recipes() if r.file is not None], ids=lambda r: r.key)
def test_every_pxweb_recipe_is_a_query_the_fetch_command_reads(found):
    doc = json.loads(found.file.read_text(encoding="utf-8"))
    assert {"recipe", "query", "response"} <= set(doc)
    assert all(m in BY_CODE for m in found.measures)
    assert found.url.startswith("https://api.scb.se/OV0104/v1/doris/sv/ssd/")
    assert found.tried is False and found.note_sv and found.note_en  # untried, and saying so
    assert {q["code"] for q in doc["query"]} >= {"Region", "SNI2007", "Tid"}
    assert found.key in README.read_text(encoding="utf-8")  # the README lists it


def test_a_recipe_fetches_and_imports_employees_by_division(tmp_path, api):
    store = empty_store(tmp_path)
    code, out, err = run_cli(
        "fetch-pxweb", api.url + PATH, "--recipe", "scb_rams_sni_avdelning_2008_2018", "--db", store, *FAST
    )
    assert code == 0, err
    got = facts(store)
    assert got[("17", "17", 2017, "employees")] == 2000.0 and got[("1780", "62", 2018, "employees")] == 110.0
    assert not any(region == "01" for region, *_ in got)  # not asked for: the recipe names the dashboard's regions
    assert not any(industry == "US" for _r, industry, *_ in got)  # "uppgift saknas" is no industry
    row = dataset_row(store, "scb_rams_sni_avdelning_2008_2018")
    assert row["title_sv"].startswith("Förvärvsarbetande (dagbefolkning) efter SNI-avdelning")
    assert row["source"] == "SCB, tabell AM0207K/DagSNIK (2008–2018)"
    posted = [entry for entry in api.log if entry[0] == "POST"]
    assert posted and posted[0][2]["response"] == {"format": "json-stat2"}
    with engine_for(store).connect() as conn:
        lq = location_quotients(conn, year=2017, level="division", regions=["17"]).set_index("industry")
    # no TOTAL in the table: the totals are the sums of the divisions (the "uppgift saknas" row US left out)
    assert lq.at["17", "lq"] == pytest.approx((2000 / 6100) / (16000 / 180000), rel=1e-9)


def test_an_unknown_recipe_is_refused_by_name(tmp_path):
    store = empty_store(tmp_path)
    before = snapshot(store)
    code, _out, err = run_cli("fetch-pxweb", "--recipe", "finns_inte", "--db", store)
    assert code == 1 and "okänt recept ”finns_inte”" in err and "scb_rams_sni_avdelning_2008_2018" in err
    assert snapshot(store) == before


def test_recipes_are_found_per_measure_level_and_kind_of_region():
    keys = {r.key for r in recipes_for("employees", level="division", region_level="kommun")}
    assert keys == {"scb_rams_sni_avdelning_2008_2018", "scb_rams_sni_avdelning_2019_2021"}
    assert {r.key for r in recipes_for("employees_higher_ed")} == {"scb_sni_avdelning_eftergymnasial_mall"}
    assert recipe("swepub_publikationer").command.endswith("--importer publikationer --national")
