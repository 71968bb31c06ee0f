"""The command line prints the numbers the view shows and refuses bad input by name, without a traceback."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from indicators.__main__ import main
from indicators.lq import location_quotients
from tests.test_indicators_lq import SMALL, make_store

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_location_quotients_as_csv_one_row_per_region_industry_and_year(capsys, store_url, conn):
    code, out, err = run(capsys, "location-quotients", "--db", store_url, "--year", "2023", "--region", "20")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"region", "industry", "year", "lq"} <= set(rows[0])
    assert len(rows) == 88  # every SNI division
    steel = next(r for r in rows if r["industry"] == "24")
    expected = location_quotients(conn, year=2023, regions=["20"]).set_index("industry").at["24", "lq"]
    assert float(steel["lq"]) == pytest.approx(expected)
    assert steel["region"] == "20" and steel["year"] == "2023"


def test_json_and_the_levels_and_references(capsys, store_url):
    code, out, _err = run(
        capsys,
        "location-quotients",
        "--db",
        store_url,
        "--year",
        "2023",
        "--level",
        "a10",
        "--reference",
        "SE31",
        "--region",
        "17,20",
        "--format",
        "json",
    )
    assert code == 0
    rows = json.loads(out)
    assert {r["region"] for r in rows} == {"17", "20"}
    assert {r["reference"] for r in rows} == {"SE31"}
    assert len(rows) == 2 * 11  # the eleven A*10 rows, C included


@pytest.mark.parametrize(
    "args, flag",
    [
        (["--region", "99"], "--region 99"),  # unknown region
        (["--level", "kommun"], "--level kommun"),  # unknown industry level
        (["--year", "1901"], "--year 1901"),  # no data that year
        (["--reference", "17"], "--reference 17"),  # not riket or Norra Mellansverige
        (["--industry", "XX"], "--industry XX"),  # no such industry at the level
    ],
)
def test_bad_input_exits_non_zero_naming_the_argument(capsys, store_url, args, flag):
    code, out, err = run(capsys, "location-quotients", "--db", store_url, *args)
    assert code == 2
    assert flag in err
    assert out == ""


def test_an_industry_without_employees_in_the_reference_is_refused(capsys, tmp_path):
    url = make_store(tmp_path / "zero.sqlite", SMALL)
    code, _out, err = run(capsys, "location-quotients", "--db", url, "--industry", "05", "--region", "20")
    assert code == 2
    assert "--industry 05" in err and "referensen" in err


def test_a_missing_store_file_is_named(capsys, tmp_path):
    code, _out, err = run(capsys, "location-quotients", "--db", f"sqlite:///{tmp_path}/none.sqlite")
    assert code == 2 and "--db" in err
    assert not (tmp_path / "none.sqlite").exists()  # nothing created by asking


@pytest.mark.parametrize(
    "command, columns",
    [
        (["higher-education", "--year", "2023"], {"share", "reference_share", "lq"}),
        (["size-change"], {"start_year", "change", "change_pct", "share_of_region"}),
        (["shift-share", "--start", "2015"], {"national_growth", "industry_mix", "regional_component"}),
        (["innovation", "--per", "inhabitants"], {"measure", "rate", "lq"}),
        (["academic", "--university", "du"], {"subject", "publications", "lq"}),
        (["strengths", "--level", "section"], {"strong", "stars", "category"}),
        (["test-areas", "--level", "section"], {"test_area", "assessment"}),
    ],
)
def test_every_indicator_has_a_command_of_the_same_form(capsys, store_url, command, columns):
    extra = [] if command[0] in ("academic", "strengths", "test-areas") else ["--region", "20"]
    code, out, err = run(capsys, *command, "--db", store_url, *extra)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and columns <= set(rows[0])


def test_test_areas_lists_each_county_area_and_new_candidates(capsys, store_url):
    code, out, _err = run(capsys, "test-areas", "--db", store_url, "--level", "section")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assessed = [r for r in rows if r["assessment"] != "ny_kandidat"]
    assert len(assessed) == 15  # the three counties' test areas in the project plan
    assert {r["assessment"] for r in assessed} <= {"bekraftas", "delvis", "bekraftas_inte"}


def test_the_module_runs_as_a_program_without_a_traceback(store_url):
    result = subprocess.run(
        [sys.executable, "-m", "indicators", "location-quotients", "--db", store_url, "--region", "99"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--region 99" in result.stderr
