"""Lay out the manager's form for activity indicators: name, unit, target, activity, delmål, how it is measured.

Activities and delmål are offered as the plan names them (from the store). The form is only shown to a
signed-in manager (editing.account_section); callbacks/milstolpar_indicators.py checks every save.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from i18n import tx
from indicators.goals import activity_indicators
from indicators.plan import plan_activities, plan_subgoals

from ..edit_form import NEW, Field, actions, control, picker, required_note

FORM = "indicator"
FIELDS = [
    Field("name_sv", "Namn", "Name", required=True),
    Field("name_en", "Namn på engelska", "Name in English", required=True),
    Field("unit_sv", "Enhet", "Unit", required=True, hint_sv="t.ex. träffar", hint_en="the unit in Swedish"),
    Field(
        "unit_en",
        "Enhet på engelska",
        "Unit in English",
        required=True,
        hint_sv="t.ex. meetings",
        hint_en="e.g. meetings",
    ),
    Field(
        "target",
        "Mål",
        "Target",
        kind="number",
        required=True,
        hint_sv="ett tal större än 0, t.ex. 12 eller 2,5",
        hint_en="a number above 0, e.g. 12 or 2.5",
    ),
    Field("activity", "Aktivitet", "Activity", kind="select"),
    Field("subgoal", "Delmål", "Sub-goal", kind="select", required=True),
    Field("method_sv", "Hur det mäts", "How it is measured", kind="textarea"),
    Field("method_en", "Hur det mäts, på engelska", "How it is measured, in English", kind="textarea"),
    Field(
        "code",
        "Kod (bara för en ny indikator)",
        "Code (a new indicator only)",
        hint_sv="a–z, 0–9 och _; lämnas den tom görs en av namnet",
        hint_en="a–z, 0–9 and _; left empty, one is made from the name",
    ),
]
FIELD_NAMES = [f.name for f in FIELDS]


def indicator_options(conn, lang: str) -> list[dict]:
    """Return the picker's options: a new indicator, then every indicator (example ones marked)."""
    frame = activity_indicators(conn)
    example = tx(lang, " (exempeldata)", " (example data)")
    options = [{"label": tx(lang, "Ny indikator …", "New indicator …"), "value": NEW}]
    for r in frame.to_dict("records"):
        name = r["name_en" if lang == "en" else "name_sv"]
        options.append({"label": f"{name}{example if r['is_example'] else ''}", "value": r["code"]})
    return options


def plan_options(conn, lang: str) -> dict[str, list[dict]]:
    """Return the activity and delmål choices, each named as the plan names it."""
    activities = plan_activities(conn)
    subgoals = plan_subgoals(conn)
    name = "name_en" if lang == "en" else "name_sv"
    text = "text_en" if lang == "en" else "text_sv"
    return {
        "activity": [{"label": tx(lang, "– ingen (hela projektet)", "– none (the whole project)"), "value": ""}]
        + [{"label": f"{r['number']}. {r[name]}", "value": str(r["number"])} for r in activities.to_dict("records")],
        "subgoal": [{"label": tx(lang, "– välj –", "– choose –"), "value": ""}]
        + [
            {
                "label": tx(lang, f"Delmål {r['number']}: ", f"Sub-goal {r['number']}: ") + r[text],
                "value": str(r["number"]),
            }
            for r in subgoals.to_dict("records")
        ],
    }


def indicator_form(conn, lang: str) -> html.Section:
    """Return the form that creates, changes and deletes activity indicators."""
    options = plan_options(conn, lang)
    fields = {f.name: control(FORM, f, lang, options.get(f.name)) for f in FIELDS}
    pair = lambda a, b: dbc.Row([dbc.Col(fields[a], xs=12, md=6), dbc.Col(fields[b], xs=12, md=6)])  # noqa: E731
    return html.Section(
        [
            html.H3(tx(lang, "Definiera aktivitetsindikatorer", "Define activity indicators"), className="h5"),
            html.P(
                tx(
                    lang,
                    "Namn, enhet, mål, aktivitet, delmål och hur indikatorn mäts. En exempelindikator blir projektets "
                    "egen när du sätter dess mål. Utfallen rapporteras i formuläret för utfall.",
                    "Name, unit, target, activity, sub-goal and how the indicator is measured. An example indicator "
                    "becomes the project's own when you set its target. Outcomes are reported in the outcome form.",
                ),
                className="small",
            ),
            picker(FORM, lang, tx(lang, "Indikator", "Indicator"), indicator_options(conn, lang)),
            required_note(lang),
            pair("name_sv", "name_en"),
            pair("unit_sv", "unit_en"),
            dbc.Row([dbc.Col(fields["target"], xs=12, md=4), dbc.Col(fields["code"], xs=12, md=8)]),
            fields["activity"],
            fields["subgoal"],
            pair("method_sv", "method_en"),
            actions(FORM, lang, tx(lang, "Spara indikatorn", "Save the indicator")),
        ],
        className="chart-card",
        id="milstolpar-indicator-form",
    )
