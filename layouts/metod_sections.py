"""Build the parts of "Om data och metod" around the indicators: rules, phase scale, data status, citing.

Texts come from IndicatorMeta.extra (key_sv / key_en pairs, a string or a list of sentences) and
from the store, never written here a second time.
"""

from __future__ import annotations

from datetime import date

import flask
from dash import html

from data.recipes import recipes_for
from i18n import tx
from indicators.clusters import phase_scale
from indicators.coverage import measure_coverage
from indicators.facts import datasets
from indicators.levels import LEVEL_NAMES
from indicators.regions import region_names

from .shell import source_name


def is_text(value) -> bool:
    """Tell a text (a string, or a list of sentences) from other extra metadata."""
    if isinstance(value, list | tuple):
        return bool(value) and all(isinstance(v, str) for v in value)
    return isinstance(value, str) and bool(value)


def extra_texts(meta, lang: str) -> list[tuple[str, str | list]]:
    """Return (key, text) for each text in meta.extra given in both languages as key_sv / key_en."""
    keys = sorted({k[:-3] for k in meta.extra if k.endswith(("_sv", "_en")) and not k.startswith("formula")})
    pairs = [(k, meta.extra.get(f"{k}_{lang}") or meta.extra.get(f"{k}_sv")) for k in keys]
    return [(k, v) for k, v in pairs if is_text(v)]


def flat(text) -> str:
    return text if isinstance(text, str) else " ".join(text)


def paragraphs(text) -> list:
    """Return a text as a paragraph, or a list of sentences as a bulleted list."""
    return [html.P(text)] if isinstance(text, str) else [html.Ul([html.Li(t) for t in text])]


def cited(refs) -> html.Ul:
    """Return literature references; they keep their titles' language, English (WCAG 3.1.2)."""
    return html.Ul([html.Li(r, lang="en") for r in refs])


def rule_texts(metas, view: str, words, lang: str) -> list:
    """Return the distinct rule texts of a view's indicators, whose extra keys contain one of words.

    The rule itself (a key with "rule" or "regel") comes first, the reasons and settings after it.
    """
    found: list = []
    for meta in metas:
        if meta.view == view:
            found += [(k, t) for k, t in extra_texts(meta, lang) if any(w in k.lower() for w in words)]
    found.sort(key=lambda kt: 0 if "rule" in kt[0] or "regel" in kt[0] else 1)
    distinct: list = []
    for _key, text in found:
        if text not in distinct:
            distinct.append(text)
    return distinct


def references(metas, view: str) -> list[str]:
    """Return the literature the view's indicators cite (IndicatorMeta.extra["sources"])."""
    found = [r for m in metas if m.view == view and is_text(m.extra.get("sources")) for r in m.extra["sources"]]
    return list(dict.fromkeys(found))


def status_text(status: str, lang: str):
    if status == "example":
        return html.Span(tx(lang, "Exempeldata", "Example data"), className="badge-example")
    if status == "mixed":
        return html.Span(tx(lang, "Delvis exempeldata", "Partly example data"), className="badge-example")
    if status == "real":
        return tx(lang, "Verkliga data", "Real data")
    if status == "none":
        return tx(lang, "Inga data i databasen (uppgift saknas)", "No data in the store (missing)")
    if status == "partial":
        return tx(lang, "Delvis: några av måtten saknas", "Partly: some of the measures are missing")
    if status == "classification":
        return tx(
            lang,
            "Indelning som förvaras i databasen, inte statistik",
            "A classification kept in the store, not statistics",
        )
    return tx(lang, "Okänd (indikatorn anger inga data)", "Unknown (the indicator names no data)")


def formula(meta, lang: str) -> html.Code:
    """Return the formula; one written with Swedish words is marked so on English pages (or given in extra)."""
    translated = meta.extra.get(f"formula_{lang}")
    if translated:
        return html.Code(translated)
    return html.Code(meta.formula, lang="sv") if lang == "en" else html.Code(meta.formula)


def source_link(row: dict, lang: str):
    name = source_name(row, lang)
    return html.A(name, href=row["source_url"]) if row.get("source_url") else name


def licence(row: dict, lang: str):
    """Return a dataset's licence; the dashboard's own words translated, a source's own marked lang="sv"."""
    text = row.get("licence") or "–"
    if row.get("is_example"):
        return tx(lang, text, "CC0 (invented numbers)")
    return html.Span(text, lang="sv") if lang == "en" and text != "–" else text


