"""The whole flow in real Chromium: the steering group's files from a fresh Milstolpar page; the manager signs in,
records a qualitative assessment and a value chain (a bad save first) and defines an indicator; a reader then
sees them on Styrkeområden and Milstolpar."""

from __future__ import annotations

import pytest

from tests.browser import LiveServer
from tests.conftest import PageWatch
from tests.milstolpar_support import PASSWORD, add_user, app_on, copy_store
from tests.pages import goto, settle

pytestmark = pytest.mark.browser
CONCLUSION = "Tillverkningen är länets styrka enligt intervjuerna."
CHAIN = "Elkraftutrustning för överföringsnät"
INDICATOR = "Workshops med klusterledare"


@pytest.fixture(scope="module")
def qa_server(real_store_url, tmp_path_factory):
    url = copy_store(real_store_url, tmp_path_factory.mktemp("qualitative-browser"))
    assert add_user(url, "projektledare", "manager") == 0
    with LiveServer(app_on(url).server) as server:
        yield server


@pytest.fixture()
def watched_page(browser, qa_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)  # the machine is shared; plotly.js is large
    yield PageWatch(page, qa_server.url)
    context.close()


def downloads_from_a_fresh_page(page) -> dict[str, bytes]:
    """Click each steering-group link right after the page loaded; return file name -> bytes."""
    files = {}
    for link in ("#milstolpar-export-xlsx", "#milstolpar-export-list", "#milstolpar-export-goals"):
        with page.expect_download() as info:
            page.locator(link).click()
        download = info.value
        with open(download.path(), "rb") as handle:
            files[download.suggested_filename] = handle.read()
    return files


OFFERED_JS = "([sel, value]) => [...document.querySelectorAll(sel + ' option')].some(o => o.value === value)"
IN_VIEW_JS = (
    "id => { const e = document.getElementById(id); return !!e && Math.abs(e.getBoundingClientRect().top) < 80; }"
)
# A row's name is written above its bar (figures.style.row_headings), as an annotation.
ROW_JS = "([sel, text]) => [...document.querySelectorAll(sel + ' .annotation-text')].some(t => t.textContent.startsWith(text))"


def offered(page, form: str, field: str, value: str) -> None:
    """Wait until a select offers a value (its options come from a callback)."""
    page.wait_for_function(OFFERED_JS, arg=[f"#edit-{form}-{field}", value])


def choose(page, form: str, field: str, value: str) -> None:
    page.locator(f"#edit-{form}-{field}").select_option(value)


def fill(page, form: str, field: str, value: str) -> None:
    page.locator(f"#edit-{form}-{field}").fill(value)


def saved(page, form: str, words: str) -> str:
    page.locator(f"#edit-{form}-message").get_by_text(words).wait_for()
    return page.locator(f"#edit-{form}-message").inner_text()


def test_manager_records_assessment_chain_and_indicator_and_a_reader_sees_them(watched_page, browser, qa_server):
    watched = watched_page
    page = watched.goto("/milstolpar?asof=2018-07-31")
    files = downloads_from_a_fresh_page(page)
    assert set(files) == {
        "milstolpar_styrgrupp_2018-07-31.xlsx",
        "milstolpar_lista_2018-07-31.csv",
        "milstolpar_maluppfyllelse_2018-07-31.csv",
    }
    assert "klar, två kvartal sent".encode() in files["milstolpar_lista_2018-07-31.csv"]

    # A milestone's activity leads to the plan's words on Om projektet, scrolled to that activity.
    page.locator("#milstolpe-8").get_by_role("link", name="6. Policylärande och lärande").click()
    page.wait_for_url("**/om-projektet#aktivitet-6")
    page.wait_for_function(IN_VIEW_JS, arg="aktivitet-6")
    assert page.locator("#aktivitet-6 h3").inner_text() == "Aktivitet 6: Policylärande och lärande"

    page = watched.goto("/kvalitativa-bedomningar")
    assert "Ingen kvalitativ bedömning har förts in." in page.locator("#bedomningar-records").inner_text()
    page.get_by_role("link", name="Logga in").click()
    page.get_by_label("Användarnamn").fill("projektledare")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/kvalitativa-bedomningar")
    settle(page)

    choose(page, "assessment", "region", "20")
    choose(page, "assessment", "level", "a10")
    offered(page, "assessment", "industry", "C")
    choose(page, "assessment", "industry", "C")
    choose(page, "assessment", "verdict", "bekraftar")
    fill(page, "assessment", "conclusion_sv", CONCLUSION)
    fill(page, "assessment", "interviews", "7")
    fill(page, "assessment", "assessed_on", "2017-02-15")
    fill(page, "assessment", "assessed_by", "Anna Analytiker")
    page.locator("#edit-assessment-save").click()
    assert "Ny post sparad" in saved(page, "assessment", "Ny post sparad")
    page.locator("#bedomningar-records").get_by_text(CONCLUSION).wait_for()

    # A value chain saved half-filled is refused, the fields named and marked; then completed and saved.
    choose(page, "value-chain", "region", "20")
    page.locator("#edit-value-chain-save").click()
    refusal = saved(page, "value-chain", "Inget sparades")
    assert "Värdekedja: fältet är tomt" in refusal and "Regioner utomlands: fältet är tomt" in refusal
    assert "is-invalid" in page.locator("#edit-value-chain-chain_sv").get_attribute("class")
    choose(page, "value-chain", "level", "a10")
    offered(page, "value-chain", "industry", "C")
    choose(page, "value-chain", "industry", "C")
    fill(page, "value-chain", "chain_sv", CHAIN)
    fill(page, "value-chain", "regions_abroad", "Schweiz: Zürich\nTyskland: Bayern")
    choose(page, "value-chain", "position", "mitt")
    fill(page, "value-chain", "assessed_by", "Anna Analytiker")
    page.locator("#edit-value-chain-save").click()
    assert "Ny post sparad" in saved(page, "value-chain", "Ny post sparad")

    page = watched.goto("/milstolpar?asof=2018-07-31")
    fill(page, "indicator", "name_sv", INDICATOR)
    fill(page, "indicator", "name_en", "Workshops with cluster leaders")
    fill(page, "indicator", "unit_sv", "workshoppar")
    fill(page, "indicator", "unit_en", "workshops")
    fill(page, "indicator", "target", "8")
    choose(page, "indicator", "activity", "1")
    choose(page, "indicator", "subgoal", "1")
    page.locator("#edit-indicator-save").click()
    assert "Ny post sparad" in saved(page, "indicator", "Ny post sparad")
    page.wait_for_function(ROW_JS, arg=["#milstolpar-attainment-chart", INDICATOR])
    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_url("**/milstolpar?asof=2018-07-31")
    assert watched.console_errors == [] and watched.foreign_requests == []

    reader = browser.new_context(viewport={"width": 375, "height": 800})
    phone = PageWatch(reader.new_page(), qa_server.url)
    phone.page.set_default_timeout(60_000)
    goto(phone.page, qa_server.url + "/styrkeomraden?region=20")
    card = phone.page.locator("#styrkeomraden-qualitative-chart")
    card.scroll_into_view_if_needed()
    text = card.inner_text()
    assert CONCLUSION in text and CHAIN in text and "Statistisk bedömning" in text
    assert phone.console_errors == []
    reader.close()
