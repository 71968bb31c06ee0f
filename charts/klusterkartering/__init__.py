"""Build the Klusterkartering view's charts: the development phase of each cluster initiative and its criteria.

This module holds the view's parameters (PARAMS) and what its charts share (the filtered clusters,
names, labels); the charts are in overview.py (portfolio, phase history, criteria) and card.py
(one cluster's card)."""

from __future__ import annotations

import pandas as pd

from i18n import tx
from indicators import clusters as ind
from indicators.regions import region_names

from ..names import file_stem
from ..params import Param
from ..sources import dataset_source_line

VIEW = "klusterkartering"
CHARTS = ("portfolio", "card", "history", "criteria")
CARD = "card"


def county_codes(conn, _values=None) -> list[str]:
    """Return the counties that are home to at least one cluster initiative."""
    return sorted({c for homes in ind.clusters(conn)["counties"] for c in homes})


def year_codes(conn, _values=None) -> list[str]:
    return [str(y) for y in ind.assessment_years(conn)]


def latest_year(conn, _values=None) -> str:
    years = year_codes(conn)
    return years[-1] if years else ""


def county_words(conn, lang: str) -> dict[str, str]:
    return region_names(conn, lang)


def theme_words(conn, lang: str) -> dict[str, str]:
    areas = ind.thematic_areas(conn)
    return dict(zip(areas["code"], areas["name_en" if lang == "en" else "name_sv"]))


def cluster_words(conn, _lang: str) -> dict[str, str]:
    frame = ind.clusters(conn)
    return dict(zip(frame["code"], frame["name"]))


PARAMS = [
    Param(
        "county", str, "", county_codes, "Län", "County", words=county_words, none_sv="alla län", none_en="all counties"
    ),
    Param(
        "theme",
        str,
        "",
        lambda conn, _v: list(ind.thematic_areas(conn)["code"]),
        "Tematiskt område",
        "Thematic area",
        words=theme_words,
        none_sv="alla områden",
        none_en="all areas",
    ),
    Param("year", str, latest_year, year_codes, "Bedömningsår", "Assessment year"),
    Param(
        "cluster",
        str,
        "",
        lambda conn, _v: list(ind.clusters(conn)["code"]),
        "Klusterinitiativ",
        "Cluster initiative",
        words=cluster_words,
    ),
]

NO_ASSESSMENTS = (
    "Inga bedömningar finns ännu; de läses in med python -m data import.",
    "There are no assessments yet; they are imported with python -m data import.",
)


def chosen_year(conn, year: str | None) -> int | None:
    """Return the year asked for, or the latest assessment year (None when there are none)."""
    if year:
        return int(year)
    years = ind.assessment_years(conn)
    return years[-1] if years else None


def selection(conn, lang: str, county: str = "", theme: str = "") -> pd.DataFrame:
    """Return the filtered clusters in row order (by county, then name) with county and county_name."""
    frame = ind.clusters(conn, county=county or None, theme=theme or None)
    names = region_names(conn, lang)
    frame["county"] = ["+".join(c) for c in frame["counties"]]
    frame["county_name"] = [tx(lang, " och ", " and ").join(names.get(x, x) for x in c) for c in frame["counties"]]
    return frame.sort_values(["county", "name"], kind="stable").reset_index(drop=True)


def named_phases(conn, lang: str) -> pd.DataFrame:
    """Return the phase scale with a name column in the language."""
    scale = ind.phase_scale(conn)
    return scale.assign(name=scale["name_en" if lang == "en" else "name_sv"])


def filter_words(conn, lang: str, county: str, theme: str) -> str:
    """Return the filters in words for a subtitle: 'Dalarnas län, IT och kommunikation'."""
    parts = [region_names(conn, lang).get(county, county)] if county else []
    if theme:
        areas = ind.thematic_areas(conn).set_index("code")
        parts.append(areas.loc[theme, "name_en" if lang == "en" else "name_sv"] if theme in areas.index else theme)
    text = ", ".join(parts) if parts else tx(lang, "alla klusterinitiativ", "all cluster initiatives")
    return text[:1].upper() + text[1:]


def source_for(conn, lang: str, chosen: pd.DataFrame, assessed: pd.DataFrame) -> str:
    return dataset_source_line(conn, lang, sorted(set(chosen["dataset"]) | set(assessed["dataset"])))


LABELS = {
    "name": ("Klusterinitiativ", "Cluster initiative"),
    "county_name": ("Län", "County"),
    "year": ("År", "Year"),
    "phase_name": ("Fas", "Phase"),
    "move": ("Sedan förra bedömningen", "Since the previous assessment"),
    "criterion_name": ("Kriterium", "Criterion"),
    "level_name": ("Nivå", "Level"),
    "comment": ("Kommentar", "Comment"),
    "is_example": ("Exempeldata", "Example data"),
}


def labelled(frame: pd.DataFrame, columns: list[str], lang: str) -> pd.DataFrame:
    """Return the chart's table: these columns, headed in the page's language."""
    return frame[columns].rename(columns={c: tx(lang, *LABELS[c]) for c in columns})


def stem(conn, lang: str, what: tuple[str, str], *parts, county: str = "", theme: str = "") -> str:
    """Return a file name's stem: the view, what the chart is, and the chosen county and area by name."""
    county_name = region_names(conn, lang).get(county, county) if county else ""
    theme_name = theme_words(conn, lang).get(theme, theme) if theme else ""
    return file_stem(VIEW, tx(lang, *what), *parts, county_name, theme_name)


# Register the charts (the import is the registration); they need the names above.
from . import card, overview  # noqa: E402,F401
