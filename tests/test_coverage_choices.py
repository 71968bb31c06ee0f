"""What the store holds, what is missing and who would supply it; the defaults the data chooses; the CLI."""

from __future__ import annotations

import csv
import io

import pytest

import indicators
from app import create_app
from data.store import engine_for
from indicators.__main__ import main
from indicators.choices import default_view, level_choices, year_choices
from indicators.coverage import indicator_coverage, measure_coverage, missing_message
from indicators.provenance import indicator_provenance


@pytest.fixture()
def real(real_store_url):
    with engine_for(real_store_url).connect() as conn:
        yield conn


def test_coverage_says_per_measure_what_is_real_with_years_levels_and_regions(real):
    cov = measure_coverage(real)
    employees = cov[cov["measure"] == "employees"].iloc[0]
    assert (employees["kind"], employees["first"], employees["last"]) == ("real", 2000, 2018)
    assert employees["levels"] == {"a10": "complete", "section": "partial", "total": "complete"}
    assert employees["regions"] == ["00", "17", "20", "21", "SE31"]
    none = set(cov.loc[cov["kind"] == "none", "measure"])
    assert {"employees_higher_ed", "patent_applications", "trademark_applications", "publications"} == none
    assert set(cov.loc[cov["measure"] == "new_firms", "dataset"]) == {
        "tillvaxtanalys_nystartade_lan",
        "tillvaxtanalys_nystartade_kommun_kvartal",
    }


def test_coverage_per_indicator_never_calls_real_what_has_no_data(real):
    indicators.load_all()
    cov = indicator_coverage(real).set_index("indicator")
    assert cov.at["location_quotient", "status"] == "real"
    assert cov.at["higher_education", "status"] == "partial"  # employees real, the educated none
    assert cov.at["higher_education", "kinds"] == {"employees_higher_ed": "none", "employees": "real"}
    meta = indicators.INDICATORS["higher_education"]
    url = real.engine.url.render_as_string(hide_password=False)
    app = create_app({"DATABASE_URL": url, "TESTING": True, "SECRET_KEY": "test"})
    with app.server.app_context():  # the methods page's provenance is cached per app
        provenance = indicator_provenance(real, meta, url)
    assert provenance["status"] == "partial" and provenance["kinds"]["employees_higher_ed"] == "none"
    assert set(provenance["datasets"]["code"]) == {"eurostat_nama_10r_3empers"}


@pytest.mark.parametrize(
    "lang, words",
    [
        (
            "sv",
            [
                "Uppgift saknas: sysselsatta efter arbetsställe på nivån SNI-avdelning för Värmlands län år 2017.",
                "Databasen har: NACE A*10 2000–2018.",
                "python -m data fetch-pxweb --recipe scb_rams_sni_avdelning_2008_2018",
            ],
        ),
        (
            "en",
            [
                "No data: Employed persons by place of work at the level SNI division for Värmland County in 2017.",
                "The store holds: NACE A*10 2000–2018.",
                "Would be supplied by: SCB, table AM0207K/DagSNIK",
            ],
        ),
    ],
)
def test_a_missing_message_names_measure_level_years_regions_and_what_would_supply_them(real, lang, words):
    message = missing_message(real, "employees", level="division", years=[2017], regions=["17"], lang=lang)
    for word in words:
        assert word in message["text"]
    assert message["supply"] and all(not s["tried"] for s in message["supply"])  # said so, never claimed


def test_a_measure_without_any_data_still_says_what_would_supply_it(real):
    message = missing_message(real, "patent_applications", level="a10", years=[2017], regions=["17"])
    assert message["have"] == "" and message["supply"]
    assert message["text"].startswith("Uppgift saknas: patentansökningar på nivån NACE A*10 för Värmlands län år 2017.")


def test_views_open_on_the_latest_year_and_finest_level_with_real_data(real):
    assert default_view(real, region="17") == {"year": 2017, "level": "a10", "complete": True}
    assert default_view(real, region="SE31") == {"year": 2017, "level": "a10", "complete": True}
    assert default_view(real, region="1780") == {"year": None, "level": None, "complete": False}  # no municipal data


