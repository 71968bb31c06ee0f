"""Lay out the Klusterkartering view: filters, portfolio, cluster card, phase history, criteria matrix.

The filters' choices (counties, thematic areas, assessment years, clusters) come from the store,
so a newly imported assessment year or cluster appears without code changes.
"""

from __future__ import annotations

import logging

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

import charts
from charts.klusterkartering import CARD, CHARTS, VIEW, chosen_year, county_codes, selection
from charts.sources import dataset_source_line
from i18n import fmt_number, tx
from indicators import clusters as ind
from indicators.facts import example_share
from indicators.regions import region_names, regions

from .card import card, example_badge, source_parts
from .downloads import view_downloads
from .filters import select
from .page import card_values_for, parse_view

log = logging.getLogger(__name__)
CARD_SECTION = "klusterkartering-card-section"
PHASE_SCALE = "klusterkartering-phase-scale"
CARD_FACTS = "klusterkartering-card-facts"  # the chosen cluster's facts, above its chart
DOWNLOADS = "klusterkartering-downloads"
FILTERS = ("county", "theme", "year", "cluster")
SURVEY_PATH = "/foretagsenkat"


def survey_href(code: str, lang: str) -> str:
    """Return the link to the cluster's results in the company survey view."""
    return f"{SURVEY_PATH}?cluster={code}" + ("&lang=en" if lang == "en" else "")


def missing(lang: str) -> html.Span:
    return html.Span(tx(lang, "uppgift saknas", "not known"), className="text-muted fst-italic")


def filters(conn, lang: str, county: str, theme: str, year: str) -> html.Div:
    names = regions(conn).set_index("code")["name_en" if lang == "en" else "name_sv"]
    areas = ind.thematic_areas(conn)
    years = ind.assessment_years(conn)
    name_col = "name_en" if lang == "en" else "name_sv"
    return html.Div(
        dbc.Row(
            [
                dbc.Col(
                    select(
                        VIEW,
                        "county",
                        tx(lang, "Län", "County"),
                        [{"label": names.get(c, c), "value": c} for c in county_codes(conn)],
                        county,
                        tx(lang, "Alla län", "All counties"),
                    ),
                    xs=12,
                    md=4,
                ),
                dbc.Col(
                    select(
                        VIEW,
                        "theme",
                        tx(lang, "Tematiskt område", "Thematic area"),
                        [{"label": r[name_col], "value": r["code"]} for _, r in areas.iterrows()],
                        theme,
                        tx(lang, "Alla områden", "All areas"),
                    ),
                    xs=12,
                    md=5,
                ),
                dbc.Col(
                    select(
                        VIEW,
                        "year",
                        tx(lang, "Bedömningsår", "Assessment year"),
                        [{"label": str(y), "value": str(y)} for y in reversed(years)],
                        year,
                    ),
                    xs=12,
                    md=3,
                ),
            ],
            className="g-2",
        ),
        className="filters",
        role="group",
        **{"aria-label": tx(lang, "Filter", "Filters")},
    )


def cluster_picker(conn, lang: str, cluster: str) -> html.Label:
    frame = ind.clusters(conn)
    return select(
        VIEW,
        "cluster",
        tx(lang, "Välj klusterinitiativ", "Choose a cluster initiative"),
        [{"label": name, "value": code} for code, name in zip(frame["code"], frame["name"])],
        cluster,
        tx(lang, "– inget valt –", "– none chosen –"),
    )


def phase_scale_note(conn, lang: str) -> html.Details:
    """Return the phase scale as read from the store, with its source and its uncertainty."""
    scale = ind.phase_scale(conn)
    sfx = "en" if lang == "en" else "sv"
    return html.Details(
        [
            html.Summary(tx(lang, "Om fasskalan", "About the phase scale")),
            html.Ol(
                [
                    html.Li([html.Strong(r[f"name_{sfx}"]), ": ", r[f"description_{sfx}"] or ""])
                    for _, r in scale.iterrows()
                ]
            ),
            html.P(
                tx(lang, ind.PHASE_SCALE_SOURCE_SV, ind.PHASE_SCALE_SOURCE_EN)
                if ind.scale_is_default(conn)
                else tx(
                    lang,
                    "Regionens egen fasskala, som den står i databasen (tabellen phase).",
                    "The region's own phase scale, as the store holds it (table phase).",
                ),
                className="small text-muted",
            ),
        ],
        id=PHASE_SCALE,
        className="chart-table mb-3",
    )


