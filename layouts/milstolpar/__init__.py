"""Lay out the Milstolpar view: the plan quarter by quarter, goal attainment, and the manager's editing."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask import has_request_context

import charts
from auth import current_manager
from charts.milstolpar import STATUS_OPTIONS, VIEW, activity_options
from charts.milstolpar.charts import milestones, summary_sentence
from charts.views import nav_href
from i18n import tx
from indicators.followup import history

from .. import ids
from ..card import card
from ..downloads import view_downloads
from ..page import card_values_for, parse_view
from .component_ids import *  # noqa: F403  (the view's ids: its callbacks read them from here)
from .component_ids import ACCOUNT, DOWNLOADS, EXPORT_LINKS, LIST, REVISION, SUMMARY
from .editing import account_section
from .milestone_list import render_list_safely

FILTERS = ("asof", "status", "activity")
GRAPH_CARDS = ("timeline", "attainment", "attainment-activity", "attainment-subgoal", "per-quarter", "per-activity")
# the list is a table of its own


def filters(conn, lang: str, asof: date, status: list, activity: list) -> html.Div:
    """Return the as-of date, status and activity filters; the URL keeps their values."""
    asof_input = html.Label(
        [
            tx(lang, "Läget den", "Status at"),
            dbc.Input(id=ids.filter_id(VIEW, "asof"), type="date", value=asof.isoformat(), debounce=True),
        ],
        className="w-100",
    )
    hint = tx(
        lang,
        "Projektet pågick 1 april 2016 – 31 juli 2018. Välj ett datum för att se läget då.",
        "The project ran 1 April 2016 – 31 July 2018. Choose a date to see the status then.",
    )
    statuses = html.Fieldset(
        [
            html.Legend(tx(lang, "Status", "Status"), className="fs-6 fw-semibold mb-1"),
            dbc.Checklist(
                id=ids.filter_id(VIEW, "status"),
                options=[{"label": tx(lang, sv, en), "value": c} for c, sv, en in STATUS_OPTIONS],
                value=status,
                inline=True,
            ),
        ]
    )
    # Checkboxes rather than a multi-select dropdown: every option is visible and reachable by keyboard.
    activities = html.Fieldset(
        [
            html.Legend(
                tx(lang, "Aktivitet (inget val = alla)", "Activity (none chosen = all)"),
                className="fs-6 fw-semibold mb-1",
            ),
            dbc.Checklist(
                id=ids.filter_id(VIEW, "activity"),
                options=activity_options(conn, lang),
                value=activity,
                className="milstolpar-activity-options small",
            ),
        ]
    )
    return html.Div(
        dbc.Row(
            [
                dbc.Col([asof_input, html.Div(hint, className="form-text")], xs=12, md=6, lg=3),
                dbc.Col(statuses, xs=12, md=6, lg=3),
                dbc.Col(activities, xs=12, lg=6),
            ],
            className="g-3",
        ),
        className="filters",
        role="search",
        **{"aria-label": tx(lang, "Filter", "Filters")},
    )


def export_links(lang: str, asof: date) -> list:
    """Return the steering group's downloads at the chosen date (all milestones, not the filtered list)."""
    link = "btn btn-sm btn-outline-secondary"
    qs = "?" + urlencode({"asof": asof.isoformat(), **({"lang": "en"} if lang == "en" else {})})
    return [
        html.A(
            tx(lang, "Excel (XLSX)", "Excel (XLSX)"),
            href=f"/export/{VIEW}/styrgrupp.xlsx{qs}",
            className=link,
            id="milstolpar-export-xlsx",
        ),
        html.A(
            tx(lang, "Milstolpar (CSV)", "Milestones (CSV)"),
            href=f"/export/{VIEW}/list.csv{qs}",
            className=link,
            id="milstolpar-export-list",
        ),
        html.A(
            tx(lang, "Måluppfyllelse (CSV)", "Goal attainment (CSV)"),
            href=f"/export/{VIEW}/attainment.csv{qs}",
            className=link,
            id="milstolpar-export-goals",
        ),
    ]


