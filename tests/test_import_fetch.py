"""`python -m data fetch-pxweb`: a local recorded PxWeb API on 127.0.0.1, never the internet."""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest

from data.importing.fetch import RateLimit
from data.importing.pxapi import api_of
from tests.import_helpers import FIXTURES, dataset_row, empty_store, facts, run_cli, snapshot
from tests.pxweb_server import V1_TABLE, V2_TABLE, PxWebServer

V1_QUERY = FIXTURES / "scb_v1_am0207_query.json"
V2_QUERY = FIXTURES / "scb_v2_tab6471_selection.json"
FAST = ("--pause", "0", "--timeout", "1")


@pytest.fixture()
def store(tmp_path):
    return empty_store(tmp_path)


@pytest.fixture()
def api():
    with PxWebServer() as server:
        yield server


def cells(entry) -> int:
    """Return the number of cells a logged v1 POST asked for."""
    n = 1
    for q in entry[2]["query"]:
        n *= len(q["selection"]["values"])
    return n


def test_v1_fetch_posts_the_query_as_json_stat2_and_imports_like_the_saved_file(tmp_path, store, api):
    code, out, err = run_cli(
        "fetch-pxweb", api.url + V1_TABLE, "--query", V1_QUERY, "--db", store, "--measure", "employees", *FAST
    )
    assert code == 0, err
    fetched = facts(store)
    assert fetched[("17", "C", 2022, "employees")] == 16100.0 and len(fetched) == 12
    posts = api.data_requests()
    assert len(posts) == 1 and posts[0][2]["response"] == {"format": "json-stat2"}  # the query said "px"
    row = dataset_row(store, "pxweb_am0207z")
    assert (row["source"], row["source_url"], row["is_example"]) == ("SCB (tabell AM0207Z)", api.url + V1_TABLE, 0)
    saved = empty_store(tmp_path / "saved")
    assert (
        run_cli("import", "--db", saved, "--measure", "employees", FIXTURES / "scb_v1_am0207_sysselsatta.json")[0] == 0
    )
    assert facts(saved) == fetched
    assert "Hämtar 72 celler i 1 del(ar)" in err
    assert "dataset pxweb_am0207z" in out


def test_v1_fetch_splits_a_selection_larger_than_the_apis_cell_limit(store, api):
    api.config["v1"]["maxValues"] = 20  # the server answers 403 to any request above this
    code, _out, err = run_cli(
        "fetch-pxweb", api.url + V1_TABLE, "--query", V1_QUERY, "--db", store, "--measure", "employees", *FAST
    )
    assert code == 0, err
    posts = api.data_requests()
    assert len(posts) > 1 and all(cells(p) <= 20 for p in posts)
    assert sum(cells(p) for p in posts) == 72
    assert f"i {len(posts)} del(ar)" in err and f"del {len(posts)} av {len(posts)}" in err
    assert len(facts(store)) == 12


def test_v2_fetch_gets_value_codes_and_takes_the_last_month_of_a_stock(store, api):
    url = api.url + V2_TABLE + "/data?lang=sv"
    code, out, err = run_cli("fetch-pxweb", url, "--query", V2_QUERY, "--db", store, *FAST)
    assert code == 0, err
    gets = api.data_requests()
    assert len(gets) == 1 and "valueCodes[Region]=17,20,21" in unquote(gets[0][1]) and "lang=sv" in gets[0][1]
    assert facts(store) == {
        ("17", "TOTAL", 2024, "population"): 283_120.0,
        ("20", "TOTAL", 2024, "population"): 288_120.0,
        ("21", "TOTAL", 2024, "population"): 287_120.0,
    }
    assert "årets sista period, eftersom population är ett bestånd" in out
    row = dataset_row(store, "pxweb_tab6471")
    assert row["licence"].startswith("https://creativecommons.org") and row["source_url"] == url


def test_v2_fetch_splits_along_the_longest_value_list(store, api):
    api.config["v2"]["maxDataCells"] = 10
    code, _out, err = run_cli("fetch-pxweb", api.url + V2_TABLE + "/data", "--query", V2_QUERY, "--db", store, *FAST)
    assert code == 0, err
    assert len(api.data_requests()) == 4  # 36 cells: Tid halved twice into 3 x 3 months
    assert len(facts(store)) == 3


def test_a_timeout_is_retried(store, api):
    api.faults.append("timeout")
    code, _out, err = run_cli(
        "fetch-pxweb",
        api.url + V2_TABLE + "/data",
        "--query",
        V2_QUERY,
        "--db",
        store,
        "--pause",
        "0",
        "--timeout",
        "0.5",
    )
    assert code == 0, err
    assert "Inget svar inom tidsgränsen; försöker igen (2 av 4)" in err
    assert len(api.data_requests()) == 2 and len(facts(store)) == 3


