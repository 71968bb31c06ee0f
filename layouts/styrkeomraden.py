"""Lay out the Styrkeområden view: filters, the rule's settings, summary, charts, test-area comparison.

Every filter and threshold is a PARAMS entry with a filter_id control, so the URL keeps the
whole analysis and a link reproduces it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask import g, has_app_context

from data.store import current_engine
from i18n import tx
from indicators.levels import LEVEL_NAMES, LEVELS
from indicators.lq import REFERENCES
from indicators.source import CachedSource
from indicators.strength import PERCENT_SETTINGS, SETTING_LABELS, Thresholds

from . import ids
from .chart import cards_store_id, chart_slot
from .params import Param

VIEW = "styrkeomraden"
COUNTIES = ("17", "20", "21")
SIDE_BY_SIDE = "lanen"  # the three counties side by side
SUMMARY = "styrkeomraden-summary"
RULE = "styrkeomraden-rule"
SETTINGS = "styrkeomraden-settings"
RESET = "styrkeomraden-reset"
SPECIALISATION = ("bubble", "lq-bars")
RULE_CHART = "strengths"
HEATMAP = "heatmap"
DYNAMICS = ("shift-share", "innovation", "competence")
ACADEMIC = "academic"
TEST_AREAS = "test-areas"
CHARTS = (*SPECIALISATION, RULE_CHART, HEATMAP, *DYNAMICS, ACADEMIC, TEST_AREAS)


def _read(name: str, compute):
    """Return compute(source) once per request: the filters' choices are asked for many times in one redraw."""
    memo = g.setdefault("styrkeomraden_choices", {}) if has_app_context() else {}
    if name not in memo:
        with current_engine().connect() as conn:
            memo[name] = compute(CachedSource.for_request(conn))
    return memo[name]


def region_rows():
    """Return the regions a reader can choose: counties, Norra Mellansverige, municipalities (code, names, level, parent)."""
    frame = _read("regions", lambda source: source.regions())
    return frame[frame["level"].isin(["nuts2", "lan", "kommun"])]


def region_choices() -> list[str]:
    return _read("region_choices", lambda _s: [SIDE_BY_SIDE, *region_rows()["code"]])


def year_choices() -> list[int]:
    return _read("years", lambda source: list(source.years("employees")))


def latest_year():
    years = year_choices()
    return years[-1] if years else None


@dataclass(frozen=True)
class Threshold(Param):
    """A threshold of the rule: a number from 0 (to 100 for percentages), written short in the URL."""

    kind: type = float

    def convert(self, raw: str):
        value = float(str(raw).replace(",", "."))
        if math.isnan(value) or math.isinf(value) or value < 0 or (self.name in PERCENT_SETTINGS and value > 100):
            raise ValueError(f"{self.name} must be a number from 0")
        return value

    def encode(self, value) -> str | None:
        if value is None or value == "":
            return None
        try:
            return f"{float(value):g}"
        except (TypeError, ValueError):
            return str(value)


PARAMS = [
    Param("region", str, "SE31", region_choices, "Region", "Region"),
    Param("year", int, latest_year, year_choices, "År", "Year"),
    Param("start", int, None, year_choices, "Förändring från år", "Change from year"),
    Param("level", str, "division", lambda: list(LEVELS), "Branschnivå", "Industry level"),
    Param("reference", str, "00", lambda: list(REFERENCES), "Jämförs med", "Compared with"),
    Param("per", str, "employees", lambda: ["employees", "inhabitants"], "Patent per", "Patents per"),
    *[Threshold(f.name, float, f.default, None, *SETTING_LABELS[f.name]) for f in fields(Thresholds)],
]


def _select(param: str, label: str, options: list[dict], value) -> html.Label:
    """Return a labelled native select kept in the URL.

    dbc.Select puts a hidden placeholder option with the value "" first; it carries the label of
    the option whose value is "" (if any), so the choice reads the same either way.
    """
    empty = next((o["label"] for o in options if o["value"] == ""), None)
    return html.Label(
        [
            html.Span(label, className="d-block"),
            dbc.Select(
                id=ids.filter_id(VIEW, param),
                options=options,
                value="" if value is None else str(value),
                size="sm",
                placeholder=empty,
            ),
        ],
        className="w-100",
    )


def region_options(lang: str) -> list[dict]:
    rows = region_rows()
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


