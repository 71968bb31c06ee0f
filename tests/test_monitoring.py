"""The monitoring view (Uppföljning): the model's arithmetic by hand, every priority area on the real store, the
page over HTTP in both languages, its exports, and one visit in Chromium at desktop and phone width."""

from __future__ import annotations

import csv
import io
import math
import re
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from pptx import Presentation
from sqlalchemy import delete

import charts
from data import schema as s
from data.store import engine_for
from indicators.monitoring import area_progress, baseline_year, compare, finest_codes, growth_bounds
from indicators.source import FactSource
from tests.browser import LiveServer
from tests.monitoring_support import layout_text
from tests.pages import goto, settle

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@pytest.fixture(scope="module")
def real_client(real_app):
    return real_app.server.test_client()


@pytest.fixture(scope="module")
def real_conn(real_store_url):
    with engine_for(real_store_url).connect() as conn:
        yield conn


@pytest.mark.parametrize(
    "years,expected",
    [
        ([2000, 2016, 2017], 2016),  # the strategy's start itself
        ([2011, 2013, 2015, 2017, 2019], 2015),  # R&D, odd years: a tie goes to the year before the start
        ([2018, 2022], 2018),  # Regionfakta: the nearest year after
        ([], None),  # no data: no baseline, never a made-up year
    ],
)
def test_the_baseline_is_2016_or_the_nearest_year_with_data(years, expected):
    assert baseline_year(years) == expected


def test_a_change_within_the_rounding_gets_no_direction():
    # 19 000 -> 19 000 persons, published to the nearest thousand: anything from -5 % to +5.6 % is possible
    low, high = growth_bounds(19_000, 19_000, 500)
    assert (round(low, 4), round(high, 4)) == (round(18_500 / 19_500 - 1, 4), round(19_500 / 18_500 - 1, 4))
    assert compare((low, high), (0.024, 0.024)) == "within_rounding"
    # unrounded counts: +10 % against +3 % is faster, and the other way round slower
    assert compare(growth_bounds(100, 110, 0), (0.03, 0.03)) == "faster"
    assert compare(growth_bounds(100, 101, 0), (0.03, 0.03)) == "slower"
    assert compare(growth_bounds(100, 110, 0), (math.nan, math.nan)) == "no_data"


def test_manufacturing_divisions_are_counted_once_at_their_finest_a10_row():
    mapping = pd.DataFrame(
        {"division": ["24", "24", "35", "62"], "industry": ["B-E", "C", "B-E", "J"]}  # 24 lies in B-E and in C
    )
    assert finest_codes(["24"], mapping, "a10") == ["C"]
    assert finest_codes(["24", "35"], mapping, "a10") == ["B-E"]  # C lies inside B-E: not counted twice
    assert finest_codes(["24", "62"], mapping, "a10") == ["C", "J"]


def test_every_priority_area_is_followed_over_at_least_two_years_of_real_data(real_conn):
    progress = area_progress(FactSource(real_conn), regions=["17", "20", "21"])
    areas = pd.read_sql(s.test_area.select(), real_conn)
    assert sorted(progress["test_area"]) == sorted(areas["id"])
    assert progress["reason"].isna().all(), progress[["name_sv", "reason"]]
    assert (progress["baseline"] == 2016).all() and (progress["latest"] > progress["baseline"]).all()
    assert not progress["is_example"].any() and set(progress["dataset"]) == {"eurostat_nama_10r_3empers"}
    # 2016 -> 2017 with values rounded to thousands: no direction is claimed that the rounding could explain
    assert set(progress["vs_reference"]) <= {"within_rounding", "faster", "slower"}


def eurostat(year: int, geo: str) -> dict[str, float]:
    """Return the shipped Eurostat row of a year and NUTS code: column suffix (A, C, ..., TOTAL) -> persons."""
    path = next(REAL.glob("eurostat_nama_10r_3empers_*.csv"))
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Date"] == str(year) and row["GeoId"] == f"dcid:nuts/{geo}":
                return {
                    k.rsplit("/", 1)[-1] if "/" in k else "TOTAL": float(v)
                    for k, v in row.items()
                    if k.startswith("Count")
                }
    raise LookupError((year, geo))


