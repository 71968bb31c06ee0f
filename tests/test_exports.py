"""Chart and view exports over HTTP: every file is opened and checked the way a reader would use it."""

from __future__ import annotations

import io
import threading
import xml.etree.ElementTree as ET
import zipfile
from datetime import date

import openpyxl
import pypdf
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

import charts
from figures import render
from figures.export_layout import own_size
from figures.spec import ChartSpec
from figures.style import REGION_COLORS
from tests.specs import built

TODAY = date.today().isoformat()
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def employment(app):
    """The start page's chart as the exports build it (Swedish, default filters)."""
    return built(app, "start", "employment", strict=True)


def get_file(client, url: str, mimetype: str):
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == mimetype
    return response


def filename(response) -> str:
    return response.headers["Content-Disposition"].split('filename="')[1].split('"')[0]


def svg_texts(body: bytes) -> str:
    root = ET.fromstring(body)  # raises if the SVG does not parse
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


@pytest.mark.parametrize(
    "query,pixels,name",
    [
        ("", (1920, 1080), "start_sysselsatta_lan.png"),  # the slide preset, as the camera button gives
        ("?size=1280x720", (1280, 720), "start_sysselsatta_lan_1280x720.png"),
        ("?size=own", None, None),  # the chart's own size on screen, plus its title and source
    ],
)
def test_png_has_the_preset_size_and_says_what_it_is(client, employment, query, pixels, name):
    response = get_file(client, "/export/start/employment.png" + query, "image/png")
    image = Image.open(io.BytesIO(response.data))
    expected = pixels or own_size(employment)
    assert image.size == expected
    assert filename(response) == (name or "start_sysselsatta_lan_{}x{}.png".format(*expected))


