"""The open-data API: every path answers, bad input is refused by name, numbers equal the views' and the CLI's."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import uuid
from pathlib import Path

import pandas as pd
import pytest

import charts
from app import create_app
from figures.export_csv import table_csv
from indicators import survey as sv

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def doc(app):
    response = app.server.test_client().get("/api/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def test_openapi_lists_every_resource_and_every_chart_of_the_registries(doc):
    paths = set(doc["paths"])
    assert doc["openapi"].startswith("3.1")
    for name in ("regions", "industries", "measures", "datasets", "facts", "indicators", "charts"):
        assert f"/api/{name}" in paths
    for name in ("location-quotients", "strengths", "survey-shares", "milestones", "goal-attainment"):
        assert f"/api/indicators/{name}" in paths
    for view in ("start", "styrkeomraden", "klusterkartering", "foretagsenkat", "milstolpar"):
        for key in charts.chart_keys(view):
            assert f"/api/charts/{view}/{key}" in paths


def test_every_path_answers_its_defaults_with_rows_datasets_and_example_status(client, doc):
    for path in doc["paths"]:
        response = client.get(path)
        assert response.status_code == 200, (path, response.data[:300])
        body = response.get_json()
        meta = body["meta"]
        assert meta["data_status"] in ("real", "example", "mixed")
        assert meta["example_data"] == (meta["data_status"] != "real")
        assert response.headers["X-Data-Status"] == meta["data_status"]
        assert meta["rows"] == len(body["data"])
        if meta["example_data"] and path.startswith(("/api/indicators/", "/api/charts/", "/api/facts")):
            # The example store's numbers are invented: the answer must say which dataset they come from.
            assert any(d["is_example"] for d in meta["datasets"]), path


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("region=XX", "region"),  # unknown region code
        ("year=1850", "year"),  # a year without data
        ("year=20x7", "year"),  # not a number
        ("year=%202017", "year"),  # Python's int() takes the space; the API does not
        ("level=nace", "level"),  # unknown industry level
        ("colour=red", "colour"),  # unknown parameter
        ("format=xml", "format"),  # unknown format
        ("lang=de", "lang"),  # unknown language
        ("year=", "year"),  # empty value: leave it out for the default
        ("year=2017&year=2018", "year"),  # given twice
        ("region=SE31&reference=SE31", "region"),  # a region compared with itself
    ],
)
def test_a_bad_parameter_is_a_400_that_names_it(client, query, parameter):
    response = client.get("/api/indicators/location-quotients?" + query)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["parameter"] == parameter
    assert parameter in error["message"]


def test_thresholds_are_parameters_and_out_of_range_is_refused(client):
    strict = client.get("/api/indicators/strengths?region=20&lq_min=3").get_json()["data"]
    loose = client.get("/api/indicators/strengths?region=20&lq_min=0.5").get_json()["data"]
    assert sum(r["strong"] for r in strict) < sum(r["strong"] for r in loose)
    assert all(r["lq"] >= 3 for r in strict if r["strong"])
    response = client.get("/api/indicators/strengths?top=150")
    assert response.status_code == 400 and response.get_json()["error"]["parameter"] == "top"


def test_unknown_paths_writes_and_methods(client):
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.is_json
    assert client.get("/api/charts/styrkeomraden/no-such-chart").status_code == 404
    for method in ("post", "put", "delete", "patch"):
        response = getattr(client, method)("/api/regions")
        assert response.status_code == 405, method
        assert "GET" in response.headers["Allow"]
    assert client.head("/api/regions").status_code == 200
    assert client.options("/api/regions").status_code == 200
    assert client.post("/embed/start/employment").status_code == 405


def test_store_version_is_the_etag_and_an_unchanged_answer_is_a_304(client):
    first = client.get("/api/indicators/location-quotients?region=20&year=2017")
    etag = first.headers["ETag"].strip('"')
    assert etag.startswith(first.get_json()["meta"]["store_version"])
    assert "max-age" in first.headers["Cache-Control"]
    again = client.get("/api/indicators/location-quotients?region=20&year=2017", headers={"If-None-Match": f'"{etag}"'})
    assert again.status_code == 304 and again.data == b""
    other = client.get("/api/indicators/location-quotients?region=21&year=2017", headers={"If-None-Match": f'"{etag}"'})
    assert other.status_code == 200


def test_csv_and_swedish_excel_csv_hold_the_json_numbers(client):
    base = "/api/indicators/location-quotients?region=20&year=2017&level=a10"
    rows = client.get(base).get_json()["data"]
    plain = list(csv.DictReader(io.StringIO(client.get(base + "&format=csv").get_data(as_text=True))))
    assert [float(r["lq"]) for r in plain] == pytest.approx([r["lq"] for r in rows], rel=1e-12)
    excel = client.get(base + "&format=csv-excel").data
    assert excel.startswith("\ufeff".encode())
    table = list(csv.DictReader(io.StringIO(excel.decode("utf-8-sig")), delimiter=";"))
    assert [r["lq"] for r in table] == [f"{r['lq']:.2f}".replace(".", ",") for r in rows]
    assert {r["is_example"] for r in table} == {"ja"}


def test_excel_csv_rounds_as_the_page_shows_and_leaves_missing_empty():
    frame = pd.DataFrame({"a": [1234.0, 1.23456, float("nan")], "b": [True, False, None], "c": [3, 4, 5]})
    text = table_csv(frame, "csv-excel", lang="en").decode("utf-8")
    assert text.splitlines() == ["\ufeffa;b;c", "1234;yes;3", "1,23;no;4", ";;5"]


def cli_csv(store_url: str, *args: str) -> pd.DataFrame:
    done = subprocess.run(
        [sys.executable, "-m", "indicators", *args, "--db", store_url, "--format", "csv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return pd.read_csv(io.StringIO(done.stdout), dtype={"region": str, "industry": str})


def test_lq_of_se31_manufacturing_2017_equals_the_view_and_the_cli(client, app, store_url):
    """SE31, NACE A*10 C, 2017, against Sweden: the API, the view's chart table and the CLI say one number."""
    api = client.get("/api/indicators/location-quotients?region=SE31&level=a10&year=2017&industry=C&reference=00")
    (row,) = api.get_json()["data"]
    cli = cli_csv(
        store_url, "location-quotients", "--region", "SE31", "--level", "a10", "--year", "2017", "--industry", "C"
    )
    assert len(cli) == 1
    query = {"region": "SE31", "level": "a10", "year": "2017", "reference": "00"}
    with app.server.test_request_context("/"):
        table = charts.build_chart("styrkeomraden", "lq-bars", query, strict=True).table
    name = client.get("/api/industries?level=a10").get_json()["data"]
    manufacturing = next(r["name_sv"] for r in name if r["industry"] == "C")
    view = table.loc[table["Bransch"] == manufacturing, "Lokaliseringskvot"]
    assert len(view) == 1
    chart_api = client.get("/api/charts/styrkeomraden/lq-bars?region=SE31&level=a10&year=2017").get_json()["data"]
    from_chart_api = next(r["Lokaliseringskvot"] for r in chart_api if r["Bransch"] == manufacturing)
    assert row["lq"] == pytest.approx(float(cli["lq"].iloc[0]), rel=1e-12)
    assert row["lq"] == pytest.approx(float(view.iloc[0]), rel=1e-12)
    assert from_chart_api == row["lq"]
    assert row["lq"] > 0 and row["is_example"] is True