def test_too_many_requests_is_retried_after_the_servers_pause(store, api):
    api.faults += [429, 503]
    code, _out, err = run_cli("fetch-pxweb", api.url + V2_TABLE + "/data", "--query", V2_QUERY, "--db", store, *FAST)
    assert code == 0, err
    assert "Servern ber oss vänta (429)" in err and "Servern ber oss vänta (503)" in err
    assert len(facts(store)) == 3


def test_giving_up_after_the_retries_changes_nothing(store, api):
    api.faults += ["timeout", "timeout"]
    before = snapshot(store)
    code, _out, err = run_cli(
        "fetch-pxweb",
        api.url + V2_TABLE + "/data",
        "--query",
        V2_QUERY,
        "--db",
        store,
        "--pause",
        "0",
        "--timeout",
        "0.5",
        "--retries",
        "1",
    )
    assert code == 1
    assert "inget svar inom tidsgränsen efter 2 försök" in err and "databasen är oförändrad" in err
    assert snapshot(store) == before


def test_a_variable_the_table_lacks_is_named_before_fetching(tmp_path, store, api):
    query = json.loads(V1_QUERY.read_text())
    query["query"][0]["code"] = "Lan"  # the table calls it Region
    (tmp_path / "q.json").write_text(json.dumps(query))
    code, _out, err = run_cli("fetch-pxweb", api.url + V1_TABLE, "--query", tmp_path / "q.json", "--db", store, *FAST)
    assert code == 1
    assert "variabeln Lan finns inte i tabellen; där finns Region, SNI2007, Kon, ContentsCode, Tid" in err
    assert api.data_requests() == []


def test_a_query_the_server_refuses_is_explained(tmp_path, store, api):
    query = json.loads(V1_QUERY.read_text())
    query["query"][0]["selection"]["values"] = ["99"]  # no such region in the table
    (tmp_path / "q.json").write_text(json.dumps(query))
    before = snapshot(store)
    code, _out, err = run_cli(
        "fetch-pxweb",
        api.url + V1_TABLE,
        "--query",
        tmp_path / "q.json",
        "--db",
        store,
        "--measure",
        "employees",
        *FAST,
    )
    assert code == 1
    assert "servern svarade 400: frågan godtogs inte" in err and "Bad request" in err
    assert snapshot(store) == before


def test_an_address_that_is_no_pxweb_table_is_refused(store):
    code, _out, err = run_cli("fetch-pxweb", "http://127.0.0.1:9/statistik.html", "--db", store)
    assert code == 1 and "ser inte ut som en PxWeb-tabell" in err


def test_save_keeps_the_raw_response(tmp_path, store, api):
    target = tmp_path / "svar.json"
    code, _out, err = run_cli(
        "fetch-pxweb", api.url + V2_TABLE + "/data", "--query", V2_QUERY, "--db", store, "--save", target, *FAST
    )
    assert code == 0, err
    assert json.loads(target.read_text())["extension"]["px"]["tableid"] == "TAB6471"


@pytest.mark.parametrize(
    "url, version, config, metadata",
    [
        (
            "https://api.scb.se/OV0104/v1/doris/sv/ssd/START/AM/AM0207/AM0207Z/DagSNI07KonKN",
            1,
            "https://api.scb.se/OV0104/v1/doris/sv/?config",
            "https://api.scb.se/OV0104/v1/doris/sv/ssd/START/AM/AM0207/AM0207Z/DagSNI07KonKN",
        ),
        (
            "https://api.scb.se/OV0104/v2beta/api/v2/tables/TAB6471/data?lang=sv&valueCodes[Tid]=*",
            2,
            "https://api.scb.se/OV0104/v2beta/api/v2/config",
            "https://api.scb.se/OV0104/v2beta/api/v2/tables/TAB6471/metadata?lang=sv",
        ),
    ],
)
def test_scb_addresses_give_config_and_metadata_addresses(url, version, config, metadata):
    api = api_of(url)
    assert (api.version, api.config_url, api.metadata_url, api.host) == (version, config, metadata, "scb")


def test_rate_limit_waits_for_the_window_when_the_calls_are_used_up():
    now, slept = [0.0], []
    limit = RateLimit(30, 10, clock=lambda: now[0], sleep=lambda s: (slept.append(s), now.__setitem__(0, now[0] + s)))
    for _ in range(30):  # SCB: 30 calls per 10 s
        now[0] += 0.1
        limit.wait()
    assert slept == []
    limit.wait()  # the 31st call within the window waits until the first call is 10 s old
    assert slept == [pytest.approx(10.1 - 3.0)]
    now[0] += 20
    limit.wait()
    assert len(slept) == 1