def exports(lang: str, asof: date) -> html.Div:
    """Return the steering group's downloads: the milestone list and goal attainment as XLSX and CSV."""
    return html.Div(
        [
            html.H2(tx(lang, "Underlag för styrgruppen", "For the steering group"), className="h4 mt-4"),
            html.P(
                tx(
                    lang,
                    "Milstolparna och måluppfyllelsen vid det valda datumet, som Excel-fil eller CSV.",
                    "The milestones and goal attainment at the chosen date, as an Excel file or CSV.",
                )
            ),
            html.Div(export_links(lang, asof), id=EXPORT_LINKS, className="d-flex flex-wrap gap-2"),
        ]
    )


def summary_text(conn, lang: str, asof: date) -> str:
    return summary_sentence(milestones(conn, asof), asof, lang)


def parts(conn, lang: str, values: dict, open_tables=()) -> dict:
    """Return everything the view shows for parsed values: cards, the list, the summary, the canonical query."""
    asof = values["asof"]
    show_user = has_request_context() and current_manager() is not None
    listing = render_list_safely(
        lambda: (charts.spec_for(conn, VIEW, "list", lang, values), history(conn, "milestone")),
        lang,
        charts.canonical(VIEW, values, lang),
        show_user=show_user,
    )
    return {
        "cards": card_values_for(conn, VIEW, GRAPH_CARDS, lang, values, open_tables),
        "list": listing,
        "summary": summary_text(conn, lang, asof),
        "qs": charts.canonical(VIEW, values, lang),
    }


def layout(conn, lang: str, values: dict, p: dict) -> html.Div:
    """Return the view filled for the values; the editing forms only for a signed-in manager."""
    asof, cards = values["asof"], p["cards"]
    return html.Div(
        [
            html.H1(tx(lang, "Milstolpar", "Milestones")),
            html.P(
                tx(
                    lang,
                    "Projektplanen kvartal för kvartal: vad som skulle vara klart när, vad som blev klart, "
                    "och hur aktivitetsindikatorerna når sina mål.",
                    "The project plan quarter by quarter: what was to be done when, what was done, "
                    "and how the activity indicators meet their targets.",
                )
            ),
            html.P(
                [
                    tx(
                        lang,
                        "Planens delmål, aktiviteter och milstolpar med planens egna ord: ",
                        "The plan's sub-goals, activities and milestones in its own words: ",
                    ),
                    dcc.Link(tx(lang, "Om projektet", "About the project"), href=nav_href("/om-projektet", lang)),
                ],
                id="milstolpar-about-project",
            ),
            filters(conn, lang, asof, values["status"], values["activity"]),
            html.P(p["summary"], id=SUMMARY, className="lead milstolpar-summary", **{"aria-live": "polite"}),
            dcc.Store(id=REVISION, data=0),
            html.H2(tx(lang, "Milstolparna", "The milestones"), className="h4 mt-3"),
            card(VIEW, "timeline", lang, cards.get("timeline")),
            html.Div(p["list"], id=LIST, className="chart-card"),
            html.H2(tx(lang, "Måluppfyllelse", "Goal attainment"), className="h4 mt-4"),
            card(VIEW, "attainment", lang, cards.get("attainment")),
            card(VIEW, "attainment-activity", lang, cards.get("attainment-activity")),
            card(VIEW, "attainment-subgoal", lang, cards.get("attainment-subgoal")),
            html.H2(tx(lang, "Andel klara milstolpar", "Share of milestones done"), className="h4 mt-4"),
            dbc.Row(
                [
                    dbc.Col(card(VIEW, "per-quarter", lang, cards.get("per-quarter")), xs=12, lg=6),
                    dbc.Col(card(VIEW, "per-activity", lang, cards.get("per-activity")), xs=12, lg=6),
                ]
            ),
            exports(lang, asof),
            html.Div(view_downloads(VIEW, lang, p["qs"]), id=DOWNLOADS),
            html.Div(account_section(conn, lang), id=ACCOUNT, className="mt-4"),
        ]
    )


def page(conn, lang: str, query: dict):
    """Return (the view for an address query, refused values)."""
    values, notices = parse_view(VIEW, query, conn)
    return layout(conn, lang, values, parts(conn, lang, values)), notices
