"""Lay out "Kvalitativa bedömningar": every qualitative assessment and value chain, and the manager's forms.

Readers see the records (they also stand beside the statistics on Styrkeområden); a signed-in
manager also gets the forms to enter, change and delete them (callbacks/bedomningar.py checks
every save on the server). Many records at once come in by CSV: `python -m data import FILE`.
"""

from __future__ import annotations

from urllib.parse import quote

import dash_bootstrap_components as dbc
import flask_login
from dash import dcc, html

from auth import MANAGER, SIGN_IN_PATH, current_user_name
from charts.views import nav_href
from i18n import tx
from indicators.qualitative import qualitative_assessments, value_chains

from ..milstolpar.editing import sign_out_form
from .forms import ASSESSMENT, VALUE_CHAIN, record_form
from .records import picker_options, records_section

VIEW = "bedomningar"
PATH = "/kvalitativa-bedomningar"
RECORDS = "bedomningar-records"
REVISION = "bedomningar-revision"


def sign_in_part(lang: str) -> html.Div:
    here = nav_href(PATH, lang)
    href = f"{SIGN_IN_PATH}?{'lang=en&' if lang == 'en' else ''}next={quote(here, safe='')}"
    return html.Div(
        html.P(
            [
                tx(
                    lang,
                    "Projektledaren loggar in för att föra in och ändra bedömningar och värdekedjor. ",
                    "The project manager signs in to enter and change assessments and value chains. ",
                ),
                html.A(tx(lang, "Logga in", "Sign in"), href=href, id="bedomningar-sign-in"),
            ],
            className="small mb-0",
        ),
        className="chart-card",
    )


def editing_part(conn, lang: str):
    """Return the sign-in link for readers, or the two forms for a signed-in manager."""
    name = current_user_name()
    if name is None:
        return sign_in_part(lang)
    if flask_login.current_user.role != MANAGER:
        return sign_out_form(lang, name, tx(lang, "läsbehörighet", "read only"), nav_href(PATH, lang))
    return html.Div(
        [
            html.H2(tx(lang, "För in och ändra", "Enter and change"), className="h4"),
            sign_out_form(lang, name, tx(lang, "projektledare", "project manager"), nav_href(PATH, lang)),
            html.P(
                tx(
                    lang,
                    "Varje ändring sparas med ditt namn, tid, gammalt och nytt värde. Har någon annan ändrat posten sedan "
                    "du läste in den sparas inget: läs in igen och gör om ändringen. Exempelposter kan inte ändras, bara "
                    "tas bort. Många poster på en gång: importera en CSV-fil med python -m data import FIL.",
                    "Every change is saved with your name, the time, the old and the new value. If someone else changed "
                    "the record after you loaded it, nothing is saved: load it again and redo the change. Example "
                    "records cannot be changed, only deleted. Many records at once: import a CSV file with "
                    "python -m data import FILE.",
                ),
                className="small",
            ),
            dbc.Row(
                [
                    dbc.Col(record_form(ASSESSMENT, conn, lang, assessment_options(conn, lang)), xs=12, xl=6),
                    dbc.Col(record_form(VALUE_CHAIN, conn, lang, chain_options(conn, lang)), xs=12, xl=6),
                ]
            ),
        ],
        id="bedomningar-editing",
    )


def assessment_options(conn, lang: str) -> list[dict]:
    return picker_options(qualitative_assessments(conn), lang, "assessment")


def chain_options(conn, lang: str) -> list[dict]:
    return picker_options(value_chains(conn), lang, "chain")


def layout(conn, lang: str) -> html.Div:
    return html.Div(
        [
            html.H1(tx(lang, "Kvalitativa bedömningar", "Qualitative assessments")),
            html.P(
                [
                    tx(
                        lang,
                        "Projektets bedömningar av styrkeområden och testområden efter dokumentstudier och intervjuer, "
                        "och de internationella värdekedjor områdena ingår i. De står också bredvid den statistiska "
                        "klassningen under ",
                        "The project's assessments of strength areas and test areas after document studies and "
                        "interviews, and the international value chains the areas are part of. They also stand beside "
                        "the statistical classification under ",
                    ),
                    dcc.Link(tx(lang, "Styrkeområden", "Strength areas"), href=nav_href("/styrkeomraden", lang)),
                    ".",
                ],
                className="lead",
            ),
            dcc.Store(id=REVISION, data=0),
            html.Div(editing_part(conn, lang), className="mb-3"),
            html.Div(records_section(conn, lang), id=RECORDS),
        ]
    )


def page(conn, lang: str, query: dict):
    """Return (the page, no refused values): it has no filters."""
    return layout(conn, lang), []