def test_year_and_level_choices_are_flagged_by_whether_they_have_data(real):
    years = year_choices(real, region="17", level="a10").set_index("year")
    assert not years.at[2018, "has_data"]  # 2018 holds the total only
    assert years.at[2017, "complete"] and years.at[2000, "complete"]
    levels = level_choices(real, region="17", year=2017).set_index("level")
    assert levels.at["a10", "complete"] and not levels.at["division", "has_data"]
    assert levels.at["section", "has_data"] and not levels.at["section", "complete"]  # A, C, F, J, K, L only
    assert list(levels.index) == ["division", "section", "sector", "a10"]  # finest first


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_cli_names_the_years_that_exist_and_exits_non_zero_for_an_empty_answer(capsys, real_store_url):
    code, out, err = run(
        capsys, "location-quotients", "--db", real_store_url, "--year", "2018", "--region", "17", "--level", "a10"
    )
    assert code == 1 and out == ""
    assert "År med värden för 17 på nivån a10: 2000–2017." in err
    code, out, err = run(
        capsys, "location-quotients", "--db", real_store_url, "--year", "1999", "--region", "17", "--level", "a10"
    )
    assert code == 2 and "--year 1999" in err and "2000–2017" in err


def test_the_cli_takes_nuts_codes_wherever_it_takes_scb_codes(capsys, real_store_url):
    """SE31's manufacturing LQ against Sweden in 2017 is 1.28 (SOURCES.md)."""
    args = ["location-quotients", "--db", real_store_url, "--year", "2017", "--level", "a10"]
    code, out, err = run(capsys, *args, "--region", "SE31", "--reference", "SE")
    assert code == 0, err
    rows = {r["industry"]: r for r in csv.DictReader(io.StringIO(out))}
    assert round(float(rows["C"]["lq"]), 2) == 1.28 and rows["C"]["reference"] == "00"
    code, nuts_out, _err = run(capsys, *args, "--region", "SE311,SE312")
    code_scb, scb_out, _err = run(capsys, *args, "--region", "17,20")
    assert code == code_scb == 0 and nuts_out == scb_out


def test_the_cli_shows_whether_a_quotient_is_uncertain_from_rounding(capsys, real_store_url):
    code, out, _err = run(
        capsys, "location-quotients", "--db", real_store_url, "--year", "2017", "--region", "17", "--level", "a10"
    )
    rows = {r["industry"]: r for r in csv.DictReader(io.StringIO(out))}
    assert code == 0
    assert rows["K"]["uncertain"] == "True"  # 2 000 persons, rounded to thousands
    assert rows["G-I"]["uncertain"] == "False"  # 29 000 persons


def test_the_cli_opens_on_the_level_with_data_and_names_what_an_empty_answer_lacks(capsys, real_store_url):
    code, out, err = run(capsys, "strengths", "--db", real_store_url, "--region", "SE31")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0, err
    assert {r["industry"] for r in rows} >= {"B-E", "C", "O-Q"} and {r["year"] for r in rows} == {"2017"}
    code, out, err = run(capsys, "innovation", "--db", real_store_url, "--region", "17")
    assert code == 1 and out == ""
    assert "Uppgift saknas: nystartade företag på nivån NACE A*10 för Värmlands län." in err
    assert "Databasen har: alla branscher 1994–2021." in err


def test_the_analysis_on_real_data_says_what_is_missing_and_shows_no_zero_for_it(real):
    from indicators.analysis import strength_analysis

    analysis = strength_analysis(real, regions=["17", "20", "21"], level="a10")
    notes = [sv for sv, _en in analysis.notes]
    assert "Uppgift saknas om patentansökningar år 2017." in notes
    assert "Uppgift saknas om nystartade företag per bransch år 2017." in notes
    table = analysis.table
    for col in ("count_patent_applications", "count_new_firms", "he_share", "academic_lq"):
        assert table[col].isna().all(), col  # missing, never 0
    assert not table["renewal"].any() and not table["academic"].any()
    assert (table.loc[table["region"] == "17"].set_index("industry").at["C", "nested_in"]) == "B-E"
