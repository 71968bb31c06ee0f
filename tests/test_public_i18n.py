"""Swedish first, English second: numbers as each language writes them, and the word lists of the language walk.

The walk over every view in both languages (tests/test_pages_browser.py) reads each visible text
with the language it is marked as and fails on words of the other language (tests.pages.foreign_words).
"""

from __future__ import annotations

import pytest

from i18n import PLOTLY_SEPARATORS, fmt_number, fmt_percent, fmt_signed_percent, plotly_locale
from tests.pages import foreign_words


def test_the_word_lists_catch_an_untranslated_label():
    # the walk over every view must be able to fail: a Swedish label on an English page, an English one on a Swedish page
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
