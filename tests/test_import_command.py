"""The import command as a whole: choosing the importer, Eurostat's table, build --empty, the footer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from data import schema as s
from data.importing import progress
from data.importing.command import choose_importer
from data.store import engine_for
from indicators.facts import datasets
from layouts.shell import footer
from tests.import_helpers import FIXTURES, empty_store, facts, run_cli

ROOT = Path(__file__).resolve().parent.parent
DATACOMMONS = (
    "Date,GeoId,Count_Person_Employed_NACE/C,Count_Person_Employed_NACE/G-J,Count_Person_Employed_NACE/M_N,"
    "Count_Person_Employed\n"
    "2017,dcid:nuts/SE,561000.0,1200000.0,700000.0,5017000.0\n"
    "2017,dcid:nuts/SE3,300000.0,400000.0,200000.0,2000000.0\n"
    "2017,dcid:nuts/SE311,16000.0,25000.0,9000.0,121000.0\n"
    "2018,dcid:nuts/SE311,,,,122000.0\n"
)


@pytest.fixture()
def store(tmp_path):
    return empty_store(tmp_path)


def texts(component) -> str:
    """Return every string in a Dash component tree, joined (what a reader of the page sees)."""
    if isinstance(component, str):
        return component
    if isinstance(component, list | tuple):
        return " ".join(texts(c) for c in component)
    children = getattr(component, "children", None)
    return texts(children) if children is not None else ""


@pytest.mark.parametrize(
    "name, content, importer",
    [
        ("tidy.csv", "region;industry;year;measure;value\n17;C;2017;employees;1\n", "statistik"),
        ("tabell.json", "{}", "pxweb"),
        ("eurostat.csv", DATACOMMONS, "eurostat-datacommons"),
    ],
)
def test_each_file_goes_to_its_importer(tmp_path, name, content, importer):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert choose_importer(path).name == importer


def test_eurostat_data_commons_table_imports_and_gives_checkable_location_quotients(tmp_path, store):
    path = tmp_path / "eurostat.csv"
    path.write_text(DATACOMMONS, encoding="utf-8")
    code, out, err = run_cli("import", "--db", store, path)
    assert code == 0, err
    got = facts(store, "eurostat_nama_10r_3empers")
    assert got == {
        ("00", "C", 2017, "employees"): 561000.0,
        ("00", "M-N", 2017, "employees"): 700000.0,
        ("00", "TOTAL", 2017, "employees"): 5017000.0,
        ("17", "C", 2017, "employees"): 16000.0,
        ("17", "M-N", 2017, "employees"): 9000.0,
        ("17", "TOTAL", 2017, "employees"): 121000.0,
        ("17", "TOTAL", 2018, "employees"): 122000.0,
    }
    lq = (got[("17", "C", 2017, "employees")] / got[("17", "TOTAL", 2017, "employees")]) / (
        got[("00", "C", 2017, "employees")] / got[("00", "TOTAL", 2017, "employees")]
    )
    assert round(lq, 2) == 1.18  # Värmland's manufacturing LQ 2017, as in shared/data/real/SOURCES.md
    assert "lämnades utanför: Count_Person_Employed_NACE/G-J" in out
    assert "regioner utanför dashboarden: 1" in out and "saknade värden (..): 2" in out


def test_build_empty_has_the_plan_and_no_example_statistics(tmp_path):
    url = f"sqlite:///{tmp_path / 'tom.sqlite'}"
    code, _out, err = run_cli("build", "--empty", "--db", url)
    assert code == 0 and "utan exempeldata" in err
    with engine_for(url).connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.fact)).scalar_one() == 0
        assert conn.execute(select(func.count()).where(s.dataset.c.is_example)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(s.milestone)).scalar_one() == 16
        assert conn.execute(select(func.count()).select_from(s.measure)).scalar_one() >= 6
    code, _out, err = run_cli("import", "--db", url, FIXTURES / "scb_v2_tab6471_data.json")
    assert code == 0, err


def test_footer_lists_an_imported_dataset_with_source_and_date(tmp_path, store):
    path = tmp_path / "rams.csv"
    path.write_text("region,industry,year,measure,value\n17,C,2017,employees,16000\n", encoding="utf-8")
    args = ("--title", "Förvärvsarbetande efter bransch (RAMS)", "--source", "SCB, RAMS", "--licence", "CC0")
    assert run_cli("import", "--db", store, *args, path)[0] == 0
    with engine_for(store).connect() as conn:
        rows = datasets(conn).to_dict("records")
    imported = next(r for r in rows if r["code"] == "rams")
    text = " ".join(texts(footer("sv", rows)).split())
    assert f"Förvärvsarbetande efter bransch (RAMS) — SCB, RAMS ({imported['retrieved']:%Y-%m-%d})" in text
    assert "Exempeldata" not in text  # an empty store plus real imports: nothing is example data


def test_a_slow_file_shows_a_progress_bar(tmp_path, store, monkeypatch):
    monkeypatch.setattr(progress, "SHOW_AFTER_SECONDS", 0.0)  # as if reading had taken more than a second
    path = tmp_path / "rams.csv"
    rows = "".join(f"17,{d:02d},2017,employees,{d}\n" for d in (1, 2, 3, 10, 16))
    path.write_text("region,industry,year,measure,value\n" + rows, encoding="utf-8")
    code, _out, err = run_cli("import", "--db", store, path)
    assert code == 0
    assert "Läser rams.csv [##############################] 100% (5 av 5 rader)" in err


def test_a_quick_file_shows_no_progress_bar(tmp_path, store):
    path = tmp_path / "rams.csv"
    path.write_text("region,industry,year,measure,value\n17,C,2017,employees,1\n", encoding="utf-8")
    _code, _out, err = run_cli("import", "--db", store, path)
    assert "Läser" not in err


def test_the_real_command_line_reports_without_traceback(tmp_path, store):
    path = tmp_path / "bild.csv"
    path.write_bytes(b"\x89PNG\x00\x00\x00")
    done = subprocess.run(
        [sys.executable, "-m", "data", "import", "--db", store, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "bild.csv: filen är binär" in done.stderr and "Traceback" not in done.stderr