def retrieved(row: dict) -> str:
    return f"{row['retrieved']:%Y-%m-%d}" if row.get("retrieved") else "–"


def licences(rows: list[dict], lang: str) -> list:
    """Return the distinct licences of some datasets, separated by semicolons."""
    seen = {}
    for row in rows:
        seen.setdefault((row.get("licence"), bool(row.get("is_example"))), row)
    parts: list = []
    for i, row in enumerate(seen.values()):
        parts += (["; "] if i else []) + [licence(row, lang)]
    return parts or ["–"]


def year_span(years) -> str:
    if not years:
        return "–"
    return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"


def phase_section(conn, metas, lang: str) -> list:
    """Return the phase scale as the store holds it, with what is known of its source."""
    rows = phase_scale(conn).to_dict("records")
    origin = [t for m in metas for k, t in extra_texts(m, lang) if "scale" in k or "fas" in k]
    return [
        html.H2(tx(lang, "Fasskalan för klusterinitiativ", "The phase scale of cluster initiatives"), id="fasskala"),
        html.Table(
            [
                html.Caption(tx(lang, "Faserna i ordning, från databasen", "The phases in order, from the store")),
                html.Thead(
                    html.Tr(
                        [html.Th(tx(lang, h_sv, h_en), scope="col") for h_sv, h_en in FASE_HEADERS],
                    )
                ),
                html.Tbody(
                    [
                        html.Tr(
                            [
                                html.Td(str(r["sort"])),
                                html.Td(tx(lang, r["name_sv"], r["name_en"])),
                                html.Td(tx(lang, r["description_sv"] or "", r["description_en"] or "")),
                            ]
                        )
                        for r in rows
                    ]
                ),
            ],
            className="table table-sm",
            id="fasskala-tabell",
        ),
        *[p for t in dict.fromkeys(flat(t) for t in origin) for p in paragraphs(t)],
    ]


FASE_HEADERS = [("Ordning", "Order"), ("Fas", "Phase"), ("Beskrivning", "Description")]


def rule_section(anchor: str, title: tuple[str, str], texts: list, refs: list[str], lang: str) -> list:
    missing = tx(lang, "Regeln beskrivs ännu inte i koden.", "The rule is not yet described in the code.")
    body = [p for t in texts for p in paragraphs(t)] or [html.P(missing)]
    if refs:
        body += [html.P(tx(lang, "Referenser:", "References:"), className="mb-0"), cited(refs)]
    return [html.H2(tx(lang, *title), id=anchor), *body]


def data_status_section(conn, lang: str) -> list:
    """Return every dataset in the store with its source, licence, date and example flag."""
    rows = datasets(conn).to_dict("records")
    return [
        html.H2(tx(lang, "Datastatus", "Data status"), id="datastatus"),
        html.P(
            tx(
                lang,
                "Alla dataset i databasen. Exempeldata är påhittade siffror som visar hur analysen fungerar tills "
                "verkliga data har lästs in; de är märkta ”Exempeldata” i varje diagram och tabell.",
                "Every dataset in the store. Example data are invented numbers that show how the analysis works "
                "until real data has been imported; they are marked “Example data” in every chart and table.",
            )
        ),
        html.Ul(
            [
                html.Li(
                    [
                        html.Span(tx(lang, r["title_sv"], r["title_en"]), className="fw-semibold"),
                        " — ",
                        source_link(r, lang),
                        tx(lang, " (licens ", " (licence "),
                        licence(r, lang),
                        tx(lang, ", hämtad ", ", retrieved "),
                        retrieved(r),
                        ") ",
                        status_text("example" if r["is_example"] else "real", lang),
                    ],
                    **{"data-dataset": r["code"]},
                )
                for r in rows
            ],
            className="dataset-list",
        ),
    ]


COVERAGE_HEADERS = (
    ("Mått", "Measure"),
    ("Data", "Data"),
    ("År", "Years"),
    ("Branschnivåer", "Industry levels"),
    ("Regioner", "Regions"),
    ("Dataset eller hur det fylls", "Dataset, or how it is filled"),
)
KIND_WORDS = {"real": ("verkliga", "real"), "example": ("exempeldata", "example data"), "none": ("saknas", "missing")}
LEVEL_STATE_WORDS = {"complete": ("", ""), "partial": (" (delvis)", " (partly)")}


