"""Lay out the manager's forms for qualitative assessments and value-chain notes.

Field labels are the ones the server's checks use in their messages (data/assessments.py), so a
refusal names the field as the form does. A record is about a strength area (region, industry
level, industry) or a test area; the server refuses both at once, naming the field.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from data.assessments import ASSESSMENT_LABELS, POSITIONS, VALUE_CHAIN_LABELS, VERDICTS
from i18n import tx
from indicators.levels import LEVEL_NAMES, LEVELS, industries
from indicators.regions import regions
from indicators.source import CachedSource

from ..edit_form import Field, actions, control, picker, required_note

ASSESSMENT, VALUE_CHAIN = "assessment", "value-chain"
KINDS = {  # field: kind for the controls; every other field is a line of text
    "region": "select",
    "level": "select",
    "industry": "select",
    "test_area": "select",
    "verdict": "select",
    "position": "select",
    "documents": "number",
    "interviews": "number",
    "evidence_from": "date",
    "evidence_to": "date",
    "assessed_on": "date",
}
LONG = {"conclusion_sv", "conclusion_en", "evidence_sv", "evidence_en", "regions_abroad"}
LONG |= {"position_note_sv", "position_note_en"}
REQUIRED = {"conclusion_sv", "verdict", "assessed_on", "assessed_by", "chain_sv", "regions_abroad", "position"}
HINTS = {
    "region": (
        "Krävs för ett styrkeområde; för ett testområde räcker testområdet.",
        "Needed for a strength area; for a test area the test area is enough.",
    ),
    "test_area": (
        "Välj antingen ett testområde eller en bransch med nivå.",
        "Choose either a test area or an industry with its level.",
    ),
    "documents": (
        "Antal dokument eller intervjuer: minst ett av dem.",
        "Number of documents or interviews: at least one of them.",
    ),
    "regions_abroad": (
        "En region per rad (eller åtskilda med ;), t.ex. Finland: Södra Karelen.",
        "One region a line (or separated by ;), e.g. Finland: South Karelia.",
    ),
    "evidence_sv": ("Vilka dokument och intervjuer.", "Which documents and interviews."),
}


def fields(labels: dict) -> list[Field]:
    """Return a form's fields in the order of the checks' labels."""
    out = []
    for name, (sv, en) in labels.items():
        kind = KINDS.get(name, "textarea" if name in LONG else "text")
        hint = HINTS.get(name, ("", ""))
        out.append(Field(name, sv, en, kind=kind, required=name in REQUIRED, hint_sv=hint[0], hint_en=hint[1]))
    return out


FIELDS = {ASSESSMENT: fields(ASSESSMENT_LABELS), VALUE_CHAIN: fields(VALUE_CHAIN_LABELS)}
FIELD_NAMES = {form: [f.name for f in specs] for form, specs in FIELDS.items()}


def industry_options(conn, level: str | None, lang: str) -> list[dict]:
    """Return the industries of a level as options (none: a strength area needs a level first)."""
    first = {"label": tx(lang, "– välj –", "– choose –"), "value": ""}
    if level not in LEVELS:
        return [{"label": tx(lang, "– välj nivå först –", "– choose a level first –"), "value": ""}]
    frame = industries(conn, level)
    name = "name_en" if lang == "en" else "name_sv"
    return [first] + [{"label": f"{r['industry']} {r[name]}", "value": r["industry"]} for r in frame.to_dict("records")]


def subject_options(conn, lang: str) -> dict[str, list[dict]]:
    """Return the choices of region, level, test area, verdict and position in the page's language."""
    frame = regions(conn)
    name = "name_en" if lang == "en" else "name_sv"
    counties = frame[frame["level"] == "lan"]
    chosen = [*frame[frame["level"] == "nuts2"].to_dict("records"), *counties.to_dict("records")]
    for county in counties["code"]:
        chosen += frame[(frame["level"] == "kommun") & (frame["parent"] == county)].to_dict("records")
    none = {"label": "–", "value": ""}
    areas = CachedSource.for_request(conn).table("test_area")
    names = dict(zip(frame["code"], frame[name]))
    return {
        "region": [none] + [{"label": r[name], "value": r["code"]} for r in chosen],
        "level": [none] + [{"label": tx(lang, *LEVEL_NAMES[lv]), "value": lv} for lv in LEVELS],
        "test_area": [
            {"label": tx(lang, "– inget testområde (en bransch) –", "– no test area (an industry) –"), "value": ""}
        ]
        + [
            {"label": f"{r[name]} ({names.get(r['region'], r['region'])})", "value": str(r["id"])}
            for r in areas.to_dict("records")
        ],
        "verdict": [none] + [{"label": tx(lang, sv, en), "value": code} for code, (sv, en) in VERDICTS.items()],
        "position": [none] + [{"label": tx(lang, sv, en), "value": code} for code, (sv, en) in POSITIONS.items()],
        "industry": industry_options(conn, None, lang),
    }


def record_form(form: str, conn, lang: str, records: list[dict]) -> html.Section:
    """Return one of the two forms: pick a record (or a new one), its fields, save, load again, delete."""
    options = subject_options(conn, lang)
    controls = {f.name: control(form, f, lang, options.get(f.name)) for f in FIELDS[form]}
    half = lambda *names: dbc.Row([dbc.Col(controls[n], xs=12, md=12 // len(names)) for n in names])  # noqa: E731
    subject = [half("region", "test_area"), half("level", "industry")]
    if form == ASSESSMENT:
        title = tx(lang, "Kvalitativ bedömning", "Qualitative assessment")
        body = [
            *subject,
            controls["verdict"],
            half("conclusion_sv", "conclusion_en"),
            half("documents", "interviews"),
            half("evidence_sv", "evidence_en"),
            half("evidence_from", "evidence_to"),
        ]
        new = tx(lang, "Ny bedömning …", "New assessment …")
    else:
        title = tx(lang, "Internationell värdekedja", "International value chain")
        body = [
            *subject,
            half("chain_sv", "chain_en"),
            controls["regions_abroad"],
            controls["position"],
            half("position_note_sv", "position_note_en"),
            controls["interviews"],
            half("evidence_sv", "evidence_en"),
        ]
        new = tx(lang, "Ny värdekedja …", "New value chain …")
    return html.Section(
        [
            html.H3(title, className="h5"),
            picker(form, lang, tx(lang, "Post", "Record"), [{"label": new, "value": "ny"}, *records]),
            required_note(lang),
            *body,
            half("assessed_on", "assessed_by"),
            actions(form, lang, tx(lang, "Spara", "Save")),
        ],
        className="chart-card",
        id=f"bedomningar-{form}-form",
    )
