"""The plan in its own words: every stored Swedish text equals the plan's text (whitespace aside)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from data import schema as s
from indicators.plan import (
    plan_activities,
    plan_items,
    plan_milestones,
    plan_organisation,
    plan_sections,
    plan_subgoals,
)

PLAN_FILE = Path(__file__).parent / "fixtures" / "plan" / "projektpresentation.txt"
SHARED_PLAN = Path("/work/shared/plan/projektpresentation.txt")


def normalise(text: str) -> str:
    """Collapse every run of whitespace (the slides' line breaks included) to one space."""
    return " ".join(text.split())


PLAN = normalise(PLAN_FILE.read_text(encoding="utf-8"))


def assert_in_order(texts: list[str], start: str) -> None:
    """Assert that each text occurs in the plan after the previous one, beginning at the heading start."""
    position = PLAN.index(start)
    for text in texts:
        found = PLAN.find(normalise(text), position)
        assert found >= 0, f"not in the plan (after position {position}): {text!r}"
        position = found + len(normalise(text))


def test_the_copy_in_the_repository_is_the_shared_plan():
    if not SHARED_PLAN.exists():
        pytest.skip("the shared plan file is not on this machine")
    assert PLAN_FILE.read_bytes() == SHARED_PLAN.read_bytes()


def test_activities_are_the_plans_slide_word_for_word(conn):
    frame = plan_activities(conn)
    assert frame["number"].tolist() == [1, 2, 3, 4, 5, 6]
    slide = " ".join(f"Aktivitet {r.number} {r.name_sv} {r.description_sv}" for r in frame.itertuples())
    assert normalise(slide) in PLAN


def test_subgoals_are_the_plans_delmal_word_for_word(conn):
    frame = plan_subgoals(conn)
    assert frame["number"].tolist() == [1, 2, 3, 4, 5]
    slide = "Delmål " + " ".join(f"{r.number}. {r.text_sv}" for r in frame.itertuples())
    assert normalise(slide) in PLAN


def test_milestones_are_the_plans_table_word_for_word_in_its_order(conn):
    frame = plan_milestones(conn)
    assert len(frame) == 16  # 14 quarterly ones, the practical start and the end date
    parts, previous = [], None
    for r in frame.itertuples():
        if r.date_label_sv is not None:
            parts.append(f"{r.date_label_sv} {r.text_sv}")
        elif (r.year, r.quarter) != previous:
            parts.append(f"{r.year} Q{r.quarter} {r.text_sv}")
        else:
            parts.append(r.text_sv)
        previous = (r.year, r.quarter) if r.date_label_sv is None else None
    assert normalise("Planerade milstolpar Kvartal Aktivitet " + " ".join(parts)) in PLAN


def test_every_milestone_text_in_the_store_is_the_plans(conn):
    texts = conn.execute(select(s.milestone.c.text_sv)).scalars().all()
    assert all(normalise(t) in PLAN for t in texts)


def test_target_groups_delimitations_and_county_processes_follow_the_plan(conn):
    items = plan_items(conn)
    assert_in_order(items.loc[items["section"] == "malgrupper", "text_sv"].tolist(), "Delmål")
    assert_in_order(items.loc[items["section"] == "avgransningar", "text_sv"].tolist(), "Avgränsningar")
    for code, heading in (
        ("lansprocess_20", "Analysunderlag - Dalarna"),
        ("lansprocess_17", "Analysunderlag - Värmland"),
    ):
        part = items[items["section"] == code]
        sequence = [t for r in part.itertuples() for t in (r.label_sv, r.text_sv) if t is not None]
        assert_in_order(sequence, heading)
    sections = plan_sections(conn).set_index("code")
    for code in ("avgransningar", "lansprocess_20", "lansprocess_17"):
        assert normalise(sections.loc[code, "title_sv"]) in PLAN
    # the target groups' slide heading is missing from the text: the title is the dashboard's and says so
    assert not sections.loc["malgrupper", "title_in_plan"]
    assert [n["kind"] for n in sections.loc["malgrupper", "notes"]] == ["avkortad"]


def test_organisation_follows_the_plan(conn):
    frame = plan_organisation(conn)
    sections = plan_sections(conn).set_index("code")
    sequence = []
    for code in ("projektpersonal", "larosaten_egen_tid", "styrgrupp", "referensgrupper"):
        sequence += [sections.loc[code, "title_sv"], *frame.loc[frame["section"] == code, "text_sv"]]
    assert_in_order(sequence, "Projektpersonal")
    staff = frame[frame["section"] == "projektpersonal"].set_index("person")
    assert staff.loc["David Paulsson", ["role_sv", "share_percent"]].tolist() == ["Projektledare", 100.0]
    hours = frame[frame["section"] == "larosaten_egen_tid"].set_index("university")["hours"]
    assert hours.to_dict() == {"du": 1800, "hig": 1800, "kau": 300}


@pytest.mark.parametrize(
    "reader,key,field,slip",
    [
        (plan_activities, 2, "name_sv", "Lärosätenas roll innovationssystemet"),  # "i" missing
        (plan_activities, 1, "description_sv", "de regionala tillväxtarbetet"),  # "det"
        (plan_activities, 4, "description_sv", "forsning"),  # "forskning"
        (plan_subgoals, 2, "text_sv", "förmågor att medverkan"),  # "medverka"
    ],
)
def test_evident_slips_stay_as_written_and_are_marked_sic(conn, reader, key, field, slip):
    row = reader(conn).set_index("number").loc[key]
    assert slip in row[field]
    sic = [n for n in row["notes"] if n["kind"] == "sic" and n["field"] == field]
    assert len(sic) == 1 and sic[0]["note_sv"] and sic[0]["note_en"]


def test_english_is_marked_as_translation_and_the_links_as_the_dashboards_reading(conn):
    activities = plan_activities(conn).set_index("number")
    assert activities["en_is_translation"].all() and activities["links_are_reading"].all()
    assert activities.loc[2, "subgoals"] == (2,) and activities.loc[3, "subgoals"] == (2,)
    assert activities.loc[6, "milestones"] == (5, 8, 9)
    assert plan_subgoals(conn).set_index("number").loc[2, "activities"] == (2, 3)
    milestones = plan_milestones(conn).set_index("id")
    assert milestones.loc[8, ["activity", "subgoal", "activity_is_reading"]].tolist() == [6, 5, True]
    # the practical start and the end date belong to the whole project: no activity, so nothing read into them
    assert milestones.loc[15, "date_label_sv"] == "1 apr 2016" and not milestones.loc[15, "activity_is_reading"]
    assert milestones.index[0] == 15 and milestones.index[-1] == 16  # first and last in the plan's order
