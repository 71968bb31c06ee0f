"""Read a view's filters from the URL: each parameter has a type, a default and allowed values.

Allowed values and computed defaults come from the store through indicators, so they take a
connection and the values read so far (a year's default can depend on the chosen region).
An invalid value never causes an error page: it falls back to the default and yields a notice in
the reader's language. The export endpoints and the API use the same parser but answer 400.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlencode

from i18n import DEFAULT_LANG, LANGS, tx
from indicators.lq import REFERENCES

MAX_VALUE_LENGTH = 200  # longer raw values are refused before they are converted
NONE = "*"  # a filter control's value for "no value" (all counties, five years before), see layouts/filters.py


@dataclass(frozen=True)
class Param:
    """One URL parameter: name, type, default (a value or f(conn, values)) and allowed values (f(conn, values))."""

    name: str
    kind: type = str  # str | int | float | date | list (comma-separated strings)
    default: Callable | object = None
    choices: Callable | None = None
    label_sv: str = ""
    label_en: str = ""
    # The values in the reader's words, as the page's filters name them: f(conn, lang) -> {value: words}.
    words: Callable | None = None
    none_sv: str = ""  # what no value means ("alla län"); empty: leave the filter out of the words
    none_en: str = ""
    only_if_changed: bool = False  # said in words only when it is not the default (the rule's thresholds)

    def label(self, lang: str) -> str:
        return (self.label_en if lang == "en" else self.label_sv) or self.name

    def default_value(self, conn, values: dict):
        return self.default(conn, values) if callable(self.default) else self.default

    def convert(self, raw: str):
        """Return the value of a raw text, or raise ValueError saying why it is not one."""
        if self.kind is int:
            return int(raw)
        if self.kind is date:
            return date.fromisoformat(raw)
        if self.kind is list:
            return [part for part in raw.split(",") if part]
        return raw

    def encode(self, value) -> str | None:
        """Return the value as URL text; None for no value."""
        if value is None or value == [] or value == "":
            return None
        if self.kind is list:
            return ",".join(str(v) for v in value)
        if self.kind is date and isinstance(value, date):
            return value.isoformat()
        return str(value)


class InvalidParam(ValueError):
    """A parameter value that is refused: name, raw text and reason in both languages (shown in a 400 or a notice)."""

    def __init__(self, name: str, raw: str, reason_sv: str, reason_en: str):
        super().__init__(f"{name}={raw!r}: {reason_en}")
        self.name, self.raw, self.reasons = name, raw, (reason_sv, reason_en)

    def reason(self, lang: str) -> str:
        return tx(lang, *self.reasons)

    def message(self, lang: str) -> str:
        """Return the sentence a 400 answers with, in the reader's language."""
        return refusal(self.name, self.raw, self.reason(lang), lang)


def refusal(name: str, raw, reason: str, lang: str) -> str:
    """Return the sentence that refuses a parameter's value: its name, the value and why (reason in lang)."""
    return f"{tx(lang, 'Ogiltig parameter', 'Invalid parameter')} {name}={raw!r}: {reason}."


# Why a text is not a value of the parameter's kind, in the reader's words (not Python's).
NOT_A = {
    int: ("inte ett heltal", "not a whole number"),
    date: ("inte ett datum ÅÅÅÅ-MM-DD som finns", "not an existing date YYYY-MM-DD"),
}


def query_dict(search) -> dict[str, str]:
    """Turn '?a=1&b=2' into {'a': '1', 'b': '2'} (last value wins); anything but text is no query."""
    if not isinstance(search, str):
        return {}
    parsed = parse_qs(search.lstrip("?"), keep_blank_values=False)
    return {k: v[-1] for k, v in parsed.items()}


def lang_from(query: dict) -> str:
    value = query.get("lang") if isinstance(query, dict) else None
    return value if value in LANGS else DEFAULT_LANG


def _checked(p: Param, raw: str, conn, values: dict):
    if not isinstance(raw, str):
        raise InvalidParam(p.name, repr(raw), "inte text", "not text")
    if len(raw) > MAX_VALUE_LENGTH:
        raise InvalidParam(
            p.name, raw[:40] + "…", f"längre än {MAX_VALUE_LENGTH} tecken", f"longer than {MAX_VALUE_LENGTH} characters"
        )
    try:
        value = p.convert(raw)
    except (ValueError, TypeError, OverflowError):
        raise InvalidParam(p.name, raw, *NOT_A.get(p.kind, ("inte ett giltigt värde", "not a valid value"))) from None
    allowed = p.choices(conn, values) if p.choices else None
    if allowed is not None:
        items = value if p.kind is list else [value]
        bad = [v for v in items if v not in allowed]
        if bad:
            raise InvalidParam(p.name, raw, f"okänt värde {bad[0]!r}", f"unknown value {bad[0]!r}")
    return value


