"""Lay out the Milstolpar view's account part: a sign-in link, or the manager's editing forms."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import dash_bootstrap_components as dbc
import flask
import flask_login
from dash import dcc, html
from sqlalchemy import select

from auth import MANAGER, SIGN_IN_PATH, SIGN_OUT_PATH, current_user_name
from auth.views import csrf_token
from data import schema as s
from i18n import tx
from indicators.followup import project_period, quarter_label, quarters_between

from . import component_ids as v
from .indicator_form import indicator_form

EDITABLE_STATUSES = [
    ("planerad", "planerad", "planned"),
    ("pagar", "pågår", "in progress"),
    ("klar", "klar", "done"),
    ("struken", "struken", "cancelled"),
]


def _here(lang: str) -> str:
    """Return the path of this page to come back to after signing in or out."""
    if flask.has_request_context() and flask.request.referrer:
        parts = urlsplit(flask.request.referrer)
        if parts.path.startswith("/milstolpar"):
            return parts.path + (f"?{parts.query}" if parts.query else "")
    return "/milstolpar" + ("?lang=en" if lang == "en" else "")


def sign_in_link(lang: str) -> html.Div:
    return html.Div(
        [
            html.H2(tx(lang, "För projektledaren", "For the project manager"), className="h5"),
            html.P(
                [
                    tx(
                        lang,
                        "Projektledaren loggar in för att uppdatera milstolpar och indikatorer. ",
                        "The project manager signs in to update milestones and indicators. ",
                    ),
                    html.A(
                        tx(lang, "Logga in", "Sign in"),
                        href=f"{SIGN_IN_PATH}?{'lang=en&' if lang == 'en' else ''}next={quote(_here(lang), safe='')}",
                        id="milstolpar-sign-in",
                    ),
                ],
                className="small",
            ),
        ],
        className="chart-card",
    )


def sign_out_form(lang: str, username: str, role_text: str, here: str | None = None) -> html.Form:
    """Return the sign-out button; here: the page to come back to (default: this view)."""
    return html.Form(
        [
            html.Span(tx(lang, f"Inloggad som {username} ({role_text}). ", f"Signed in as {username} ({role_text}). ")),
            dcc.Input(type="hidden", name="csrf_token", value=csrf_token()),
            dcc.Input(type="hidden", name="next", value=here or _here(lang)),
            dcc.Input(type="hidden", name="lang", value=lang),
            html.Button(
                tx(lang, "Logga ut", "Sign out"),
                type="submit",
                className="btn btn-sm btn-outline-secondary",
                id="milstolpar-sign-out",
            ),
        ],
        action=SIGN_OUT_PATH,
        method="post",
        className="d-flex flex-wrap align-items-center gap-2 mb-3",
    )


def _milestone_options(conn, lang: str) -> list[dict]:
    m = s.milestone
    rows = conn.execute(
        select(m.c.id, m.c.year, m.c.quarter, m.c.text_sv, m.c.text_en).order_by(m.c.year, m.c.quarter, m.c.id)
    )
    q = "Q" if lang == "en" else "K"
    return [
        {"label": f"{r.id}. {r.year} {q}{r.quarter} – {tx(lang, r.text_sv, r.text_en)}", "value": str(r.id)}
        for r in rows
    ]


def _indicator_options(conn, lang: str) -> list[dict]:
    ai = s.activity_indicator
    rows = conn.execute(select(ai.c.code, ai.c.name_sv, ai.c.name_en).order_by(ai.c.activity, ai.c.code))
    return [{"label": tx(lang, r.name_sv, r.name_en), "value": r.code} for r in rows]


def _field(label: str, control) -> html.Div:
    """Return a control with its own label (for= its id), so its name is the label alone."""
    return html.Div([html.Label(label, htmlFor=control.id, className="form-label mb-1"), control], className="mb-2")


def _actions(lang: str, save_text: str, save_id: str, reload_id: str, message_id: str) -> list:
    """Return a form's buttons (save, load again) and the status line that reports the outcome."""
    return [
        html.Div(
            [
                dbc.Button(save_text, id=save_id, color="primary", n_clicks=0),
                dbc.Button(
                    tx(lang, "Läs in igen", "Load again"), id=reload_id, color="secondary", outline=True, n_clicks=0
                ),
            ],
            className="d-flex gap-2",
        ),
        html.Div(id=message_id, className="mt-2", role="status"),
    ]


