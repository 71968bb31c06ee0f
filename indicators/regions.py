"""Read the region code list."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from data import schema as s


def regions(conn) -> pd.DataFrame:
    """Return every region: code, nuts, name_sv, name_en, level, parent."""
    r = s.region
    rows = conn.execute(select(r).order_by(r.c.code)).mappings().all()
    return pd.DataFrame([dict(x) for x in rows], columns=[c.name for c in r.columns])


def region_names(conn, lang: str) -> dict[str, str]:
    """Return {code: name} in the language."""
    frame = regions(conn)
    return dict(zip(frame["code"], frame["name_en" if lang == "en" else "name_sv"]))
