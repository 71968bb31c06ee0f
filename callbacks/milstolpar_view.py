"""Fill the Milstolpar view: summary sentence, charts, list and the steering group's download links."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from dash import Input, Output, callback

from auth import current_manager
from data.store import current_engine
from i18n import tx
from indicators.followup import history
from layouts import ids
from layouts import milstolpar as v
from layouts.chart import chart_outputs, render_safely
from layouts.milstolpar_list import render_list_safely
from layouts.params import lang_from, parse, query_dict

from . import milstolpar as builders
from .registry import build_chart

VIEW = v.VIEW
log = logging.getLogger(__name__)


def _render(key: str, search: str):
    query = query_dict(search)
    return render_safely(lambda: build_chart(VIEW, key, query), lang_from(query), query)


@callback(chart_outputs(VIEW, "tidslinje"), Input(ids.URL, "search"), Input(v.REVISION, "data"))
def show_timeline(search, _revision):
    """Fill the timeline."""
    return _render("tidslinje", search)


@callback(chart_outputs(VIEW, "maluppfyllelse"), Input(ids.URL, "search"), Input(v.REVISION, "data"))
def show_attainment(search, _revision):
    """Fill the goal-attainment chart."""
    return _render("maluppfyllelse", search)


@callback(chart_outputs(VIEW, "per-kvartal"), Input(ids.URL, "search"), Input(v.REVISION, "data"))
def show_per_quarter(search, _revision):
    """Fill the status-per-quarter chart."""
    return _render("per-kvartal", search)


@callback(chart_outputs(VIEW, "per-aktivitet"), Input(ids.URL, "search"), Input(v.REVISION, "data"))
def show_per_activity(search, _revision):
    """Fill the status-per-activity chart."""
    return _render("per-aktivitet", search)


@callback(Output(v.LIST, "children"), Input(ids.URL, "search"), Input(v.REVISION, "data"))
def show_list(search, _revision):
    """Fill the milestone list, with each milestone's history."""
    query = query_dict(search)

    def build():
        spec = build_chart(VIEW, "lista", query)
        with current_engine().connect() as conn:
            return spec, history(conn, "milestone")

    return render_list_safely(build, lang_from(query), query, show_user=current_manager() is not None)


@callback(Output(v.SUMMARY, "children"), Input(ids.URL, "search"), Input(v.REVISION, "data"))
def show_summary(search, _revision):
    """Write the summary sentence for the whole project at the as-of date."""
    query = query_dict(search)
    lang = lang_from(query)
    values, _ = parse(v.PARAMS, query)
    try:
        with current_engine().connect() as conn:
            return builders.summary_sentence(builders.milestones(conn, values["asof"]), values["asof"], lang)
    except Exception:  # the charts below say what went wrong; the sentence just stays empty
        log.exception("summary failed")
        return tx(lang, "Sammanfattningen kunde inte visas just nu.", "The summary could not be shown right now.")


@callback(
    Output("milstolpar-export-xlsx", "href"),
    Output("milstolpar-export-list", "href"),
    Output("milstolpar-export-goals", "href"),
    Input(ids.URL, "search"),
)
def export_links(search):
    """Point the steering group's downloads at the chosen date (all milestones, not the filtered list)."""
    query = query_dict(search)
    values, _ = parse(v.PARAMS, query)
    qs = "?" + urlencode({"asof": values["asof"].isoformat(), **({"lang": "en"} if lang_from(query) == "en" else {})})
    return (
        f"/export/{VIEW}/styrgrupp.xlsx{qs}",
        f"/export/{VIEW}/lista.csv{qs}",
        f"/export/{VIEW}/maluppfyllelse.csv{qs}",
    )
