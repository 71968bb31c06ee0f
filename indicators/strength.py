"""Classify industries into strength areas by an explicit rule the analyst can adjust.

The rule starts from two public methods: the U.S. Cluster Mapping "strong cluster" (LQ at least 1,
in the top quartile of LQ, employment above the bottom quartile) and the European Cluster
Observatory's stars (size, specialisation, focus). It then adds dynamics (shift-share and new
firms, patents, trademarks) and academic strength (the universities' research subjects) to find
"helhetliga styrkeområden": where business and academic strengths meet.
"""

from __future__ import annotations

import math
from dataclasses import astuple, dataclass, fields

import numpy as np
import pandas as pd

from data.classifications import A10_PARENT
from i18n import fmt_number

from .levels import InvalidArgument
from .meta import IndicatorMeta, register

MIN_COUNT = 5  # innovation counts and publications below this are too few to carry a quotient
INNOVATION_KEYS = ("new_firms", "patent_applications", "trademark_applications")
CATEGORIES = {  # code: (Swedish, English), strongest first
    "helhetlig": ("Helhetligt styrkeområde", "Holistic strength area"),
    "styrka": ("Styrkeområde i näringslivet", "Business strength area"),
    "framvaxande": ("Framväxande", "Emerging"),
    "ovrig": ("Övrig", "Other"),
}


@dataclass(frozen=True)
class Thresholds:
    """The rule's settings; the defaults and the reasons for them are in the rule text."""

    lq_min: float = 1.0  # LQ a strength needs at least (U.S. Cluster Mapping)
    top: float = 25.0  # per cent of the region's industries, by LQ, that count as its top
    bottom: float = 25.0  # per cent of the region's industries, by employees, that are too small
    star_lq: float = 2.0  # specialisation star (European Cluster Observatory)
    star_size: float = 1000.0  # size star: at least this many employees
    star_focus: float = 3.0  # focus star: at least this per cent of the region's employees
    support_lq: float = 1.0  # quotient at which new firms, patents, trademarks or a research subject count

    def checked(self) -> Thresholds:
        """Return self, or raise InvalidArgument naming the first setting that is not a sane number."""
        for f in fields(self):
            value = getattr(self, f.name)
            bad = not isinstance(value, int | float) or math.isnan(value) or math.isinf(value) or value < 0
            if not bad and f.name in PERCENT_SETTINGS and value > 100:
                bad = True
            if bad:
                raise InvalidArgument(
                    f.name,
                    value,
                    "tröskeln måste vara ett tal från 0" + (" till 100" if f.name in PERCENT_SETTINGS else ""),
                    "the threshold must be a number from 0" + (" to 100" if f.name in PERCENT_SETTINGS else ""),
                )
        return self

    def key(self) -> tuple:
        return astuple(self)


PERCENT_SETTINGS = {"top", "bottom", "star_focus"}
SETTING_LABELS = {  # name: (Swedish, English)
    "lq_min": ("Lägsta lokaliseringskvot", "Lowest location quotient"),
    "top": ("Toppandel efter kvot (%)", "Top share by quotient (%)"),
    "bottom": ("Minsta andel som räknas bort (%)", "Smallest share left out (%)"),
    "star_lq": ("Specialiseringsstjärna: kvot minst", "Specialisation star: quotient at least"),
    "star_size": ("Storleksstjärna: sysselsatta minst", "Size star: employees at least"),
    "star_focus": ("Fokusstjärna: andel av regionen minst (%)", "Focus star: share of the region at least (%)"),
    "support_lq": ("Kvot för dynamik och akademi", "Quotient for dynamics and academia"),
}


def _n(value, lang: str) -> str:
    """Return a threshold as written in the language, with as many decimals as it has (at most two)."""
    value = float(value)
    decimals = 0 if value.is_integer() else 1 if round(value, 1) == value else 2
    return fmt_number(value, lang, decimals)