def _blank(value) -> bool:
    """Return True for a fact the source does not give (None, NaN or empty text)."""
    return value is None or value == "" or (isinstance(value, float) and pd.isna(value))


def _fact(label: str, value) -> list:
    return [html.Dt(label, className="col-sm-4"), html.Dd(value, className="col-sm-8 mb-1")]


def _number(value, lang: str):
    return missing(lang) if value is None else fmt_number(value, lang)


def criteria_now(conn, lang: str, code: str, year: int | None) -> html.Div:
    """Return the cluster's criteria levels at the year as a small table (or say none were made)."""
    sfx = "name_en" if lang == "en" else "name_sv"
    crits, levels = ind.criteria(conn), ind.criterion_levels(conn)
    assessed = ind.criteria_assessments(conn, [code], year).set_index("criterion") if year else pd.DataFrame()
    heading = html.H4(
        tx(lang, f"Horisontella kriterier {year or ''}", f"Horizontal criteria {year or ''}").strip(),
        className="h6 mt-3 mb-1",
    )
    if assessed.empty:
        note = (
            tx(lang, f"Ingen kriteriebedömning {year}.", f"No criteria assessment in {year}.")
            if year
            else tx(lang, "Ingen kriteriebedömning finns ännu.", "There is no criteria assessment yet.")
        )
        return html.Div([heading, html.P(note, className="text-muted")])
    level_names = dict(zip(levels["code"], levels[sfx]))
    rows = [
        html.Tr(
            [
                html.Th(name, scope="row"),
                html.Td(level_names.get(assessed.at[crit, "level"], "–") if crit in assessed.index else "–"),
                html.Td((assessed.at[crit, "comment"] or "") if crit in assessed.index else ""),
            ]
        )
        for crit, name in zip(crits["code"], crits[sfx])
    ]
    head = html.Thead(
        html.Tr(
            [
                html.Th(tx(lang, h_sv, h_en), scope="col")
                for h_sv, h_en in (("Kriterium", "Criterion"), ("Nivå", "Level"), ("Kommentar", "Comment"))
            ]
        )
    )
    badge = example_badge(example_share(assessed), lang)
    return html.Div(
        [
            html.Div([heading, badge], className="d-flex flex-wrap align-items-baseline gap-2"),
            html.Table([head, html.Tbody(rows)], className="table table-sm cluster-criteria"),
        ]
    )


def _linked(items: list, lang: str):
    return html.Ul(items, className="mb-0 ps-3") if items else tx(lang, "inga kopplade", "none linked")


def fact_list(conn, lang: str, code: str, info: pd.Series) -> list:
    """Return the card's facts as <dt>/<dd> pairs; a fact the source lacks reads "uppgift saknas"."""
    sfx = "en" if lang == "en" else "sv"
    county_names = region_names(conn, lang)
    areas = [
        html.Li(f"{r[f'name_{sfx}']} ({county_names.get(r['region'], r['region'])})")
        for _, r in ind.cluster_test_areas(conn, code).iterrows()
    ]
    industries = [html.Li(f"{r['code']} {r[f'name_{sfx}']}") for _, r in ind.cluster_industries(conn, code).iterrows()]
    url = info["url"]
    return (
        _fact(tx(lang, "Hemlän", "Home county"), info["county_name"] or missing(lang))
        + _fact(tx(lang, "Tema", "Theme"), info[f"theme_{sfx}"] or missing(lang))
        + _fact(tx(lang, "Grundat", "Founded"), missing(lang) if info["founded"] is None else str(info["founded"]))
        + _fact(tx(lang, "Medlemsföretag", "Member companies"), _number(info["members"], lang))
        + _fact(tx(lang, "Organisation", "Organisation"), info["organisation"] or missing(lang))
        + _fact(tx(lang, "Webbplats", "Website"), html.A(url, href=url) if url else missing(lang))
        + _fact(tx(lang, "Kopplade testområden", "Linked priority areas"), _linked(areas, lang))
        + _fact(tx(lang, "Branscher (SNI 2007)", "Industries (SNI 2007)"), _linked(industries, lang))
    )


