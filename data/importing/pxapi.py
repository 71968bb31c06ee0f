"""Know the two PxWeb APIs: where config and metadata live, how a query selects, how to split it.

API v1 (SCB: https://api.scb.se/OV0104/v1/doris/sv/ssd/…/TABLE): POST {"query": [{"code",
"selection": {"filter", "values"}}], "response": {"format": "json-stat2"}}; config at
…/v1/doris/sv/?config; the table address itself answers GET with metadata.
API v2 (SCB: https://api.scb.se/OV0104/v2beta/api/v2/tables/TAB6471/data?lang=sv): GET with
valueCodes[VAR]=a,b; a query file holds {"selection": [{"variableCode", "valueCodes"}]}; config at
…/config; metadata at …/tables/ID/metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .base import ImportFailed, Problem

TOP = re.compile(r"^(?:top|bottom)\((\d+)(?:,\s*\d+)?\)$", re.IGNORECASE)


@dataclass(frozen=True)
class Api:
    url: str
    version: int
    config_url: str
    metadata_url: str
    table: str
    host: str


@dataclass(frozen=True)
class Pick:
    """One variable of a selection: its value codes when they are explicit, and how many cells it spans."""

    code: str
    values: tuple[str, ...] | None  # explicit codes: the selection can be split along them
    count: int | None  # number of values, None when the API decides (value sets, patterns)
    original: dict | None = None  # the query's own entry, sent as is when the values are not explicit


def api_of(url: str) -> Api:
    """Return what the URL says about its API, or raise ImportFailed if it is no PxWeb table address."""
    parts = urlsplit(url)
    segments = parts.path.rstrip("/").split("/")
    host = parts.hostname or "pxweb"
    named = host.count(".") >= 1 and not host.replace(".", "").isdigit()
    short = host.split(".")[-2] if named else "pxweb"  # api.scb.se -> scb; an IP address -> pxweb
    if "tables" in segments and len(segments) > segments.index("tables") + 1:
        at = segments.index("tables")
        table = segments[at + 1]
        base = "/".join(segments[:at])
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k.lower() == "lang"])
        config = urlunsplit((parts.scheme, parts.netloc, base + "/config", "", ""))
        meta = urlunsplit((parts.scheme, parts.netloc, f"{base}/tables/{table}/metadata", query, ""))
        return Api(url, 2, config, meta, table, short)
    if "v1" in segments:
        after = segments[segments.index("v1") + 1 :]
        lang = next((i for i, seg in enumerate(after) if len(seg) == 2 and seg.isalpha()), None)
        if lang is not None:
            base = "/".join(segments[: segments.index("v1") + 1] + after[: lang + 1]) + "/"
            config = urlunsplit((parts.scheme, parts.netloc, base, "config", ""))
            return Api(url, 1, config, url, segments[-1], short)
    raise ImportFailed(
        [
            Problem(
                url,
                None,
                None,
                "adressen ser inte ut som en PxWeb-tabell (v1: …/api/v1/sv/…/TABELL, v2: …/tables/ID/data)",
            )
        ]
    )


def picks_of(api: Api, query: dict, metadata: dict[str, list[str]]) -> list[Pick]:
    """Return the query's selection as Picks; wildcards are resolved with the table's metadata."""
    if api.version == 1:
        entries = query.get("query")
        if not isinstance(entries, list):
            raise _query_problem('API v1 behöver en fråga med "query": [...] (kopiera den från tabellens API-länk)')
        return [_pick_v1(e, metadata) for e in entries]
    entries = query.get("selection", _url_selection(api.url))
    if not isinstance(entries, list) or "query" in query:
        raise _query_problem('API v2 tar en fråga med "selection": [{"variableCode", "valueCodes"}]')
    return [_pick_v2(e, metadata) for e in entries]


def _url_selection(url: str) -> list[dict]:
    """Return the valueCodes[VAR]=a,b of a v2 address as selection entries (a GET address is a query too)."""
    found = re.compile(r"^valuecodes\[(.+)\]$", re.IGNORECASE)
    return [
        {"variableCode": found.match(k).group(1), "valueCodes": v.split(",")}
        for k, v in parse_qsl(urlsplit(url).query)
        if found.match(k)
    ]


def _query_problem(why: str) -> ImportFailed:
    return ImportFailed([Problem("--query", None, None, why)])


def _pick_v1(entry: dict, metadata) -> Pick:
    code = entry.get("code")
    selection = entry.get("selection") or {}
    kind, values = str(selection.get("filter", "")).lower(), [str(v) for v in selection.get("values", [])]
    if kind == "item":
        return Pick(code, tuple(values), len(values), entry)
    if kind == "all" and values == ["*"] and code in metadata:
        return Pick(code, tuple(metadata[code]), len(metadata[code]), entry)
    if kind == "top" and values and values[0].isdigit():
        return Pick(code, None, int(values[0]), entry)
    return Pick(code, None, None, entry)


def _pick_v2(entry: dict, metadata) -> Pick:
    code = entry.get("variableCode")
    values = [str(v) for v in entry.get("valueCodes", [])]
    if entry.get("codelist"):
        return Pick(code, None, None, entry)
    if values == ["*"] and code in metadata:
        return Pick(code, tuple(metadata[code]), len(metadata[code]), entry)
    if len(values) == 1 and TOP.match(values[0]):
        return Pick(code, None, int(TOP.match(values[0]).group(1)), entry)
    if values and not any(ch in v for v in values for ch in "*?()"):
        return Pick(code, tuple(values), len(values), entry)
    return Pick(code, None, None, entry)


def split(picks: list[Pick], max_cells: int) -> list[list[Pick]]:
    """Return selections that together cover picks, each within max_cells (halving the longest list)."""
    cells = 1
    for p in picks:
        cells *= p.count
    if cells <= max_cells:
        return [picks]
    longest = max((p for p in picks if p.values and len(p.values) > 1), key=lambda p: len(p.values), default=None)
    if longest is None:
        raise ImportFailed(
            [
                Problem(
                    "--query",
                    None,
                    None,
                    f"urvalet ger {cells} celler, fler än API:ts gräns {max_cells}, och går inte att dela; "
                    "välj värden uttryckligen (filter item) eller färre värden",
                )
            ]
        )
    half = len(longest.values) // 2
    out = []
    for values in (longest.values[:half], longest.values[half:]):
        narrowed = [replace(p, values=values, count=len(values)) if p is longest else p for p in picks]
        out += split(narrowed, max_cells)
    return out


def request_for(api: Api, query: dict, picks: list[Pick]) -> tuple[str, str, dict]:
    """Return (method, url, requests keyword arguments) for one part of the selection."""
    if api.version == 1:
        entries = [
            {"code": p.code, "selection": {"filter": "item", "values": list(p.values)}} if p.values else p.original
            for p in picks
        ]
        return "POST", api.url, {"json": {"query": entries, "response": {"format": "json-stat2"}}}
    parts = urlsplit(api.url)
    params = [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(("valuecodes", "outputformat"))]
    for p in picks:
        codes = list(p.values) if p.values else [str(v) for v in p.original.get("valueCodes", [])]
        params.append((f"valueCodes[{p.code}]", ",".join(codes)))
        if p.original and p.original.get("codelist"):
            params.append((f"codelist[{p.code}]", p.original["codelist"]))
    params.append(("outputFormat", "json-stat2"))
    url = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params, safe="[],*()"), ""))
    return "GET", url, {}
