"""Regionen i siffror: the latest real value and the series per county, each with its dataset and source."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from data.real import MANIFEST, REAL_DIR, manifest, readme
from data.store import engine_for
from indicators.key_figures import latest_region_figures, per_inhabitants, region_figures


@pytest.fixture()
def real(real_store_url):
    with engine_for(real_store_url).connect() as conn:
        yield conn


def test_the_latest_real_figures_per_county_with_their_sources(real):
    latest = latest_region_figures(real).set_index(["region", "measure"])
    employment = latest.loc[("17", "employees")]
    assert (employment["year"], employment["value"]) == (2017, 121_000)  # Värmland, Eurostat
    assert employment["source"] == "Eurostat, nama_10r_3empers (via Data Commons)"
    index = latest.loc[("20", "innovation_index")]
    assert index["year"] == 2021 and index["value"] == pytest.approx(75.469415030)
    assert latest.loc[("21", "rd_business"), "dataset"] == "kolada_fou_utgifter_lan"
    assert not latest["is_example"].any()


def test_new_firms_are_a_count_with_its_reason_where_the_same_years_population_is_missing(real):
    latest = latest_region_figures(real).set_index(["region", "measure"])
    firms = latest.loc[("17", "new_firms")]
    assert (firms["year"], firms["value"], firms["basis"]) == (2021, 1650, "count")
    assert firms["reason"] == "no_population"  # the shipped population is April 2026 only


def test_per_inhabitants_only_for_the_same_region_and_year():
    firms = pd.DataFrame(
        dict(region=["17", "17"], topic="new_firms", measure="new_firms", year=[2021, 2022], value=[1650.0, 1700.0])
    ).assign(
        unit_sv="företag", unit_en="firms", basis="count", reason=None, dataset="nya", source="TVA", is_example=False
    )
    population = pd.DataFrame(dict(region=["17"], year=[2022], value=[283_000.0], dataset=["folk"]))
    out = per_inhabitants(firms, population).set_index("year")
    assert (
        out.at[2022, "value"] == pytest.approx(1700 / 283_000 * 1000)
        and out.at[2022, "basis"] == "per_1000_inhabitants"
    )
    assert out.at[2021, "value"] == 1650 and out.at[2021, "reason"] == "no_population"


def test_regions_without_the_data_say_so_instead_of_a_zero(real):
    latest = latest_region_figures(real).set_index(["region", "measure"])
    for measure in ("new_firms", "rd_business", "innovation_index"):
        row = latest.loc[("SE31", measure)]
        assert pd.isna(row["value"]) and row["reason"] == "no_data"
    series = region_figures(real)
    assert not (series["value"] == 0).any()


@pytest.mark.parametrize("topic", ["employment", "new_firms", "rd", "innovation_index"])
def test_one_topic_read_alone_is_that_topic_of_all_of_them(real, topic):
    every = region_figures(real)
    alone = region_figures(real, topics=(topic,))
    assert not alone.empty and set(alone["topic"]) == {topic}
    expected = every[every["topic"] == topic].reset_index(drop=True)
    pd.testing.assert_frame_equal(alone.astype(object), expected.astype(object))  # "reason": None or str


def test_every_shipped_file_is_in_the_manifest_and_the_readme_is_generated_from_it():
    files = {p.name for p in REAL_DIR.iterdir() if p.suffix in (".csv", ".json")}
    described = {e.file for e in manifest()} | {"sweden_counties_municipalities_scb_codes.csv"}
    assert files == described
    for entry in manifest():
        for field in ("title_sv", "title_en", "publisher", "source", "table", "url", "licence", "unit", "caveats_sv"):
            assert entry.fields.get(field), (entry.code, field)
    assert (REAL_DIR / "README.md").read_text(encoding="utf-8") == readme(), (
        "data/real/README.md is out of date: python -m data shipped --readme > data/real/README.md"
    )
    assert MANIFEST.name == "manifest.toml"


def test_a_county_missing_one_sector_of_rd_gets_no_total_written_at_its_bar():
    from figures.overview import stacked_bars

    frame = pd.DataFrame(
        {
            "region": ["17", "17", "17", "20", "20", "20"],
            "part": ["business", "public", "university"] * 2,
            "value": [3700.0, 100.0, 1571.0, 2400.0, None, 600.0],  # Dalarna's public sector not published
        }
    )
    names = {"17": "Värmlands län", "20": "Dalarnas län"}
    parts = {"business": "Företag", "public": "Offentlig sektor", "university": "Universitet och högskolor"}
    figure = go.Figure(stacked_bars(frame, names, parts, "sv", unit="kr per invånare")).to_plotly_json()
    written = next(t for t in figure["data"] if t.get("mode") == "text")
    assert list(written["text"]) == ["5\xa0371", "summa:<br>uppgift saknas"]  # never 3 000 as if it were the total
    assert written["cliponaxis"] is False
    university = next(t for t in figure["data"] if t.get("name") == "Universitet och högskolor")
    assert list(university["base"]) == [3800.0, 2400.0]  # Dalarna's part after the missing one starts at its end
