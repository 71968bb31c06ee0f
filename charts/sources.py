"""Write a chart's source line from the datasets behind its measures."""

from __future__ import annotations

from sqlalchemy import select

from data import schema as s
from i18n import tx


def source_line(conn, lang: str, measures: list[str]) -> str:
    """Return 'Källa: <sources>' for the datasets that hold the measures."""
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
    return _line(lang, conn.execute(select(d.c.source, d.c.is_example).where(d.c.code.in_(dataset_codes))).all())