def _levels_text(levels: dict, lang: str) -> str:
    return (
        ", ".join(
            tx(lang, *{**LEVEL_NAMES, "total": ("alla branscher", "all industries")}.get(lv, (lv, lv)))
            + tx(lang, *LEVEL_STATE_WORDS.get(state, ("", "")))
            for lv, state in levels.items()
        )
        or "–"
    )


def _regions_text(codes: list, names: dict, lang: str) -> str:
    shown = [names.get(c, c) for c in codes]
    if len(shown) > 6:
        municipalities = sum(1 for c in codes if len(str(c)) == 4)
        shown = [names.get(c, c) for c in codes if len(str(c)) != 4] + [
            tx(lang, f"{municipalities} kommuner", f"{municipalities} municipalities")
        ]
    return ", ".join(shown) or "–"


def coverage_section(conn, lang: str) -> list:
    """Return, per measure, whether the store holds real, example or no data, for which years, levels and regions."""
    cover = measure_coverage(conn)
    names = region_names(conn, lang)
    rows = []
    for r in cover.to_dict("records"):
        if r["kind"] == "none":
            how = "; ".join(f"{x.source(lang)} ({x.command})" for x in recipes_for(r["measure"])) or "–"
        else:
            how = r["dataset"]
        rows.append(
            html.Tr(
                [
                    html.Th(tx(lang, r["name_sv"], r["name_en"]), scope="row"),
                    html.Td(tx(lang, *KIND_WORDS[r["kind"]])),
                    html.Td(year_span((int(r["first"]), int(r["last"]))) if r["kind"] != "none" else "–"),
                    html.Td(_levels_text(r["levels"] or {}, lang)),
                    html.Td(_regions_text(r["regions"] or [], names, lang)),
                    html.Td(how, className="small"),
                ],
                **{"data-measure": r["measure"], "data-kind": r["kind"]},
            )
        )
    return [
        html.H2(tx(lang, "Datatäckning", "Data coverage"), id="datatackning"),
        html.P(
            tx(
                lang,
                "Vad databasen har för varje mått, räknat ur databasen när sidan visas: verkliga data, exempeldata "
                "eller inga, för vilka år, branschnivåer och regioner. Där data saknas står källan och kommandot som "
                "skulle fylla i dem.",
                "What the store holds for each measure, computed from the store when the page is shown: real data, "
                "example data or none, for which years, industry levels and regions. Where data is missing, the "
                "source and the command that would fill it in are named.",
            )
        ),
        html.Div(
            html.Table(
                [
                    html.Thead(html.Tr([html.Th(tx(lang, sv, en), scope="col") for sv, en in COVERAGE_HEADERS])),
                    html.Tbody(rows),
                ],
                className="table table-sm coverage-table",
            ),
            className="table-responsive",
            # it scrolls sideways on a phone: a keyboard must reach it (WCAG 2.1.1)
            role="region",
            tabIndex="0",
            **{"aria-label": tx(lang, "Datatäckning", "Data coverage")},
        ),
    ]


def cite_section(lang: str) -> list:
    root = flask.request.url_root if flask.has_request_context() else "/"
    today = date.today()
    title = tx(
        lang,
        "Smart specialisering i Norra Mellansverige – S3-dashboard",
        "Smart specialisation in North Middle Sweden – S3 dashboard",
    )
    return [
        html.H2(tx(lang, "Så citerar du dashboarden", "How to cite the dashboard"), id="citera"),
        html.P(
            tx(
                lang,
                "Ange dashboarden, vilken vy och vilka filter du använde (kopiera adressen: den återskapar vyn) "
                "och när du hämtade siffrorna. Skriv ut om siffrorna är exempeldata. Till exempel:",
                "Name the dashboard, the view and the filters you used (copy the address: it reproduces the view) "
                "and when you retrieved the numbers. Say so if the numbers are example data. For example:",
            )
        ),
        html.Blockquote(
            tx(lang, "Region Värmland, Region Dalarna och", "Region Värmland, Region Dalarna and")
            + f" Region Gävleborg ({today.year}). {title}. "
            + tx(lang, f"Hämtad {today:%Y-%m-%d} från {root}", f"Retrieved {today:%Y-%m-%d} from {root}"),
            className="cite-example",
        ),
    ]
