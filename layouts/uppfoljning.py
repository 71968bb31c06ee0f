"""Lay out the Uppföljning (monitoring) view: filters, the model in brief, the priority areas, the county, gender.

The model's words come from the indicators' metadata (indicators/monitoring.py), the same text the
methods page shows, so the two cannot drift apart.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

import charts
from charts.uppfoljning import CHARTS, VIEW, county_choices
from i18n import tx
from indicators.monitoring import AREA_MONITORING, BASELINE_YEAR
from indicators.regions import region_names

from .card import card
from .downloads import view_downloads
from .filters import select
from .page import card_values_for, parse_view

MODEL = "uppfoljning-model"
DOWNLOADS = "uppfoljning-downloads"
FILTERS = ("county", "reference")
METHODS_ANCHOR = "/om-data-och-metod#uppfoljning-modell"
CLUSTERS = "/klusterkartering"


def filters(conn, lang: str, county: str, reference: str) -> html.Div:
    names = region_names(conn, lang)
    counties = [{"label": names.get(c, c), "value": c} for c in county_choices(conn)]
    refs = [
        {"label": tx(lang, "Riket", "Sweden"), "value": "00"},
        {"label": names.get("SE31", "SE31"), "value": "SE31"},
    ]
    return html.Div(
        dbc.Row(
            [
                dbc.Col(
                    select(
                        VIEW,
                        "county",
                        tx(lang, "Län", "County"),
                        counties,
                        county,
                        tx(lang, "Alla tre länen", "All three counties"),
                    ),
                    xs=12,
                    md=6,
                ),
                dbc.Col(
                    select(VIEW, "reference", tx(lang, "Jämförs med", "Compared with"), refs, reference), xs=12, md=6
                ),
            ],
            className="g-2",
        ),
        className="filters",
        role="group",
        **{"aria-label": tx(lang, "Filter", "Filters")},
    )


def with_lang(href: str, lang: str) -> str:
    if lang != "en":
        return href
    path, _, anchor = href.partition("#")
    return path + "?lang=en" + (f"#{anchor}" if anchor else "")


def model_box(lang: str) -> html.Details:
    """Return the monitoring model in brief: indicators, baseline, progress, and what it cannot show."""
    extra = AREA_MONITORING.extra
    return html.Details(
        [
            html.Summary(
                tx(
                    lang,
                    f"Så fungerar uppföljningen: basår {BASELINE_YEAR}; framsteg är att testområdets branscher växer "
                    "snabbare än i riket och än länets övriga branscher",
                    f"How the monitoring works: baseline {BASELINE_YEAR}; progress is the area's industries growing "
                    "faster than in Sweden and than the county's other industries",
                )
            ),
            html.Ul([html.Li(t) for t in extra[f"model_b_method_{lang}"]], className="mb-1"),
            html.P(
                tx(lang, "Vad uppföljningen inte kan visa:", "What the monitoring cannot show:"),
                className="mb-0 fw-semibold",
            ),
            html.Ul([html.Li(t) for t in extra[f"model_c_limits_{lang}"]], className="mb-1"),
            html.P(
                [
                    tx(
                        lang,
                        "Modellen följer EU-kommissionens vägledning för smart specialisering (S3-plattformen vid DG JRC): "
                        "en strategi ska ha en övervakningsmekanism. ",
                        "The model follows the European Commission's guidance on smart specialisation (the S3 Platform of "
                        "DG JRC): a strategy must have a monitoring mechanism. ",
                    ),
                    dcc.Link(tx(lang, "Mer om metoden", "More on the method"), href=with_lang(METHODS_ANCHOR, lang)),
                ],
                className="small mb-0",
            ),
        ],
        id=MODEL,
        className="chart-table monitor-model-box",
    )


def section(title: str, intro, children: list) -> html.Section:
    return html.Section([html.H2(title, className="h4 mt-4"), html.P(intro, className="text-muted"), *children])


def parts(conn, lang: str, values: dict, open_tables=()) -> dict:
    """Return everything the view shows for parsed values: cards and the canonical query."""
    return {
        "cards": card_values_for(conn, VIEW, CHARTS, lang, values, open_tables),
        "qs": charts.canonical(VIEW, values, lang),
    }


def layout(conn, lang: str, values: dict, p: dict) -> html.Div:
    def slot(key):
        return card(VIEW, key, lang, p["cards"].get(key))

    clusters = dcc.Link(tx(lang, "Klusterkarteringen", "the cluster mapping"), href=with_lang(CLUSTERS, lang))
    return html.Div(
        [
            html.H1(tx(lang, "Uppföljning", "Monitoring")),
            html.P(
                tx(
                    lang,
                    f"Hur har länens testområden utvecklats sedan strategierna för smart specialisering började gälla "
                    f"{BASELINE_YEAR}? En rad per testområde: sysselsättning, andel och specialisering från basåret till "
                    "det senaste året, jämfört med riket och med länets övriga branscher.",
                    f"How have the counties' priority areas developed since the smart specialisation strategies came into "
                    f"force in {BASELINE_YEAR}? One row per priority area: employment, share and specialisation from the "
                    "baseline to the latest year, compared with Sweden and with the county's other industries.",
                ),
                className="lead",
            ),
            filters(conn, lang, values["county"], values["reference"]),
            model_box(lang),
            section(
                tx(lang, "Testområdena", "The priority areas"),
                tx(
                    lang,
                    "Pilar: ↑ snabbare, ↓ långsammare, ≈ skillnaden ryms i källans avrundning.",
                    "Arrows: ↑ faster, ↓ slower, ≈ the difference fits within the source's rounding.",
                ),
                [slot("areas")],
            ),
            section(
                tx(lang, "Länet som helhet", "The county as a whole"),
                tx(
                    lang,
                    "Nystartade företag och FoU finns inte per bransch och följs därför för hela länet.",
                    "New firms and R&D are not available by industry and are therefore followed for the whole county.",
                ),
                [slot("county")],
            ),
            section(
                tx(lang, "Kvinnor och män", "Women and men"),
                [
                    tx(
                        lang,
                        "Andelen kvinnor där statistiken är uppdelad på kön. Hur klusterinitiativen arbetar med "
                        "jämställdhet bedöms som ett horisontellt kriterium i ",
                        "The share of women where the statistics are split by sex. How the cluster initiatives work with "
                        "gender equality is assessed as a horizontal criterion in ",
                    ),
                    clusters,
                    ".",
                ],
                [slot("women"), slot("genus")],
            ),
            html.Div(view_downloads(VIEW, lang, p["qs"]), id=DOWNLOADS),
        ]
    )


def page(conn, lang: str, query: dict):
    """Return (the view for an address query, refused values)."""
    values, notices = parse_view(VIEW, query, conn)
    return layout(conn, lang, values, parts(conn, lang, values)), notices