def rule_lines(t: Thresholds, lang: str) -> list[str]:
    """Return the rule in plain words, with the current thresholds in it, numbered as the view shows it."""
    sv = lang != "en"
    lq, top, bottom = _n(t.lq_min, lang), _n(t.top, lang), _n(t.bottom, lang)
    star_lq, size, focus, sup = (
        _n(t.star_lq, lang),
        _n(t.star_size, lang),
        _n(t.star_focus, lang),
        _n(t.support_lq, lang),
    )
    if sv:
        return [
            f"Stark bransch (U.S. Cluster Mapping): lokaliseringskvoten är minst {lq}, branschen hör till de {top} % "
            f"av regionens branscher med högst kvot och inte till de {bottom} % med minst sysselsättning. "
            "Antal arbetsställen finns inte i databasen, så sysselsättningen får stå för storleken.",
            f"Stjärnor (European Cluster Observatory): ★ specialisering när kvoten är minst {star_lq}, ★ storlek när "
            f"minst {size} personer arbetar i branschen, ★ fokus när branschen har minst {focus} % av regionens "
            "sysselsatta.",
            "Dynamik: branschen har vuxit mer i regionen än i referensen under perioden (den regionala komponenten "
            f"i shift-share är positiv). Förnyelse: kvoten för nystartade företag, patent- eller varumärkesansökningar "
            f"är minst {sup} (räknas när det finns minst {MIN_COUNT} under perioden).",
            f"Akademisk bas: ett forskningsämne som hör till branschen har en specialiseringskvot på minst {sup} vid "
            f"lärosätet i regionen (minst {MIN_COUNT} publikationer). Vilka ämnen som hör till vilka branscher "
            "följer testområdenas koppling i databasen.",
            "Helhetligt styrkeområde = stark bransch + akademisk bas + dynamik eller förnyelse. Styrkeområde i "
            "näringslivet = stark bransch utan allt det andra. Framväxande = inte stark ännu, men kvoten är minst "
            f"{lq} och branschen har både dynamik och förnyelse.",
        ]
    return [
        f"Strong industry (U.S. Cluster Mapping): the location quotient is at least {lq}, the industry is among the "
        f"{top} % of the region's industries with the highest quotient and not among the {bottom} % with the "
        "fewest employees. Establishments are not in the store, so employment stands for size.",
        f"Stars (European Cluster Observatory): ★ specialisation when the quotient is at least {star_lq}, ★ size "
        f"when at least {size} people work in the industry, ★ focus when the industry has at least {focus} % of "
        "the region's employees.",
        "Dynamics: the industry grew more in the region than in the reference over the period (the regional "
        "component of shift-share is positive). Renewal: the quotient for new firms, patent or trademark "
        f"applications is at least {sup} (counted when there are at least {MIN_COUNT} in the period).",
        f"Academic base: a research subject belonging to the industry has a specialisation quotient of at least "
        f"{sup} at the region's university (at least {MIN_COUNT} publications). Which subjects belong to which "
        "industries follows the test areas' links in the store.",
        "Holistic strength area = strong industry + academic base + dynamics or renewal. Business strength area = "
        "strong industry without all the rest. Emerging = not strong yet, but the quotient is at least "
        f"{lq} and the industry has both dynamics and renewal.",
    ]


DEFAULT_REASON_SV = (
    "Standardvärdena följer källorna: kvot 1 och toppkvartilen som i U.S. Cluster Mapping, kvot 2 för "
    "specialiseringsstjärnan som i European Cluster Observatory. Storleks- och fokusgränserna (1 000 sysselsatta, "
    "3 % av regionen) passar länen; för en kommun är lägre gränser rimligare."
)
DEFAULT_REASON_EN = (
    "The defaults follow the sources: quotient 1 and the top quartile as in U.S. Cluster Mapping, quotient 2 for "
    "the specialisation star as in the European Cluster Observatory. The size and focus limits (1,000 employees, "
    "3 % of the region) suit the counties; for a municipality lower limits make more sense."
)

STRENGTH_CLASSIFICATION = IndicatorMeta(
    key="strength_classification",
    title_sv="Styrkeområden: klassificeringsregeln",
    title_en="Strength areas: the classification rule",
    unit_sv="klass",
    unit_en="class",
    definition_sv=" ".join(rule_lines(Thresholds(), "sv")) + " " + DEFAULT_REASON_SV,
    definition_en=" ".join(rule_lines(Thresholds(), "en")) + " " + DEFAULT_REASON_EN,
    formula="stark = LQ ≥ 1 ∧ LQ i toppkvartilen ∧ sysselsatta över bottenkvartilen; helhetlig = stark ∧ akademisk ∧ (dynamisk ∨ förnyelse)",
    measures=("employees", "new_firms", "patent_applications", "trademark_applications"),
    view="styrkeomraden",
    extra={
        "rule_sv": rule_lines(Thresholds(), "sv"),
        "rule_en": rule_lines(Thresholds(), "en"),
        "defaults": dict(zip([f.name for f in fields(Thresholds)], Thresholds().key())),
        "default_reason_sv": DEFAULT_REASON_SV,
        "default_reason_en": DEFAULT_REASON_EN,
        "sources": [
            "Delgado, Porter & Stern (2014), Defining clusters of related industries; U.S. Cluster Mapping",
            "European Cluster Observatory, star rating methodology (size, specialisation, focus)",
        ],
    },
)