def parse(params: list[Param], query: dict, conn=None, *, strict: bool = False) -> tuple[dict, list[tuple[str, str]]]:
    """Return (values, notices): each parameter's value from the query, or its default.

    notices are (name, raw value) pairs that were refused; with strict=True the first refused
    value (or an unknown parameter) raises InvalidParam instead, for a 400.
    """
    values, notices = {}, []
    for p in params:
        raw = query.get(p.name)
        if raw is None or raw == "":
            values[p.name] = p.default_value(conn, values)
            continue
        try:
            values[p.name] = _checked(p, raw, conn, values)
        except InvalidParam as exc:
            if strict:
                raise
            notices.append((p.name, exc.raw))
            values[p.name] = p.default_value(conn, values)
    if strict:
        known = {p.name for p in params} | {"lang"}
        for name in query:
            if name not in known:
                raise InvalidParam(name, str(query[name])[:40], "okänd parameter", "unknown parameter")
    return values, notices


def encode(params: list[Param], values: dict, lang: str) -> str:
    """Return the URL query ('?region=20&lang=en') for the values, leaving out fixed defaults.

    A computed default (the latest year, today's date) is written out all the same: it moves when
    new data arrives or a day passes, and a shared link must show the same view tomorrow.
    """
    pairs = []
    for p in params:
        if p.name not in values:
            continue
        text = p.encode(values[p.name])
        if text is not None and (callable(p.default) or text != p.encode(p.default)):
            pairs.append((p.name, text))
    if lang != DEFAULT_LANG:
        pairs.append(("lang", lang))
    return "?" + urlencode(pairs) if pairs else ""


def control_text(value) -> str:
    """Return a filter control's value as URL text: lists comma-joined, numbers as written, None as ''."""
    if value is None or value == NONE:
        return ""
    if isinstance(value, list):
        return ",".join(str(v) for v in value if isinstance(v, str | int | float))
    if isinstance(value, bool):
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str | int):
        return str(value)
    return ""


def value_words(p: Param, value, conn, lang: str) -> str:
    """Return a parameter's value in the reader's words (names, not codes); '' for a value that needs none."""
    from babel.dates import format_date

    from i18n import LOCALES, fmt_number, tx

    if value is None or value == "" or value == []:
        return tx(lang, p.none_sv, p.none_en)
    names = p.words(conn, lang) if p.words else {}
    if isinstance(value, list):
        return ", ".join(str(names.get(v, v)) for v in value)
    if isinstance(value, date):
        return format_date(value, "long", locale=LOCALES.get(lang, "sv_SE"))
    if value in names:
        return str(names[value])
    if isinstance(value, float):
        return fmt_number(value, lang, 0 if value.is_integer() else 1 if round(value, 1) == value else 2)
    return str(value)


def in_words(params: list[Param], values: dict, conn, lang: str) -> list[tuple[str, str]]:
    """Return (label, value in words) for a view's parameters, for title slides and workbooks.

    A parameter left at a default that needs no words (no county chosen: all counties) says its
    none-words, or is left out when it has none; the rule's thresholds only when changed.
    """
    pairs = []
    for p in params:
        value = values.get(p.name)
        if p.only_if_changed and p.encode(value) == p.encode(p.default_value(conn, values)):
            continue
        text = value_words(p, value, conn, lang)
        if text:
            pairs.append((p.label(lang), text))
    return pairs


def reference_words(lang: str) -> dict[str, str]:
    """Return the reference regions in the reader's words: {"00": "riket", "SE31": "Norra Mellansverige"}."""
    return {"00": tx(lang, "riket", "Sweden"), "SE31": tx(lang, "Norra Mellansverige", "North Middle Sweden")}


def reference_param() -> Param:
    """Return the parameter of the region a view compares with (Sweden by default), named in words."""
    return Param(
        "reference",
        str,
        "00",
        lambda _c, _v: list(REFERENCES),
        "Jämförs med",
        "Compared with",
        words=lambda _c, lang: reference_words(lang),
    )
