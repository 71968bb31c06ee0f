"""Render the milestone list as a card: each milestone with its status in words and colour, and its history."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from charts.views import nav_href
from figures.spec import ChartSpec
from figures.style import STATUS_COLORS
from i18n import tx
from indicators.followup import STATUS_WORDS, status_word

from ..card import example_badge, source_parts
from ..downloads import downloads

log = logging.getLogger(__name__)
LOCAL_TIME = ZoneInfo("Europe/Stockholm")
FIELD_WORDS = {
    "status": ("Status", "Status"),
    "completed_on": ("Klar den", "Done on"),
    "comment": ("Kommentar", "Comment"),
    "status_is_example": ("Exempeldata", "Example data"),
    "value": ("Utfall", "Outcome"),
    "is_example": ("Exempeldata", "Example data"),
}


def _status_badge(word: str, code: str) -> html.Span:
    color = STATUS_COLORS.get(code, "#8c959f")
    return html.Span(
        word,
        className=f"badge milestone-status status-{code}",
        style={
            "backgroundColor": color,
            "color": "white" if code in ("pagar", "struken", "okand") else "black",
            "fontSize": ".85rem",
        },
    )


def _value_text(field: str, value, lang: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if field == "status":
        return status_word(value, lang)
    if field in ("status_is_example", "is_example"):
        return tx(lang, "ja", "yes") if value == "true" else tx(lang, "nej", "no")
    return str(value)


def local_time(at: datetime) -> str:
    """Return a stored UTC time as Swedish local time, to the minute."""
    return at.replace(tzinfo=UTC).astimezone(LOCAL_TIME).strftime("%Y-%m-%d %H:%M")


def history_list(rows: pd.DataFrame, lang: str, show_user: bool):
    """Return one milestone's changes, newest first, or a dash when it has none."""
    if rows.empty:
        return html.Span("–", className="d-none d-md-inline")  # no line of its own on a phone
    items = []
    for r in rows.itertuples(index=False):
        field = tx(lang, *FIELD_WORDS.get(r.field, (r.field, r.field)))
        who = f" ({r.username})" if show_user else ""
        change = f"{field}: {_value_text(r.field, r.old_value, lang)} → {_value_text(r.field, r.new_value, lang)}"
        items.append(html.Li([html.Time(local_time(r.at)), who, " ", change]))
    count = rows["at"].nunique()
    label = tx(
        lang,
        f"Historik ({count} ändring{'ar' if count > 1 else ''})",
        f"History ({count} change{'s' if count > 1 else ''})",
    )
    return html.Details(
        [html.Summary(label), html.Ul(items, className="small mb-0 ps-3")], className="milestone-history"
    )


def done_text(done: str, lang: str):
    """Return the completion date, labelled so that it reads on its own in the phone layout."""
    if not done:
        return "–"
    return [html.Span(tx(lang, "klar den ", "done on "), className="d-md-none"), done]


def plan_links(activity: str, subgoal, lang: str) -> list:
    """Return the activity (as the list names it, '1. Processtöd – klustra kluster') and its delmål as links to
    the plan on Om projektet; the whole project's milestones have no activity to link to."""
    number = re.match(r"(\d+)\. ", activity or "")
    if number is None:
        return [activity]
    about = nav_href("/om-projektet", lang)
    links = [dcc.Link(activity, href=f"{about}#aktivitet-{number.group(1)}")]
    if subgoal is not None and not pd.isna(subgoal):
        words = tx(lang, f"delmål {int(subgoal)}", f"sub-goal {int(subgoal)}")
        links += [html.Br(), dcc.Link(words, href=f"{about}#delmal-{int(subgoal)}", className="text-muted")]
    return links


LIST_COLUMNS = (  # the columns of the list chart's table the page shows, by their Swedish and English labels
    ("Nr", "No."),
    ("Kvartal", "Quarter"),
    ("Milstolpe", "Milestone"),
    ("Aktivitet", "Activity"),
    ("Delmål", "Sub-goal"),
    ("Status", "Status"),
    ("Klar den", "Done on"),
    ("Kommentar", "Comment"),
    ("Status är exempeldata", "Status is example data"),
)


