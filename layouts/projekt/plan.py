"""Lay out the plan's goals and work: delmål, activities and milestones, quoted, and linked to each other.

Anchors: #delmal-N, #aktivitet-N, #milstolpe-N. Which delmål an activity serves and which activity a
milestone belongs to is the dashboard's reading of the plan, and is labelled so where it is shown.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from charts.views import nav_href
from i18n import tx
from indicators.followup import quarter_label

from .quote import long_quote, note_list, quoted


def delmal_anchor(number) -> str:
    return f"delmal-{int(number)}"


def activity_anchor(number) -> str:
    return f"aktivitet-{int(number)}"


def milestone_anchor(ident) -> str:
    return f"milstolpe-{int(ident)}"


def reading_mark(is_reading: bool, lang: str):
    """Return '(dashboardens tolkning)' after a link the plan does not state in words."""
    if not is_reading:
        return None
    return html.Span(tx(lang, " (dashboardens tolkning)", " (the dashboard's reading)"), className="plan-reading")


def activity_link(row, lang: str) -> html.A:
    """Return a link to an activity on this page, named as the plan names it."""
    ref = f"activity:{int(row['number'])}"
    name = quoted(row, "name_sv", ref, lang, with_original=False)
    return html.A([f"{int(row['number'])}. ", *name], href="#" + activity_anchor(row["number"]))


def delmal_link(number, lang: str) -> html.A:
    return html.A(tx(lang, f"Delmål {int(number)}", f"Sub-goal {int(number)}"), href="#" + delmal_anchor(number))


def when(row, lang: str) -> str:
    """Return a milestone's time as the plan gives it: its day ('1 apr 2016'), else its quarter."""
    label = row["date_label_en" if lang == "en" else "date_label_sv"]
    return label if label else quarter_label(int(row["year"]), int(row["quarter"]), lang)


def subgoal_section(subgoals: pd.DataFrame, activities: pd.DataFrame, lang: str) -> html.Section:
    """Return the five delmål in the plan's words, each with the activities that serve it."""
    by_number = {int(r["number"]): r for r in activities.to_dict("records")}
    items = []
    for row in subgoals.to_dict("records"):
        ref = f"subgoal:{int(row['number'])}"
        served = [activity_link(by_number[a], lang) for a in row["activities"] if a in by_number]
        links = [part for i, link in enumerate(served) for part in ([", "] if i else []) + [link]]
        items.append(
            html.Li(
                [
                    *long_quote(row, "text_sv", ref, lang, translated=bool(row["en_is_translation"])),
                    note_list(row["notes"], lang),
                    html.P(
                        [
                            tx(lang, "Aktiviteter: ", "Activities: "),
                            *(links or ["–"]),
                            reading_mark(row["links_are_reading"], lang),
                        ],
                        className="small mb-0",
                    ),
                ],
                id=delmal_anchor(row["number"]),
                className="plan-item",
                value=str(int(row["number"])),
            )
        )
    return html.Section(
        [html.H2(tx(lang, "Delmål", "Sub-goals"), id="delmal"), html.Ol(items, className="plan-list")],
        className="plan-section",
    )


def milestone_links(ids, milestones: dict, lang: str) -> html.Ul | str:
    """Return links to milestones on this page, each with its time and the plan's text."""
    rows = [milestones[i] for i in ids if i in milestones]
    if not rows:
        return "–"
    return html.Ul(
        [
            html.Li(
                html.A(
                    [
                        f"{when(r, lang)}: ",
                        *quoted(r, "text_sv", f"milestone:{int(r['id'])}", lang, with_original=False),
                    ],
                    href="#" + milestone_anchor(r["id"]),
                )
            )
            for r in rows
        ],
        className="small mb-0",
    )


