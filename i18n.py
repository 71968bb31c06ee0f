"""Speak the reader's language: Swedish first, English second, with each one's number format."""

from __future__ import annotations

import math
from urllib.parse import parse_qs, urlsplit

from babel.numbers import format_decimal, format_percent

LANGS = ("sv", "en")
DEFAULT_LANG = "sv"
LOCALES = {"sv": "sv_SE", "en": "en_GB"}
# Plotly's layout.separators: decimal mark then thousands separator.
PLOTLY_SEPARATORS = {"sv": ",\u00a0", "en": ".,"}
# Plotly's own texts (mode bar, notices) in Swedish; English is Plotly's default.
PLOTLY_LOCALE_SV = {
    "dictionary": {
        "Autoscale": "Autoskala",
        "Box Select": "Markera med rektangel",
        "Compare data on hover": "Jämför data vid hovring",
        "Double-click on legend to isolate one trace": "Dubbelklicka på förklaringen för att visa en serie",
        "Double-click to zoom back out": "Dubbelklicka för att zooma ut igen",
        "Download plot": "Ladda ner diagrammet",
        "Download plot as a PNG": "Ladda ner diagrammet som PNG",
        "Image download succeeded": "Bilden är nedladdad",
        "Lasso Select": "Markera med lasso",
        "Pan": "Panorera",
        "Preparing image - this may take a few seconds": "Bilden förbereds – det kan ta några sekunder",
        "Produced with Plotly.js": "Skapad med Plotly.js",
        "Reset": "Återställ",
        "Reset axes": "Återställ axlarna",
        "Reset view": "Återställ vyn",
        "Reset views": "Återställ vyerna",
        "Show closest data on hover": "Visa närmaste värde vid hovring",
        "Sorry, there was a problem downloading your image!": "Bilden kunde inte laddas ner.",
        "Toggle Spike Lines": "Visa eller dölj hjälplinjer",
        "Toggle show closest data on hover": "Visa närmaste värde vid hovring av eller på",
        "Zoom": "Zooma",
        "Zoom in": "Zooma in",
        "Zoom out": "Zooma ut",
        "trace": "serie",
    },
    "format": {
        "days": ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
        "shortDays": ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
        "months": [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
        "shortMonths": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
        "date": "%Y-%m-%d",
        "decimal": ",",
        "thousands": "\u00a0",
    },
}


def plotly_locale(lang: str) -> dict:
    """Return the dcc.Graph config keys that make Plotly speak the language (mode bar, dates)."""
    if lang_or_default(lang) == "sv":
        return {"locale": "sv", "locales": {"sv": PLOTLY_LOCALE_SV}}
    return {"locale": "en"}


# dcc.Graph config that keeps every chart on this machine: no "Share chart" upload to Plotly's cloud.
PLOTLY_OFFLINE = {"showSendToCloud": False}


def lang_or_default(value) -> str:
    """Return a supported language code, Swedish when the value is missing or unknown."""
    return value if value in LANGS else DEFAULT_LANG


def request_lang() -> str:
    """Return the language of the page being served: ?lang= of the request, else of the page that asks.

    Dash fetches the page's layout from /_dash-layout without the page's query string; the
    browser's Referer (same origin, so the full address) still carries the page's ?lang=.
    """
    import flask

    if not flask.has_request_context():
        return DEFAULT_LANG
    value = flask.request.args.get("lang")
    if value is None and flask.request.referrer:
        value = (parse_qs(urlsplit(flask.request.referrer).query).get("lang") or [None])[-1]
    return lang_or_default(value)


def tx(lang: str, sv: str, en: str) -> str:
    """Return the Swedish or the English text."""
    return en if lang == "en" else sv


def fmt_number(value, lang: str, decimals: int = 0) -> str:
    """Format a number as a reader of the language writes it (sv: 12 345,6; en: 12,345.6)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang_or_default(lang)])


def counted(n: int, lang: str, sv: tuple[str, str], en: tuple[str, str]) -> str:
    """Return a number with its noun in the right form: "1 styrkeområde", "3 styrkeområden" (sv and en: one, many)."""
    one, many = en if lang == "en" else sv
    return f"{fmt_number(n, lang)} {one if n == 1 else many}"


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
