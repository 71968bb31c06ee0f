"""Describe the API: the OpenAPI 3.1 document, written from the resources' parameters, and a page that reads it.

The document's allowed values (regions, years, measures, chart keys) come from the store, so the
document is written per store version (web.api caches it) and always names what the API accepts.
The page at /api/ is generated from the same document, so the two cannot drift apart.
"""

from __future__ import annotations

from datetime import date
from html import escape
from urllib.parse import urlencode

from charts.params import Param
from charts.views import VIEWS_BY_KEY
from i18n import tx

from .api_resources import Resource

FORMATS = ("json", "csv", "csv-excel")

MAX_ENUM = 400  # longer lists of allowed values are described instead (they would bloat the document)


def param_schema(p: Param, conn, lang: str) -> tuple[dict, str]:
    """Return (JSON schema, extra description) of a parameter from its type, bounds and allowed values."""
    allowed = p.choices(conn, {}) if p.choices else None
    if p.kind is float:
        schema = {"type": "number", "minimum": getattr(p, "low", 0.0), "maximum": getattr(p, "high", 1e9)}
        return schema, ""
    if p.kind is date:
        return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}, ""
    if p.kind is int:
        schema = {"type": "integer"}
        if allowed is not None and len(allowed) <= MAX_ENUM:
            schema["enum"] = [int(v) for v in allowed]
        return schema, ""
    if p.kind is list:
        shown = ", ".join(str(v) for v in (allowed or [])[:30]) + (" …" if allowed and len(allowed) > 30 else "")
        extra = tx(lang, f" Tillåtna värden: {shown}.", f" Allowed values: {shown}.") if allowed else ""
        return {"type": "string", "minLength": 1, "maxLength": 200}, extra
    schema = {"type": "string", "minLength": 1}
    if allowed is not None and len(allowed) <= MAX_ENUM:
        schema["enum"] = [str(v) for v in allowed if str(v) != ""]
    return schema, ""


def parameter(p: Param, conn, lang: str) -> dict:
    schema, extra = param_schema(p, conn, lang)
    if callable(p.default):
        extra += tx(
            lang,
            " Standard: räknas fram ur databasen eller dagens datum.",
            " Default: worked out from the store or today's date.",
        )
    elif p.default not in (None, "", []):
        schema["default"] = p.encode(p.default) if p.kind in (list, date) else p.default
    return {
        "name": p.name,
        "in": "query",
        "required": False,
        "description": p.label(lang) + "." + extra,
        "schema": schema,
    }


COMMON = {
    "format": {
        "name": "format",
        "in": "query",
        "required": False,
        "schema": {"type": "string", "enum": list(FORMATS), "default": "json"},
    },
    "lang": {
        "name": "lang",
        "in": "query",
        "required": False,
        "schema": {"type": "string", "enum": ["sv", "en"], "default": "sv"},
    },
}


def common_params(lang: str) -> list[dict]:
    fmt = dict(
        COMMON["format"],
        description=tx(
            lang,
            "json (standard), csv (komma, punkt som decimaltecken) eller csv-excel (semikolon, decimalkomma, BOM, avrundat som på sidan).",
            "json (default), csv (comma, decimal point) or csv-excel (semicolon, decimal comma, BOM, rounded as on the page).",
        ),
    )
    language = dict(COMMON["lang"], description=tx(lang, "Språk för namn och texter.", "Language of names and words."))
    return [fmt, language]


def schemas() -> dict:
    dataset = {
        "type": "object",
        "required": ["code", "source", "is_example"],
        "properties": {
            "code": {"type": "string"},
            "title_sv": {"type": ["string", "null"]},
            "title_en": {"type": ["string", "null"]},
            "source": {"type": "string"},
            "source_url": {"type": ["string", "null"]},
            "licence": {"type": ["string", "null"]},
            "retrieved": {"type": ["string", "null"]},
            "is_example": {"type": "boolean"},
        },
    }
    meta = {
        "type": "object",
        "required": ["path", "parameters", "store_version", "rows", "data_status", "example_data", "datasets", "notes"],
        "properties": {
            "path": {"type": "string"},
            "parameters": {"type": "object"},
            "store_version": {"type": "string"},
            "rows": {"type": "integer", "minimum": 0},
            "data_status": {"type": "string", "enum": ["real", "example", "mixed"]},
            "example_data": {"type": "boolean"},
            "datasets": {"type": "array", "items": {"$ref": "#/components/schemas/Dataset"}},
            "notes": {"type": "array", "items": {"type": "string"}},
        },
    }
    answer = {
        "type": "object",
        "required": ["meta", "data"],
        "properties": {
            "meta": {"$ref": "#/components/schemas/Meta"},
            "data": {"type": "array", "items": {"type": "object"}},
        },
    }
    error = {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["status", "message"],
                "properties": {
                    "status": {"type": "integer"},
                    "message": {"type": "string"},
                    "parameter": {"type": "string"},
                    "value": {"type": ["string", "null"]},
                },
            }
        },
    }
    return {"Dataset": dataset, "Meta": meta, "Answer": answer, "Error": error}