def test_one_area_checked_against_the_source_file(real_conn):
    # Skoglig bioekonomi (Värmland) is linked to divisions 02, 16, 17: NACE A*10 A and C (manufacturing)
    row = area_progress(FactSource(real_conn), regions=["17"]).set_index("name_sv").loc["Skoglig bioekonomi"]
    assert row["codes"] == ["A", "C"]
    county, sweden = eurostat(2016, "SE311"), eurostat(2016, "SE")
    value = county["A"] + county["C"]
    assert row["value_start"] == value == 21_000
    assert row["share_start"] == pytest.approx(value / county["TOTAL"])
    assert row["lq_start"] == pytest.approx((value / county["TOTAL"]) / ((sweden["A"] + sweden["C"]) / sweden["TOTAL"]))


@pytest.fixture()
def store_without_links(real_store_url, tmp_path):
    """A copy of the real store in which one priority area has lost its links to industries."""
    source = real_store_url.removeprefix("sqlite:///")
    target = tmp_path / "s3.sqlite"
    shutil.copy(source, target)
    url = f"sqlite:///{target}"
    with engine_for(url).begin() as conn:
        conn.execute(delete(s.test_area_industry).where(s.test_area_industry.c.test_area == 3))
    yield url
    engine_for(url).dispose()


def test_an_area_without_linked_industries_says_so_instead_of_zeros(store_without_links):
    with engine_for(store_without_links).connect() as conn:
        progress = area_progress(FactSource(conn), regions=["20"]).set_index("test_area")
        spec = charts.spec_for(conn, "uppfoljning", "areas", "sv", {"county": "20", "reference": "00"})
    assert progress.at[3, "reason"] == "no_links" and pd.isna(progress.at[3, "value_latest"])
    rows = spec.page[1]["groups"][0]["rows"]
    health = next(r for r in rows if r["head"] == "Hälsa och välfärd")
    assert health["missing"] == "inga branscher kopplade till testområdet" and "cells" not in health
    assert "Uppgift saknas för: Hälsa och välfärd." in spec.summary


@pytest.mark.parametrize(
    "lang,words",
    [
        (
            "sv",
            [
                "Uppföljning",
                "Så fungerar uppföljningen: basår 2016",
                "Testområdena sedan basåret",
                "Skoglig bioekonomi",
                "Digitala tjänster och processer",
                "2016: 21 000 → 2017: 21 000",
                "ingen säker skillnad mot riket",
                "uppgift saknas för riket",  # R&D: Kolada has no value for Sweden
                "källan har inga av testområdets branscher",  # women: Hälsa och välfärd (Q) is not in A–G
                "S3-plattformen",
            ],
        ),
        (
            "en",
            [
                "Monitoring",
                "How the monitoring works: baseline 2016",
                "The priority areas since the baseline",
                "Forest-based bioeconomy",
                "Digital services and processes",
                "2016: 21,000 → 2017: 21,000",
                "no certain difference from Sweden",
                "no data for Sweden",
                "the source holds none of the priority area's industries",
                "S3 Platform",
            ],
        ),
    ],
)
def test_the_view_over_http_in_both_languages(real_client, lang, words):
    text = layout_text(real_client, "/uppfoljning" + ("?lang=en" if lang == "en" else ""))
    missing = [w for w in words if w not in text.replace("\u00a0", " ")]
    assert missing == []


def test_the_view_is_in_the_navigation(real_client):
    text = layout_text(real_client, "/styrkeomraden")
    assert "Uppföljning" in text


def test_the_areas_xlsx_holds_the_numbers_shown(real_client):
    response = real_client.get("/export/uppfoljning/areas.xlsx?county=17")
    assert response.status_code == 200 and response.mimetype == XLSX
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    rows = list(book["Data"].values)
    head, body = list(rows[0]), [dict(zip(rows[0], r)) for r in rows[1:]]
    assert head[:4] == ["Län", "Testområde", "Branscher", "Basår"]
    assert len(body) == 6  # Värmland's six priority areas
    forest = next(r for r in body if r["Testområde"] == "Skoglig bioekonomi")
    assert forest["Sysselsatta basår"] == 21_000 and forest["Basår"] == 2016 and forest["Senaste år"] == 2017
    assert forest["Sysselsatta 2016"] == 21_000  # the series behind the sparkline, year by year
    about = {r[0]: r[1] for r in book[book.sheetnames[1]].values}
    assert about["Källa"].startswith("Källa: Eurostat")


