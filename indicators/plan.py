"""Read the project plan in its own words: activities, sub-goals, milestones, target groups,
organisation, delimitations and the counties' own processes, linked to each other.

Every frame carries the notes a reader should see beside a text (notes: a tuple of dicts with
field, kind, note_sv, note_en; kind "sic" marks an evident slip kept as written) and says which
texts are the dashboard's translation (en_is_translation) or reading (the links).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from data import schema as s
from data.plan import NOTE_KINDS, ORIGIN_WORDS, READING, TRANSLATION

from .meta import IndicatorMeta, register

PLAN_TEXT = IndicatorMeta(
    key="plan_text",
    title_sv="Projektplanen med egna ord",
    title_en="The project plan in its own words",
    unit_sv="text",
    unit_en="text",
    definition_sv=(
        "Aktiviteter, delmål, milstolpar, målgrupper, organisation, avgränsningar och länens egna processer, "
        "ordagrant ur projektpresentationen (radbrytningar från bilderna borttagna). Uppenbara skrivfel står kvar "
        "och märks [sic]; där en rubrik saknas i texten sägs det. Engelska texter är dashboardens översättning. "
        "Vilket delmål en aktivitet tjänar och vilken aktivitet en milstolpe hör till är dashboardens tolkning."
    ),
    definition_en=(
        "Activities, sub-goals, milestones, target groups, organisation, delimitations and the counties' own "
        "processes, word for word from the project presentation (the slides' line breaks removed). Evident slips "
        "stay as written and are marked [sic]; where a label is missing from the text, that is said. English texts "
        "are the dashboard's translation. Which sub-goal an activity serves and which activity a milestone belongs "
        "to are the dashboard's reading."
    ),
    formula="text = planens text med blanktecken normaliserade",
    source_sv="Projektpresentationen ”Smart specialisering i Norra Mellansverige” (projektplanen)",
    source_en="The project presentation “Smart specialisation in North Middle Sweden” (the project plan)",
    view="projekt",
    extra={
        "datasets": ("projektplan",),
        "tables": ("activity", "subgoal", "plan_section", "plan_item", "project_role", "activity_subgoal"),
    },
)


def origin_word(origin: str, lang: str) -> str:
    """Return where a text comes from in words: 'översättning', "the plan's wording", ..."""
    sv, en = ORIGIN_WORDS.get(origin, (origin, origin))
    return en if lang == "en" else sv


def note_word(kind: str, lang: str) -> str:
    """Return a note's kind in words: 'sic', 'rubrik saknas', 'anmärkning'."""
    sv, en = NOTE_KINDS.get(kind, (kind, kind))
    return en if lang == "en" else sv


def plan_notes(conn, entity: str | None = None) -> pd.DataFrame:
    """Return the notes on stored plan texts: entity, record, field, kind, note_sv, note_en."""
    n = s.plan_note
    q = select(n.c.entity, n.c.record, n.c.field, n.c.kind, n.c.note_sv, n.c.note_en)
    if entity is not None:
        q = q.where(n.c.entity == entity)
    cols = ["entity", "record", "field", "kind", "note_sv", "note_en"]
    return pd.DataFrame(conn.execute(q.order_by(n.c.entity, n.c.record, n.c.field)).all(), columns=cols)


def field_origins(conn) -> pd.DataFrame:
    """Return where each plan field comes from: entity, field, origin, note_sv, note_en."""
    o = s.plan_field_origin
    q = select(o.c.entity, o.c.field, o.c.origin, o.c.note_sv, o.c.note_en).order_by(o.c.entity, o.c.field)
    return pd.DataFrame(conn.execute(q).all(), columns=["entity", "field", "origin", "note_sv", "note_en"])


def _origin(conn, entity: str, field: str) -> str | None:
    o = s.plan_field_origin
    return conn.execute(select(o.c.origin).where(o.c.entity == entity, o.c.field == field)).scalar()


def _with_notes(conn, frame: pd.DataFrame, entity: str, key: str) -> pd.DataFrame:
    """Add a notes column (tuple of dicts) to frame from plan_note rows of entity, matched on key."""
    notes = plan_notes(conn, entity)
    by_record: dict[str, list] = {}
    for row in notes.itertuples(index=False):
        by_record.setdefault(row.record, []).append(
            dict(field=row.field, kind=row.kind, note_sv=row.note_sv, note_en=row.note_en)
        )
    frame["notes"] = [tuple(by_record.get(str(k), ())) for k in frame[key]]
    return frame


