"""An embedded chart in real Chromium: a region's page on an allowed origin shows it, another origin is refused; axe passes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.api_support import HostPage

pytestmark = pytest.mark.browser
CHART = "/embed/styrkeomraden/lq-bars?region=20"


def framed(browser, host_url: str):
    """Open the host page; return (page, the chart frame, console messages)."""
    page = browser.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    page.goto(host_url + "/", wait_until="load")
    frame = page.frame_locator("#chart")
    return page, frame, messages


def test_allowed_origin_shows_the_chart_and_another_is_refused(browser, live_server, app):
    config = app.server.config
    before = config["EMBED_ORIGINS"]
    with HostPage(live_server.url + CHART) as allowed, HostPage(live_server.url + CHART) as other:
        config["EMBED_ORIGINS"] = allowed.origin
        try:
            page, frame, messages = framed(browser, allowed.origin)
            frame.locator("svg.main-svg").first.wait_for(timeout=20_000)  # plotly drew it, CSP and all
            assert frame.locator("h1").inner_text().strip() != ""
            assert "Exempeldata" in frame.locator("main").inner_text()
            assert not [m for m in messages if "Content Security Policy" in m]
            page.close()

            page, frame, messages = framed(browser, other.origin)
            page.wait_for_timeout(1500)
            assert frame.locator("main").count() == 0
            assert any("frame-ancestors" in m for m in messages), messages
            page.close()
        finally:
            config["EMBED_ORIGINS"] = before


def test_embed_page_passes_axe(browser, live_server):
    page = browser.new_page()
    page.goto(live_server.url + CHART + "&lang=en", wait_until="load")
    page.locator("svg.main-svg").first.wait_for(timeout=20_000)
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    results = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    found = [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in results.response["violations"]]
    page.close()
    assert found == []
