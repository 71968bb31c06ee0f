"""In real Chromium: a reader opens a chart's export menu, with mouse or keyboard, and gets the file."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pptx import Presentation

from tests.pages import goto

pytestmark = pytest.mark.browser


def test_export_menu_gives_the_slide_png_with_a_telling_name(watched, tmp_path):
    page = watched.page
    goto(page, watched.base_url + "/")
    card = page.locator("#start-employment-chart")
    link = card.get_by_role("link", name="PNG 1920 × 1080 (presentation)")
    assert not link.is_visible()  # the menu is closed until asked for
    card.locator("summary", has_text="Ladda ner").click()
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "start_sysselsatta_lan.png"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert Image.open(path).size == (1920, 1080)
    assert watched.console_errors == []


def test_export_menu_works_with_the_keyboard_alone(watched):
    page = watched.page
    goto(page, watched.base_url + "/?lang=en")
    summary = page.locator("#start-employment-chart .export-menu > summary")
    summary.focus()
    page.keyboard.press("Enter")
    csv_link = page.locator("#start-employment-chart").get_by_role("link", name="Data (CSV)")
    assert csv_link.is_visible()
    csv_link.focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "start_sysselsatta_lan.csv"
    assert open(download.path(), encoding="utf-8-sig").readline().strip() == "Region,Year,Employees,Example data"


def test_whole_view_downloads_as_a_presentation(watched):
    page = watched.page
    goto(page, watched.base_url + "/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Ladda ner som presentation (PPTX)").click()
    download = info.value
    assert download.suggested_filename.startswith("start_presentation_")
    deck = Presentation(io.BytesIO(open(download.path(), "rb").read()))
    titles = [s.shapes.title.text for s in deck.slides]
    assert "Sysselsatta i de tre länen" in titles
    assert watched.foreign_requests == []
