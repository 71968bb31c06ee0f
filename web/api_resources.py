"""Name what the API serves: one Resource per path below /api/, with its parameters and what it reads.

A Resource's parameters are charts.params.Param, the same type the views' filters have, so a bad
value is refused the same way (InvalidParam naming the parameter) and the OpenAPI document is
written from them. Code lists, measures and datasets come from the store's tables; indicators from
the indicators registry; charts from the charts registry, so a new measure, indicator or chart
appears in the API without a change here. The indicator paths are in web/api_indicators.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import select

import charts
from charts.params import Param
from charts.views import VIEWS, VIEWS_BY_KEY
from data import schema as s
from i18n import tx
from indicators import load_all as load_indicators
from indicators.facts import datasets as dataset_table
from indicators.levels import LEVELS
from indicators.provenance import datasets_used, indicator_provenance, measure_coverage
from indicators.regions import regions
from indicators.source import CachedSource


@dataclass(frozen=True)
class Answer:
    """What a resource computed: the rows, the dataset codes behind them, notes and metadata."""

    frame: pd.DataFrame
    datasets: list[str]
    notes: list[str] = field(default_factory=list)
    about: dict = field(default_factory=dict)  # title, unit, definition, formula, source line ...
    data_status: str | None = None  # real | example | mixed; None: worked out from the rows and datasets


@dataclass(frozen=True)
class Resource:
    path: str  # below /api/, e.g. "indicators/location-quotients"
    summary_sv: str
    summary_en: str
    params: tuple[Param, ...]
    compute: Callable  # (conn, values: dict, lang: str) -> Answer
    tag: str = "data"
    indicator: str = ""  # key in indicators.INDICATORS whose metadata the answer carries
    heavy: bool = False  # the whole strength analysis: fewer property-based cases

    def summary(self, lang: str) -> str:
        return tx(lang, self.summary_sv, self.summary_en)


# --- Parameters the store's tables give -------------------------------------------------------


def source_of(conn) -> CachedSource:
    return CachedSource.for_request(conn)


def region_codes(conn, _values=None) -> list[str]:
    return list(regions(conn)["code"])


def measure_codes(conn, _values=None) -> list[str]:
    m = s.measure
    return list(conn.execute(select(m.c.code).order_by(m.c.code)).scalars())


def measure_years(conn, values) -> list[int]:
    return list(source_of(conn).years((values or {}).get("measure") or "employees"))


def latest_measure_year(conn, values):
    years = measure_years(conn, values)
    return years[-1] if years else None


def level_industries(conn, values) -> list[str]:
    return list(source_of(conn).industries((values or {}).get("level") or "division")["industry"])


LEVEL = Param("level", str, "division", lambda _c, _v: list(LEVELS), "Branschnivå", "Industry level")
MEASURE = Param("measure", str, "employees", measure_codes, "Mått (se /api/measures)", "Measure (see /api/measures)")
REGIONS = Param(
    "region",
    list,
    [],
    region_codes,
    "Regionkoder, kommaseparerade (standard: alla)",
    "Region codes, comma-separated (default: all)",
)
INDUSTRIES = Param(
    "industry",
    list,
    [],
    level_industries,
    "Branschkoder på nivån, kommaseparerade (standard: alla)",
    "Industry codes at the level, comma-separated (default: all)",
)
MEASURE_YEAR = Param(
    "year", int, latest_measure_year, measure_years, "År (standard: det senaste)", "Year (default: the latest)"
)


# --- Code lists and the store's own description ---------------------------------------------


def region_list(conn, values, lang) -> Answer:
    return Answer(regions(conn), [])


def industry_list(conn, values, lang) -> Answer:
    frame = source_of(conn).industries(values["level"]).drop(columns="sort")
    return Answer(frame.assign(level=values["level"]), [])


def measure_list(conn, values, lang) -> Answer:
    """Return every measure of the store with its unit, kind, years covered and datasets."""
    m = s.measure
    frame = pd.DataFrame([dict(r) for r in conn.execute(select(m).order_by(m.c.code)).mappings()])
    url = conn.engine.url.render_as_string(hide_password=False)
    coverage = measure_coverage(url)
    sets = dataset_table(conn).set_index("code")["is_example"]
    rows = []
    for code in frame["code"]:
        used = coverage[coverage["measure"] == code]
        codes = sorted(used["dataset"])
        rows.append(
            {
                "first_year": int(used["first"].min()) if len(used) else None,
                "last_year": int(used["last"].max()) if len(used) else None,
                "datasets": ",".join(codes),
                "is_example": bool(any(bool(sets.get(c)) for c in codes)),
            }
        )
    frame = pd.concat([frame, pd.DataFrame(rows, index=frame.index)], axis=1)
    return Answer(frame, sorted(coverage["dataset"].unique()))


def dataset_list(conn, values, lang) -> Answer:
    frame = dataset_table(conn)
    return Answer(frame, list(frame["code"]))


def fact_rows(conn, values, lang) -> Answer:
    """Return one measure at an industry level for a year: facts as stored, or summed from SNI divisions."""
    source = source_of(conn)
    wanted = values["region"] or None
    facts, _totals = source.level_facts(values["measure"], values["level"], years=[values["year"]], regions=wanted)
    if values["industry"]:
        facts = facts[facts["industry"].isin(values["industry"])]
    place = source.regions().set_index("code")[tx(lang, "name_sv", "name_en")]
    kinds = source.industries(values["level"]).set_index("industry")[tx(lang, "name_sv", "name_en")]
    frame = facts.assign(
        region_name=facts["region"].map(place), industry_name=facts["industry"].map(kinds), level=values["level"]
    )
    frame = frame.sort_values(["region", "industry"], kind="stable").reset_index(drop=True)
    cols = ["region", "region_name", "level", "industry", "industry_name", "year", "value", "is_example"]
    used = datasets_used(conn, [values["measure"]], years=[values["year"]], regions=wanted)
    return Answer(frame[cols], used)


def indicator_list(conn, values, lang) -> Answer:
    """Return every registered indicator: what it is, how it is computed, the data behind it and its API path."""
    from .api_indicators import INDICATOR_RESOURCES

    paths = {r.indicator: "/api/" + r.path for r in INDICATOR_RESOURCES if r.indicator}
    url = conn.engine.url.render_as_string(hide_password=False)
    rows, used = [], set()
    for key, meta in sorted(load_indicators().items()):
        found = indicator_provenance(conn, meta, url)
        codes = list(found["datasets"]["code"])
        used |= set(codes)
        rows.append(
            {
                "key": key,
                "title": meta.title(lang),
                "unit": meta.unit(lang),
                "definition": meta.definition(lang),
                "formula": meta.formula,
                "measures": ",".join(meta.measures),
                "view": meta.view,
                "path": paths.get(key),
                "datasets": ",".join(codes),
                "first_year": found["years"][0] if found["years"] else None,
                "last_year": found["years"][1] if found["years"] else None,
                "data_status": found["status"],
            }
        )
    return Answer(pd.DataFrame(rows), sorted(used))


def chart_views() -> list[str]:
    """Return the keys of the views that have charts, in the site's order."""
    return [v.key for v in VIEWS if v.charts_module and charts.chart_keys(v.key)]


