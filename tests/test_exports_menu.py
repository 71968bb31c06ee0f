"""The export menu and view downloads as components, rate limits, and a server without Chromium."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app import create_app
from figures import render
from figures.export_layout import SLIDE, export_figure, preset
from figures.spec import ChartSpec
from layouts.card import card_values
from layouts.downloads import downloads, view_downloads
from tests.dash_json import as_json, card, find, links, nodes, page_layout, text
from tests.specs import built


@pytest.fixture(scope="module")
def employment(app):
    return built(app, "start", "employment", strict=True)


def test_menu_lists_every_format_with_the_page_filters_and_language(client):
    menu = card(page_layout(client, "/?lang=en&junk=1"), "start", "employment")["links"]
    assert menu == {
        "PNG 1920 × 1080 (slide)": "/export/start/employment.png?lang=en",
        "PNG 1280 × 720": "/export/start/employment.png?lang=en&size=1280x720",
        "PNG at the chart's size": "/export/start/employment.png?lang=en&size=own",
        "SVG": "/export/start/employment.svg?lang=en",
        "PDF": "/export/start/employment.pdf?lang=en",
        "Data (CSV)": "/export/start/employment.csv?lang=en",
        "Data (XLSX, with source)": "/export/start/employment.xlsx?lang=en",
    }  # the junk parameter the page ignored is not passed on (it would give a 400)
    menu_node = find_menu(page_layout(client, "/?lang=en"))
    assert menu_node["type"] == "Details"  # opens with the keyboard (Enter/Space on its summary)


def find_menu(page) -> dict:
    footer = find(page, "start-employment-chart-footer")
    return next(n for n in nodes(footer) if n["type"] == "Details")


def menu(lang: str, qs: str = "") -> dict:
    return as_json(downloads("start", "employment", "Sysselsatta i de tre länen", lang, qs))


def test_without_chromium_the_menu_says_so_and_data_still_downloads(monkeypatch, client):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    monkeypatch.setattr(render, "renderer", render.Renderer())
    assert "Chromium saknas" in text(menu("sv"))
    assert set(links(menu("sv"))) == {"Data (CSV)", "Data (XLSX, med källa)"}
    assert "Chromium saknas" in text(as_json(view_downloads("start", "sv", "")))
    response = client.get("/export/start/employment.png")
    assert response.status_code == 503
    assert "CSV och XLSX" in response.get_data(as_text=True)
    assert client.get("/export/start.pptx").status_code == 503
    assert client.get("/export/start/employment.csv").status_code == 200


def test_a_chromium_that_will_not_start_is_reported_not_waited_for(monkeypatch, client):
    monkeypatch.setenv("BROWSER_PATH", "/bin/false")  # exists, runs, is no browser
    monkeypatch.setattr(render, "renderer", render.Renderer())
    assert "Chromium" not in text(menu("sv"))  # not known yet: images offered
    response = client.get("/export/start/employment.svg?lang=en")
    assert response.status_code == 503
    assert "does not start" in response.get_data(as_text=True)
    assert "Chromium saknas eller startar inte" in text(menu("sv"))
    assert client.get("/export/start/employment.xlsx").status_code == 200


@pytest.mark.parametrize(
    "view,path",
    [
        ("start", "/"),
        ("styrkeomraden", "/styrkeomraden"),
        ("klusterkartering", "/klusterkartering"),
        ("foretagsenkat", "/foretagsenkat"),
        ("milstolpar", "/milstolpar"),
    ],
)
def test_every_view_with_charts_downloads_as_a_deck_and_a_zip(client, view, path):
    found = links(find(page_layout(client, path + "?lang=en"), "shell-content"))
    assert {k: v.split("?")[0] for k, v in found.items() if v.startswith(f"/export/{view}.")} == {
        "Download as presentation (PPTX)": f"/export/{view}.pptx",
        "Download all charts (ZIP)": f"/export/{view}.zip",
    }


@pytest.mark.parametrize("path", ["/om-data-och-metod", "/tillganglighet"])
def test_a_page_of_text_offers_nothing_to_download(client, path):
    assert [h for h in links(page_layout(client, path)).values() if h.startswith("/export/")] == []


def test_the_chart_has_no_camera_the_menu_gives_the_slide_picture_and_the_numbers(client, employment):
    # The mode bar's camera gave a bare picture (no title, source or date) and covered legends on a phone:
    # the card's menu gives the finished picture at slide size and the numbers instead.
    graph = find(page_layout(client, "/"), "start-employment-graph")["props"]
    assert graph["config"]["displayModeBar"] is False and graph["config"]["locale"] == "sv"
    found = {k: v for k, v in links(page_layout(client, "/")).items() if v.startswith("/export/start/employment.")}
    assert found["PNG 1920 × 1080 (presentation)"] == "/export/start/employment.png"
    assert found["Data (XLSX, med källa)"] == "/export/start/employment.xlsx"
    figure, _style, head, caption, *_ = card_values(employment, "sv", "")
    assert caption == employment.summary
    # The page draws the chart's own traces; its legend is text above the chart (figures.legend), with the
    # counties in the chart's colours, and the pictures keep Plotly's legend.
    assert figure["data"] == employment.figure_dict()["data"] and figure["layout"]["showlegend"] is False
    legend = re.findall(r'<li><span class="legend-mark legend-line" style="color: (#\w+)"', head.html)
    assert legend == [trace["line"]["color"] for trace in employment.figure_dict()["data"]]
    assert all(f"</span>{name}</li>" in head.html for name in ("Värmlands län", "Dalarnas län", "Gävleborgs län"))


@pytest.mark.parametrize(
    "status,mark",
    [("example", "Exempeldata"), ("mixed", "Delvis exempeldata"), ("real", None)],  # real numbers carry no mark
)
def test_source_line_marks_example_data_only_where_it_applies(employment, status, mark):
    spec = ChartSpec(**{**employment.__dict__, "data_status": status, "source": "Källa: SCB"})
    fig = export_figure(spec, "sv", preset("1920x1080", spec), date(2026, 5, 4))
    footer = fig["layout"]["legend99"]["title"]["text"]
    assert footer.startswith("Källa: SCB") and "Uttagsdatum 2026-05-04" in footer
    assert ("xempeldata" in footer) == (mark is not None)
    if mark:
        assert f">{mark}<" in footer


def test_export_fonts_are_slide_sized_and_keep_the_number_separators(employment):
    fig = export_figure(employment, "sv", preset("1920x1080", employment), date(2026, 5, 4))
    assert fig["layout"]["font"]["size"] == SLIDE.base > employment.figure.layout.font.size
    assert fig["layout"]["separators"] == employment.figure.layout.separators == ",\u00a0"


@pytest.fixture()
def limited(store_url):
    """An app whose exports allow two pictures, one view and three data files per minute."""
    app = create_app(
        {
            "DATABASE_URL": store_url,
            "TESTING": True,
            "SECRET_KEY": "test",
            "EXPORT_RATELIMIT_ENABLED": True,
            "EXPORT_LIMIT_IMAGE": "2/minute",
            "EXPORT_LIMIT_VIEW": "1/minute",
            "EXPORT_LIMIT_DATA": "3/minute",
        }
    )
    return app.server.test_client()


def test_a_client_asking_too_often_is_told_to_wait(limited):
    # Refused requests count too (they cost no rendering, so the test stays quick).
    for _ in range(2):
        assert limited.get("/export/start/employment.png?size=huge").status_code == 400
    response = limited.get("/export/start/employment.png?size=huge")
    assert response.status_code == 429
    assert "För många nedladdningar" in response.get_data(as_text=True)
    assert "Retry-After" in response.headers
    # Each kind of export has its own budget: data still downloads, a deck once.
    assert limited.get("/export/start/employment.csv").status_code == 200
    assert limited.get("/export/start.pptx?region=1").status_code == 400
    assert limited.get("/export/start.zip?region=1&lang=en").status_code == 429
    assert "Too many downloads" in limited.get("/export/start.zip?lang=en").get_data(as_text=True)
    # Another client is not held back by this one.
    other = limited.get("/export/start/employment.png?size=huge", environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert other.status_code == 400


def test_the_page_figure_starts_with_the_room_its_labels_take(employment):
    """Plotly drew a chart, widened a margin for its labels and drew it again; the page now sets that room first.

    The numbers are the margins Plotly settled on in Chromium for this chart (1280 and 375 px): the figure as
    built leaves them to automargin (10 px), the page's figure starts with at least as much.
    """
    built_margin = employment.figure_dict()["layout"]["margin"]
    assert built_margin["l"] < 96 and built_margin["b"] < 55
    figure = card_values(employment, "sv", "")[0]
    margin = figure["layout"]["margin"]
    assert 96 <= margin["l"] <= 96 + 20 and 55 <= margin["b"] <= 55 + 15  # room, and not much more
