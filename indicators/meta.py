"""Describe indicators: title, unit, definition in words, formula, source, licence.

Whether an indicator's numbers are example data depends on the store (which datasets fill
its measures), so that flag is computed by indicators.facts.example_share, not written here.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class IndicatorMeta:
    key: str
    title_sv: str
    title_en: str
    unit_sv: str
    unit_en: str
    definition_sv: str
    definition_en: str
    formula: str
    measures: tuple[str, ...] = ()  # the store's measures it reads (decides the data status)
    source_sv: str = "Se datakällorna nedan"
    source_en: str = "See the data sources below"
    view: str = ""
    extra: dict = field(default_factory=dict)

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_sv

    def unit(self, lang: str) -> str:
        return self.unit_en if lang == "en" else self.unit_sv

    def definition(self, lang: str) -> str:
        return self.definition_en if lang == "en" else self.definition_sv


INDICATORS: dict[str, IndicatorMeta] = {}


def register(meta: IndicatorMeta):
    """Register meta and return a decorator that attaches it to the function computing it."""
    if meta.key in INDICATORS and INDICATORS[meta.key] != meta:
        raise ValueError(f"indicator {meta.key!r} registered twice")
    INDICATORS[meta.key] = meta

    def attach(func):
        func.meta = meta
        return func

    return attach