def _links(conn) -> pd.DataFrame:
    a = s.activity_subgoal
    return pd.DataFrame(conn.execute(select(a.c.activity, a.c.subgoal)).all(), columns=["activity", "subgoal"])


def _milestones_by_activity(conn) -> dict[int, tuple[int, ...]]:
    m = s.milestone
    out: dict[int, list[int]] = {}
    q = select(m.c.activity, m.c.id).where(m.c.activity.is_not(None)).order_by(m.c.year, m.c.quarter, m.c.id)
    for activity, ident in conn.execute(q):
        out.setdefault(int(activity), []).append(int(ident))
    return {k: tuple(v) for k, v in out.items()}


@register(PLAN_TEXT)
def plan_activities(conn) -> pd.DataFrame:
    """Return the six activities: number, name_sv, name_en, description_sv, description_en, subgoals,
    milestones, links_are_reading, en_is_translation, notes."""
    a = s.activity
    cols = ["number", "name_sv", "name_en", "description_sv", "description_en"]
    frame = pd.DataFrame(conn.execute(select(*[a.c[c] for c in cols]).order_by(a.c.number)).all(), columns=cols)
    links = _links(conn).groupby("activity")["subgoal"].agg(lambda g: tuple(sorted(int(x) for x in g)))
    milestones = _milestones_by_activity(conn)
    frame["subgoals"] = [links.get(n, ()) for n in frame["number"]]
    frame["milestones"] = [milestones.get(int(n), ()) for n in frame["number"]]
    frame["links_are_reading"] = _origin(conn, "activity_subgoal", "subgoal") == READING
    frame["en_is_translation"] = _origin(conn, "activity", "name_en") == TRANSLATION
    return _with_notes(conn, frame, "activity", "number")


@register(PLAN_TEXT)
def plan_subgoals(conn) -> pd.DataFrame:
    """Return the five sub-goals: number, text_sv, text_en, activities, links_are_reading, en_is_translation,
    notes."""
    g = s.subgoal
    frame = pd.DataFrame(
        conn.execute(select(g.c.number, g.c.text_sv, g.c.text_en).order_by(g.c.number)).all(),
        columns=["number", "text_sv", "text_en"],
    )
    links = _links(conn).groupby("subgoal")["activity"].agg(lambda g: tuple(sorted(int(x) for x in g)))
    frame["activities"] = [links.get(n, ()) for n in frame["number"]]
    frame["links_are_reading"] = _origin(conn, "activity_subgoal", "subgoal") == READING
    frame["en_is_translation"] = _origin(conn, "subgoal", "text_en") == TRANSLATION
    return _with_notes(conn, frame, "subgoal", "number")


@register(PLAN_TEXT)
def plan_milestones(conn) -> pd.DataFrame:
    """Return the milestones as the plan gives them, in the plan's order: id, year, quarter, planned_on,
    date_label_sv, date_label_en, text_sv, text_en, activity, subgoal, activity_is_reading, en_is_translation,
    notes."""
    m, d = s.milestone, s.milestone_date
    q = select(
        m.c.id, m.c.year, m.c.quarter, d.c.planned_on, d.c.label_sv, d.c.label_en, m.c.text_sv, m.c.text_en
    ).add_columns(m.c.activity, m.c.subgoal)
    q = q.outerjoin(d, d.c.milestone == m.c.id)
    cols = ["id", "year", "quarter", "planned_on", "date_label_sv", "date_label_en", "text_sv", "text_en"]
    frame = pd.DataFrame(conn.execute(q).all(), columns=[*cols, "activity", "subgoal"])
    frame = frame.astype({"activity": "Int64", "subgoal": "Int64"})
    # The plan lists a dated milestone before the quarter's others when its day falls at the quarter's start.
    frame["_dated_last"] = frame["planned_on"].map(lambda day: 1 if day is None or pd.isna(day) else 0)
    frame = frame.sort_values(["year", "quarter", "_dated_last", "id"], kind="stable").drop(columns="_dated_last")
    frame = frame.reset_index(drop=True)
    frame["activity_is_reading"] = frame["activity"].notna() & (_origin(conn, "milestone", "activity") == READING)
    frame["en_is_translation"] = _origin(conn, "milestone", "text_en") == TRANSLATION
    for col in ("planned_on", "date_label_sv", "date_label_en"):
        frame[col] = pd.Series([None if pd.isna(v) else v for v in frame[col]], dtype="object")
    return _with_notes(conn, frame, "milestone", "id")


