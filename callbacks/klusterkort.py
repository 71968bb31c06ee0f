"""Build the cluster card: one initiative's facts, links, criteria and phase over time.

The card opens for the URL's `cluster` parameter (chosen in the list or by a click in a chart).
Facts the source does not give (founded, members, organisation) read "uppgift saknas"; nothing
is filled in.
"""

from __future__ import annotations

import logging

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, callback, dcc, html

from figures.klusterkartering import cluster_phase_steps
from figures.spec import ChartSpec
from figures.style import empty_figure
from i18n import fmt_number, tx
from indicators import clusters as ind
from indicators.facts import example_share
from indicators.regions import region_names
from layouts import ids
from layouts.chart import chart_outputs, example_badge, message_parts, render_safely, source_parts
from layouts.klusterkartering import CARD, CARD_FACTS, VIEW
from layouts.params import lang_from, parse

from .klusterkartering_common import chosen_year, named_phases, query_of, selection
from .registry import build_chart, chart
from .sources import dataset_source_line

log = logging.getLogger(__name__)
SURVEY_PATH = "/foretagsenkat"


def survey_href(code: str, lang: str) -> str:
    """Return the link to the cluster's results in the company survey view."""
    return f"{SURVEY_PATH}?cluster={code}" + ("&lang=en" if lang == "en" else "")


def missing(lang: str) -> html.Span:
    return html.Span(tx(lang, "uppgift saknas", "not known"), className="text-muted fst-italic")


def card_history(conn, lang: str, code: str) -> pd.DataFrame:
    """Return one row per assessment year: year, phase_sort, phase_name, one column per criterion, comment, is_example."""
    phases = named_phases(conn, lang)
    sfx = "name_en" if lang == "en" else "name_sv"
    crits, levels = ind.criteria(conn), ind.criterion_levels(conn)
    history = ind.phase_history(conn, [code])
    history = history.assign(phase_name=history["phase_sort"].map(dict(zip(phases["sort"], phases["name"]))))
    assessed = ind.criteria_assessments(conn, [code])
    assessed = assessed.assign(level_name=assessed["level"].map(dict(zip(levels["code"], levels[sfx]))))
    wide = assessed.pivot(index="year", columns="criterion", values="level_name") if len(assessed) else pd.DataFrame()
    years = sorted(set(history["year"]) | set(assessed["year"]))
    frame = pd.DataFrame({"year": years})
    frame = frame.merge(history[["year", "phase_sort", "phase_name", "comment"]], on="year", how="left")
    for crit in crits["code"]:
        levels_by_year = frame["year"].map(wide[crit]) if crit in wide else pd.Series(None, index=frame.index)
        frame[crit] = pd.Series([None if pd.isna(v) else v for v in levels_by_year], index=frame.index, dtype="object")
    flags = pd.concat([history[["year", "is_example"]], assessed[["year", "is_example"]]])
    frame["is_example"] = frame["year"].map(flags.groupby("year")["is_example"].any()).astype(bool)
    return frame


@chart(VIEW, CARD)
def card_chart(conn, lang: str, cluster: str = "", **_) -> ChartSpec:
    """Return one cluster's phase at every assessment year, with its criteria per year in the table."""
    names = ind.clusters(conn).set_index("code")["name"]
    name = names.get(cluster, "")
    frame = card_history(conn, lang, cluster) if name else pd.DataFrame(columns=["year", "phase_name", "is_example"])
    phased = frame.dropna(subset=["phase_name"]) if len(frame) else frame
    if phased.empty:
        fig = empty_figure(tx(lang, "Ingen fasbedömning finns.", "No phase assessment exists."), lang)
        summary = tx(lang, f"{name} har ingen fasbedömning.", f"{name} has no phase assessment.")
    else:
        fig = cluster_phase_steps(phased, named_phases(conn, lang), lang)
        steps = [f"{p} {y}" for y, p in zip(phased["year"], phased["phase_name"])]
        summary = tx(lang, f"{name} bedömdes i fas ", f"{name} was assessed in phase ") + ", ".join(steps) + "."
    crits = ind.criteria(conn)
    sfx = "name_en" if lang == "en" else "name_sv"
    columns = {"year": tx(lang, "År", "Year"), "phase_name": tx(lang, "Fas", "Phase")}
    columns.update(dict(zip(crits["code"], crits[sfx])))
    columns.update({"comment": tx(lang, "Kommentar", "Comment"), "is_example": tx(lang, "Exempeldata", "Example data")})
    table = frame.reindex(columns=list(columns)).rename(columns=columns)
    datasets = _datasets(conn, cluster)
    return ChartSpec(
        view=VIEW,
        key=CARD,
        title=tx(lang, f"{name}: utvecklingsfas över tid", f"{name}: development phase over time")
        if name
        else tx(lang, "Inget klusterinitiativ valt", "No cluster initiative chosen"),
        subtitle=tx(
            lang,
            "Fasen vid varje bedömning; tabellen visar också kriterierna per år.",
            "The phase at each assessment; the table also shows the criteria by year.",
        )
        if name
        else "",
        figure=fig,
        table=table,
        source=dataset_source_line(conn, lang, datasets),
        data_status=example_share(frame),
        summary=summary,
        filename=f"klusterkartering_kort_{cluster}",
    )


def _datasets(conn, code: str) -> list[str]:
    phases, crits = ind.phase_history(conn, [code]), ind.criteria_assessments(conn, [code])
    return sorted(set(phases["dataset"]) | set(crits["dataset"]))


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


def card_content(href: str | None) -> list:
    """Return the card's facts and its chart slot's values (see chart_outputs) for the URL: a hint, or the card."""
    from data.store import current_engine
    from layouts.klusterkartering import PARAMS

    query = query_of(href)
    lang = lang_from(query)
    params, _ = parse(PARAMS, query)
    if not params["cluster"]:
        return [
            html.P(
                tx(lang, "Inget klusterinitiativ valt ännu.", "No cluster initiative chosen yet."),
                className="text-muted mb-0",
            ),
            *message_parts(""),
        ]
    try:
        with current_engine().connect() as conn:
            head = cluster_facts(conn, lang, params["cluster"], chosen_year(conn, params["year"]))
    except Exception:  # a broken card must not blank the page
        log.exception("cluster card failed")
        head = dbc.Alert(
            tx(lang, "Klusterkortet kunde inte visas just nu.", "The cluster card could not be shown right now."),
            color="warning",
        )
    return [head, *render_safely(lambda: build_chart(VIEW, CARD, query), lang, query)]


@callback(Output(CARD_FACTS, "children"), *chart_outputs(VIEW, CARD), Input(ids.URL, "href"))
def show_card(href):
    """Open the card of the cluster named in the URL."""
    return card_content(href)
