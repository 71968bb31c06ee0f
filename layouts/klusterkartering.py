"""Lay out the Klusterkartering view: filters, portfolio, cluster card, phase history, criteria matrix.

The filters' choices (counties, thematic areas, assessment years, clusters) come from the store,
so a newly imported assessment year or cluster appears without code changes.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from data.store import current_engine
from i18n import tx
from indicators import clusters as ind
from indicators.regions import regions

from . import ids
from .chart import chart_slot
from .params import Param

VIEW = "klusterkartering"
CARD_SECTION = "klusterkartering-card-section"
PHASE_SCALE = "klusterkartering-phase-scale"
CHARTS = ("portfolio", "history", "criteria")
CARD = "card"
CARD_FACTS = "klusterkartering-card-facts"  # the chosen cluster's facts, above its chart


def _read(func):
    """Return func(conn) on the running app's store."""
    with current_engine().connect() as conn:
        return func(conn)


def county_codes(conn=None) -> list[str]:
    """Return the counties that are home to at least one cluster initiative."""
    if conn is None:
        return _read(county_codes)
    return sorted({c for homes in ind.clusters(conn)["counties"] for c in homes})


def latest_year() -> str:
    years = _read(ind.assessment_years)
    return str(years[-1]) if years else ""


PARAMS = [
    Param("county", str, "", county_codes, "Län", "County"),
    Param("theme", str, "", lambda: list(_read(ind.thematic_areas)["code"]), "Tematiskt område", "Thematic area"),
    Param("year", str, latest_year, lambda: [str(y) for y in _read(ind.assessment_years)], "År", "Year"),
    Param("cluster", str, "", lambda: list(_read(ind.clusters)["code"]), "Klusterinitiativ", "Cluster initiative"),
]


def _select(param: str, label: str, options: list[dict], value, all_label: str | None = None, placeholder=None):
    """Return a labelled native select (keyboard- and screen-reader-friendly) kept in the URL.

    all_label adds a choosable first option with the value "" (all counties, all areas).
    dbc.Select puts a hidden placeholder option with the value "" first: it says the same.
    """
    if all_label is not None:
        options = [{"label": all_label, "value": ""}] + options
    return html.Label(
        [
            html.Span(label, className="d-block"),
            dbc.Select(
                id=ids.filter_id(VIEW, param),
                options=options,
                value=value or "",
                size="sm",
                placeholder=all_label or placeholder,
            ),
        ],
        className="w-100",
    )


def filters(conn, lang: str, county: str, theme: str, year: str) -> html.Div:
    names = regions(conn).set_index("code")["name_en" if lang == "en" else "name_sv"]
    areas = ind.thematic_areas(conn)
    years = ind.assessment_years(conn)
    name_col = "name_en" if lang == "en" else "name_sv"
    return html.Div(
        dbc.Row(
            [
                dbc.Col(
                    _select(
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
                    _select(
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
                    _select(
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
    return _select(
        "cluster",
        tx(lang, "Välj klusterinitiativ", "Choose a cluster initiative"),
        [{"label": name, "value": code} for code, name in zip(frame["code"], frame["name"])],
        cluster,
        placeholder=tx(lang, "– inget valt –", "– none chosen –"),
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


def layout(lang: str = "sv", county: str = "", theme: str = "", year: str = "", cluster: str = "") -> html.Div:
    with current_engine().connect() as conn:
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
                filters(conn, lang, county, theme, year),
                phase_scale_note(conn, lang),
                html.H2(tx(lang, "Portföljen", "The portfolio"), className="h4"),
                chart_slot(VIEW, "portfolio", lang),
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
                        html.Div(cluster_picker(conn, lang, cluster), className="filters"),
                        chart_slot(VIEW, CARD, lang, before=[html.Div(id=CARD_FACTS)]),
                    ],
                    id=CARD_SECTION,
                    **{"aria-label": tx(lang, "Klusterkort", "Cluster card")},
                ),
                html.H2(tx(lang, "Över tid och kriterier", "Over time and criteria"), className="h4"),
                chart_slot(VIEW, "history", lang),
                chart_slot(VIEW, "criteria", lang),
            ]
        )
