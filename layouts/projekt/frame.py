"""Lay out the project's frame in the plan's words: target groups, organisation, delimitations, the counties' processes."""

from __future__ import annotations

import pandas as pd
from dash import html

from i18n import fmt_number, tx

from .quote import note_list, quoted

ITEM_SECTIONS = ("malgrupper", "avgransningar")
COUNTY_SECTIONS = ("lansprocess_20", "lansprocess_17")


def heading(section: dict, lang: str, level=html.H3) -> list:
    """Return a section's heading as the plan (or, where its heading is missing, the dashboard) names it."""
    ref = f"plan_section:{section['code']}"
    return [
        level(quoted(section, "title_sv", ref, lang), id=section["code"]),
        note_list(section["notes"], lang),
    ]


def item_entry(item: dict, lang: str) -> html.Li:
    """Return one entry of a section ('Monitoring: Ta fram modell'), each part as the plan writes it."""
    ref = f"plan_item:{int(item['id'])}"
    label = item["label_sv"]
    parts = [html.Span([*quoted(item, "label_sv", ref, lang), ": "], className="fw-semibold")] if label else []
    parts += quoted(item, "text_sv", ref, lang)
    return html.Li([*parts, note_list(item["notes"], lang)])


def item_section(section: dict, items: pd.DataFrame, lang: str, level=html.H3) -> html.Section:
    mine = items[items["section"] == section["code"]].to_dict("records")
    return html.Section(
        [*heading(section, lang, level), html.Ul([item_entry(i, lang) for i in mine], className="plan-entries")],
        className="plan-subsection",
    )


def staff_table(rows: list[dict], lang: str) -> list:
    """Return the project staff by role, person and share of full time, with the total the dashboard adds up."""
    body = []
    for r in rows:
        ref = f"project_role:{int(r['id'])}"
        person = r["person"] or "–"
        body.append(
            html.Tr(
                [
                    html.Td(
                        html.Span(
                            r["role_en" if lang == "en" else "role_sv"],
                            className="plan-text",
                            **{"data-plan": f"{ref}:role_{'en' if lang == 'en' else 'sv'}"},
                        )
                    ),
                    html.Td(person),
                    html.Td(
                        fmt_number(r["share_percent"], lang) + ("%" if lang == "en" else "\u00a0%"),
                        className="text-end",
                    ),
                ]
            )
        )
    total = sum(r["share_percent"] for r in rows if not pd.isna(r["share_percent"]))
    notes = [n for r in rows for n in r["notes"]]
    return [
        html.Div(
            html.Table(
                [
                    html.Caption(
                        tx(
                            lang,
                            "Roll, person och andel av heltid, lästa ur planens rader",
                            "Role, person and share of full time, read from the plan's lines",
                        )
                    ),
                    html.Thead(
                        html.Tr(
                            [
                                html.Th(tx(lang, "Roll", "Role"), scope="col"),
                                html.Th("Person", scope="col"),
                                html.Th(tx(lang, "Andel", "Share"), scope="col", className="text-end"),
                            ]
                        )
                    ),
                    html.Tbody(body),
                ],
                className="table table-sm plan-staff",
            ),
            className="table-responsive",
        ),
        html.P(
            tx(
                lang,
                f"Sammanlagt {fmt_number(total, lang)} % av en heltid ({fmt_number(total / 100, lang, 2)} tjänster; dashboardens summering).",
                f"In all {fmt_number(total, lang)}% of full time ({fmt_number(total / 100, lang, 2)} full-time posts; the dashboard's sum).",
            ),
            className="small",
        ),
        note_list(tuple(notes), lang),
    ]


def role_list(rows: list[dict], lang: str, *, hours: bool = False) -> list:
    """Return a list of the plan's lines (universities' own time, steering group, reference groups)."""
    entries = [
        html.Li([*quoted(r, "text_sv", f"project_role:{int(r['id'])}", lang), note_list(r["notes"], lang)])
        for r in rows
    ]
    out = [html.Ul(entries, className="plan-entries")]
    if hours:
        total = sum(int(r["hours"]) for r in rows if not pd.isna(r["hours"]))
        out.append(
            html.P(
                tx(
                    lang,
                    f"Sammanlagt {fmt_number(total, lang)} timmar (dashboardens summering).",
                    f"In all {fmt_number(total, lang)} hours (the dashboard's sum).",
                ),
                className="small",
            )
        )
    return out


def organisation_section(sections: pd.DataFrame, roles: pd.DataFrame, lang: str) -> html.Section:
    """Return the organisation: project staff, the universities' own hours, steering group, reference groups."""
    parts = []
    for section in sections[sections["kind"] == "organisation"].to_dict("records"):
        rows = roles[roles["section"] == section["code"]].to_dict("records")
        if section["code"] == "projektpersonal":
            body = staff_table(rows, lang)
        else:
            body = role_list(rows, lang, hours=section["code"] == "larosaten_egen_tid")
        parts.append(html.Section([*heading(section, lang), *body], className="plan-subsection"))
    return html.Section(
        [html.H2(tx(lang, "Organisation", "Organisation"), id="organisation"), *parts], className="plan-section"
    )


def frame_sections(sections: pd.DataFrame, items: pd.DataFrame, roles: pd.DataFrame, lang: str) -> list:
    """Return target groups, organisation, delimitations and the counties' own processes, in that order."""
    by_code = {s["code"]: s for s in sections.to_dict("records")}
    counties = [item_section(by_code[c], items, lang) for c in COUNTY_SECTIONS if c in by_code]
    return [
        html.Section([item_section(by_code["malgrupper"], items, lang, html.H2)], className="plan-section"),
        organisation_section(sections, roles, lang),
        html.Section([item_section(by_code["avgransningar"], items, lang, html.H2)], className="plan-section"),
        html.Section(
            [
                html.H2(tx(lang, "Länens egna processer", "The counties' own processes"), id="lanens-processer"),
                html.P(
                    tx(
                        lang,
                        "Vad varje län tar fram i projektet, som planens bilder för Dalarna och Värmland anger det.",
                        "What each county produces in the project, as the plan's slides for Dalarna and Värmland give it.",
                    ),
                    className="small text-muted",
                ),
                *counties,
            ],
            className="plan-section",
        ),
    ]
