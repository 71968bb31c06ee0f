"""Draw the Styrkeområden view: every chart, the plain-language summary and the rule, from the URL.

One callback redraws the whole view when the address changes (a filter or threshold changed it),
so the analysis is read once per redraw and every chart shows the same numbers.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import dash_bootstrap_components as dbc
from dash import Input, Output, callback, html

from data.store import current_engine
from indicators.levels import InvalidArgument
from indicators.strength import DEFAULT_REASON_EN, DEFAULT_REASON_SV, rule_lines
from layouts import ids
from layouts.chart import example_badge, render_safely
from layouts.i18n import fmt_number, fmt_signed_percent, tx
from layouts.params import encode, lang_from, parse, query_dict
from layouts.styrkeomraden import CHARTS, PARAMS, RESET, RULE, SUMMARY, VIEW

from . import styrkeomraden_charts, styrkeomraden_profile, styrkeomraden_testomraden  # noqa: F401  (registers the charts)
from .registry import CHARTS as REGISTERED
from .styrkeomraden_data import Context, context, no_data_message, sentence

log = logging.getLogger(__name__)
THRESHOLD_NAMES = {p.name for p in PARAMS[6:]}


def region_sentences(ctx: Context, region: str) -> list[str]:
    """Return the summary of one region in plain words, generated from the numbers."""
    lang, a = ctx.lang, ctx.analysis
    rows = a.table[a.table["region"] == region].assign(name=lambda f: ctx.industry_names(f))
    rows = rows[rows["lq"].notna()]
    if rows.empty:
        return []
    place, ref = ctx.name(region), ctx.reference_name
    top = rows.sort_values("lq", ascending=False).iloc[0]
    text = [
        tx(
            lang,
            f"I {place} är {top['name'].lower()} {fmt_number(top['lq'], lang, 1)} gånger vanligare än i {ref} "
            f"({a.year}); {fmt_number(top['value'], lang)} personer arbetar i branschen.",
            f"In {place}, {top['name'].lower()} is {fmt_number(top['lq'], lang, 1)} times as common as in {ref} "
            f"({a.year}); {fmt_number(top['value'], lang)} people work in the industry.",
        )
    ]
    holistic = rows[rows["category"] == "helhetlig"].sort_values("lq", ascending=False)
    business = rows[rows["category"] == "styrka"]
    named = ", ".join(n.lower() for n in holistic["name"].head(4))
    text.append(
        tx(
            lang,
            f"Regeln ger {len(holistic) + len(business)} styrkeområden på nivån {ctx.level_name}, varav {len(holistic)} "
            "helhetliga" + (f" ({named})" if named else "") + ".",
            f"The rule gives {len(holistic) + len(business)} strength areas at the level {ctx.level_name}, of which "
            f"{len(holistic)} holistic" + (f" ({named})" if named else "") + ".",
        )
    )
    change = a.region_growth.get(region, float("nan"))
    if change == change:  # not NaN: there is a period
        text.append(
            tx(
                lang,
                f"Sysselsättningen ändrades med {fmt_signed_percent(change, lang)} {ctx.period}, mot "
                f"{fmt_signed_percent(a.national_growth, lang)} i {ref}.",
                f"Employment changed by {fmt_signed_percent(change, lang)} {ctx.period}, against "
                f"{fmt_signed_percent(a.national_growth, lang)} in {ref}.",
            )
        )
    return text


def summary_block(ctx: Context) -> list:
    """Return the view's summary: a paragraph per region, marked when it rests on example data."""
    lang = ctx.lang
    paragraphs = [html.P(" ".join(region_sentences(ctx, r))) for r in ctx.selection.regions]
    status = (
        "example"
        if ctx.analysis.table["is_example"].all()
        else ("mixed" if ctx.analysis.table["is_example"].any() else "real")
    )
    return [
        html.Div(
            [html.H2(tx(lang, "Sammanfattning", "Summary"), className="h5 mb-1"), example_badge(status, lang)],
            className="d-flex flex-wrap align-items-baseline gap-2",
        ),
        *paragraphs,
        *[html.P(tx(lang, sv, en), className="small text-muted") for sv, en in ctx.analysis.notes],
    ]


def rule_block(ctx: Context) -> list:
    """Return the classification rule with the thresholds in force, next to its result."""
    lang = ctx.lang
    return [
        html.H3(tx(lang, "Regeln", "The rule"), className="h6"),
        html.Ol([html.Li(line) for line in rule_lines(ctx.analysis.thresholds, lang)], className="small ps-3"),
        html.P(tx(lang, DEFAULT_REASON_SV, DEFAULT_REASON_EN), className="small text-muted"),
    ]


def refused(message: str, lang: str) -> list:
    return [dbc.Alert(message, color="info", className="mb-0")]


def reset_href(query: dict) -> str:
    """Return the address of the same view with the thresholds back at their defaults."""
    values, _ = parse(PARAMS, query)
    kept = {k: v for k, v in values.items() if k not in THRESHOLD_NAMES}
    return "/" + VIEW + encode(PARAMS, kept, lang_from(query))


def texts(conn, lang: str, params: dict) -> tuple[list, list]:
    """Return (summary, rule) for the view, or a refusal in words in both places."""
    try:
        ctx = context(conn, lang, params)
    except InvalidArgument as exc:
        message = sentence(exc.message(lang))
        return refused(message, lang), []
    if ctx.analysis.table.empty:
        return refused(no_data_message(ctx), lang), rule_block(ctx)
    return summary_block(ctx), rule_block(ctx)


@callback(
    *[Output(ids.chart_id(VIEW, key), "children") for key in CHARTS],
    Output(SUMMARY, "children"),
    Output(RULE, "children"),
    Output(RESET, "href"),
    Input(ids.URL, "href"),
)
def show_styrkeomraden(href):
    """Redraw every chart, the summary and the rule of the view for the address."""
    search = urlsplit(href or "").query
    query = query_dict(search)
    lang = lang_from(query)
    params, _ = parse(PARAMS, query)
    try:
        with current_engine().connect() as conn:
            charts = [
                render_safely(lambda k=key: REGISTERED[VIEW][k](conn, lang, **params), lang, query) for key in CHARTS
            ]
            summary, rule = texts(conn, lang, params)
    except Exception:  # a store that cannot be read must still leave a page that says so
        log.exception("styrkeomraden failed")
        message = tx(
            lang,
            "Analysen kunde inte visas just nu. Försök igen senare.",
            "The analysis could not be shown right now. Try again later.",
        )
        return [refused(message, lang)] * len(CHARTS) + [refused(message, lang), [], reset_href(query)]
    return [*charts, summary, rule, reset_href(query)]