def chart_answer(conn, view: str, key: str, values: dict, lang: str) -> Answer:
    """Return one chart's numbers (its table, column labels in the language) and words, for the view's parameters."""
    spec = charts.spec_for(conn, view, key, lang, values)
    about = {
        "title": spec.title,
        "subtitle": spec.subtitle,
        "summary": spec.summary,
        "source": spec.source,
        "definitions": list(spec.definitions),
        "view": VIEWS_BY_KEY[view].path + charts.canonical(view, values, lang),
        "embed": f"/embed/{view}/{key}" + charts.canonical(view, values, lang),
    }
    return Answer(spec.table, list(getattr(spec, "datasets", None) or []), list(spec.notes), about, spec.data_status)


def chart_list(conn, values, lang) -> Answer:
    """Return every chart of every view with its API and embed addresses and the view's parameters."""
    rows = []
    for view in chart_views():
        params = ",".join(p.name for p in charts.view_params(view))
        for key in charts.chart_keys(view):
            rows.append(
                {
                    "view": view,
                    "view_title": VIEWS_BY_KEY[view].title(lang),
                    "key": key,
                    "path": f"/api/charts/{view}/{key}",
                    "embed": f"/embed/{view}/{key}",
                    "parameters": params,
                }
            )
    return Answer(pd.DataFrame(rows), [])


STORE_RESOURCES = [
    Resource(
        "regions",
        "Regionerna: kod, NUTS-kod, namn, nivå, överordnad",
        "The regions: code, NUTS code, names, level, parent",
        (),
        region_list,
        "code lists",
    ),
    Resource(
        "industries",
        "Branscherna på en nivå: kod, namn, om raden överlappar andra",
        "The industries of a level: code, names, whether the row overlaps others",
        (LEVEL,),
        industry_list,
        "code lists",
    ),
    Resource(
        "measures",
        "Måtten i databasen: namn, enhet, slag, år som täcks, dataset, exempeldata",
        "The store's measures: names, unit, kind, years covered, datasets, example data",
        (),
        measure_list,
        "metadata",
    ),
    Resource(
        "datasets",
        "Dataseten: titel, källa, adress, licens, hämtningsdatum, om det är exempeldata",
        "The datasets: title, source, address, licence, date retrieved, whether they are example data",
        (),
        dataset_list,
        "metadata",
    ),
    Resource(
        "facts",
        "Uppgifter för ett mått, ett år och en branschnivå, per region och bransch",
        "Facts of one measure, year and industry level, by region and industry",
        (MEASURE, LEVEL, MEASURE_YEAR, REGIONS, INDUSTRIES),
        fact_rows,
    ),
    Resource(
        "indicators",
        "Indikatorerna: definition, formel, enhet, data bakom och API-adress",
        "The indicators: definition, formula, unit, data behind them and API path",
        (),
        indicator_list,
        "metadata",
    ),
    Resource(
        "charts",
        "Sajtens diagram: vy, nyckel, API- och inbäddningsadress, vyns parametrar",
        "The site's charts: view, key, API and embed addresses, the view's parameters",
        (),
        chart_list,
        "metadata",
    ),
]
