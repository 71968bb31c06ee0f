"""Read a view's filters from the URL: each parameter has a type, a default and allowed values.

An invalid value never causes an error page: it falls back to the default and yields a short
notice in the reader's language. The export endpoints use the same parser but answer 400.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlencode

from i18n import DEFAULT_LANG, LANGS


@dataclass(frozen=True)
class Param:
    name: str
    kind: type = str  # str | int | date | list (comma-separated strings)
    default: Callable[[], object] | object = None
    choices: Callable[[], list] | None = None  # allowed values, computed when parsing
    label_sv: str = ""
    label_en: str = ""

    def default_value(self):
        return self.default() if callable(self.default) else self.default

    def convert(self, raw: str):
        if self.kind is int:
            return int(raw)
        if self.kind is date:
            return date.fromisoformat(raw)
        if self.kind is list:
            return [part for part in raw.split(",") if part]
        return raw

    def encode(self, value) -> str | None:
        if value is None or value == [] or value == "":
            return None
        if self.kind is list:
            return ",".join(str(v) for v in value)
        if self.kind is date and isinstance(value, date):
            return value.isoformat()
        return str(value)


def query_dict(search: str | None) -> dict[str, str]:
    """Turn '?a=1&b=2' into {'a': '1', 'b': '2'} (last value wins)."""
    parsed = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    return {k: v[-1] for k, v in parsed.items()}


def lang_from(query: dict) -> str:
    return query.get("lang") if query.get("lang") in LANGS else DEFAULT_LANG


class InvalidParam(ValueError):
    def __init__(self, name: str, raw: str, reason: str):
        super().__init__(f"{name}={raw!r}: {reason}")
        self.name, self.raw, self.reason = name, raw, reason


def parse(params: list[Param], query: dict, *, strict: bool = False) -> tuple[dict, list[tuple[str, str]]]:
    """Return (values, notices): each parameter's value from the query, or its default.

    notices are (name, raw value) pairs that were refused; with strict=True the first
    refused value raises InvalidParam instead (for the export endpoints' 400).
    """
    values, notices = {}, []
    for p in params:
        raw = query.get(p.name)
        if raw is None or raw == "":
            values[p.name] = p.default_value()
            continue
        try:
            value = p.convert(raw)
            allowed = p.choices() if p.choices else None
            if allowed is not None:
                items = value if p.kind is list else [value]
                bad = [v for v in items if v not in allowed]
                if bad:
                    raise InvalidParam(p.name, raw, f"unknown value {bad[0]!r}")
        except (ValueError, TypeError) as exc:
            if strict:
                raise exc if isinstance(exc, InvalidParam) else InvalidParam(p.name, raw, str(exc)) from exc
            notices.append((p.name, raw))
            value = p.default_value()
        values[p.name] = value
    if strict:
        known = {p.name for p in params} | {"lang"}
        for name in query:
            if name not in known:
                raise InvalidParam(name, query[name], "unknown parameter")
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
        if text is not None and (callable(p.default) or text != p.encode(p.default_value())):
            pairs.append((p.name, text))
    if lang != DEFAULT_LANG:
        pairs.append(("lang", lang))
    return "?" + urlencode(pairs) if pairs else ""