@register(STRENGTH_CLASSIFICATION)
def classify(frame: pd.DataFrame, t: Thresholds = Thresholds()) -> pd.DataFrame:
    """Add the rule's columns to a frame of one or more regions' industries.

    Needs region, lq, value, region_total, regional_component, lq_<m> and count_<m> for the innovation
    measures, academic_lq; optionally industry and overlapping. Adds top_quartile, above_bottom, strong,
    star_spec, star_size, star_focus, stars, dynamic, renewal, academic, category, nested_in, counted.

    A nested aggregate (A*10 C, "of which" manufacturing, inside B-E) takes no place in the quartiles: they
    are computed over the other industries and C is measured against the same cut-offs. counted says
    whether a row counts in a class: C does not when B-E is in the same class, so no class counts the
    same people twice.
    """
    out = frame.copy()
    nested = (
        out["overlapping"].fillna(False).astype(bool) if "overlapping" in out else pd.Series(False, index=out.index)
    )
    pool = out[~nested]
    top_cut, bottom_cut = {}, {}
    for region, rows in pool.groupby("region", sort=False):
        lqs = rows["lq"].dropna().sort_values(ascending=False)
        k = int(np.ceil(len(lqs) * t.top / 100))
        top_cut[region] = lqs.iloc[k - 1] if k >= 1 else np.inf
        sizes = rows["value"].dropna().sort_values()
        m = int(np.floor(len(sizes) * t.bottom / 100))
        bottom_cut[region] = sizes.iloc[m - 1] if m >= 1 else -np.inf
    out["top_quartile"] = (out["lq"] >= out["region"].map(top_cut)).fillna(False).astype(bool)
    out["above_bottom"] = (out["value"] > out["region"].map(bottom_cut)).fillna(False).astype(bool)
    out["strong"] = (out["lq"] >= t.lq_min).fillna(False) & out["top_quartile"] & out["above_bottom"]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = out["value"] / out["region_total"]
    out["star_spec"] = (out["lq"] >= t.star_lq).fillna(False).astype(bool)
    out["star_size"] = (out["value"] >= t.star_size).fillna(False).astype(bool)
    out["star_focus"] = (share * 100 >= t.star_focus).fillna(False).astype(bool)
    out["stars"] = out[["star_spec", "star_size", "star_focus"]].sum(axis=1).astype(int)
    out["dynamic"] = (out["regional_component"] > 0).fillna(False).astype(bool)
    renewal = pd.Series(False, index=out.index)
    for key in INNOVATION_KEYS:
        enough = out[f"count_{key}"] >= MIN_COUNT
        renewal |= ((out[f"lq_{key}"] >= t.support_lq) & enough).fillna(False).astype(bool)
    out["renewal"] = renewal
    out["academic"] = (out["academic_lq"] >= t.support_lq).fillna(False).astype(bool)
    holistic = out["strong"] & out["academic"] & (out["dynamic"] | out["renewal"])
    emerging = ~out["strong"] & (out["lq"] >= t.lq_min).fillna(False) & out["dynamic"] & out["renewal"]
    out["category"] = np.select([holistic, out["strong"], emerging], ["helhetlig", "styrka", "framvaxande"], "ovrig")
    return mark_nested(out, nested)


def mark_nested(out: pd.DataFrame, nested: pd.Series) -> pd.DataFrame:
    """Add nested_in (the aggregate a nested row lies inside) and counted (see classify)."""
    parent = out["industry"].map(A10_PARENT) if "industry" in out else pd.Series(None, index=out.index)
    out["nested_in"] = parent.where(nested, None)
    if "industry" not in out:
        out["counted"] = True
        return out
    categories = out.set_index(["region", "industry"])["category"]
    keys = list(zip(out["region"], out["nested_in"]))
    parent_category = pd.Series([categories.get(k) if k[1] else None for k in keys], index=out.index)
    out["counted"] = ~nested | (parent_category != out["category"])
    return out


def strength_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Return region, category, count: the classes of a classified table, each person counted once."""
    counted = table[table["counted"].astype(bool)] if "counted" in table else table
    out = counted.groupby(["region", "category"], sort=False).size().rename("count").reset_index()
    return out.astype({"count": "int64"})


def category_name(code: str, lang: str) -> str:
    sv, en = CATEGORIES[code]
    return en if lang == "en" else sv