def cluster_facts(conn, lang: str, code: str, year: int | None) -> html.Div:
    """Return the card's head: name, facts, links to strength areas, industries and the survey."""
    info = selection(conn, lang).set_index("code").loc[code].map(lambda v: None if _blank(v) else v)
    survey = tx(
        lang,
        f"Se vad medlemsföretagen i {info['name']} svarat i företagsenkäten",
        f"See what the member companies of {info['name']} answered in the company survey",
    )
    source = dataset_source_line(conn, lang, [info["dataset"]])
    return html.Div(
        [
            html.H3(info["name"], className="h4 mb-2 cluster-name"),
            html.Dl(fact_list(conn, lang, code, info), className="row mb-1 cluster-facts"),
            html.P(dcc.Link(survey, href=survey_href(code, lang)), className="mb-1"),
            html.P(source_parts(source, lang), className="chart-source small"),
            criteria_now(conn, lang, code, year),
        ],
        className="cluster-card-head",
    )


def card_facts(conn, lang: str, values: dict):
    """Return the chosen cluster's facts, a hint when none is chosen, or a short failure note."""
    if not values["cluster"]:
        return html.P(
            tx(lang, "Inget klusterinitiativ valt ännu.", "No cluster initiative chosen yet."),
            className="text-muted mb-0",
        )
    try:
        return cluster_facts(conn, lang, values["cluster"], chosen_year(conn, values["year"]))
    except Exception:  # a broken card must not blank the page
        log.exception("cluster card failed")
        return dbc.Alert(
            tx(lang, "Klusterkortet kunde inte visas just nu.", "The cluster card could not be shown right now."),
            color="warning",
        )


def parts(conn, lang: str, values: dict, open_tables=()) -> dict:
    """Return everything the view shows for parsed values: cards, the cluster's facts, the canonical query."""
    keys = [k for k in CHARTS if k != CARD or values["cluster"]]
    cards = card_values_for(conn, VIEW, keys, lang, values, open_tables)
    return {"cards": cards, "facts": card_facts(conn, lang, values), "qs": charts.canonical(VIEW, values, lang)}


def layout(conn, lang: str, values: dict, p: dict) -> html.Div:
    v = values
    return html.Div(
        [
            html.H1(tx(lang, "Klusterkartering", "Cluster mapping")),
            html.P(
                tx(
                    lang,
                    "I vilken utvecklingsfas är varje klusterinitiativ i Värmland, Dalarna och Gävleborg, hur har "
                    "det rört sig mellan bedömningarna, och hur arbetar det med de horisontella kriterierna?",
                    "Which development phase is each cluster initiative in Värmland, Dalarna and Gävleborg in, how "
                    "has it moved between assessments, and how does it work with the horizontal criteria?",
                ),
                className="lead",
            ),
            filters(conn, lang, v["county"], v["theme"], v["year"]),
            phase_scale_note(conn, lang),
            html.H2(tx(lang, "Portföljen", "The portfolio"), className="h4"),
            card(VIEW, "portfolio", lang, p["cards"].get("portfolio")),
            html.Section(
                [
                    html.H2(tx(lang, "Klusterkort", "Cluster card"), className="h4"),
                    html.P(
                        tx(
                            lang,
                            "Välj ett klusterinitiativ i listan, eller klicka på det i ett diagram.",
                            "Choose a cluster initiative in the list, or click it in a chart.",
                        ),
                        className="small text-muted mb-1",
                    ),
                    html.Div(cluster_picker(conn, lang, v["cluster"]), className="filters"),
                    card(VIEW, CARD, lang, p["cards"].get(CARD), before=[html.Div(p["facts"], id=CARD_FACTS)]),
                ],
                id=CARD_SECTION,
                **{"aria-label": tx(lang, "Klusterkort", "Cluster card")},
            ),
            html.H2(tx(lang, "Över tid och kriterier", "Over time and criteria"), className="h4"),
            card(VIEW, "history", lang, p["cards"].get("history")),
            card(VIEW, "criteria", lang, p["cards"].get("criteria")),
            html.Div(view_downloads(VIEW, lang, p["qs"]), id=DOWNLOADS),
        ]
    )


def page(conn, lang: str, query: dict):
    """Return (the view for an address query, refused values)."""
    values, notices = parse_view(VIEW, query, conn)
    return layout(conn, lang, values, parts(conn, lang, values)), notices
