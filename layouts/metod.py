"""Lay out "Om data och metod": every indicator's metadata and the rules, generated from code and store.

Nothing here is written by hand that the code or the store already knows: the indicators come
from indicators.load_all(), their sources, years and example status from the datasets behind their
measures, the phase scale from the store's phase table, the rules from IndicatorMeta.extra.
"""

from __future__ import annotations

from dash import html

from charts.views import VIEWS
from i18n import tx
from indicators import load_all as load_indicators
from indicators.provenance import indicator_provenance

from .metod_sections import (
    cite_section,
    cited,
    coverage_section,
    data_status_section,
    extra_texts,
    flat,
    formula,
    is_text,
    licences,
    paragraphs,
    phase_section,
    references,
    rule_section,
    rule_texts,
    source_link,
    status_text,
    year_span,
)

# Words in IndicatorMeta.extra keys that mark a rule text for the sections below.
STRENGTH_RULE_WORDS = ("rule", "regel", "classification", "klassning", "threshold", "troskel", "default")
MONITORING_WORDS = ("model",)  # indicators/monitoring.py: basis, model, limits
SEX_DATA_WORDS = ("sex_data",)  # indicators/gender_areas.py: which data is split by sex
SURVEY_RULE_WORDS = ("confidential", "sekretess", "suppress", "rule", "regel", "threshold", "troskel", "min_")


def indicator_entry(meta, conn, url: str, lang: str) -> html.Section:
    """Return one indicator's definition, formula, unit, sources, years, licence and data status."""
    prov = indicator_provenance(conn, meta, url)
    rows = prov["datasets"].to_dict("records")
    terms = [
        (tx(lang, "Definition", "Definition"), meta.definition(lang)),
        (tx(lang, "Formel", "Formula"), formula(meta, lang)),
        (tx(lang, "Enhet", "Unit"), meta.unit(lang)),
        (
            tx(lang, "Källa", "Source"),
            [
                tx(lang, meta.source_sv, meta.source_en),
                html.Ul([html.Li(source_link(r, lang)) for r in rows], className="mb-0") if rows else None,
            ],
        ),
        (tx(lang, "År", "Years"), year_span(prov["years"])),
        (tx(lang, "Licens", "Licence"), licences(rows, lang)),
        (tx(lang, "Datastatus", "Data status"), status_text(prov["status"], lang)),
    ]
    # notes that the definition does not already say, and the literature the indicator follows
    notes = [t for _key, t in extra_texts(meta, lang) if flat(t) not in meta.definition(lang)]
    terms += [(tx(lang, "Anmärkning", "Note"), paragraphs(t)) for t in notes]
    if is_text(meta.extra.get("sources")):
        terms.append((tx(lang, "Referenser", "References"), cited(meta.extra["sources"])))
    return html.Section(
        [
            html.H4(meta.title(lang)),
            html.Dl(
                [part for term, value in terms for part in (html.Dt(term), html.Dd(value or "–"))],
                className="indicator-terms",
            ),
        ],
        className="indicator-meta",
        id=f"indikator-{meta.key}",
        **{"data-indicator": meta.key},
    )


def indicators_section(metas, conn, url: str, lang: str) -> list:
    """Return the indicators grouped by the view that shows them, in the navigation's order."""
    order = {v.key: i for i, v in enumerate(VIEWS)}
    titles = {v.key: v.title(lang) for v in VIEWS}
    groups: dict[str, list] = {}
    for meta in sorted(metas, key=lambda m: (order.get(m.view, len(order)), m.title(lang))):
        groups.setdefault(meta.view, []).append(meta)
    parts: list = [html.H2(tx(lang, "Indikatorer", "Indicators"), id="indikatorer")]
    for view, group in groups.items():
        parts.append(html.H3(titles.get(view) or tx(lang, "Övriga", "Other")))
        parts += [indicator_entry(meta, conn, url, lang) for meta in group]
    return parts


def contents(lang: str) -> html.Nav:
    entries = [
        ("indikatorer", "Indikatorer", "Indicators"),
        ("styrkeomraden-regel", "Regeln för styrkeområden", "The strength-area rule"),
        ("fasskala", "Fasskalan", "The phase scale"),
        ("enkat-sekretess", "Företagsenkätens sekretessregel", "The survey's confidentiality rule"),
        ("uppfoljning-modell", "Uppföljningsmodellen", "The monitoring model"),
        ("kon-i-statistiken", "Kvinnor och män i statistiken", "Women and men in the statistics"),
        ("datatackning", "Datatäckning", "Data coverage"),
        ("datastatus", "Datastatus", "Data status"),
        ("citera", "Så citerar du", "How to cite"),
    ]
    return html.Nav(
        html.Ul([html.Li(html.A(tx(lang, sv, en), href=f"#{a}")) for a, sv, en in entries]),
        **{"aria-label": tx(lang, "Innehåll på sidan", "On this page")},
        className="page-contents",
    )


def layout(conn, lang: str = "sv") -> html.Div:
    metas = list(load_indicators().values())
    url = conn.engine.url.render_as_string(hide_password=False)
    body = [
        *indicators_section(metas, conn, url, lang),
        *rule_section(
            "styrkeomraden-regel",
            ("Regeln för styrkeområden", "The strength-area rule"),
            rule_texts(metas, "styrkeomraden", STRENGTH_RULE_WORDS, lang),
            references(metas, "styrkeomraden"),
            lang,
        ),
        *phase_section(conn, metas, lang),
        *rule_section(
            "enkat-sekretess",
            ("Företagsenkätens sekretessregel", "The survey's confidentiality rule"),
            rule_texts(metas, "foretagsenkat", SURVEY_RULE_WORDS, lang),
            references(metas, "foretagsenkat"),
            lang,
        ),
        *rule_section(
            "uppfoljning-modell",
            ("Uppföljningsmodellen", "The monitoring model"),
            rule_texts(metas, "uppfoljning", MONITORING_WORDS, lang),
            references(metas, "uppfoljning"),
            lang,
        ),
        *rule_section(
            "kon-i-statistiken",
            ("Kvinnor och män i statistiken", "Women and men in the statistics"),
            rule_texts(metas, "uppfoljning", SEX_DATA_WORDS, lang),
            [],
            lang,
        ),
        *coverage_section(conn, lang),
        *data_status_section(conn, lang),
    ]
    return html.Div(
        [
            html.H1(tx(lang, "Om data och metod", "About data and method")),
            html.P(
                tx(
                    lang,
                    "Här förklaras varje siffra i dashboarden: vad indikatorn mäter, hur den räknas, var data kommer "
                    "ifrån och om det är verkliga data eller exempeldata. Sidan skapas från koden och databasen, så "
                    "den stämmer alltid med det som visas.",
                    "This page explains every number in the dashboard: what each indicator measures, how it is "
                    "computed, where the data comes from and whether it is real or example data. The page is made "
                    "from the code and the store, so it always matches what is shown.",
                ),
                className="lead",
            ),
            contents(lang),
            *body,
            *cite_section(lang),
        ],
        className="methods-page",
    )


def page(conn, lang: str, query: dict):
    return layout(conn, lang), []