def milestone_form(lang: str, options: list[dict]) -> html.Section:
    return html.Section(
        [
            html.H3(tx(lang, "Uppdatera en milstolpe", "Update a milestone"), className="h5"),
            _field(
                tx(lang, "Milstolpe", "Milestone"),
                dbc.Select(id=v.EDIT_MILESTONE, options=options, value=options[0]["value"] if options else None),
            ),
            dbc.Row(
                [
                    dbc.Col(
                        _field(
                            tx(lang, "Status", "Status"),
                            dbc.Select(
                                id=v.EDIT_STATUS,
                                options=[{"label": tx(lang, sv, en), "value": c} for c, sv, en in EDITABLE_STATUSES],
                                placeholder=tx(lang, "– ingen status rapporterad –", "– no status reported –"),
                            ),
                        ),
                        xs=12,
                        md=6,
                    ),
                    dbc.Col(
                        _field(
                            tx(lang, "Klar den (bara för status klar)", "Done on (only for status done)"),
                            dbc.Input(id=v.EDIT_DATE, type="date"),
                        ),
                        xs=12,
                        md=6,
                    ),
                ]
            ),
            _field(tx(lang, "Kommentar", "Comment"), dbc.Textarea(id=v.EDIT_COMMENT, rows=2, maxLength=2000)),
            dcc.Store(id=v.EDIT_LOADED),
            *_actions(
                lang, tx(lang, "Spara milstolpen", "Save the milestone"), v.EDIT_SAVE, v.EDIT_RELOAD, v.EDIT_MESSAGE
            ),
        ],
        className="chart-card",
    )


def outcome_form(lang: str, options: list[dict], quarters: list[dict]) -> html.Section:
    return html.Section(
        [
            html.H3(tx(lang, "Rapportera utfall för en indikator", "Report an indicator's outcome"), className="h5"),
            _field(
                tx(lang, "Indikator", "Indicator"),
                dbc.Select(id=v.OUTCOME_INDICATOR, options=options, value=options[0]["value"] if options else None),
            ),
            dbc.Row(
                [
                    dbc.Col(
                        _field(
                            tx(lang, "Kvartal", "Quarter"),
                            dbc.Select(
                                id=v.OUTCOME_QUARTER,
                                options=quarters,
                                value=quarters[-1]["value"] if quarters else None,
                            ),
                        ),
                        xs=12,
                        md=6,
                    ),
                    dbc.Col(
                        _field(
                            tx(lang, "Utfall hittills (kumulativt)", "Outcome so far (cumulative)"),
                            dbc.Input(id=v.OUTCOME_VALUE, type="number", min=0, step="any"),
                        ),
                        xs=12,
                        md=6,
                    ),
                ]
            ),
            dcc.Store(id=v.OUTCOME_LOADED),
            *_actions(
                lang,
                tx(lang, "Spara utfallet", "Save the outcome"),
                v.OUTCOME_SAVE,
                v.OUTCOME_RELOAD,
                v.OUTCOME_MESSAGE,
            ),
            html.Div(id=v.OUTCOME_CURRENT, className="mt-2 small"),
        ],
        className="chart-card",
    )


def account_section(conn, lang: str):
    """Return the sign-in link for readers, or the editing forms for a signed-in manager."""
    name = current_user_name()
    if name is None:
        return sign_in_link(lang)
    role = flask_login.current_user.role
    if role != MANAGER:
        return sign_out_form(lang, name, tx(lang, "läsbehörighet", "read only"))
    milestones = _milestone_options(conn, lang)
    indicators = _indicator_options(conn, lang)
    quarters = [
        {"label": quarter_label(y, q, lang), "value": f"{y}-{q}"} for y, q in quarters_between(*project_period(conn))
    ]
    return html.Div(
        [
            html.H2(tx(lang, "Uppdatera planen", "Update the plan"), className="h4"),
            sign_out_form(lang, name, tx(lang, "projektledare", "project manager")),
            html.P(
                tx(
                    lang,
                    "Varje ändring sparas med ditt namn, tid, gammalt och nytt värde. Har någon annan ändrat samma sak "
                    "sedan du läste in den sparas inget: läs in igen och gör om ändringen.",
                    "Every change is saved with your name, the time, the old and the new value. If someone else changed "
                    "the same thing after you loaded it, nothing is saved: load it again and redo the change.",
                ),
                className="small",
            ),
            dbc.Row(
                [
                    dbc.Col(milestone_form(lang, milestones), xs=12, lg=6),
                    dbc.Col(outcome_form(lang, indicators, quarters), xs=12, lg=6),
                ]
            ),
            indicator_form(conn, lang),
        ],
        id="milstolpar-editing",
    )
