"""The export menu and view downloads as components, rate limits, and a server without Chromium."""

from __future__ import annotations

from datetime import date

import pytest
from dash import dcc, html
from layouts.chart import chart_slot, downloads, render_chart, view_downloads

from app import create_app
from callbacks import registry
from figures import render
from figures.export_layout import SLIDE, export_figure, preset
from figures.spec import ChartSpec


def walk(component):
    """Yield a Dash component and everything inside it."""
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, (str, int, float)):
            yield from walk(child)


def text_of(component) -> str:
    parts = []
    for c in walk(component):
        kids = getattr(c, "children", None)
        parts += [k for k in (kids if isinstance(kids, (list, tuple)) else [kids]) if isinstance(k, str)]
    return " ".join(parts)


def links(component) -> dict[str, str]:
    return {text_of(a): a.href for a in walk(component) if isinstance(a, html.A)}


@pytest.fixture(scope="module")
def employment(app):
    with app.server.app_context():
        return registry.build_chart("start", "employment", {}, strict=True)


def test_menu_lists_every_format_with_the_page_filters_and_language(employment):
    menu = downloads(employment, "en", {"lang": "en", "junk": "1"})
    assert isinstance(menu, html.Details)  # opens with the keyboard (Enter/Space on its summary)
    assert links(menu) == {
        "PNG 1920 × 1080 (slide)": "/export/start/employment.png?lang=en",
        "PNG 1280 × 720": "/export/start/employment.png?lang=en&size=1280x720",
        "PNG at the chart's size": "/export/start/employment.png?lang=en&size=own",
        "SVG": "/export/start/employment.svg?lang=en",
        "PDF": "/export/start/employment.pdf?lang=en",
        "Data (CSV)": "/export/start/employment.csv?lang=en",
        "Data (XLSX, with source)": "/export/start/employment.xlsx?lang=en",
    }  # the junk parameter the page ignored is not passed on (it would give a 400)


def test_without_chromium_the_menu_says_so_and_data_still_downloads(monkeypatch, employment, client):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    monkeypatch.setattr(render, "renderer", render.Renderer())
    menu = downloads(employment, "sv", {})
    assert "Chromium saknas" in text_of(menu)
    assert set(links(menu)) == {"Data (CSV)", "Data (XLSX, med källa)"}
    assert "Chromium saknas" in text_of(view_downloads("start", "sv", {}))
    response = client.get("/export/start/employment.png")
    assert response.status_code == 503
    assert "CSV och XLSX" in response.get_data(as_text=True)
    assert client.get("/export/start.pptx").status_code == 503
    assert client.get("/export/start/employment.csv").status_code == 200


def test_a_chromium_that_will_not_start_is_reported_not_waited_for(monkeypatch, employment, client):
    monkeypatch.setenv("BROWSER_PATH", "/bin/false")  # exists, runs, is no browser
    monkeypatch.setattr(render, "renderer", render.Renderer())
    assert "Chromium" not in text_of(downloads(employment, "sv", {}))  # not known yet: images offered
    response = client.get("/export/start/employment.svg?lang=en")
    assert response.status_code == 503
    assert "does not start" in response.get_data(as_text=True)
    assert "Chromium saknas eller startar inte" in text_of(downloads(employment, "sv", {}))
    assert client.get("/export/start/employment.xlsx").status_code == 200


def test_view_downloads_offer_deck_and_zip_only_where_there_are_charts():
    found = links(view_downloads("start", "sv", {}))
    assert found == {
        "Ladda ner som presentation (PPTX)": "/export/start.pptx",
        "Ladda ner alla diagram (ZIP)": "/export/start.zip",
    }
    assert view_downloads("metod", "sv", {}) is None


def test_camera_button_gives_the_slide_preset_and_the_file_name(employment):
    graph = next(c for c in walk(chart_slot("start", "employment", "sv")) if isinstance(c, dcc.Graph))
    options = graph.config["toImageButtonOptions"]
    assert options["filename"] == "start_employment"
    assert graph.config["locale"] == "sv"
    [value] = render_chart(employment, "sv", {})
    assert value["figure"] is employment.figure and value["caption"] == employment.summary
    assert (options["width"] * options["scale"], options["height"] * options["scale"]) == (1920, 1080)


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
