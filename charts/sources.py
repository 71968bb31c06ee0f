"""Write a chart's source line from the datasets behind its measures, and note which datasets those are.

While a chart is built inside recording(), every source line written names its datasets' codes to
the recorder, so the chart carries them (ChartSpec.datasets) for the API and exports.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import select

from data import schema as s
from i18n import tx
from indicators.provenance import datasets_used

_recorded: ContextVar[set[str] | None] = ContextVar("chart_datasets", default=None)


@contextmanager
def recording() -> Iterator[set[str]]:
    """Collect the codes of the datasets whose source lines are written inside the block."""
    token = _recorded.set(set())
    try:
        yield _recorded.get()
    finally:
        _recorded.reset(token)


def record_measures(conn, measures) -> None:
    """Note the datasets holding the measures, when a chart is being recorded."""
    used = _recorded.get()
    if used is not None:
        used.update(datasets_used(conn, list(measures)))


def record_datasets(codes) -> None:
    """Note datasets by code (records a chart shows whose source line is written by hand)."""
    used = _recorded.get()
    if used is not None:
        used.update(c for c in codes if isinstance(c, str))


def source_line(conn, lang: str, measures: list[str]) -> str:
    """Return 'Källa: <sources>' for the datasets that hold the measures."""
    record_measures(conn, measures)
    f, d = s.fact, s.dataset
    q = select(d.c.source, d.c.is_example).join(f, f.c.dataset == d.c.code).where(f.c.measure.in_(measures)).distinct()
    return _line(lang, conn.execute(q).all())


def _line(lang: str, rows) -> str:
    real = sorted({src for src, ex in rows if not ex})
    parts = real + (
        [tx(lang, "exempeldata (påhittade siffror)", "example data (invented numbers)")]
        if any(ex for _src, ex in rows)
        else []
    )
    return tx(lang, "Källa: ", "Source: ") + ("; ".join(parts) if parts else tx(lang, "inga data", "no data"))


def dataset_source_line(conn, lang: str, dataset_codes: list[str]) -> str:
    """Return 'Källa: <sources>' for named datasets (clusters, survey, follow-up)."""
    d = s.dataset
    rows = conn.execute(select(d.c.code, d.c.source, d.c.is_example).where(d.c.code.in_(dataset_codes))).all()
    used = _recorded.get()
    if used is not None:
        used.update(code for code, _src, _ex in rows)
    return _line(lang, [(src, ex) for _code, src, ex in rows])
