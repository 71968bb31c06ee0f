"""Build the Styrkeområden view's charts and texts: where the economy is specialised and dynamic.

The view's parameters (PARAMS) are its filters and the rule's thresholds, all kept in the URL, so
a link reproduces the analysis. Every chart reads one shared analysis (context.py); the charts are
registered in specialisation.py, profile.py and test_areas.py, the words in summary.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from i18n import tx
from indicators import choices
from indicators.choices import default_view, latest_year_with_industries
from indicators.levels import LEVEL_NAMES, LEVELS
from indicators.regions import regions
from indicators.source import CachedSource
from indicators.strength import PERCENT_SETTINGS, SETTING_LABELS, Thresholds

from ..params import Param, reference_param

VIEW = "styrkeomraden"
COUNTIES = ("17", "20", "21")
SIDE_BY_SIDE = "lanen"  # the three counties side by side
SPECIALISATION = ("bubble", "lq-bars")
RULE_CHART = "strengths"
HEATMAP = "heatmap"
DYNAMICS = ("shift-share", "innovation", "competence")
ACADEMIC = "academic"
TEST_AREAS = "test-areas"
WOMEN = "women"
QUALITATIVE = "qualitative"
CHARTS = (*SPECIALISATION, RULE_CHART, WOMEN, HEATMAP, *DYNAMICS, ACADEMIC, TEST_AREAS, QUALITATIVE)
REGION_LEVELS = ("nuts2", "lan", "kommun")


def region_rows(conn):
    """Return the regions a reader can choose: Norra Mellansverige, counties, municipalities."""
    frame = regions(conn)
    return frame[frame["level"].isin(REGION_LEVELS)]


def region_choices(conn, _values=None) -> list[str]:
    return [SIDE_BY_SIDE, *region_rows(conn)["code"]]


def year_choices(conn, _values=None) -> list[int]:
    return list(CachedSource.for_request(conn).years("employees"))


def data_region(values: dict | None) -> str:
    """Return the region whose data decides the defaults (the counties side by side: Värmland stands for all)."""
    region = (values or {}).get("region") or "SE31"
    return COUNTIES[0] if region == SIDE_BY_SIDE else region


# What the data offers changes only with the store: kept per store version, so a page asks once.
CHOICES = {
    "default_view": default_view,
    "latest_year": latest_year_with_industries,
    "year_choices": choices.year_choices,
    "level_choices": choices.level_choices,
}


def data_choice(conn, name: str, **kwargs):
    """Return CHOICES[name](**kwargs) (the default view, the latest year, the years' and levels' flags) for the
    store, kept per store version."""
    return CachedSource.for_request(conn).derived(CHOICES[name], **kwargs)


def default_level(conn, values=None) -> str:
    """Return the finest industry level with complete data for the region in the latest such year (A*10 today)."""
    return data_choice(conn, "default_view", region=data_region(values), reference="00")["level"] or "a10"


def latest_year(conn, values=None):
    """Return the latest year with data at the chosen level for the region and Sweden (else the latest of all)."""
    level = (values or {}).get("level") or default_level(conn, values)
    year = data_choice(conn, "latest_year", measure="employees", level=level, regions=[data_region(values), "00"])
    years = year_choices(conn)
    return year if year is not None else (years[-1] if years else None)


@dataclass(frozen=True)
class Threshold(Param):
    """A threshold of the rule: a number within bounds, rounded to the form's step, written short in the URL.

    Rounding to the step means that the analysis is computed once per value a reader can choose in
    the form, not once per decimal someone types into an address.
    """

    kind: type = float
    low: float = 0.0
    high: float = 100.0
    step: float = 0.1

    def convert(self, raw: str):
        value = float(str(raw).replace(",", "."))
        if math.isnan(value) or math.isinf(value) or not self.low <= value <= self.high:
            raise ValueError(f"must be a number from {self.low:g} to {self.high:g}")
        return round(round(value / self.step) * self.step, 6)

    def encode(self, value) -> str | None:
        if value is None or value == "":
            return None
        try:
            return f"{float(value):g}"
        except (TypeError, ValueError):
            return str(value)


# name: (highest value, step) of each threshold's input
THRESHOLD_BOUNDS = {
    "lq_min": (10, 0.1),
    "top": (100, 5),
    "bottom": (100, 5),
    "star_lq": (10, 0.1),
    "star_size": (100_000, 100),
    "star_focus": (100, 0.5),
    "support_lq": (10, 0.1),
}
THRESHOLDS = [
    Threshold(
        f.name,
        float,
        f.default,
        None,
        *SETTING_LABELS[f.name],
        high=THRESHOLD_BOUNDS[f.name][0],
        step=THRESHOLD_BOUNDS[f.name][1],
        only_if_changed=True,
    )
    for f in fields(Thresholds)
]
assert all(t.high == 100 for t in THRESHOLDS if t.name in PERCENT_SETTINGS)


def region_words(conn, lang: str) -> dict[str, str]:
    """Return the regions a reader can choose by name, as the region filter names them."""
    rows = region_rows(conn)
    names = dict(zip(rows["code"], rows["name_en" if lang == "en" else "name_sv"]))
    return {SIDE_BY_SIDE: tx(lang, "De tre länen sida vid sida", "The three counties side by side"), **names}


PARAMS = [
    # The level before the year: the default year is the latest with data at the chosen level.
    Param("region", str, "SE31", region_choices, "Region", "Region", words=region_words),
    Param(
        "level",
        str,
        default_level,
        lambda _c, _v: list(LEVELS),
        "Branschnivå",
        "Industry level",
        words=lambda _c, lang: {k: tx(lang, *names) for k, names in LEVEL_NAMES.items()},
    ),
    Param("year", int, latest_year, year_choices, "År", "Year"),
    Param(
        "start",
        int,
        None,
        year_choices,
        "Förändring från år",
        "Change from year",
        none_sv="fem år före",
        none_en="five years before",
    ),
    reference_param(),
    Param(
        "per",
        str,
        "employees",
        lambda _c, _v: ["employees", "inhabitants"],
        "Patent och varumärken per",
        "Patents and trademarks per",
        words=lambda _c, lang: {
            "employees": tx(lang, "10 000 sysselsatta", "10,000 employees"),
            "inhabitants": tx(lang, "10 000 invånare", "10,000 inhabitants"),
        },
    ),
    *THRESHOLDS,
]
THRESHOLD_NAMES = {t.name for t in THRESHOLDS}

# Register the charts (the import is the registration); they need the names above.
from . import gender, profile, qualitative, specialisation, test_areas  # noqa: E402,F401
