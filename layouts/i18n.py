"""Speak the reader's language: Swedish first, English second, with each one's number format."""

from __future__ import annotations

import math

from babel.numbers import format_decimal, format_percent

LANGS = ("sv", "en")
DEFAULT_LANG = "sv"
LOCALES = {"sv": "sv_SE", "en": "en_GB"}
# Plotly's layout.separators: decimal mark then thousands separator.
PLOTLY_SEPARATORS = {"sv": ",\u00a0", "en": ".,"}


def lang_or_default(value) -> str:
    """Return a supported language code, Swedish when the value is missing or unknown."""
    return value if value in LANGS else DEFAULT_LANG


def tx(lang: str, sv: str, en: str) -> str:
    """Return the Swedish or the English text."""
    return en if lang == "en" else sv


def fmt_number(value, lang: str, decimals: int = 0) -> str:
    """Format a number as a reader of the language writes it (sv: 12 345,6; en: 12,345.6)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang_or_default(lang)])


def fmt_percent(share, lang: str, decimals: int = 0) -> str:
    """Format a share (0.25) as a percentage (sv: 25 %; en: 25%)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    if lang == "en":
        pattern = pattern.replace("\u00a0%", "%")
    return format_percent(share, format=pattern, locale=LOCALES[lang_or_default(lang)])


def fmt_signed_percent(share, lang: str, decimals: int = 1) -> str:
    """Format a change as a signed percentage (+2,5 % / −1,0 %)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    text = fmt_percent(abs(share), lang, decimals)
    return ("+" if share >= 0 else "\u2212") + text
