"""Milstolpar in real Chromium: the steering group's files on a fresh page; the project manager signs in and edits.

The manager signs in, edits a status, sees it in the timeline, signs out and can edit no more.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from data import schema as s
from data.store import engine_for
from tests.browser import LiveServer
from tests.dash_json import callback_body
from tests.milstolpar_support import PASSWORD, add_user, app_on, copy_store
from tests.pages import PageWatch

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def ms_server(store_url, tmp_path_factory):
    url = copy_store(store_url, tmp_path_factory.mktemp("milstolpar-browser"))
    assert add_user(url, "projektledare", "manager") == 0  # the real `python -m data add-user` code path
    with LiveServer(app_on(url).server) as server:
        yield server, url


@pytest.fixture()
def ms_page(browser, ms_server):
    server, url = ms_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)  # generous: the machine is shared; plotly.js is large
    yield PageWatch(page, server.url), url
    context.close()


def timeline_labels(page) -> list[str]:
    return page.locator("#milstolpar-timeline-chart .annotation-text").all_text_contents()


def done_of(page) -> tuple[int, int]:
    """Return (done, all) from the summary's "Läget …: N av M milstolpar klara"."""
    text = page.locator("#milstolpar-summary").inner_text()
    match = re.search(r"(\d+) av (\d+) milstolpar klara", text)
    assert match, text
    return int(match[1]), int(match[2])


def milestone_13(url: str):
    m = s.milestone
    with engine_for(url).connect() as conn:
        return conn.execute(select(m.c.status, m.c.completed_on, m.c.version).where(m.c.id == 13)).one()


def test_manager_signs_in_edits_a_status_sees_it_and_after_signing_out_cannot_edit(ms_page):
    watched, url = ms_page
    page = watched.goto("/milstolpar?asof=2018-07-31")
    page.wait_for_selector("#milstolpar-timeline-chart .annotation-text", state="attached")
    assert any(t.startswith("försenad · 13. Genomförd integrering") for t in timeline_labels(page))
    done, total = done_of(page)
    assert page.locator("#milstolpar-editing").count() == 0

    page.get_by_role("link", name="Logga in").click()
    page.get_by_label("Användarnamn").fill("projektledare")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/milstolpar?asof=2018-07-31")
    page.wait_for_selector("#milstolpar-editing")

    page.get_by_label("Milstolpe", exact=True).select_option("13")
    page.wait_for_function("() => document.getElementById('milstolpar-edit-status').value === 'pagar'")
    page.get_by_label("Status", exact=True).select_option("klar")
    page.get_by_label("Klar den (bara för status klar)").fill("2018-03-20")
    page.get_by_role("button", name="Spara milstolpen").click()
    page.locator("#milstolpar-edit-message").get_by_text("Sparat").wait_for()

    # The view is redrawn after the save: the summary counts the change (what the timeline and the list
    # show after a save is checked over HTTP in tests/test_milstolpar_auth.py).
    page.wait_for_function(
        "([text]) => document.getElementById('milstolpar-summary').innerText.startsWith(text)",
        arg=[f"Läget 31 juli 2018: {done + 1} av {total} milstolpar klara"],
    )
    assert "Historik (1 ändring)" in page.locator("#milstolpe-13").inner_text()
    assert milestone_13(url).status == "klar"

    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_url("**/milstolpar?asof=2018-07-31")
    page.get_by_role("link", name="Logga in").wait_for()
    assert page.locator("#milstolpar-editing").count() == 0

    # Even a hand-made request from this signed-out browser cannot change anything.
    before = milestone_13(url)
    deps = page.request.get(watched.base_url + "/_dash-dependencies").json()
    values = {
        "milstolpar-edit-save.n_clicks": 2,
        "milstolpar-edit-milestone.value": "13",
        "milstolpar-edit-status.value": "struken",
        "milstolpar-edit-date.value": "",
        "milstolpar-edit-loaded.data": {"id": 13, "version": before.version},
    }
    body = callback_body(deps, "milstolpar-edit-message", values, "milstolpar-edit-save.n_clicks")
    answer = page.request.post(watched.base_url + "/_dash-update-component", data=body)
    refusal = answer.json()["response"]["milstolpar-edit-message"]["children"]["props"]["children"]
    assert refusal.startswith("Du måste vara inloggad som projektledare")
    assert milestone_13(url) == before
    assert watched.console_errors == []
    assert watched.foreign_requests == []


def store_counts(store_url) -> tuple[int, int]:
    """Return how many milestones and activity indicators the store holds."""
    with engine_for(store_url).connect() as conn:
        milestones = conn.execute(select(func.count()).select_from(s.milestone)).scalar()
        indicators = conn.execute(select(func.count()).select_from(s.activity_indicator)).scalar()
    return milestones, indicators


def download(page, name: str):
    with page.expect_download() as info:
        page.get_by_role("link", name=name, exact=True).click()
    return info.value


def test_the_steering_groups_files_download_from_a_fresh_page(watched, store_url):
    # issue 18: the three links work on the page as first opened, before any filter is touched
    page = watched.goto("/milstolpar")
    assert watched.callbacks == []
    milestones, indicators = store_counts(store_url)
    today = date.today().isoformat()
    workbook = download(page, "Excel (XLSX)")
    assert workbook.suggested_filename == f"milstolpar_styrgrupp_{today}.xlsx"
    book = load_workbook(io.BytesIO(open(workbook.path(), "rb").read()))
    rows = [r for r in book["Milstolpar"].values][1:]
    assert len(rows) == milestones == 16  # the plan's 14 milestones and its start and end, whatever the filters
    assert sorted(r[0] for r in rows) == list(range(1, 17))
    listed = download(page, "Milstolpar (CSV)")
    lines = list(csv.reader(io.StringIO(open(listed.path(), encoding="utf-8-sig").read())))
    assert lines[0][0] == "Nr" and sorted(int(r[0]) for r in lines[1:]) == list(range(1, 17))
    goals = download(page, "Måluppfyllelse (CSV)")
    lines = list(csv.reader(io.StringIO(open(goals.path(), encoding="utf-8-sig").read())))
    assert len(lines) == 1 + indicators and len(book["Måluppfyllelse"]["A"]) == 1 + indicators
    assert watched.console_errors == []
