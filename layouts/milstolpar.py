"""Lay out the Milstolpar view: the plan quarter by quarter, goal attainment, and the manager's editing."""

from __future__ import annotations

from datetime import date

import dash_bootstrap_components as dbc
from dash import dcc, html

from data.content import ACTIVITIES
from i18n import tx

from . import ids
from .chart import chart_slot
from .params import Param

VIEW = "milstolpar"
SUMMARY = "milstolpar-summary"
LIST = "milstolpar-list"
REVISION = "milstolpar-revision"
ACCOUNT = "milstolpar-account"
# The manager's forms (only rendered for a signed-in manager; the server checks every save anyway).
EDIT_MILESTONE = "milstolpar-edit-milestone"
EDIT_STATUS = "milstolpar-edit-status"
EDIT_DATE = "milstolpar-edit-date"
EDIT_COMMENT = "milstolpar-edit-comment"
EDIT_LOADED = "milstolpar-edit-loaded"
EDIT_RELOAD = "milstolpar-edit-reload"
EDIT_SAVE = "milstolpar-edit-save"
EDIT_MESSAGE = "milstolpar-edit-message"
OUTCOME_INDICATOR = "milstolpar-outcome-indicator"
OUTCOME_QUARTER = "milstolpar-outcome-quarter"
OUTCOME_VALUE = "milstolpar-outcome-value"
OUTCOME_LOADED = "milstolpar-outcome-loaded"
OUTCOME_RELOAD = "milstolpar-outcome-reload"
OUTCOME_SAVE = "milstolpar-outcome-save"
OUTCOME_MESSAGE = "milstolpar-outcome-message"
OUTCOME_CURRENT = "milstolpar-outcome-current"

STATUS_OPTIONS = [  # (code, sv, en) in the order a reader thinks of them
    ("planerad", "planerad", "planned"),
    ("pagar", "pågår", "in progress"),
    ("klar", "klar", "done"),
    ("forsenad", "försenad", "delayed"),
    ("struken", "struken", "cancelled"),
]
PROJECT_WIDE = "projekt"


def activity_options(lang: str) -> list[dict]:
    """Return the activity filter's options: the plan's six activities and the project as a whole."""
    opts = [{"label": f"{n}. {tx(lang, sv, en)}", "value": str(n)} for n, sv, en, *_ in ACTIVITIES]
    return opts + [{"label": tx(lang, "Hela projektet", "The whole project"), "value": PROJECT_WIDE}]


PARAMS = [
    Param("asof", kind=date, default=date.today, label_sv="Läget den", label_en="Status at"),
    Param(
        "status",
        kind=list,
        default=[],
        choices=lambda: [code for code, *_ in STATUS_OPTIONS],
        label_sv="Status",
        label_en="Status",
    ),
    Param(
        "activity",
        kind=list,
        default=[],
        choices=lambda: [o["value"] for o in activity_options("sv")],
        label_sv="Aktivitet",
        label_en="Activity",
    ),
]


def filters(lang: str, asof: date, status: list, activity: list) -> html.Div:
    """Return the as-of date, status and activity filters; the URL keeps their values."""
    asof_input = html.Label(
        [
            tx(lang, "Läget den", "Status at"),
            dcc.Input(
                id=ids.filter_id(VIEW, "asof"),
                type="date",
                value=asof.isoformat(),
                debounce=1,
                className="form-control",
            ),
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
                options=activity_options(lang),
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


def exports(lang: str) -> html.Div:
    """Return the steering group's downloads: the milestone list and goal attainment as XLSX and CSV."""
    link = "btn btn-sm btn-outline-secondary"
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
            html.Div(
                [
                    html.A(tx(lang, "Excel (XLSX)", "Excel (XLSX)"), id="milstolpar-export-xlsx", className=link),
                    html.A(
                        tx(lang, "Milstolpar (CSV)", "Milestones (CSV)"), id="milstolpar-export-list", className=link
                    ),
                    html.A(
                        tx(lang, "Måluppfyllelse (CSV)", "Goal attainment (CSV)"),
                        id="milstolpar-export-goals",
                        className=link,
                    ),
                ],
                className="d-flex flex-wrap gap-2",
            ),
        ]
    )


def layout(lang: str = "sv", asof: date | None = None, status: list | None = None, activity: list | None = None):
    """Return the view; the charts are filled by callbacks, the editing forms only for a signed-in manager."""
    from .milstolpar_edit import account_section

    asof = asof or date.today()
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
            filters(lang, asof, status or [], activity or []),
            html.P(id=SUMMARY, className="lead milstolpar-summary", **{"aria-live": "polite"}),
            dcc.Store(id=REVISION, data=0),
            html.H2(tx(lang, "Milstolparna", "The milestones"), className="h4 mt-3"),
            chart_slot(VIEW, "tidslinje", lang),
            dcc.Loading(html.Div(id=LIST, className="chart-card"), type="default", delay_show=150),
            html.H2(tx(lang, "Måluppfyllelse", "Goal attainment"), className="h4 mt-4"),
            chart_slot(VIEW, "maluppfyllelse", lang),
            html.H2(tx(lang, "Andel klara milstolpar", "Share of milestones done"), className="h4 mt-4"),
            dbc.Row(
                [
                    dbc.Col(chart_slot(VIEW, "per-kvartal", lang), xs=12, lg=6),
                    dbc.Col(chart_slot(VIEW, "per-aktivitet", lang), xs=12, lg=6),
                ]
            ),
            exports(lang),
            html.Div(account_section(lang), id=ACCOUNT, className="mt-4"),
        ]
    )
