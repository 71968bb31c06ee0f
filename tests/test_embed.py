"""Embeddable charts: the card alone, in either language, no inline script, framed only by allowed origins."""

from __future__ import annotations

import re

import pytest

from web.embed import allowed_origins, frame_ancestors


def scripts(page: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>", page)


@pytest.mark.parametrize(
    "lang, words",
    [
        ("sv", ("Exempeldata", "Se hela vyn", "Visa tabell")),
        ("en", ("Example data", "See the full view", "Show table")),
    ],
)
def test_embed_page_is_the_chart_card_in_its_language(client, lang, words):
    response = client.get(f"/embed/styrkeomraden/lq-bars?region=20&lang={lang}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in page and "<main" in page and "<title>" in page
    for word in words:
        assert word in page
    assert 'href="http://localhost/styrkeomraden?region=20' in page  # back to the full view, same filters
    assert "<table" in page and "<figcaption" in page  # table and text alternative
    # No inline executable script: only files of the site, and the figure as inert JSON.
    for tag in scripts(page):
        assert 'src="/' in tag or 'type="application/json"' in tag, tag


def test_embed_headers_let_only_the_configured_origins_frame_it(client, app):
    config = app.server.config
    before = config["EMBED_ORIGINS"]
    try:
        policy = client.get("/embed/start/employment").headers["Content-Security-Policy"]
        assert "frame-ancestors 'self'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        config["EMBED_ORIGINS"] = "https://www.regiondalarna.se, https://www.regionvarmland.se not-an-origin"
        policy = client.get("/embed/start/employment").headers["Content-Security-Policy"]
        assert "frame-ancestors 'self' https://www.regiondalarna.se https://www.regionvarmland.se;" in policy + ";"
        assert "not-an-origin" not in policy
    finally:
        config["EMBED_ORIGINS"] = before


def test_origins_setting_is_read_in_one_place():
    assert allowed_origins(None) == ["'self'"]
    assert allowed_origins(["https://a.se/", "'self'"]) == ["'self'", "https://a.se"]
    assert frame_ancestors({"EMBED_ORIGINS": "http://127.0.0.1:8123"}) == "frame-ancestors 'self' http://127.0.0.1:8123"


def test_bad_embed_addresses_say_why(client):
    bad = client.get("/embed/styrkeomraden/lq-bars?region=XX")
    assert bad.status_code == 400 and "region" in bad.get_data(as_text=True)
    date = client.get("/embed/milstolpar/list?asof=2017-02-30")  # the reason in Swedish, not Python's English
    assert date.status_code == 400 and "inte ett datum ÅÅÅÅ-MM-DD som finns" in date.get_data(as_text=True)
    assert client.get("/embed/styrkeomraden/nothing").status_code == 404
    assert client.get("/embed/nowhere/lq-bars").status_code == 404


def test_chart_menu_offers_the_iframe_code_to_copy(app):
    from layouts.downloads import downloads
    from layouts.static_html import to_html

    with app.server.test_request_context("/styrkeomraden?region=20", base_url="https://s3.example.se"):
        menu = to_html(downloads("styrkeomraden", "lq-bars", "Högst kvot", "sv", "?region=20"))
    assert "Bädda in" in menu
    code = re.search(r"<textarea[^>]*readOnly[^>]*>(.*?)</textarea>", menu).group(1)
    assert "&lt;iframe src=&quot;https://s3.example.se/embed/styrkeomraden/lq-bars?region=20&quot;" in code
    assert "title=&quot;Högst kvot&quot;" in code
    assert re.search(r'<label[^>]* for="styrkeomraden-lq-bars-embed-code"', menu)