def filters(lang: str, region, year, start, level, reference, per) -> html.Div:
    years = [{"label": str(y), "value": str(y)} for y in reversed(year_choices())]
    starts = [{"label": tx(lang, "Fem år före", "Five years before"), "value": ""}] + years
    levels = [{"label": tx(lang, *LEVEL_NAMES[k]), "value": k} for k in LEVELS]
    refs = [{"label": tx(lang, "Riket", "Sweden"), "value": "00"}, {"label": "Norra Mellansverige", "value": "SE31"}]
    pers = [
        {"label": tx(lang, "10 000 sysselsatta", "10,000 employees"), "value": "employees"},
        {"label": tx(lang, "10 000 invånare", "10,000 inhabitants"), "value": "inhabitants"},
    ]
    controls = [
        (_select("region", tx(lang, "Region", "Region"), region_options(lang), region), 12, 4),
        (_select("year", tx(lang, "År", "Year"), years, year), 6, 2),
        (_select("start", tx(lang, "Förändring från", "Change from"), starts, start), 6, 2),
        (_select("level", tx(lang, "Branschnivå", "Industry level"), levels, level), 6, 2),
        (_select("reference", tx(lang, "Jämförs med", "Compared with"), refs, reference), 6, 2),
    ]
    row = dbc.Row([dbc.Col(c, xs=xs, md=md) for c, xs, md in controls], className="g-2")
    extra = dbc.Row(
        [
            dbc.Col(
                _select("per", tx(lang, "Patent och varumärken per", "Patents and trademarks per"), pers, per),
                xs=12,
                md=4,
            )
        ],
        className="g-2 mt-1",
    )
    return html.Div([row, extra], className="filters", role="group", **{"aria-label": tx(lang, "Filter", "Filters")})


def settings(lang: str, values: dict) -> html.Details:
    """Return the rule's thresholds as number inputs the analyst can change (kept in the URL)."""
    inputs = []
    for f in fields(Thresholds):
        sv, en = SETTING_LABELS[f.name]
        control = dbc.Input(
            id=ids.filter_id(VIEW, f.name),
            type="number",
            min=0,
            step="any",
            value=values.get(f.name, f.default),
            debounce=True,
            size="sm",
            max=100 if f.name in PERCENT_SETTINGS else None,
        )
        inputs.append(
            dbc.Col(
                html.Label([html.Span(tx(lang, sv, en), className="d-block"), control], className="w-100"),
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
                href="/styrkeomraden" + ("?lang=en" if lang == "en" else ""),
                className="small",
            ),
        ],
        id=SETTINGS,
        className="filters chart-table",
    )


def section(title: str, intro: str, children: list) -> html.Section:
    return html.Section([html.H2(title, className="h4 mt-4"), html.P(intro, className="text-muted"), *children])


def layout(
    lang: str = "sv",
    region="SE31",
    year=None,
    start=None,
    level="division",
    reference="00",
    per="employees",
    **thresholds,
) -> html.Div:
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
            filters(lang, region, year, start, level, reference, per),
            settings(lang, thresholds),
            # Every card, the summary and the rule come in one store (callbacks/styrkeomraden.py); the
            # summary and the rule are written as HTML by assets/20-charts.js, never by Dash.
            dcc.Store(id=cards_store_id(VIEW)),
            html.Div(id=SUMMARY, className="styrkeomraden-summary mb-3", **{"aria-live": "polite"}),
            section(
                tx(lang, "Specialisering", "Specialisation"),
                tx(
                    lang,
                    "Lokaliseringskvoten visar hur mycket vanligare en bransch är i regionen än i jämförelseområdet.",
                    "The location quotient shows how much more common an industry is in the region than in the comparison area.",
                ),
                [chart_slot(VIEW, key, lang, store=False) for key in SPECIALISATION],
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
                            dbc.Col(chart_slot(VIEW, RULE_CHART, lang, store=False), xs=12, lg=8),
                            dbc.Col(html.Aside(id=RULE, className="rule-box"), xs=12, lg=4),
                        ]
                    )
                ],
            ),
            section(
                tx(lang, "Jämförelse mellan regioner", "Comparison between regions"),
                tx(lang, "Samma kvot för flera regioner på en gång.", "The same quotient for several regions at once."),
                [chart_slot(VIEW, HEATMAP, lang, store=False)],
            ),
            section(
                tx(lang, "Dynamik och förnyelse", "Dynamics and renewal"),
                tx(
                    lang,
                    "Hur sysselsättningen har ändrats, hur många nya företag, patent och varumärken branschen har, och hur många av de anställda som har eftergymnasial utbildning.",
                    "How employment has changed, how many new firms, patents and trademarks the industry has, and how many of its employees have higher education.",
                ),
                [chart_slot(VIEW, key, lang, store=False) for key in DYNAMICS],
            ),
            section(
                tx(lang, "Akademiska styrkor", "Academic strengths"),
                tx(
                    lang,
                    "Lärosätenas publikationer per forskningsämne jämförda med alla svenska lärosäten.",
                    "The universities' publications by research subject compared with all Swedish universities.",
                ),
                [chart_slot(VIEW, ACADEMIC, lang, store=False)],
            ),
            section(
                tx(lang, "Jämförelse med testområdena", "Comparison with the test areas"),
                tx(
                    lang,
                    "Bekräftar analysen länens testområden, och finns det styrkor utanför dem?",
                    "Does the analysis confirm the counties' test areas, and are there strengths outside them?",
                ),
                [chart_slot(VIEW, TEST_AREAS, lang, store=False)],
            ),
        ]
    )
