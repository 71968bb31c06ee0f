"""Lay out the Styrkeområden view: filters, the rule's settings, summary, charts, test-area comparison.

Every filter and threshold is a parameter of the view (charts/styrkeomraden), kept in the URL, so
a link reproduces the analysis. The page for an address comes with every card filled.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

import charts
from charts.styrkeomraden import (
    ACADEMIC,
    CHARTS,
    DYNAMICS,
    HEATMAP,
    QUALITATIVE,
    RULE_CHART,
    SIDE_BY_SIDE,
    SPECIALISATION,
    THRESHOLD_NAMES,
    THRESHOLDS,
    VIEW,
    WOMEN,
    data_choice,
    data_region,
    region_rows,
    year_choices,
)
from charts.styrkeomraden import TEST_AREAS as TEST_AREA_CHART
from charts.styrkeomraden.summary import Summary, summary
from i18n import tx
from indicators.levels import LEVEL_NAMES, LEVELS

from . import ids
from .card import card, example_badge
from .downloads import view_downloads
from .filters import select
from .page import card_values_for, parse_view

SUMMARY = "styrkeomraden-summary"
RULE = "styrkeomraden-rule"
SETTINGS = "styrkeomraden-settings"
RESET = "styrkeomraden-reset"
DOWNLOADS = "styrkeomraden-downloads"
FILTERS = ("region", "year", "start", "level", "reference", "per", *[t.name for t in THRESHOLDS])


def region_options(conn, lang: str) -> list[dict]:
    rows = region_rows(conn)
    name = rows.set_index("code")["name_en" if lang == "en" else "name_sv"]
    options = [
        {"label": tx(lang, "De tre länen sida vid sida", "The three counties side by side"), "value": SIDE_BY_SIDE}
    ]
    options += [{"label": name[c], "value": c} for c in rows.loc[rows["level"] == "nuts2", "code"]]
    options += [{"label": name[c], "value": c} for c in rows.loc[rows["level"] == "lan", "code"]]
    for county in rows.loc[rows["level"] == "lan", "code"]:
        munis = rows[(rows["level"] == "kommun") & (rows["parent"] == county)].sort_values("name_sv")
        options += [{"label": f"{name[m]} ({name[county]})", "value": m} for m in munis["code"]]
    return options


def missing_mark(label: str, has_data: bool, lang: str) -> str:
    return label if has_data else label + tx(lang, " – uppgift saknas", " – no data")


def year_options(conn, lang: str, region: str, level: str, reference: str) -> list[dict]:
    """Return the years newest first, each marked when the region has no data at the level that year."""
    flags = data_choice(conn, "year_choices", region=data_region({"region": region}), level=level, reference=reference)
    have = dict(zip(flags["year"], flags["has_data"]))
    return [
        {"label": missing_mark(str(y), have.get(y, False), lang), "value": str(y)} for y in reversed(year_choices(conn))
    ]


def level_options(conn, lang: str, region: str, year, reference: str) -> list[dict]:
    """Return the industry levels, finest first, each marked when the region has no data at it that year."""
    if year is None:
        return [{"label": tx(lang, *LEVEL_NAMES[k]), "value": k} for k in LEVELS]
    flags = data_choice(conn, "level_choices", region=data_region({"region": region}), year=year, reference=reference)
    return [
        {"label": missing_mark(tx(lang, r["name_sv"], r["name_en"]), r["has_data"], lang), "value": r["level"]}
        for r in flags.to_dict("records")
    ]


def filters(conn, lang: str, region, year, start, level, reference, per) -> html.Div:
    years = year_options(conn, lang, region, level, reference)
    starts = [{"label": tx(lang, "Fem år före", "Five years before"), "value": ""}] + years
    levels = level_options(conn, lang, region, year, reference)
    refs = [{"label": tx(lang, "Riket", "Sweden"), "value": "00"}, {"label": "Norra Mellansverige", "value": "SE31"}]
    pers = [
        {"label": tx(lang, "10 000 sysselsatta", "10,000 employees"), "value": "employees"},
        {"label": tx(lang, "10 000 invånare", "10,000 inhabitants"), "value": "inhabitants"},
    ]
    controls = [
        (select(VIEW, "region", tx(lang, "Region", "Region"), region_options(conn, lang), region), 12, 4),
        (select(VIEW, "year", tx(lang, "År", "Year"), years, year), 6, 2),
        (select(VIEW, "start", tx(lang, "Förändring från", "Change from"), starts, start), 6, 2),
        (select(VIEW, "level", tx(lang, "Branschnivå", "Industry level"), levels, level), 6, 2),
        (select(VIEW, "reference", tx(lang, "Jämförs med", "Compared with"), refs, reference), 6, 2),
    ]
    row = dbc.Row([dbc.Col(c, xs=xs, md=md) for c, xs, md in controls], className="g-2")
    extra = dbc.Row(
        [
            dbc.Col(
                select(VIEW, "per", tx(lang, "Patent och varumärken per", "Patents and trademarks per"), pers, per),
                xs=12,
                md=4,
            )
        ],
        className="g-2 mt-1",
    )
    return html.Div([row, extra], className="filters", role="group", **{"aria-label": tx(lang, "Filter", "Filters")})


def settings(lang: str, values: dict, reset: str) -> html.Details:
    """Return the rule's thresholds as number inputs the analyst can change (kept in the URL)."""
    inputs = []
    for t in THRESHOLDS:
        control = dbc.Input(
            id=ids.filter_id(VIEW, t.name),
            type="number",
            min=t.low,
            max=t.high,
            step=t.step,
            value=values.get(t.name, t.default),
            debounce=True,
            size="sm",
        )
        inputs.append(
            dbc.Col(
                html.Label([html.Span(t.label(lang), className="d-block"), control], className="w-100"),
                xs=12,
                sm=6,
                lg=3,
            )
        )
    return html.Details(
        [
            html.Summary(tx(lang, "Inställningar för klassificeringen", "Settings of the classification")),
            html.P(
                tx(
                    lang,
                    "Ändra trösklarna för att pröva hur känslig analysen är. Adressen sparar valen.",
                    "Change the thresholds to test how sensitive the analysis is. The address keeps the choices.",
                ),
                className="small text-muted mb-1",
            ),
            dbc.Row(inputs, className="g-2"),
            html.A(
                tx(lang, "Återställ standardvärdena", "Restore the defaults"),
                id=RESET,
                href=reset,
                className="small",
            ),
        ],
        id=SETTINGS,
        className="filters chart-table",
    )