def responses(lang: str) -> dict:
    def error(sv: str, en: str) -> dict:
        return {
            "description": tx(lang, sv, en),
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }

    return {
        "200": {
            "description": tx(lang, "Raderna och vad de bygger på", "The rows and what they rest on"),
            "headers": {
                "ETag": {"schema": {"type": "string"}},
                "X-Data-Status": {"schema": {"type": "string", "enum": ["real", "example", "mixed"]}},
            },
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Answer"}},
                "text/csv": {"schema": {"type": "string"}},
            },
        },
        "304": {"description": tx(lang, "Oförändrat sedan If-None-Match", "Unchanged since If-None-Match")},
        "400": error(
            "En parameter är ogiltig eller okänd; svaret säger vilken",
            "A parameter is invalid or unknown; the answer names it",
        ),
        "404": error("Ingen sådan adress", "No such path"),
        "429": error(
            "För många anrop från samma klient på kort tid", "Too many requests from one client in a short time"
        ),
    }


def operation(path: str, summary: str, tag: str, params: list[Param], conn, lang: str) -> dict:
    return {
        "get": {
            "operationId": "get_" + path.replace("/", "_").replace("-", "_"),
            "summary": summary,
            "tags": [tag],
            "parameters": common_params(lang) + [parameter(p, conn, lang) for p in params],
            "responses": responses(lang),
        }
    }


def chart_summary(view: str, key: str, lang: str) -> str:
    title = VIEWS_BY_KEY[view].title(lang)
    return tx(
        lang,
        f"Diagrammet {key} i vyn {title}: tabellen och orden",
        f"The chart {key} of the view {title}: its table and words",
    )


def document(conn, lang: str, resources: list[tuple[str, Resource | tuple]]) -> dict:
    """Return the OpenAPI 3.1 document of every path (resources: (path, Resource or (view, key)))."""
    from charts import view_params

    paths = {}
    for path, item in resources:
        if isinstance(item, Resource):
            paths[f"/api/{path}"] = operation(path, item.summary(lang), item.tag, list(item.params), conn, lang)
        else:
            view, key = item
            paths[f"/api/{path}"] = operation(
                path, chart_summary(view, key, lang), "charts", view_params(view), conn, lang
            )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": tx(
                lang,
                "Smart specialisering i Norra Mellansverige: öppna data",
                "Smart specialisation in North Middle Sweden: open data",
            ),
            "version": "1",
            "description": intro(lang),
        },
        "paths": paths,
        "components": {"schemas": schemas()},
    }


def intro(lang: str) -> str:
    return tx(
        lang,
        "Alla siffror på sajten, bara för läsning. Varje svar säger vilka dataset det bygger på och om någon siffra "
        "är exempeldata (påhittade siffror). Företagsenkätens grupper med för få svarande döljs som i vyerna. "
        "Databasens version är svarets ETag. Varje klient har ett tak för antal anrop per minut.",
        "Every number on the site, read-only. Every answer names the datasets it rests on and whether any number is "
        "example data (invented numbers). The company survey's groups with too few respondents are hidden as in the "
        "views. The store's version is the answer's ETag. Each client may make a limited number of requests a minute.",
    )