def test_shift_share_equals_the_cli_for_every_row(client, store_url):
    api = pd.DataFrame(client.get("/api/indicators/shift-share?region=20&year=2020&start=2015").get_json()["data"])
    cli = cli_csv(store_url, "shift-share", "--region", "20", "--year", "2020", "--start", "2015")
    merged = api.merge(cli, on=["region", "industry"], suffixes=("_api", "_cli"))
    assert len(merged) == len(cli) == len(api) > 0
    for col in ("change", "national_growth", "regional_component"):
        assert merged[f"{col}_api"].tolist() == pytest.approx(merged[f"{col}_cli"].tolist(), rel=1e-12, nan_ok=True)


def test_survey_shares_show_no_more_than_the_view(client, app):
    """The API's survey numbers are the view's: hidden groups carry none, and no group the view never shows."""
    answer = client.get("/api/indicators/survey-shares").get_json()
    rows = answer["data"]
    assert rows and not any(r["county"] == sv.UNKNOWN_COUNTY for r in rows)
    hidden = [r for r in rows if r["status"] != sv.SHOWN]
    assert hidden, "the example survey has small groups; the rule must hide some"
    for r in hidden:
        assert r["answered"] is None and r["dont_know"] is None and r["positive_pct"] is None
    shown = [r for r in rows if r["status"] == sv.SHOWN]
    assert all(isinstance(r["positive_pct"], int) for r in shown)  # whole per cent, as the view
    first = rows[0]
    query = {"round": first["round"], "question": first["question"]}
    with app.server.test_request_context("/"):
        table = charts.build_chart("foretagsenkat", "clusters", query, strict=True).table
        with app.server.app_context():
            from data.store import current_engine

            with current_engine().connect() as conn:
                names = sv.cluster_names(conn)
    view = dict(zip(table["Kluster"], table["Positiva (%)"]))
    api = {
        names[r["cluster"]]: r["positive_pct"]
        for r in rows
        if r["round"] == first["round"]
        and r["question"] == first["question"]
        and r["county"] == "*"
        and r["cluster"] != "*"
    }
    assert api == {k: v for k, v in view.items() if k in api}
    assert len(api) == len(view) - 1  # the view's first row is the total


def test_the_api_page_reads_in_both_languages(client, doc):
    sv_page = client.get("/api/").get_data(as_text=True)
    en_page = client.get("/api/?lang=en").get_data(as_text=True)
    assert '<html lang="sv">' in sv_page and "Alla siffror på sajten" in sv_page
    assert '<html lang="en">' in en_page and "Every number on the site" in en_page
    for path in doc["paths"]:
        assert f"GET {path}</code>" in sv_page


def test_limits_per_client_are_shared_by_workers_through_the_storage(store_url):
    """Two app instances (two workers) on one Redis count one client's requests together."""
    config = {
        "DATABASE_URL": store_url,
        "TESTING": True,
        "SECRET_KEY": "test",
        "API_RATELIMIT_ENABLED": True,
        "API_LIMIT": "3/minute",
        "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/15",
    }
    workers = [create_app(config).server.test_client() for _ in range(2)]
    client_address = {"REMOTE_ADDR": f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7"}
    statuses = [workers[i % 2].get("/api/regions", environ_base=client_address).status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = workers[0].get("/api/regions?lang=en", environ_base=client_address)
    assert refused.status_code == 429 and "Too many requests" in refused.get_json()["error"]["message"]
    other_client = workers[1].get("/api/regions", environ_base={"REMOTE_ADDR": "10.255.255.1"})
    assert other_client.status_code == 200
