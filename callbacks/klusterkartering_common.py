"""Share what the Klusterkartering charts and the cluster card need: the filtered clusters, names, labels."""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd

from i18n import tx
from indicators import clusters as ind
from indicators.regions import region_names
from layouts.params import query_dict

from .sources import dataset_source_line

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


def stem(*parts) -> str:
    return "_".join(str(p) for p in parts if p)


def query_of(href: str | None) -> dict[str, str]:
    """Return the query of the page's full address.

    The charts listen to the URL's href, not its search: href is no callback's output, so
    Dash never holds a chart back while the filter/URL sync callback runs (when the sync
    answers "no change", Dash would otherwise drop the charts' first call).
    """
    return query_dict(urlsplit(href or "").query)
