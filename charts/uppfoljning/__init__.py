"""Build the Uppföljning (monitoring) view's charts: each county's priority areas followed from the baseline.

This module holds the view's parameters (PARAMS) and the words the charts share (directions, reasons,
names); the charts are in areas.py (employment, share, location quotient per priority area), county.py
(new firms and R&D for the county as a whole), gender.py (women and men in the areas' industries) and
genus.py (the gender perspective on priority and strength areas).
"""

from __future__ import annotations

from i18n import fmt_number, fmt_percent, fmt_signed_percent, tx
from indicators.regions import region_names
from indicators.source import CachedSource

from ..params import Param, reference_param, reference_words

VIEW = "uppfoljning"
COUNTIES = ("17", "20", "21")
CHARTS = ("areas", "county", "women", "genus")


def county_choices(conn, _values=None) -> list[str]:
    """Return the counties that have priority areas in the store."""
    held = set(CachedSource.for_request(conn).table("test_area")["region"])
    return [c for c in COUNTIES if c in held]


PARAMS = [
    Param(
        "county",
        str,
        "",
        county_choices,
        "Län",
        "County",
        words=lambda conn, lang: region_names(conn, lang),
        none_sv="alla län",
        none_en="all counties",
    ),
    reference_param(),
]


def chosen_counties(conn, chosen: str) -> list[str]:
    """Return the chosen county, or every county with priority areas."""
    return [chosen] if chosen else county_choices(conn)


def reference_name(lang: str, reference: str) -> str:
    return reference_words(lang)[reference]


def names(conn, lang: str) -> dict[str, str]:
    return region_names(conn, lang)


ARROWS = {"faster": "↑", "slower": "↓", "up": "↑", "down": "↓", "same": "=", "within_rounding": "≈"}


def direction_words(verdict, lang: str, other: str) -> str:
    """Return an arrow and words for a comparison of changes: '↑ snabbare än riket'."""
    words = {
        "faster": tx(lang, f"snabbare än {other}", f"faster than {other}"),
        "slower": tx(lang, f"långsammare än {other}", f"slower than {other}"),
        "same": tx(lang, f"som {other}", f"as {other}"),
        "within_rounding": tx(lang, f"ingen säker skillnad mot {other}", f"no certain difference from {other}"),
        "no_reference": tx(lang, f"uppgift saknas för {other}", f"no data for {other}"),
    }
    if verdict not in words:
        return tx(lang, "uppgift saknas", "no data")
    arrow = ARROWS.get(verdict)
    return f"{arrow} {words[verdict]}" if arrow else words[verdict]


def lq_words(verdict, lang: str) -> str:
    """Return an arrow and words for the direction of a location quotient."""
    words = {
        "up": tx(lang, "specialiseringen ökar", "specialisation rises"),
        "down": tx(lang, "specialiseringen minskar", "specialisation falls"),
        "same": tx(lang, "oförändrad", "unchanged"),
        "within_rounding": tx(lang, "ingen säker förändring (avrundning)", "no certain change (rounding)"),
    }
    return f"{ARROWS.get(verdict, '')} {words[verdict]}".strip() if verdict in words else ""


REASONS = {
    "no_links": ("inga branscher kopplade till testområdet", "no industries linked to the priority area"),
    "no_data": ("uppgift saknas för testområdets branscher", "no data for the priority area's industries"),
    "one_year": ("bara ett år med uppgifter, ingen förändring att visa", "only one year of data, no change to show"),
    "no_sex_data": (
        "ingen könsuppdelad statistik för länet eller Norra Mellansverige",
        "no statistics by sex for the county or North Middle Sweden",
    ),
    "no_industries": (
        "källan har inga av testområdets branscher",
        "the source holds none of the priority area's industries",
    ),
}


def reason_words(code, lang: str) -> str:
    return tx(lang, *REASONS[code]) if code in REASONS else ""


def value_text(value, lang: str, kind: str) -> str:
    """Return a value as the page writes it: persons rounded as published, shares in per cent, quotients 2 decimals."""
    if value is None or value != value:
        return "–"
    if kind == "share":
        return fmt_percent(value, lang, 1)
    if kind == "lq":
        return fmt_number(value, lang, 2)
    if kind == "rate":
        return fmt_number(value, lang, 0)
    return fmt_number(value, lang)


def span(start_year, start, latest_year, latest, lang: str, kind: str, change=None) -> str:
    """Return 'basår: värde → senaste: värde (förändring)'."""
    text = f"{int(start_year)}: {value_text(start, lang, kind)} → {int(latest_year)}: {value_text(latest, lang, kind)}"
    return text + (f" ({fmt_signed_percent(change, lang)})" if change is not None and change == change else "")


# Register the charts (the import is the registration); they need the names above.
from . import areas, county, gender, genus  # noqa: E402,F401