def section(title: str, intro: str, children: list) -> html.Section:
    return html.Section([html.H2(title, className="h4 mt-4"), html.P(intro, className="text-muted"), *children])


def summary_block(s: Summary, lang: str) -> list:
    """Return the view's summary: a paragraph per region (marked when it rests on example data), or a refusal."""
    if s.refusal:
        return [dbc.Alert(s.refusal, color="info", className="mb-0")]
    return [
        html.Div(
            [html.H2(tx(lang, "Sammanfattning", "Summary"), className="h5 mb-1"), example_badge(s.status, lang)],
            className="d-flex flex-wrap align-items-baseline gap-2",
        ),
        *[html.P(p) for p in s.paragraphs],
        *[html.P(n, className="small text-muted") for n in s.notes],
    ]


def rule_block(s: Summary, lang: str) -> list:
    """Return the classification rule with the thresholds in force, next to its result."""
    if not s.rule:
        return []
    return [
        html.H3(tx(lang, "Regeln", "The rule"), className="h6"),
        html.Ol([html.Li(line) for line in s.rule], className="small ps-3"),
        html.P(s.rule_reason, className="small text-muted"),
    ]


def reset_href(canonical_without_thresholds: str) -> str:
    return "/" + VIEW + canonical_without_thresholds


def layout(conn, lang: str, values: dict, cards: dict, summary: Summary, reset: str, qs: str) -> html.Div:
    """Return the view for parsed values, with its cards filled (cards: key -> card values)."""

    def slot(key):
        return card(VIEW, key, lang, cards.get(key))

    v = values
    return html.Div(
        [
            html.H1(tx(lang, "Styrkeområden", "Strength areas")),
            html.P(
                tx(
                    lang,
                    "Vilka branscher är ledande och kompetenta, vilka är dynamiska och innovativa, och var möts "
                    "näringslivets och akademins styrkor? Analysen går att upprepa: regeln och trösklarna står bredvid "
                    "resultatet, och varje diagram har sina siffror som tabell och fil.",
                    "Which industries are leading and competent, which are dynamic and innovative, and where do the "
                    "strengths of business and academia meet? The analysis can be repeated: the rule and its "
                    "thresholds stand next to the result, and every chart has its numbers as a table and a file.",
                ),
                className="lead",
            ),
            filters(conn, lang, v["region"], v["year"], v["start"], v["level"], v["reference"], v["per"]),
            settings(lang, v, reset),
            html.Div(
                summary_block(summary, lang),
                id=SUMMARY,
                className="styrkeomraden-summary mb-3",
                **{"aria-live": "polite"},
            ),
            section(
                tx(lang, "Specialisering", "Specialisation"),
                tx(
                    lang,
                    "Lokaliseringskvoten visar hur mycket vanligare en bransch är i regionen än i jämförelseområdet.",
                    "The location quotient shows how much more common an industry is in the region than in the comparison area.",
                ),
                [slot(key) for key in SPECIALISATION],
            ),
            section(
                tx(lang, "Styrkeområden enligt regeln", "Strength areas by the rule"),
                tx(
                    lang,
                    "Regeln till höger avgör klassen; trösklarna ändras under Inställningar ovan.",
                    "The rule on the right decides the class; change the thresholds under Settings above.",
                ),
                [
                    dbc.Row(
                        [
                            dbc.Col(slot(RULE_CHART), xs=12, lg=8),
                            dbc.Col(html.Aside(rule_block(summary, lang), id=RULE, className="rule-box"), xs=12, lg=4),
                        ]
                    )
                ],
            ),
            section(
                tx(lang, "Kvinnor och män", "Women and men"),
                tx(
                    lang,
                    "Andelen kvinnor i branscherna, med styrkeområdena markerade, där statistiken är uppdelad på kön.",
                    "The share of women in the industries, the strength areas marked, where the statistics are split by sex.",
                ),
                [slot(WOMEN)],
            ),
            section(
                tx(lang, "Jämförelse mellan regioner", "Comparison between regions"),
                tx(lang, "Samma kvot för flera regioner på en gång.", "The same quotient for several regions at once."),
                [slot(HEATMAP)],
            ),
            section(
                tx(lang, "Dynamik och förnyelse", "Dynamics and renewal"),
                tx(
                    lang,
                    "Hur sysselsättningen har ändrats, hur många nya företag, patent och varumärken branschen har, och hur många av de anställda som har eftergymnasial utbildning.",
                    "How employment has changed, how many new firms, patents and trademarks the industry has, and how many of its employees have higher education.",
                ),
                [slot(key) for key in DYNAMICS],
            ),
            section(
                tx(lang, "Akademiska styrkor", "Academic strengths"),
                tx(
                    lang,
                    "Lärosätenas publikationer per forskningsämne jämförda med alla svenska lärosäten.",
                    "The universities' publications by research subject compared with all Swedish universities.",
                ),
                [slot(ACADEMIC)],
            ),
            section(
                tx(lang, "Jämförelse med testområdena", "Comparison with the test areas"),
                tx(
                    lang,
                    "Bekräftar analysen länens testområden, och finns det styrkor utanför dem?",
                    "Does the analysis confirm the counties' test areas, and are there strengths outside them?",
                ),
                [slot(TEST_AREA_CHART)],
            ),
            section(
                tx(lang, "Kvalitativ bedömning och samverkan", "Qualitative assessment and collaboration"),
                tx(
                    lang,
                    "Vad dokumentstudier och intervjuer säger om områdena, vilka internationella värdekedjor de ingår i, "
                    "och vilka klusterinitiativ som arbetar i dem.",
                    "What document studies and interviews say about the areas, which international value chains they "
                    "are part of, and which cluster initiatives work in them.",
                ),
                [slot(QUALITATIVE)],
            ),
            html.Div(view_downloads(VIEW, lang, qs), id=DOWNLOADS),
        ]
    )


assert set(CHARTS) == {
    *SPECIALISATION,
    RULE_CHART,
    WOMEN,
    HEATMAP,
    *DYNAMICS,
    ACADEMIC,
    TEST_AREA_CHART,
    QUALITATIVE,
}


def parts(conn, lang: str, values: dict, open_tables=()) -> dict:
    """Return everything the view shows for parsed values: cards, summary, the reset link, the canonical query."""
    kept = {k: v for k, v in values.items() if k not in THRESHOLD_NAMES}
    return {
        "cards": card_values_for(conn, VIEW, CHARTS, lang, values, open_tables),
        "summary": summary(conn, lang, values),
        "reset": reset_href(charts.canonical(VIEW, kept, lang)),
        "qs": charts.canonical(VIEW, values, lang),
    }


def page(conn, lang: str, query: dict):
    """Return (the view for an address query, refused values)."""
    values, notices = parse_view(VIEW, query, conn)
    p = parts(conn, lang, values)
    return layout(conn, lang, values, p["cards"], p["summary"], p["reset"], p["qs"]), notices