def test_the_view_deck_has_a_slide_per_chart(real_client):
    response = real_client.get("/export/uppfoljning.pptx")
    assert response.status_code == 200 and response.mimetype == PPTX
    slides = list(Presentation(io.BytesIO(response.data)).slides)
    # a long chart goes over several slides, "Title (1/3)" … (every row reaches the deck): one title per chart
    titles = list(dict.fromkeys(re.sub(r" \(\d+/\d+\)$", "", slide.shapes.title.text) for slide in slides))
    assert titles[1:5] == [
        "Testområdena sedan basåret",
        "Länet som helhet: nystartade företag och FoU",
        "Kvinnor och män i testområdenas branscher",
        "Genusperspektiv: testområden och styrkeområden",
    ]
    # the areas' small multiples are a picture on the slide (as a table they would be 18 year columns a row)
    picture = next(sh for sh in slides[1].shapes if sh.shape_type == 13)  # MSO_SHAPE_TYPE.PICTURE
    assert Image.open(io.BytesIO(picture.image.blob)).size[0] == 1920


def test_the_areas_png_opens(real_client):
    response = real_client.get("/export/uppfoljning/areas.png?county=20")
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert Image.open(io.BytesIO(response.data)).size == (1920, 1080)


def test_the_csv_reads_back(real_client):
    response = real_client.get("/export/uppfoljning/county.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=response_delimiter(response)))
    firms = [r for r in rows if r["Mått"] == "Nystartade företag"]
    assert len(firms) == 3 and {r["Basår"] for r in firms} == {"2016"}


def response_delimiter(response) -> str:
    first = response.data.decode("utf-8-sig").splitlines()[0]
    return ";" if first.count(";") > first.count(",") else ","


@pytest.fixture(scope="module")
def real_server(real_app):
    with LiveServer(real_app.server) as server:
        yield server


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_one_visit_passes_axe_without_console_errors(browser, real_server, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        goto(page, real_server.url + "/uppfoljning")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        found = [f"{v['id']}: {n['target']}" for v in result.response["violations"] for n in v["nodes"]]
        assert found == []
        assert errors == []
        # every sparkline has its words, and the page never scrolls sideways on a phone
        assert page.locator("img.sparkline:not([alt])").count() == 0
        assert page.locator("img.sparkline").count() >= 2 * 15
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        if width == 1280:  # a filter redraws the view and is kept in the address
            page.locator("select").first.select_option("20")
            settle(page)
            assert page.url.endswith("/uppfoljning?county=20")
            groups = page.locator("#uppfoljning-areas-chart-body .monitor-group").all_inner_texts()
            assert groups == ["Dalarnas län"]
            assert errors == []
    finally:
        context.close()


def test_the_gender_charts_notes_reach_the_deck_whole_on_a_slide_of_their_own(real_client):
    """The three long paragraphs under the gender chart ran past the slide's edge; they now have their own slide."""
    slides = list(Presentation(io.BytesIO(real_client.get("/export/uppfoljning.pptx").data)).slides)
    texts = ["\n".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in slides]
    notes_slide = next(t for t in texts if t.startswith("Noter: Genusperspektiv"))
    chart_slides = [t for t in texts if t.startswith("Genusperspektiv: testområden och styrkeområden")]
    assert chart_slides and all("Fler noter på bilden efter diagrammet." in t for t in chart_slides)
    assert "Dalarnas län: länet saknar egen statistik" in notes_slide
    assert "Gävleborgs län: länet saknar egen statistik" in notes_slide
    assert not any("Dalarnas län: länet saknar egen statistik" in t for t in chart_slides)  # each note once
