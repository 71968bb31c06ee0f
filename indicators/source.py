"""Give the strength-area indicators their inputs: straight from a connection, or through the cache.

Every indicator of the Styrkeområden analysis reads the store through a FactSource. The command
line and the tests hand a connection (wrapped in FactSource); the views hand a CachedSource, whose
reads are memoized per database URL and store version, so a change of region or level
reuses what is already read. Both run the same computations, so they give the same numbers.
"""

from __future__ import annotations

import importlib

import pandas as pd
from flask import g, has_app_context
from sqlalchemy import select

from cache import cache
from data import meta
from data import schema as s
from data.store import engine_for

from . import levels
from .facts import chosen_dataset, years_with_data


class FactSource:
    """Read level facts, code lists and mappings through one open connection."""

    def __init__(self, conn):
        self.conn = conn

    def level_facts(self, measure: str, level: str, years=None, regions=None) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Return (facts, totals) of a measure at a level; see levels.facts_at_level and levels.region_totals."""
        chosen = chosen_dataset(self.conn, measure, regions=regions)  # one dataset for facts and totals
        dataset = chosen["dataset"] if chosen else None
        facts = levels.facts_at_level(self.conn, measure, level, years=years, regions=regions, dataset=dataset)
        totals = levels.region_totals(self.conn, measure, facts, level, years=years, dataset=dataset)
        return facts, totals

    def industries(self, level: str) -> pd.DataFrame:
        return levels.industries(self.conn, level)

    def division_map(self, level: str) -> pd.DataFrame:
        return levels.division_map(self.conn, level)

    def years(self, measure: str) -> list[int]:
        return years_with_data(self.conn, measure)

    def regions(self) -> pd.DataFrame:
        r = s.region
        rows = self.conn.execute(select(r.c.code, r.c.name_sv, r.c.name_en, r.c.level, r.c.parent)).all()
        return pd.DataFrame(rows, columns=["code", "name_sv", "name_en", "level", "parent"])

    def table(self, name: str) -> pd.DataFrame:
        """Return a small table of the store whole (test areas, their links, universities, subjects)."""
        t = s.metadata.tables[name]
        rows = [tuple(r) for r in self.conn.execute(select(t)).all()]
        return pd.DataFrame(rows, columns=[c.name for c in t.columns])

    def sources(self, measures) -> list[tuple[str, bool]]:
        """Return (source, is_example) of the datasets reads of the measures use (one per measure)."""
        d, out = s.dataset, []
        for measure in sorted(measures):
            chosen = chosen_dataset(self.conn, measure)
            if chosen is not None:
                row = self.conn.execute(select(d.c.source, d.c.is_example).where(d.c.code == chosen["dataset"])).one()
                out.append(tuple(row))
        return list(dict.fromkeys(out))

    def derived(self, func, **kwargs):
        """Return func(self, **kwargs), for a function of the store alone (a CachedSource keeps it per store version)."""
        return func(self, **kwargs)

    def academic(self, measure: str = "publications") -> pd.DataFrame:
        """Return university, subject, year, value, is_example from one dataset (indicators.facts' rules)."""
        a = s.academic_output
        chosen = chosen_dataset(self.conn, measure, table=a)
        columns = ["university", "subject", "year", "value", "is_example"]
        if chosen is None:
            return pd.DataFrame(columns=columns).astype({"year": "int64", "value": "float64", "is_example": "bool"})
        q = select(a.c.university, a.c.subject, a.c.year, a.c.value).where(
            a.c.measure == measure, a.c.dataset == chosen["dataset"]
        )
        rows = [(*tuple(r), chosen["is_example"]) for r in self.conn.execute(q).all()]
        frame = pd.DataFrame(rows, columns=columns)
        frame = frame.astype({"year": "int64", "value": "float64", "is_example": "bool"})
        return frame.sort_values(["university", "subject", "year"], kind="stable").reset_index(drop=True)


def as_source(conn_or_source) -> FactSource:
    """Return a FactSource for a connection; a source is returned as it is."""
    return conn_or_source if isinstance(conn_or_source, FactSource) else FactSource(conn_or_source)


def store_version(conn) -> str:
    """Return the store's version (data/meta.py): every build, import and edit changes it; one row to read."""
    return meta.store_version(conn)


def outside_app() -> bool:
    """Tell memoize to step aside outside a Flask app (command line, plain tests): there is no cache there."""
    return not has_app_context()


def _with_source(url: str, read):
    with engine_for(url).connect() as conn:
        return read(FactSource(conn))


@cache.memoize(unless=outside_app)
def _cached_level(url: str, version: str, measure: str, level: str):
    """Return (facts, totals) of a measure at a level for every year, in one read.

    One read of every year costs about what one read of a single year does (the store is small; most of
    the time is the level's code lists and mappings), so a chart over 15 years reads once, not 15 times.
    The rows are ordered year by year, as reads of one year at a time would give them.
    """
    facts, totals = _with_source(url, lambda src: src.level_facts(measure, level))
    by_year = lambda frame: frame.sort_values("year", kind="stable").reset_index(drop=True)  # noqa: E731
    return by_year(facts), by_year(totals)


@cache.memoize(unless=outside_app)
def _cached_call(url: str, version: str, method: str, arg=None):
    return _with_source(url, lambda src: getattr(src, method)(*([] if arg is None else [arg])))


@cache.memoize(unless=outside_app)
def _cached_derived(url: str, version: str, func: str, kwargs: tuple):
    module, name = func.rsplit(":", 1)
    compute = getattr(importlib.import_module(module), name)
    with engine_for(url).connect() as conn:
        return compute(CachedSource(conn, version), **dict(kwargs))


class CachedSource(FactSource):
    """Read like FactSource, memoized per database URL and store version (facts: every year of a measure at once)."""

    def __init__(self, conn, version: str | None = None):
        super().__init__(conn)
        self.url = conn.engine.url.render_as_string(hide_password=False)
        self.version = version or store_version(conn)

    def level_facts(self, measure: str, level: str, years=None, regions=None):
        if outside_app():
            return super().level_facts(measure, level, years=years, regions=regions)
        facts, totals = _cached_level(self.url, self.version, measure, level)
        if years is not None:
            wanted = [int(y) for y in years]
            facts, totals = facts[facts["year"].isin(wanted)], totals[totals["year"].isin(wanted)]
        if regions is not None:
            facts, totals = facts[facts["region"].isin(regions)], totals[totals["region"].isin(regions)]
        return facts.reset_index(drop=True), totals.reset_index(drop=True)

    def _cached(self, method: str, arg=None):
        if outside_app():  # no cache without an app (command line, plain scripts): read directly
            return getattr(FactSource, method)(self, *([] if arg is None else [arg]))
        return _cached_call(self.url, self.version, method, arg)

    def industries(self, level: str):
        return self._cached("industries", level)

    def division_map(self, level: str):
        return self._cached("division_map", level)

    def years(self, measure: str):
        return self._cached("years", measure)

    def regions(self):
        return self._cached("regions")

    def table(self, name: str):
        return self._cached("table", name)

    def academic(self, measure: str = "publications"):
        return self._cached("academic", measure)

    def sources(self, measures):
        return self._cached("sources", tuple(sorted(measures)))

    def derived(self, func, **kwargs):
        """Return func(self, **kwargs) once per store version: func is a module-level function of indicators that
        reads the store through its first argument alone."""
        if outside_app():
            return func(self, **kwargs)
        return _cached_derived(
            self.url, self.version, f"{func.__module__}:{func.__qualname__}", tuple(sorted(kwargs.items()))
        )

    @classmethod
    def for_request(cls, conn) -> CachedSource:
        """Return a CachedSource whose store version is read once per request (a redraw's charts share it)."""
        if not has_app_context():
            return cls(conn)
        if "store_version" not in g:
            g.store_version = store_version(conn)
        return cls(conn, g.store_version)