@register(PLAN_TEXT)
def plan_sections(conn) -> pd.DataFrame:
    """Return the plan's sections in order: code, sort, region, title_sv, title_en, title_in_plan, kind
    (items | organisation), notes (title_in_plan false: the slide's heading is missing, the title is ours)."""
    sec, r = s.plan_section, s.project_role
    cols = ["code", "sort", "region", "title_sv", "title_en", "title_in_plan"]
    frame = pd.DataFrame(conn.execute(select(*[sec.c[c] for c in cols]).order_by(sec.c.sort)).all(), columns=cols)
    organisation = set(conn.execute(select(r.c.section).distinct()).scalars())
    frame["region"] = pd.Series([None if pd.isna(v) else v for v in frame["region"]], dtype="object")
    frame["title_in_plan"] = frame["title_in_plan"].astype(bool)
    frame["kind"] = ["organisation" if c in organisation else "items" for c in frame["code"]]
    return _with_notes(conn, frame, "plan_section", "code")


@register(PLAN_TEXT)
def plan_items(conn, section: str | None = None) -> pd.DataFrame:
    """Return target groups, delimitations and the counties' processes: section, section_title_sv,
    section_title_en, title_in_plan, region, sort, id, label_sv, label_en, text_sv, text_en, en_is_translation,
    notes (the section's own notes are in plan_sections)."""
    sec, it = s.plan_section, s.plan_item
    q = (
        select(sec.c.code, sec.c.title_sv, sec.c.title_en, sec.c.title_in_plan, sec.c.region, it.c.sort, it.c.id)
        .add_columns(it.c.label_sv, it.c.label_en, it.c.text_sv, it.c.text_en)
        .join(it, it.c.section == sec.c.code)
        .order_by(sec.c.sort, it.c.sort)
    )
    if section is not None:
        q = q.where(sec.c.code == section)
    cols = ["section", "section_title_sv", "section_title_en", "title_in_plan", "region", "sort", "id"]
    frame = pd.DataFrame(conn.execute(q).all(), columns=[*cols, "label_sv", "label_en", "text_sv", "text_en"])
    for col in ("region", "label_sv", "label_en"):
        frame[col] = pd.Series([None if pd.isna(v) else v for v in frame[col]], dtype="object")
    frame["title_in_plan"] = frame["title_in_plan"].astype(bool)
    frame["en_is_translation"] = _origin(conn, "plan_item", "text_en") == TRANSLATION
    return _with_notes(conn, frame, "plan_item", "id")


@register(PLAN_TEXT)
def plan_organisation(conn) -> pd.DataFrame:
    """Return the organisation: section, section_title_sv, section_title_en, sort, id, text_sv, text_en, role_sv,
    role_en, person, share_percent, hours, university, en_is_translation, notes."""
    sec, r = s.plan_section, s.project_role
    cols = ["role_sv", "role_en", "person", "share_percent", "hours", "university"]
    q = (
        select(sec.c.code, sec.c.title_sv, sec.c.title_en, r.c.sort, r.c.id, r.c.text_sv, r.c.text_en)
        .add_columns(*[r.c[c] for c in cols])
        .join(r, r.c.section == sec.c.code)
        .order_by(sec.c.sort, r.c.sort)
    )
    head = ["section", "section_title_sv", "section_title_en", "sort", "id", "text_sv", "text_en"]
    frame = pd.DataFrame(conn.execute(q).all(), columns=[*head, *cols])
    for col in ("role_sv", "role_en", "person", "university"):
        frame[col] = pd.Series([None if pd.isna(v) else v for v in frame[col]], dtype="object")
    frame = frame.astype({"share_percent": float, "hours": "Int64"})
    frame["en_is_translation"] = _origin(conn, "project_role", "text_en") == TRANSLATION
    return _with_notes(conn, frame, "project_role", "id")
