"""Read an API request strictly and write its values as JSON: the query, the refusals, the JSON-safe values.

The API is stricter than the pages: a parameter given twice or empty, or a number or date not written
as the OpenAPI document says, is a 400 naming it (Python's own parsers would take " 5" or "1_000").
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from urllib.parse import parse_qsl

import flask
import pandas as pd

from charts.params import refusal
from figures.export_csv import DIALECTS
from i18n import DEFAULT_LANG, LANGS, tx

FORMATS = ("json", *DIALECTS)


def arg_lang() -> str:
    """Return the request's ?lang= when it is a language of the site, else Swedish (never the Referer's)."""
    value = flask.request.args.get("lang")
    return value if value in LANGS else DEFAULT_LANG


class ApiError(Exception):
    """A request the API refuses: status, the parameter at fault (if any) and a message for the reader."""

    def __init__(self, status: int, message: str, parameter: str | None = None, value: str | None = None):
        super().__init__(message)
        self.status, self.message, self.parameter, self.value = status, message, parameter, value


def error_response(exc: ApiError) -> flask.Response:
    body = {"error": {"status": exc.status, "message": exc.message}}
    if exc.parameter is not None:
        body["error"].update(parameter=exc.parameter, value=exc.value)
    response = flask.Response(json.dumps(body, ensure_ascii=False), exc.status, content_type="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


def invalid(name: str, raw, reason: str, lang: str) -> ApiError:
    return ApiError(400, refusal(name, raw, reason, lang), name, None if raw is None else str(raw))


# The forms a number or a date must have in the API (Python's own parsers also take " 5" or "1_000").
FORMS = {
    int: (r"-?[0-9]{1,9}", ("ett heltal", "a whole number")),
    float: (
        r"-?[0-9]{1,9}(\.[0-9]{1,9})?([eE][-+]?[0-9]{1,3})?",
        ("ett tal med decimalpunkt", "a number with a decimal point"),
    ),
    date: (r"[0-9]{4}-[0-9]{2}-[0-9]{2}", ("ett datum ÅÅÅÅ-MM-DD", "a date YYYY-MM-DD")),
}


def request_query() -> dict[str, str]:
    """Return the query's parameters; refuse one given twice or empty (leave a parameter out for its default)."""
    lang, out = arg_lang(), {}
    for name, value in parse_qsl(flask.request.query_string.decode("utf-8", "replace"), keep_blank_values=True):
        if name in out:
            raise invalid(name, value, tx(lang, "angiven mer än en gång", "given more than once"), lang)
        if value == "":
            reason = tx(
                lang, "tomt värde; utelämna parametern för standardvärdet", "empty value; leave it out for the default"
            )
            raise invalid(name, value, reason, lang)
        out[name] = value
    return out


def check_forms(params, query: dict, lang: str) -> None:
    """Refuse a number or date that is not written as the OpenAPI document says."""
    for p in params:
        raw = query.get(p.name)
        form = FORMS.get(p.kind)
        if raw is not None and form and not re.fullmatch(form[0], raw):
            raise invalid(p.name, raw, tx(lang, "inte ", "not ") + tx(lang, *form[1]), lang)


def common(query: dict) -> tuple[str, str, dict]:
    """Return (format, language, the rest of the query); refuse an unknown format or language."""
    rest = dict(query)
    lang = rest.pop("lang", None) or DEFAULT_LANG
    if lang not in LANGS:
        raise invalid("lang", lang, "välj sv eller en / choose sv or en", DEFAULT_LANG)
    fmt = rest.pop("format", None) or "json"
    if fmt not in FORMATS:
        raise invalid("format", fmt, tx(lang, "välj ", "choose ") + ", ".join(FORMATS), lang)
    return fmt, lang, rest


def json_value(value):
    """Return a value JSON can hold: numbers, text, booleans, ISO dates; None for anything missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, datetime | date | pd.Timestamp):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [json_value(v) for v in value]
    return value


def records(frame: pd.DataFrame) -> list[dict]:
    columns = [str(c) for c in frame.columns]
    return [{c: json_value(v) for c, v in zip(columns, row)} for row in frame.itertuples(index=False, name=None)]
