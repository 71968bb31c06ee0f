"""Write what the charts with women and men share: which statistics the numbers come from, balance in words."""

from __future__ import annotations

from i18n import fmt_percent, tx
from indicators.facts import datasets
from indicators.gender_areas import balance_word

LEVEL_WORDS = {
    "bransch15": ("SCB:s 15 branschgrupper", "SCB's 15 industry groups"),
    "section": ("SNI-avsnitt", "SNI sections"),
    "division": ("SNI-avdelningar", "SNI divisions"),
}
BALANCE = {
    "men": ("mansdominerade (under 40 % kvinnor)", "male-dominated (under 40% women)"),
    "women": ("kvinnodominerade (över 60 % kvinnor)", "female-dominated (over 60% women)"),
    "even": ("jämnt fördelade (40–60 % kvinnor)", "evenly balanced (40–60% women)"),
    "unknown": ("okända", "unknown"),
}


def publisher(conn, dataset: str | None) -> str:
    """Return the short name of a dataset's publisher ('SCB', 'Regionfakta', 'Region Dalarna')."""
    if not dataset:
        return ""
    rows = datasets(conn)
    found = rows.loc[rows["code"] == dataset, "source"]
    text = found.iloc[0] if len(found) and isinstance(found.iloc[0], str) else dataset
    return text.split(",")[0].split(":")[0].strip()


def level_words(level, lang: str) -> str:
    return tx(lang, *LEVEL_WORDS[level]) if level in LEVEL_WORDS else str(level or "")


def balance_words(share: float, lang: str) -> str:
    return tx(lang, *BALANCE[balance_word(share)])


def percent(share, lang: str) -> str:
    return fmt_percent(share, lang, 0)


def codes_words(codes, names: dict) -> str:
    """Return 'Tillverkning (C), Byggverksamhet (F)' for codes and their names."""
    return ", ".join(f"{names.get(c, c)} ({c})" for c in codes)