def test_png_uses_the_screen_palette(client):
    image = Image.open(io.BytesIO(get_file(client, "/export/start/employment.png", "image/png").data)).convert("RGB")
    colours = {c for _n, c in image.getcolors(maxcolors=1_000_000)}
    for region in ("17", "20", "21"):  # one line per county, in the county's colour
        rgb = tuple(int(REGION_COLORS[region][i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in colours, region


def test_svg_carries_title_source_example_mark_date_and_swedish_numbers(client):
    texts = svg_texts(get_file(client, "/export/start/employment.svg", "image/svg+xml").data)
    assert "Sysselsatta i de tre länen" in texts
    assert "Sysselsatta personer med arbetsställe i länet, alla branscher" in texts
    assert "Källa: exempeldata" in texts
    assert "Exempeldata" in texts and f"Uttagsdatum {TODAY}" in texts
    assert "140\u00a0000" in texts  # Swedish thousands separator, as on screen


def test_svg_follows_the_page_language(client):
    texts = svg_texts(get_file(client, "/export/start/employment.svg?lang=en", "image/svg+xml").data)
    assert "Employees in the three counties" in texts
    assert "Example data" in texts and f"As of {TODAY}" in texts
    assert "140,000" in texts


def test_pdf_parses_and_is_a_widescreen_page_with_the_words(client):
    response = get_file(client, "/export/start/employment.pdf", "application/pdf")
    assert filename(response) == "start_sysselsatta_lan.pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (960, 540)  # 13.33 × 7.5 in
    text = page.extract_text()
    assert "Sysselsatta i de tre länen" in text and "Exempeldata" in text


def test_xlsx_has_the_data_and_a_sheet_with_source_and_definitions(client, employment):
    response = get_file(
        client, "/export/start/employment.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert filename(response) == "start_sysselsatta_lan.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["Data", "Källa och definitioner"]
    rows = list(book["Data"].values)
    assert list(rows[0]) == list(employment.table.columns)
    assert len(rows) == 1 + len(employment.table) == 1 + 3 * 16
    first = employment.table.iloc[0]
    assert rows[1][:3] == (first.iloc[0], int(first.iloc[1]), float(first.iloc[2]))
    about = {row[0]: row[1] for row in book["Källa och definitioner"].values}
    assert about["Titel"] == "Sysselsatta i de tre länen"
    assert about["Källa"].startswith("Källa: exempeldata")
    assert about["Exempeldata"].startswith("Exempeldata: påhittade siffror")
    assert about["Uttagsdatum"].date().isoformat() == TODAY


def test_xlsx_speaks_english_on_english_pages(client):
    response = client.get("/export/start/employment.xlsx?lang=en")
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["Data", "Source and definitions"]
    assert list(book["Data"].values)[0][:3] == ("Region", "Year", "Employees")


def test_pptx_has_title_slide_a_slide_per_chart_and_sources(client):
    response = get_file(
        client, "/export/start.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    )
    assert filename(response) == f"start_presentation_{TODAY}.pptx"
    deck = Presentation(io.BytesIO(response.data))
    slides = list(deck.slides)
    # The example store has only invented employees: the start page's other charts (real statistics the
    # example store leaves out) say "Uppgift saknas" and stay off the slides, named on the last one.
    assert [s.shapes.title.text for s in slides] == ["Start", "Sysselsatta i de tre länen", "Källor och definitioner"]
    left_out = slides[-1].placeholders[1].text_frame.text.split("Inte med: ")[1]
    assert "Regionen i siffror (inga data med dessa filter)" in left_out
    assert "Nystartade företag (Uppgift saknas: nystartade företag per län)" in left_out
    assert len(left_out.split("; ")) == len(charts.chart_keys("start")) - 1
    assert (deck.slide_width, deck.slide_height) == (12191695, 6858000)  # 16:9
    assert "Start" in slides[0].shapes.title.text
    assert TODAY[:4] in " ".join(s.text_frame.text for s in slides[0].shapes if s.has_text_frame)
    chart = slides[1]
    texts = [s.text_frame.text for s in chart.shapes if s.has_text_frame]
    pictures = [s for s in chart.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert chart.shapes.title.text == "Sysselsatta i de tre länen"  # editable text, not in the picture
    assert any(t.startswith("Källa: exempeldata") for t in texts) and any("Exempeldata" in t for t in texts)
    assert len(pictures) == 1
    assert Image.open(io.BytesIO(pictures[0].image.blob)).size[0] == 1920
    assert pictures[0]._element.nvPicPr.cNvPr.get("descr").startswith("Sysselsatta 2023")  # alt text
    assert slides[-1].shapes.title.text == "Källor och definitioner"
    assert "exempeldata (påhittade siffror)" in slides[-1].placeholders[1].text_frame.text


def test_zip_holds_every_chart_of_the_view_as_a_slide_sized_png(client):
    response = get_file(client, "/export/start.zip", "application/zip")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert archive.namelist() == ["start_sysselsatta_lan.png"]
    for name in archive.namelist():
        assert Image.open(io.BytesIO(archive.read(name))).size == (1920, 1080)


@pytest.mark.parametrize(
    "url,status,words",
    [
        ("/export/start/employment.png?region=99", 400, "Ogiltig parameter region='99': okänd parameter."),
        ("/export/start/employment.xlsx?region=99", 400, "region"),
        ("/export/start.pptx?region=99", 400, "region"),
        ("/export/start.zip?region=99&lang=en", 400, "Invalid parameter region='99': unknown parameter."),
        ("/export/milstolpar/list.csv?asof=ig%C3%A5r", 400, "asof='igår': inte ett datum ÅÅÅÅ-MM-DD som finns."),
        ("/export/start/employment.png?size=2000x2000", 400, "size"),  # not a preset
        ("/export/start/employment.csv?size=own", 400, "size"),  # sizes are for pictures only
        ("/export/start/nope.svg", 404, "start/nope"),
        ("/export/nope.pptx", 404, "nope"),
        ("/export/metod.zip", 404, "metod"),  # a view without charts
        ("/export/start/employment.docx", 404, "docx"),
    ],
)
def test_bad_export_requests_are_refused_in_words(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    assert response.mimetype == "text/plain"
    assert words in response.get_data(as_text=True)


def test_renderer_serves_parallel_requests_one_at_a_time(client):
    results = []

    def fetch(size):
        response = client.application.test_client().get(f"/export/start/employment.png?size={size}")
        results.append((size, response.status_code, Image.open(io.BytesIO(response.data)).size))

    threads = [threading.Thread(target=fetch, args=(s,)) for s in ("1920x1080", "1280x720", "1920x1080")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [
        ("1280x720", 200, (1280, 720)),
        ("1920x1080", 200, (1920, 1080)),
        ("1920x1080", 200, (1920, 1080)),
    ]
    assert render.renderer.running  # one browser, kept for the next request


def test_a_configured_logo_sits_in_the_top_right_corner(app, client, monkeypatch, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), (255, 0, 255)).save(logo)
    monkeypatch.setitem(app.server.config, "EXPORT_LOGO", str(logo))
    png = Image.open(io.BytesIO(get_file(client, "/export/start/employment.png", "image/png").data)).convert("RGB")
    assert png.size == (1920, 1080)

    def has_magenta(box) -> bool:
        return (255, 0, 255) in {c for _n, c in png.crop(box).getcolors(maxcolors=1_000_000)}

    assert has_magenta((1920 - 450, 0, 1920, 200))
    assert not has_magenta((0, 200, 1920, 1080))  # nowhere over the chart
    svg = get_file(client, "/export/start/employment.svg", "image/svg+xml").data
    assert len(list(ET.fromstring(svg).iter(f"{SVG}image"))) >= 1


def test_deck_leaves_out_broken_and_empty_charts_and_says_so(client, employment, monkeypatch):
    def broken(conn, lang):
        raise RuntimeError("a bug in one chart")

    def empty(conn, lang):
        return ChartSpec(
            **{**employment.__dict__, "key": "tom", "title": "Tomt diagram", "table": employment.table.head(0)}
        )

    monkeypatch.setitem(charts.CHARTS["start"], "trasig", broken)
    monkeypatch.setitem(charts.CHARTS["start"], "tom", empty)
    response = client.get("/export/start.pptx")
    assert response.status_code == 200
    slides = list(Presentation(io.BytesIO(response.data)).slides)
    assert [s.shapes.title.text for s in slides[1:]] == ["Sysselsatta i de tre länen", "Källor och definitioner"]
    left_out = slides[-1].placeholders[1].text_frame.text.split("Inte med: ")[1].split("; ")
    assert left_out[-2:] == ["trasig (kunde inte skapas)", "Tomt diagram (inga data med dessa filter)"]


def test_every_row_label_of_a_long_chart_stays_on_the_slide(employment):
    import pandas as pd

    from figures.export_images import chart_image
    from figures.style import apply_base, figure

    names = [f"Bransch nummer {i}" for i in range(30)]
    bars = dict(type="bar", x=list(range(30)), y=names, orientation="h")
    drawn = apply_base(figure([bars], {}), "sv", height=900)
    spec = ChartSpec(**{**employment.__dict__, "figure": drawn, "table": pd.DataFrame({"Bransch": names})})
    svg = chart_image(spec, "sv", "svg", as_of=date.today())
    labels = {"".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")}
    assert set(names) <= labels  # slide-sized labels would make Plotly drop every other one


def test_sources_too_long_for_one_slide_continue_on_the_next_and_none_is_cut():
    from figures.export_slides import CHARS_PER_ROW, ROWS_PER_SOURCE_SLIDE, _pages

    # a styrkeomraden deck had 1 heading, 6 sources, 2 long definitions and a left-out list of ~900 characters
    lines = [("Källor", 0, True)] + [(f"Källa {i}", 1, False) for i in range(6)]
    lines += [("Definitioner", 0, True)] + [("d" * 300, 1, False)] * 2 + [("Inte med: " + "x" * 900, 0, False)]
    pages = _pages(lines)
    assert len(pages) == 2 and [line for page in pages for line in page] == lines  # every line, in order, once
    for page in pages:
        assert sum(-(-len(text) // CHARS_PER_ROW) for text, _, _ in page) <= ROWS_PER_SOURCE_SLIDE
