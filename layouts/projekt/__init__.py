"""Lay out "Om projektet": the project plan in its own words, quoted from the store.

Delmål, activities, milestones, target groups, organisation, delimitations and the counties' own
processes, as the plan writes them (evident slips marked [sic] with their note; English marked as
the dashboard's translation, with the plan's Swedish beside it), linked to each other by anchors
(#delmal-N, #aktivitet-N, #milstolpe-N) and to the milestones' status on Milstolpar.

The page is inert text: it goes to the browser as static HTML (layouts/static_html.py), a handful
of components instead of several hundred.
"""

from __future__ import annotations

from babel.dates import format_date
from dash import html

from charts.views import nav_href
from i18n import LOCALES, tx
from indicators.followup import project_period
from indicators.plan import (
    plan_activities,
    plan_items,
    plan_milestones,
    plan_organisation,
    plan_sections,
    plan_subgoals,
)

from ..static_html import static
from .frame import frame_sections
from .plan import activity_section, milestone_section, subgoal_section

VIEW = "projekt"
CONTENTS = [  # (anchor, sv, en) in the page's order
    ("delmal", "Delmål", "Sub-goals"),
    ("aktiviteter", "Aktiviteter", "Activities"),
    ("milstolpar", "Milstolpar", "Milestones"),
    ("malgrupper", "Målgrupper och intressenter", "Target groups and stakeholders"),
    ("organisation", "Organisation", "Organisation"),
    ("avgransningar", "Avgränsningar", "Delimitations"),
    ("lanens-processer", "Länens egna processer", "The counties' own processes"),
]


def intro(conn, lang: str) -> list:
    start, end = project_period(conn)
    locale = LOCALES.get(lang, "sv_SE")
    period = f"{format_date(start, 'long', locale=locale)} – {format_date(end, 'long', locale=locale)}"
    return [
        html.H1(tx(lang, "Om projektet", "About the project")),
        html.P(
            tx(
                lang,
                f"Smart specialisering i Norra Mellansverige pågick {period}. Här är projektplanens mål, aktiviteter, "
                "milstolpar och organisation med planens egna ord.",
                f"Smart specialisation in North Middle Sweden ran {period}. Here are the project plan's goals, "
                "activities, milestones and organisation in the plan's own words.",
            ),
            className="lead",
        ),
        html.P(
            [
                tx(lang, "Hur det går: ", "How it is going: "),
                html.A(
                    tx(lang, "Milstolpar och måluppfyllelse", "Milestones and goal attainment"),
                    href=nav_href("/milstolpar", lang),
                ),
                " · ",
                html.A(tx(lang, "Styrkeområden", "Strength areas"), href=nav_href("/styrkeomraden", lang)),
            ]
        ),
    ]


def about_texts(lang: str) -> html.Aside:
    """Say where the texts come from and how they are marked."""
    english = tx(
        lang,
        "",
        " The English texts are the dashboard's translation; the plan's Swedish wording stands beside each.",
    )
    return html.Aside(
        [
            html.H2(tx(lang, "Om texterna", "About the texts"), className="h6"),
            html.P(
                tx(
                    lang,
                    "Texterna är citerade ordagrant ur projektpresentationen ”Smart specialisering i Norra "
                    "Mellansverige”. Uppenbara skrivfel står kvar och märks [sic] med en kommentar. Där en bilds rubrik "
                    "saknas i texten sägs det. Vilket delmål en aktivitet tjänar och vilken aktivitet en milstolpe hör "
                    "till säger planen inte i ord; de kopplingarna är dashboardens tolkning och märks så.",
                    "The texts are quoted word for word from the project presentation “Smart specialisering i Norra "
                    "Mellansverige”. Evident slips stay as written and are marked [sic] with a comment. Where a slide's "
                    "heading is missing from the text, that is said. The plan does not say in words which sub-goal an "
                    "activity serves or which activity a milestone belongs to; those links are the dashboard's reading "
                    "and are marked so.",
                )
                + english,
                className="small mb-0",
            ),
        ],
        className="plan-about",
    )


def contents(lang: str) -> html.Nav:
    return html.Nav(
        [
            html.H2(tx(lang, "Innehåll", "Contents"), className="h6"),
            html.Ul([html.Li(html.A(tx(lang, sv, en), href=f"#{anchor}")) for anchor, sv, en in CONTENTS]),
        ],
        className="page-contents",
        **{"aria-label": tx(lang, "Innehåll", "Contents")},
    )


def layout(conn, lang: str) -> html.Div:
    """Return the whole page for a language, read from the store."""
    activities, subgoals, milestones = plan_activities(conn), plan_subgoals(conn), plan_milestones(conn)
    body = [
        about_texts(lang),
        contents(lang),
        subgoal_section(subgoals, activities, lang),
        activity_section(activities, milestones, lang),
        milestone_section(milestones, activities, lang),
        *frame_sections(plan_sections(conn), plan_items(conn), plan_organisation(conn), lang),
    ]
    return html.Div([*intro(conn, lang), static(body, "plan-page")], className="plan-page-wrap")


def page(conn, lang: str, query: dict):
    """Return (the page, no refused values): it has no filters."""
    return layout(conn, lang), []
