"""Swedish first, English second: every view in both languages, numbers as each language writes them.

The walk over every view reads each visible text with the language it is marked as (the page's
<html lang>, or a closer lang attribute on a passage such as a source's Swedish name) and fails on
words that belong to the other language: an untranslated label, or a Swedish name on an English
page that is not marked lang="sv" (WCAG 3.1.2).
"""

from __future__ import annotations

import re

import pytest

from i18n import PLOTLY_SEPARATORS, fmt_number, fmt_percent, fmt_signed_percent, plotly_locale
from tests.pages import LANGS, goto, texts_by_lang, url_for, view_paths

pytestmark = pytest.mark.browser

# Everyday Swedish words that no English sentence, label or English name of ours contains.
SWEDISH_WORDS = {
    "och", "för", "är", "inte", "eller", "med", "som", "av", "på", "från", "till", "vid", "efter",
    "visa", "dölj", "tabell", "tabellen", "ladda", "ner", "källa", "exempeldata", "diagram", "diagrammet",
    "sysselsatta", "år", "län", "länet", "välj", "alla", "antal", "andel", "saknas", "finns", "kunde", "vyn",
    "bransch", "branscher", "klustret", "milstolpe", "milstolpar", "delmål", "enkät", "ja", "nej", "vet", "ej",
    "hög", "grad", "mycket", "liten", "omfattning", "inga", "laddar", "sidan", "område", "områden", "riket",
    "företag", "företagen", "fas", "fasen", "klar", "pågår", "planerad", "försenad", "struken", "kvartal",
}  # fmt: skip
# Everyday English words that no Swedish sentence, label or Swedish name of ours contains.
ENGLISH_WORDS = {
    "the", "and", "of", "with", "show", "hide", "download", "source", "chart", "table", "employees", "year",
    "years", "could", "choose", "loading", "example", "invented", "numbers", "strength", "survey", "milestone",
    "milestones", "not", "yes", "no", "county", "page", "this",
    "zoom", "autoscale", "reset", "axes", "plot", "done", "ongoing", "planned", "delayed", "cancelled",
}  # fmt: skip
OTHER = {"sv": ENGLISH_WORDS, "en": SWEDISH_WORDS}


def foreign_words(texts: list[dict], lang: str) -> list[str]:
    """Return 'word in «text»' for each word of the other language in a text marked as lang."""
    found = []
    for item in texts:
        if (item["lang"] or "sv").split("-")[0] != lang:
            continue
        # identifiers such as phase_assessment or SURVEY_MIN_GROUP are code, not words
        words = set(re.findall(r"\w+", item["text"].lower()))
        found += [f"{w!r} in «{item['text'][:90]}»" for w in sorted(words & OTHER[lang])]
    return sorted(set(found))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", view_paths())
def test_every_view_speaks_one_language(watched, path, lang):
    page = watched.page
    goto(page, watched.base_url + url_for(path, lang))
    assert page.locator("html").get_attribute("lang") == lang
    assert foreign_words(texts_by_lang(page), lang) == []
    # Every link within the site keeps the language, so the reader never falls back to Swedish.
    hrefs = page.eval_on_selector_all("a[href^='/']", "els => els.map(e => e.getAttribute('href'))")
    lang_link = page.locator("#shell-lang-link").get_attribute("href")
    kept = [h for h in hrefs if h != lang_link and ("lang=en" in h) != (lang == "en")]
    assert kept == []
    assert watched.console_errors == []


def test_the_word_lists_catch_an_untranslated_label():
    # the walk above must be able to fail: a Swedish label on an English page, an English one on a Swedish page
    assert foreign_words([{"lang": "en", "text": "Visa tabell"}], "en") == [
        "'tabell' in «Visa tabell»",
        "'visa' in «Visa tabell»",
    ]
    assert foreign_words([{"lang": "sv", "text": "Show table"}], "sv") == [
        "'show' in «Show table»",
        "'table' in «Show table»",
    ]
    # a Swedish name marked lang="sv" on an English page is right (WCAG 3.1.2)
    assert foreign_words([{"lang": "sv", "text": "Projektplanen för Smart specialisering"}], "en") == []


@pytest.mark.parametrize(
    "value,lang,decimals,expected",
    [
        (12345.6, "sv", 1, "12\u00a0345,6"),  # space as thousands separator, decimal comma
        (12345.6, "en", 1, "12,345.6"),
        (1234567, "sv", 0, "1\u00a0234\u00a0567"),
        (0.5, "sv", 2, "0,50"),
    ],
)
def test_numbers_are_written_as_each_language_writes_them(value, lang, decimals, expected):
    assert fmt_number(value, lang, decimals) == expected


def test_percentages_have_a_space_in_swedish_only():
    assert fmt_percent(0.25, "sv") == "25\u00a0%"
    assert fmt_percent(0.25, "en") == "25%"
    assert fmt_signed_percent(-0.012, "sv") == "\u22121,2\u00a0%"
    assert fmt_signed_percent(0.012, "en") == "+1.2%"


def test_plotly_uses_the_language_separators_and_texts():
    assert PLOTLY_SEPARATORS == {"sv": ",\u00a0", "en": ".,"}
    assert plotly_locale("sv")["locales"]["sv"]["dictionary"]["Download plot as a PNG"].startswith("Ladda ner")
    assert plotly_locale("en") == {"locale": "en"}


@pytest.mark.parametrize("lang,thousands", [("sv", "\u00a0"), ("en", ",")])
def test_chart_axis_groups_thousands_as_the_language_does(watched, lang, thousands):
    page = watched.page
    goto(page, watched.base_url + url_for("/", lang))
    ticks = page.locator("#start-employment-chart .ytick text").all_text_contents()
    big = [t for t in ticks if len(re.sub(r"\D", "", t)) >= 4]
    assert big, ticks
    assert all(thousands in t for t in big), big


def test_plotly_toolbar_speaks_swedish(watched):
    page = watched.page
    goto(page, watched.base_url + "/")
    titles = page.eval_on_selector_all(
        "#start-employment-chart .modebar-btn", "els => els.map(e => e.getAttribute('data-title'))"
    )
    assert "Ladda ner diagrammet som PNG" in titles
    # nothing leaves the machine: Plotly's "Share chart" would upload the chart to Plotly's cloud
    assert page.locator(".modebar-btn[data-attr='sendChartToCloud'], .modebar-btn[data-title*='Share']").count() == 0