def activity_section(activities: pd.DataFrame, milestones: pd.DataFrame, lang: str) -> html.Section:
    """Return the six activities: name, description and notes as in the plan, their delmål and milestones."""
    by_id = {int(r["id"]): r for r in milestones.to_dict("records")}
    blocks = []
    for row in activities.to_dict("records"):
        number, ref = int(row["number"]), f"activity:{int(row['number'])}"
        translated = bool(row["en_is_translation"])
        goals = [part for i, g in enumerate(row["subgoals"]) for part in ([", "] if i else []) + [delmal_link(g, lang)]]
        blocks.append(
            html.Article(
                [
                    html.H3(
                        [
                            tx(lang, f"Aktivitet {number}: ", f"Activity {number}: "),
                            *quoted(row, "name_sv", ref, lang, translated=translated),
                        ]
                    ),
                    *long_quote(row, "description_sv", ref, lang, translated=translated),
                    note_list(row["notes"], lang),
                    html.Dl(
                        [
                            html.Dt(tx(lang, "Delmål", "Sub-goal")),
                            html.Dd([*(goals or ["–"]), reading_mark(row["links_are_reading"], lang)]),
                            html.Dt(tx(lang, "Milstolpar", "Milestones")),
                            html.Dd(
                                [
                                    milestone_links(row["milestones"], by_id, lang),
                                    reading_mark(row["links_are_reading"], lang),
                                ]
                            ),
                        ],
                        className="plan-terms small",
                    ),
                ],
                id=activity_anchor(number),
                className="plan-activity",
            )
        )
    return html.Section(
        [html.H2(tx(lang, "Aktiviteter", "Activities"), id="aktiviteter"), *blocks], className="plan-section"
    )


def milestone_section(milestones: pd.DataFrame, activities: pd.DataFrame, lang: str) -> html.Section:
    """Return the plan's milestone table: time, text, activity and delmål (the dashboard's reading), status link."""
    names = {int(r["number"]): r for r in activities.to_dict("records")}
    head = [
        tx(lang, "Tid", "When"),
        tx(lang, "Milstolpe", "Milestone"),
        tx(lang, "Aktivitet (dashboardens tolkning)", "Activity (the dashboard's reading)"),
        tx(lang, "Delmål", "Sub-goal"),
        tx(lang, "Läget", "Status"),
    ]
    rows = []
    for r in milestones.to_dict("records"):
        ident = int(r["id"])
        activity = r["activity"]
        has_activity = activity is not None and not pd.isna(activity)
        status_href = nav_href("/milstolpar", lang) + "#" + milestone_anchor(ident)
        cells = [
            when(r, lang),
            quoted(r, "text_sv", f"milestone:{ident}", lang, translated=bool(r["en_is_translation"])),
            activity_link(names[int(activity)], lang)
            if has_activity
            else tx(lang, "Hela projektet", "The whole project"),
            delmal_link(r["subgoal"], lang) if has_activity and not pd.isna(r["subgoal"]) else "–",
            html.A(tx(lang, "Se läget", "See status"), href=status_href),
        ]
        # data-label: the column's heading, written before the cell where a phone shows the row as a block
        rows.append(html.Tr([html.Td(c, **{"data-label": h}) for c, h in zip(cells, head)], id=milestone_anchor(ident)))
    table = html.Table(
        [
            html.Caption(
                tx(lang, "Planerade milstolpar, i planens ordning", "Planned milestones, in the plan's order")
            ),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
            html.Tbody(rows),
        ],
        className="table table-sm plan-milestones",
    )
    return html.Section(
        [
            html.H2(tx(lang, "Milstolpar", "Milestones"), id="milstolpar"),
            html.P(
                tx(
                    lang,
                    "Projektplanens milstolpar kvartal för kvartal. Vilken aktivitet en milstolpe hör till säger planen "
                    "inte i ord; det är dashboardens tolkning. Läget i dag och historiken finns under Milstolpar.",
                    "The plan's milestones quarter by quarter. The plan does not say in words which activity a "
                    "milestone belongs to; that is the dashboard's reading. Today's status and the history are under "
                    "Milestones.",
                ),
                className="small text-muted",
            ),
            html.Div(table, className="table-responsive"),
        ],
        className="plan-section",
    )