def milestone_rows(spec: ChartSpec, history: pd.DataFrame, lang: str, show_user: bool) -> list:
    """Return the list's table rows from the spec's table."""
    codes = {tx(lang, sv, en): code for code, (sv, en) in STATUS_WORDS.items()}
    by_record = {rec: part for rec, part in history.groupby("record")} if not history.empty else {}
    shown = spec.table[[tx(lang, sv, en) for sv, en in LIST_COLUMNS]]
    rows = []
    for number, quarter, text, activity, subgoal, status, done, comment, example in shown.itertuples(index=False):
        # 'klar, två kvartal sent' is drawn in the colour of 'klar'
        status_cell = [_status_badge(status, codes.get(status.split(",")[0], "planerad"))]
        if example:
            status_cell += [" ", html.Span(tx(lang, "Exempeldata", "Example data"), className="badge-example")]
        rows.append(
            html.Tr(
                [
                    html.Td(str(number), className="ms-nr"),
                    html.Td(quarter, className="ms-quarter text-nowrap"),
                    html.Td(
                        [text, html.Div(comment, className="small text-muted fw-normal") if comment else None],
                        className="ms-text",
                    ),
                    html.Td(plan_links(activity, subgoal, lang), className="ms-activity small"),
                    html.Td(status_cell, className="ms-status"),
                    html.Td(done_text(done, lang), className="ms-done text-nowrap"),
                    html.Td(
                        history_list(
                            by_record.get(str(number), pd.DataFrame(columns=history.columns)), lang, show_user
                        ),
                        className="ms-history",
                    ),
                ],
                id=f"milstolpe-{number}",
            )
        )
    return rows


def milestone_list(spec: ChartSpec, history: pd.DataFrame, lang: str, qs: str, *, show_user: bool) -> list:
    """Return the children of the list card: heading, table with status and history, source, downloads."""
    heads = [
        tx(lang, "Nr", "No."),
        tx(lang, "Kvartal", "Quarter"),
        tx(lang, "Milstolpe", "Milestone"),
        tx(lang, "Aktivitet", "Activity"),
        tx(lang, "Status", "Status"),
        tx(lang, "Klar den", "Done on"),
        tx(lang, "Historik", "History"),
    ]
    table = html.Table(
        [
            html.Caption(spec.summary),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in heads])),
            html.Tbody(milestone_rows(spec, history, lang, show_user)),
        ],
        className="table table-sm milestone-list mb-2",
    )
    return [
        html.Div(
            [html.H3(spec.title, className="h5 mb-1 chart-title"), example_badge(spec.data_status, lang)],
            className="d-flex flex-wrap align-items-baseline gap-2",
        ),
        *[html.P(n, className="chart-note small") for n in spec.notes],
        html.Div(table, className="table-responsive"),
        html.Div(
            [
                html.P(
                    [*source_parts(spec.source, lang), " ", example_badge(spec.data_status, lang)],
                    className="chart-source small mb-1",
                ),
                downloads(spec.view, spec.key, spec.title, lang, qs),
            ],
            className="chart-footer",
        ),
    ]


def render_list_safely(build, lang: str, qs: str, *, show_user: bool = False) -> list:
    """Build the list (build returns (spec, history)) and render it; on failure say so in this card only."""
    try:
        spec, history = build()
        return milestone_list(spec, history, lang, qs, show_user=show_user)
    except Exception:  # an error in the list must not blank the page
        log.exception("milestone list failed")
        return [
            dbc.Alert(
                tx(
                    lang,
                    "Listan kunde inte visas just nu. Försök igen.",
                    "The list could not be shown right now. Try again.",
                ),
                color="warning",
                className="mb-0",
            )
        ]
