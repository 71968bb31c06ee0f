"""Compute the share of women among the employed (and among managers where known) by industry.

Two kinds of real source feed it, each series from one dataset (indicators.facts' rules):
- counts by sex (measure employed_register: SCB RAMS by NUTS2 and section; Regionfakta by SCB's 15
  industry groups): share of women = women / total;
- published shares (sex_share_employed, sex_share_managers: Region Dalarna for Norra Mellansverige, given
  as the share of men): share of women = 1 − share of men, since the registers know two sexes.
Data without a split by sex gives no row; nothing is imputed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import select

from data import schema as s

from .facts import chosen_dataset, load_facts
from .meta import IndicatorMeta, register

COLUMNS = ["region", "industry", "name_sv", "name_en", "level", "year", "group", "women", "total", "share_women"]
COLUMNS += ["reference_share_women", "derived", "dataset", "is_example"]
SHARE_MEASURES = {"employed": "sex_share_employed", "managers": "sex_share_managers"}

WOMEN_SHARE = IndicatorMeta(
    key="women_share",
    title_sv="Andel kvinnor bland förvärvsarbetande efter bransch",
    title_en="Share of women among the employed by industry",
    unit_sv="andel (0–1)",
    unit_en="share (0–1)",
    definition_sv=(
        "Andelen kvinnor bland de förvärvsarbetande i branschen (och bland cheferna där det finns), i regionen och "
        "i riket samma år. Ur antal efter kön: kvinnor delat med alla. Ur publicerade andelar män: 1 minus andelen "
        "män. Varje serie kommer från ett dataset; data utan uppdelning på kön ger ingen rad."
    ),
    definition_en=(
        "The share of women among the industry's employed (and among its managers where known), in the region "
        "and in Sweden the same year. From counts by sex: women divided by all. From published shares of men: 1 "
        "minus the share of men. Each series comes from one dataset; data without a split by sex gives no row."
    ),
    formula="andel kvinnor = kvinnor / totalt; eller 1 − andel män",
    measures=("employed_register", "sex_share_employed", "sex_share_managers"),
    view="styrkeomraden",
)


def _names(conn) -> pd.DataFrame:
    i = s.industry
    rows = conn.execute(select(i.c.code, i.c.name_sv, i.c.name_en, i.c.level)).all()
    return pd.DataFrame(rows, columns=["industry", "name_sv", "name_en", "level"])


def from_counts(conn, regions: list[str]) -> pd.DataFrame:
    """Return region, industry, year, group, women, total, share_women, derived, dataset, is_example from counts."""
    chosen = chosen_dataset(conn, "employed_register", regions=regions)
    if chosen is None:
        return pd.DataFrame(columns=COLUMNS)
    keys = ["region", "industry", "year"]
    women = load_facts(conn, "employed_register", regions=regions, sex="women", dataset=chosen["dataset"])
    total = load_facts(conn, "employed_register", regions=regions, sex="total", dataset=chosen["dataset"])
    out = (
        women[keys + ["value"]]
        .rename(columns={"value": "women"})
        .merge(total[keys + ["value"]].rename(columns={"value": "total"}), on=keys, how="inner")
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share_women"] = np.where(out["total"] > 0, out["women"] / out["total"], np.nan)
    return out.assign(group="employed", derived="women / total", **chosen)[
        keys + ["group", "women", "total", "share_women", "derived", "dataset", "is_example"]
    ]


def from_shares(conn, regions: list[str]) -> pd.DataFrame:
    """Return the same columns from published shares (of men, or of women where given)."""
    parts = []
    for group, measure in SHARE_MEASURES.items():
        chosen = chosen_dataset(conn, measure, regions=regions)
        if chosen is None:
            continue
        for sex, derived in (("women", "published share of women"), ("men", "1 − published share of men")):
            frame = load_facts(conn, measure, regions=regions, sex=sex, dataset=chosen["dataset"])
            if frame.empty:
                continue
            share = frame["value"] if sex == "women" else 1 - frame["value"]
            parts.append(
                frame[["region", "industry", "year"]].assign(
                    group=group, women=np.nan, total=np.nan, share_women=share.to_numpy(), derived=derived, **chosen
                )
            )
            break  # a published share of women is used as it stands; the share of men only where it is missing
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS)


@register(WOMEN_SHARE)
def women_share(conn, *, region: str, reference: str = "00") -> pd.DataFrame:
    """Return region, industry, name_sv, name_en, level, year, group (employed | managers), women, total,
    share_women, reference_share_women, derived, dataset, is_example: the region's rows, with the reference's
    share from the same dataset beside them (NaN where that dataset has none)."""
    regions = [region, reference]
    parts = [f for f in (from_counts(conn, regions), from_shares(conn, regions)) if not f.empty]
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    both = pd.concat(parts, ignore_index=True)
    keys = ["industry", "year", "group", "dataset"]
    ref = both.loc[both["region"] == reference, keys + ["share_women"]].rename(
        columns={"share_women": "reference_share_women"}
    )
    out = both[both["region"] == region].merge(ref, on=keys, how="left").merge(_names(conn), on="industry", how="left")
    out = out.astype({"year": "int64", "is_example": bool})
    return out[COLUMNS].sort_values(["group", "level", "industry", "year"], kind="stable").reset_index(drop=True)
