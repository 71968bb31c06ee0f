"""The app shell over HTTP: factory, pages, language, data download."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter: this test process has imported app long ago.
IMPORT_THEN_SERVER = """
import sys, pathlib
import app
store = pathlib.Path(sys.argv[1])
print("server" in vars(app), store.exists())
server = app.server  # gunicorn app:server
print(type(server).__name__, "server" in vars(app), app.server is server)
"""


def test_import_builds_nothing_and_server_appears_on_first_access(tmp_path):
    # `import app` must not connect, build or read the store; gunicorn's `app:server` builds the app once
    store = tmp_path / "never-made.sqlite"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{store}", "SECRET_KEY": "test"}
    run = subprocess.run(
        [sys.executable, "-c", IMPORT_THEN_SERVER, str(store)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split("\n")[:2] == ["False False", "Flask True True"]
    assert not store.exists()  # making the server connects nowhere either


@pytest.mark.parametrize(
    "path", ["/", "/styrkeomraden", "/klusterkartering", "/foretagsenkat", "/milstolpar", "/om-data-och-metod"]
)
def test_every_view_path_serves_the_page_in_swedish(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert '<html lang="sv">' in response.get_data(as_text=True)


def test_english_is_chosen_by_the_url(client):
    assert '<html lang="en">' in client.get("/styrkeomraden?lang=en").get_data(as_text=True)


def test_page_refers_to_no_other_host(client):
    page = client.get("/").get_data(as_text=True)
    assert "cdn." not in page and "https://" not in page.split("<body>")[0]


def test_chart_data_downloads_as_csv(client):
    response = client.get("/export/start/employment.csv")
    assert response.status_code == 200
    assert 'filename="start_sysselsatta_lan.csv"' in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["Region", "År", "Sysselsatta", "Exempeldata"]
    assert len(rows) == 1 + 3 * 16  # three counties, 2008–2023


def test_export_of_unknown_chart_or_parameter_is_refused(client):
    assert client.get("/export/start/nope.csv").status_code == 404
    response = client.get("/export/start/employment.csv?region=99")
    assert response.status_code == 400
    assert "region" in response.get_data(as_text=True)
