"""The project manager in real Chromium: sign in, edit a status, see it in the timeline, sign out, no more edits."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from data import schema as s
from data.store import engine_for
from tests.browser import LiveServer
from tests.conftest import PageWatch
from tests.milstolpar_support import PASSWORD, add_user, app_on, copy_store, dash_body

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
    return page.locator("#milstolpar-tidslinje-chart .annotation-text").all_text_contents()


def milestone_13(url: str):
    m = s.milestone
    with engine_for(url).connect() as conn:
        return conn.execute(select(m.c.status, m.c.completed_on, m.c.version).where(m.c.id == 13)).one()


def test_manager_signs_in_edits_a_status_sees_it_and_after_signing_out_cannot_edit(ms_page):
    watched, url = ms_page
    page = watched.goto("/milstolpar?asof=2018-07-31")
    page.wait_for_selector("#milstolpar-tidslinje-chart .annotation-text", state="attached")
    assert any(t.startswith("försenad · 13. Genomförd integrering") for t in timeline_labels(page))
    assert page.locator("#milstolpar-editing").count() == 0

    page.get_by_role("link", name="Logga in").click()
    page.get_by_label("Användarnamn").fill("projektledare")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/milstolpar?asof=2018-07-31")
    page.wait_for_selector("#milstolpar-editing")

    page.get_by_label("Milstolpe", exact=True).select_option("13")
    page.wait_for_function("document.getElementById('milstolpar-edit-status').value === 'pagar'")
    page.get_by_label("Status", exact=True).select_option("klar")
    page.get_by_label("Klar den (bara för status klar)").fill("2018-03-20")
    page.get_by_role("button", name="Spara milstolpen").click()
    page.locator("#milstolpar-edit-message").get_by_text("Sparat").wait_for()

    # The timeline, the summary and the list's history now show the change.
    page.wait_for_function(
        "[...document.querySelectorAll('#milstolpar-tidslinje-chart .annotation-text')]"
        ".some(e => e.textContent.startsWith('klar · 13. Genomförd integrering'))"
    )
    assert page.locator("#milstolpar-summary").inner_text().startswith("Läget 31 juli 2018: 16 av 16 milstolpar klara")
    row = page.locator("#milstolpe-13")
    assert "2018-03-20" in row.inner_text() and "Historik (1 ändring)" in row.inner_text()
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
    body = dash_body(deps, "milstolpar-edit-message", values, "milstolpar-edit-save.n_clicks")
    answer = page.request.post(watched.base_url + "/_dash-update-component", data=body)
    refusal = answer.json()["response"]["milstolpar-edit-message"]["children"]["props"]["children"]
    assert refusal.startswith("Du måste vara inloggad som projektledare")
    assert milestone_13(url) == before
    assert watched.console_errors == []
    assert watched.foreign_requests == []
