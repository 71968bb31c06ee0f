"""Draw the Styrkeområden view: every chart, the plain-language summary and the rule, from the URL.

One callback redraws the whole view when the address changes (a filter or threshold changed it),
so the analysis is read once per redraw and every chart shows the same numbers.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import dash_bootstrap_components as dbc
from dash import Input, Output, callback, html

from cache import cache
from data.store import current_engine, engine_for
from i18n import counted, fmt_number, fmt_signed_percent, tx
from indicators.levels import InvalidArgument
from indicators.source import CachedSource, outside_app
from indicators.strength import DEFAULT_REASON_EN, DEFAULT_REASON_SV, rule_lines
from layouts import ids
from layouts.chart import cards_store_id, cards_value, example_badge, message_parts, render_safely
from layouts.params import encode, lang_from, parse, query_dict
from layouts.styrkeomraden import CHARTS, PARAMS, RESET, RULE, SUMMARY, VIEW

from . import styrkeomraden_charts, styrkeomraden_profile, styrkeomraden_testomraden  # noqa: F401  (registers the charts)
from .registry import CHARTS as REGISTERED
from .styrkeomraden_data import Context, context, no_data_message, sentence

log = logging.getLogger(__name__)
THRESHOLD_NAMES = {p.name for p in PARAMS[6:]}
AREA_SV, AREA_EN = ("styrkeområde", "styrkeområden"), ("strength area", "strength areas")


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
            f"Regeln ger {counted(len(holistic) + len(business), lang, AREA_SV, AREA_EN)} på nivån {ctx.level_name}, "
            f"varav {len(holistic)} {'helhetligt' if len(holistic) == 1 else 'helhetliga'}"
            + (f" ({named})" if named else "")
            + ".",
            f"The rule gives {counted(len(holistic) + len(business), lang, AREA_SV, AREA_EN)} at the level "
            f"{ctx.level_name}, of which {len(holistic)} holistic" + (f" ({named})" if named else "") + ".",
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


def view_outputs(conn, lang: str, params: dict, query: dict) -> dict:
    """Return the view's cards store value (every chart, the summary and the rule) for parsed params.

    Figures are plain dicts: cheap to keep in the cache and to send.
    """
    cards = {}
    for key in CHARTS:
        (value,) = render_safely(lambda k=key: REGISTERED[VIEW][k](conn, lang, **params), lang, query)
        if hasattr(value["figure"], "to_plotly_json"):
            value["figure"] = value["figure"].to_plotly_json()
        cards[key] = value
    summary, rule = texts(conn, lang, params)
    return cards_value(VIEW, cards, {SUMMARY: summary, RULE: rule})


# A day, not CACHE_DEFAULT_TIMEOUT: the key holds the store version, so an answer never goes stale, and
# the answers computed in advance after start-up (styrkeomraden_warm.py) should last.
VIEW_CACHE_TIMEOUT = 24 * 3600


@cache.memoize(timeout=VIEW_CACHE_TIMEOUT, unless=outside_app)
def _memoized_outputs(url: str, version: str, lang: str, canonical: str) -> dict:
    query = query_dict(canonical)
    params, _ = parse(PARAMS, query)
    with engine_for(url).connect() as conn:
        return view_outputs(conn, lang, params, query)


def cached_outputs(lang: str, params: dict, query: dict) -> dict:
    """Return the view's outputs, kept per store version and canonical address: a choice made before is instant."""
    with current_engine().connect() as conn:
        if outside_app():
            return view_outputs(conn, lang, params, query)
        source = CachedSource.for_request(conn)  # the store version, read once per request
    return _memoized_outputs(source.url, source.version, lang, encode(PARAMS, params, lang))


@callback(
    Output(cards_store_id(VIEW), "data"),
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
        outputs = cached_outputs(lang, params, query)
    except Exception:  # a store that cannot be read must still leave a page that says so
        log.exception("styrkeomraden failed")
        message = tx(
            lang,
            "Analysen kunde inte visas just nu. Försök igen senare.",
            "The analysis could not be shown right now. Try again later.",
        )
        cards = {key: message_parts(refused(message, lang))[0] for key in CHARTS}
        return cards_value(VIEW, cards, {SUMMARY: refused(message, lang), RULE: []}), reset_href(query)
    return outputs, reset_href(query)