def _schema_text(schema: dict, lang: str) -> str:
    if "enum" in schema:
        values = [str(v) for v in schema["enum"]]
        return ", ".join(values[:12]) + (" …" if len(values) > 12 else "")
    if schema.get("type") == "number":
        return tx(
            lang,
            f"tal {schema['minimum']:g}–{schema['maximum']:g}",
            f"number {schema['minimum']:g}–{schema['maximum']:g}",
        )
    return {"integer": tx(lang, "heltal", "whole number"), "string": tx(lang, "text", "text")}.get(
        schema.get("type"), ""
    )


def _param_rows(op: dict, lang: str) -> str:
    rows = []
    for p in op["parameters"][2:]:
        schema = p["schema"]
        default = schema.get("default", "")
        rows.append(
            f'<tr><th scope="row"><code>{escape(p["name"])}</code></th><td>{escape(p["description"])}</td>'
            f"<td>{escape(_schema_text(schema, lang))}</td><td>{escape(str(default))}</td></tr>"
        )
    if not rows:
        return f"<p>{escape(tx(lang, 'Inga parametrar utöver format och lang.', 'No parameters besides format and lang.'))}</p>"
    head = "".join(
        f'<th scope="col">{escape(h)}</th>'
        for h in (
            tx(lang, "Parameter", "Parameter"),
            tx(lang, "Vad", "What"),
            tx(lang, "Värden", "Values"),
            tx(lang, "Standard", "Default"),
        )
    )
    return f'<table class="params"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _link(path: str, lang: str, **extra) -> str:
    query = urlencode({**({"lang": lang} if lang != "sv" else {}), **extra})
    return path + ("?" + query if query else "")


def page(doc: dict, lang: str) -> str:
    """Return the API's description as a plain, accessible HTML page, generated from the OpenAPI document."""
    other, other_name = ("en", "English") if lang == "sv" else ("sv", "Svenska")
    sections: dict[str, list[str]] = {}
    for path, item in doc["paths"].items():
        op = item["get"]
        links = (
            f'<a href="{escape(_link(path, lang))}">JSON</a> · <a href="{escape(_link(path, lang, format="csv"))}">CSV</a> · '
            f'<a href="{escape(_link(path, lang, format="csv-excel"))}">CSV (Excel)</a>'
        )
        sections.setdefault(op["tags"][0], []).append(
            f'<section class="path"><h3><code>GET {escape(path)}</code></h3><p>{escape(op["summary"])}. {links}</p>{_param_rows(op, lang)}</section>'
        )
    names = {
        "code lists": tx(lang, "Kodlistor", "Code lists"),
        "metadata": tx(lang, "Mått, dataset, indikatorer och diagram", "Measures, datasets, indicators and charts"),
        "data": tx(lang, "Uppgifter", "Facts"),
        "indicators": tx(lang, "Indikatorer", "Indicators"),
        "charts": tx(lang, "Diagram", "Charts"),
    }
    body = "".join(f"<h2>{escape(names.get(tag, tag))}</h2>{''.join(parts)}" for tag, parts in sections.items())
    title = doc["info"]["title"]
    rules = tx(
        lang,
        'Alla adresser svarar på GET med JSON ({"meta": …, "data": […]}); ?format=csv ger CSV och ?format=csv-excel '
        "CSV för svenskt Excel. En ogiltig eller okänd parameter ger svar 400 som namnger den. Uppgifter som saknas "
        "är null (tomma i CSV), aldrig 0.",
        'Every path answers GET with JSON ({"meta": …, "data": […]}); ?format=csv gives CSV and ?format=csv-excel '
        "CSV for a Swedish Excel. An invalid or unknown parameter gives a 400 that names it. Missing numbers are "
        "null (empty in CSV), never 0.",
    )
    return f"""<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}: API</title><link rel="stylesheet" href="/embed/static/api.css"></head>
<body><header><p><a href="{escape(_link("/", lang))}">{escape(tx(lang, "Till dashboarden", "To the dashboard"))}</a> ·
<a href="{escape(_link("/api/", other))}" lang="{other}" hreflang="{other}">{other_name}</a></p></header>
<main><h1>{escape(title)}: API</h1><p>{escape(doc["info"]["description"])}</p><p>{escape(rules)}</p>
<p><a href="{escape(_link("/api/openapi.json", lang))}">{escape(tx(lang, "OpenAPI-dokumentet (openapi.json)", "The OpenAPI document (openapi.json)"))}</a></p>
{body}</main></body></html>"""
