"""Define the one schema of the store: every table the dashboard reads or writes.

Portable SQLAlchemy Core (no SQLite-only SQL), so a PostgreSQL URL works as well.
"""

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# --- Classifications -------------------------------------------------------

region = Table(
    "region",
    metadata,
    Column("code", String(8), primary_key=True),  # SCB code: 00, 17, 1780; SE31 for NUTS2
    Column("nuts", String(8), unique=True),  # SE, SE31, SE311 ... (NULL for municipalities)
    Column("name_sv", String(100), nullable=False),
    Column("name_en", String(100), nullable=False),
    Column("level", String(10), nullable=False),  # riket | nuts2 | lan | kommun
    Column("parent", String(8)),  # municipality -> county -> SE31 -> 00
)

industry = Table(
    "industry",
    metadata,
    Column("code", String(8), primary_key=True),  # A..U, 01..99, B-E, G01..G15, TOTAL
    Column("level", String(10), nullable=False),  # section | division | a10 | bransch15 | total
    Column("name_sv", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("section", String(1)),  # for divisions: their section; for sections: itself
    Column("a10", String(4)),  # for sections and divisions: their NACE A*10 aggregate
    Column("group15", String(4)),  # for sections and divisions: their SCB branschgrupp (G01-G15)
    Column("sort", Integer, nullable=False),
)

sector = Table(
    "sector",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("name_sv", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("description_sv", Text),
    Column("description_en", Text),
    Column("sort", Integer, nullable=False, default=0),
)

# User-editable grouping of SNI divisions into functional sectors.
industry_sector = Table(
    "industry_sector",
    metadata,
    Column("industry", String(8), ForeignKey("industry.code"), primary_key=True),
    Column("sector", String(20), ForeignKey("sector.code"), nullable=False),
)

measure = Table(
    "measure",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("name_sv", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("unit_sv", String(60), nullable=False),
    Column("unit_en", String(60), nullable=False),
    Column("kind", String(6), nullable=False),  # stock | flow | index | share (data/measures.py)
    Column("description_sv", Text),
    Column("description_en", Text),
    Column("aliases", Text),  # other names publishers use, separated by |
    Column("by_sex", Boolean, nullable=False, default=False),  # a PxWeb import keeps the sex dimension
    Column("signed", Boolean, nullable=False, default=False),  # values may be negative
)

research_subject = Table(
    "research_subject",
    metadata,
    Column("code", String(5), primary_key=True),  # 1, 101, ... (Standard för svensk indelning av forskningsämnen 2011)
    Column("level", Integer, nullable=False),  # 1 = forskningsämnesområde, 3 = forskningsämnesgrupp
    Column("parent", String(5)),
    Column("name_sv", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
)

university = Table(
    "university",
    metadata,
    Column("code", String(10), primary_key=True),  # kau, du, hig
    Column("name_sv", String(100), nullable=False),
    Column("name_en", String(100), nullable=False),
    Column("region", String(8), ForeignKey("region.code"), nullable=False),
    Column("url", String(200)),
)

# --- Datasets and facts ----------------------------------------------------

dataset = Table(
    "dataset",
    metadata,
    Column("code", String(60), primary_key=True),
    Column("title_sv", String(300), nullable=False),
    Column("title_en", String(300), nullable=False),
    Column("source", String(300), nullable=False),
    Column("source_url", String(500)),
    Column("licence", String(200)),
    Column("retrieved", Date),
    Column("is_example", Boolean, nullable=False),
    Column("notes", Text),
    # Described in data/real/manifest.toml for shipped datasets; the methods page and exports show them.
    Column("publisher", String(200)),
    Column("table_ref", String(300)),  # the publisher's table id or page
    Column("unit", String(200)),
    Column("measures", String(300)),  # the measures it holds, comma separated
    Column("importer", String(40)),
    Column("file", String(300)),  # the shipped file, relative to data/real
    Column("rounding", Float),  # values are rounded to this many units (Eurostat: 1000)
    Column("rank", Integer, nullable=False, default=100),  # lower wins when real datasets hold the same measure
    Column("caveats_sv", Text),
    Column("caveats_en", Text),
)

fact = Table(
    "fact",
    metadata,
    Column("dataset", String(60), ForeignKey("dataset.code", ondelete="CASCADE"), primary_key=True),
    Column("region", String(8), ForeignKey("region.code"), primary_key=True),
    Column("industry", String(8), ForeignKey("industry.code"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("measure", String(40), ForeignKey("measure.code"), primary_key=True),
    Column("sex", String(6), primary_key=True, default="total"),  # total | women | men
    Column("value", Float, nullable=False),
)
SEXES = ("total", "women", "men")
# The views read one measure and year at a time; without this every read scans the whole table.
Index("ix_fact_measure_year_region", fact.c.measure, fact.c.year, fact.c.region)

academic_output = Table(
    "academic_output",
    metadata,
    Column("dataset", String(60), ForeignKey("dataset.code", ondelete="CASCADE"), primary_key=True),
    Column("university", String(10), ForeignKey("university.code"), primary_key=True),
    Column("subject", String(5), ForeignKey("research_subject.code"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("measure", String(40), primary_key=True),  # publications
    Column("value", Float, nullable=False),
)

# --- Project plan, priority areas, clusters --------------------------------

project = Table(
    "project",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("name_sv", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date, nullable=False),
    Column("owners", Text, nullable=False),
)

test_area = Table(
    "test_area",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("region", String(8), ForeignKey("region.code"), nullable=False),
    Column("name_sv", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("sort", Integer, nullable=False),
    UniqueConstraint("region", "name_sv"),
)

# Editable mapping of priority areas to the industries and research subjects they cover.
test_area_industry = Table(
    "test_area_industry",
    metadata,
    Column("test_area", Integer, ForeignKey("test_area.id", ondelete="CASCADE"), primary_key=True),
    Column("industry", String(8), ForeignKey("industry.code"), primary_key=True),
)

test_area_subject = Table(
    "test_area_subject",
    metadata,
    Column("test_area", Integer, ForeignKey("test_area.id", ondelete="CASCADE"), primary_key=True),
    Column("subject", String(5), ForeignKey("research_subject.code"), primary_key=True),
)

cluster = Table(
    "cluster",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("theme_sv", String(200)),
    Column("theme_en", String(200)),
    Column("founded", Integer),
    Column("members", Integer),
    Column("organisation", String(200)),
    Column("url", String(300)),
    Column("dataset", String(60), ForeignKey("dataset.code"), nullable=False),
)

cluster_region = Table(
    "cluster_region",
    metadata,
    Column("cluster", String(40), ForeignKey("cluster.code", ondelete="CASCADE"), primary_key=True),
    Column("region", String(8), ForeignKey("region.code"), primary_key=True),
)

cluster_test_area = Table(
    "cluster_test_area",
    metadata,
    Column("cluster", String(40), ForeignKey("cluster.code", ondelete="CASCADE"), primary_key=True),
    Column("test_area", Integer, ForeignKey("test_area.id", ondelete="CASCADE"), primary_key=True),
)

cluster_industry = Table(
    "cluster_industry",
    metadata,
    Column("cluster", String(40), ForeignKey("cluster.code", ondelete="CASCADE"), primary_key=True),
    Column("industry", String(8), ForeignKey("industry.code"), primary_key=True),
)

phase = Table(
    "phase",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("sort", Integer, nullable=False, unique=True),
    Column("name_sv", String(100), nullable=False),
    Column("name_en", String(100), nullable=False),
    Column("description_sv", Text),
    Column("description_en", Text),
)

phase_assessment = Table(
    "phase_assessment",
    metadata,
    Column("cluster", String(40), ForeignKey("cluster.code", ondelete="CASCADE"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("phase", String(20), ForeignKey("phase.code"), nullable=False),
    Column("comment", Text),
    Column("dataset", String(60), ForeignKey("dataset.code"), nullable=False),
)

criterion = Table(
    "criterion",
    metadata,
    Column("code", String(20), primary_key=True),  # miljo | jamstalldhet | lika_mojligheter
    Column("sort", Integer, nullable=False),
    Column("name_sv", String(100), nullable=False),
    Column("name_en", String(100), nullable=False),
)

criterion_level = Table(
    "criterion_level",
    metadata,
    Column("code", String(10), primary_key=True),  # aktivt | delvis | inte
    Column("sort", Integer, nullable=False),
    Column("name_sv", String(60), nullable=False),
    Column("name_en", String(60), nullable=False),
)

criteria_assessment = Table(
    "criteria_assessment",
    metadata,
    Column("cluster", String(40), ForeignKey("cluster.code", ondelete="CASCADE"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("criterion", String(20), ForeignKey("criterion.code"), primary_key=True),
    Column("level", String(10), ForeignKey("criterion_level.code"), nullable=False),
    Column("comment", Text),
    Column("dataset", String(60), ForeignKey("dataset.code"), nullable=False),
)

# --- Company survey --------------------------------------------------------

survey_round = Table(
    "survey_round",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("year", Integer, nullable=False),
    Column("period", String(60)),
    Column("dataset", String(60), ForeignKey("dataset.code"), nullable=False),
)

survey_question = Table(
    "survey_question",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("text_sv", Text, nullable=False),
    Column("text_en", Text, nullable=False),
    Column("group_sv", String(200)),
    Column("group_en", String(200)),
    Column("sort", Integer, nullable=False),
)

answer_option = Table(
    "answer_option",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("sort", Integer, nullable=False),
    Column("label_sv", String(100), nullable=False, unique=True),
    Column("label_en", String(100), nullable=False),
    Column("polarity", String(10), nullable=False),  # positive | neutral | negative | none
)

respondent = Table(
    "respondent",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round", String(20), ForeignKey("survey_round.code", ondelete="CASCADE"), nullable=False),
    Column("external_id", String(60), nullable=False),
    Column("cluster", String(40), ForeignKey("cluster.code"), nullable=False),
    Column("region", String(8), ForeignKey("region.code")),
    Column("size_class", String(20)),
    UniqueConstraint("round", "external_id"),
)

answer = Table(
    "answer",
    metadata,
    Column("respondent", Integer, ForeignKey("respondent.id", ondelete="CASCADE"), primary_key=True),
    Column("question", String(20), ForeignKey("survey_question.code"), primary_key=True),
    Column("option", String(20), ForeignKey("answer_option.code"), nullable=False),
)

# --- Project follow-up -----------------------------------------------------

activity = Table(
    "activity",
    metadata,
    Column("number", Integer, primary_key=True),
    Column("name_sv", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("description_sv", Text),
    Column("description_en", Text),
)

subgoal = Table(
    "subgoal",
    metadata,
    Column("number", Integer, primary_key=True),
    Column("text_sv", Text, nullable=False),
    Column("text_en", Text, nullable=False),
)

milestone = Table(
    "milestone",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("year", Integer, nullable=False),
    Column("quarter", Integer, nullable=False),
    Column("text_sv", Text, nullable=False),
    Column("text_en", Text, nullable=False),
    Column("activity", Integer, ForeignKey("activity.number")),
    Column("subgoal", Integer, ForeignKey("subgoal.number")),
    # Stored status is what the manager set: planerad | pagar | klar | struken, or NULL when nobody has
    # reported one (read as unknown). "försenad" is derived from the planned quarter and the as-of date.
    Column("status", String(10)),
    Column("completed_on", Date),
    Column("comment", Text),
    Column("status_is_example", Boolean, nullable=False),
    Column("version", Integer, nullable=False, default=1),
)

activity_indicator = Table(
    "activity_indicator",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("activity", Integer, ForeignKey("activity.number")),
    Column("subgoal", Integer, ForeignKey("subgoal.number")),
    Column("name_sv", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("unit_sv", String(60), nullable=False),
    Column("unit_en", String(60), nullable=False),
    Column("target", Float, nullable=False),
    Column("is_example", Boolean, nullable=False),
    Column("method_sv", Text),  # how it is measured (the manager's words)
    Column("method_en", Text),
    Column("version", Integer, nullable=False, default=1),  # optimistic locking for the manager's edits
)

indicator_outcome = Table(
    "indicator_outcome",
    metadata,
    Column("indicator", String(40), ForeignKey("activity_indicator.code", ondelete="CASCADE"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("quarter", Integer, primary_key=True),
    Column("value", Float, nullable=False),  # cumulative outcome at the end of the quarter
    Column("is_example", Boolean, nullable=False),
    Column("version", Integer, nullable=False, default=1),
)

app_user = Table(
    "app_user",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("password_hash", String(300), nullable=False),
    Column("role", String(20), nullable=False),  # manager | viewer
    Column("created", DateTime, nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("username", String(80), nullable=False),
    Column("entity", String(40), nullable=False),  # milestone | indicator_outcome | ...
    Column("record", String(80), nullable=False),
    Column("field", String(40), nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
)

# --- The plan in its own words (issue 18) ----------------------------------
# The Swedish texts of activity, subgoal, milestone and the tables below are the plan's words
# (projektpresentation.txt); the English texts are the dashboard's translation. plan_field_origin
# says which field is which, plan_note marks evident slips (sic) and labels the slides cut off.

plan_section = Table(
    "plan_section",
    metadata,
    Column("code", String(40), primary_key=True),  # malgrupper | avgransningar | lansprocess_20 | ...
    Column("sort", Integer, nullable=False),
    Column("region", String(8), ForeignKey("region.code")),  # a county's own process; NULL otherwise
    Column("title_sv", String(200), nullable=False),
    Column("title_en", String(200), nullable=False),
    Column("title_in_plan", Boolean, nullable=False),  # False: the slide's heading is missing; the title is ours
)

plan_item = Table(
    "plan_item",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("section", String(40), ForeignKey("plan_section.code", ondelete="CASCADE"), nullable=False),
    Column("sort", Integer, nullable=False),
    Column("label_sv", String(200)),  # the box's label on the slide ("Strategi"); NULL when the text gives none
    Column("label_en", String(200)),
    Column("text_sv", Text, nullable=False),
    Column("text_en", Text, nullable=False),
)

# The project's organisation: staff by role and share, the universities' own hours, steering and
# reference groups. text_sv is the plan's line; the other columns are read from it.
project_role = Table(
    "project_role",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("section", String(40), ForeignKey("plan_section.code", ondelete="CASCADE"), nullable=False),
    Column("sort", Integer, nullable=False),
    Column("text_sv", Text, nullable=False),
    Column("text_en", Text, nullable=False),
    Column("role_sv", String(200)),
    Column("role_en", String(200)),
    Column("person", String(200)),
    Column("share_percent", Float),  # share of full time
    Column("hours", Integer),  # the universities' own hours
    Column("university", String(10), ForeignKey("university.code")),
)

# Which sub-goal each activity serves: the dashboard's reading (the plan does not say it in words).
activity_subgoal = Table(
    "activity_subgoal",
    metadata,
    Column("activity", Integer, ForeignKey("activity.number", ondelete="CASCADE"), primary_key=True),
    Column("subgoal", Integer, ForeignKey("subgoal.number", ondelete="CASCADE"), primary_key=True),
)

# Milestones the plan dates to the day (practical start, end date) beside the quarterly ones.
milestone_date = Table(
    "milestone_date",
    metadata,
    Column("milestone", Integer, ForeignKey("milestone.id", ondelete="CASCADE"), primary_key=True),
    Column("planned_on", Date, nullable=False),
    Column("label_sv", String(40), nullable=False),  # as the plan writes it: "1 apr 2016"
    Column("label_en", String(40), nullable=False),
)

# Where a field's content comes from: plan (the plan's words), oversattning (the dashboard's
# translation), tolkning (the dashboard's reading of the plan).
plan_field_origin = Table(
    "plan_field_origin",
    metadata,
    Column("entity", String(40), primary_key=True),  # table name
    Column("field", String(40), primary_key=True),
    Column("origin", String(20), nullable=False),
    Column("note_sv", Text),
    Column("note_en", Text),
)

# A remark on one stored text: sic (an evident slip kept as written), avkortad (the slide's label
# is cut off or missing), anmarkning (anything else a reader should know).
plan_note = Table(
    "plan_note",
    metadata,
    Column("entity", String(40), primary_key=True),
    Column("record", String(40), primary_key=True),
    Column("field", String(40), primary_key=True),
    Column("kind", String(20), primary_key=True),
    Column("note_sv", Text, nullable=False),
    Column("note_en", Text, nullable=False),
)

# --- Qualitative half of the strength analysis (issue 18) ------------------
# A record is about a strength area (region + industry at a level of the strength analysis: SNI
# section or division, NACE A*10, functional sector; industry holds that level's code, a sector's
# code for "sector") or about a test area (test_area; region is then the test area's county).
# Written by data/assessments_write.py (checked, versioned, audited) or imported from CSV.
_SUBJECT_CHECK = (
    "(test_area IS NULL AND level IS NOT NULL AND industry IS NOT NULL) OR "
    "(test_area IS NOT NULL AND level IS NULL AND industry IS NULL)"
)


def _subject_columns() -> list:
    return [
        Column("region", String(8), ForeignKey("region.code"), nullable=False),
        Column("level", String(10)),  # section | division | a10 | sector; NULL for a test area
        Column("industry", String(20)),
        Column("test_area", Integer, ForeignKey("test_area.id", ondelete="CASCADE")),
    ]


def _record_columns() -> list:
    return [
        Column("assessed_on", Date, nullable=False),
        Column("assessed_by", String(200), nullable=False),
        Column("is_example", Boolean, nullable=False),  # invented (demo) records only
        Column("dataset", String(60), ForeignKey("dataset.code")),  # the imported file's dataset; NULL if entered
        Column("version", Integer, nullable=False, default=1),
    ]


qualitative_assessment = Table(
    "qualitative_assessment",
    metadata,
    Column("id", Integer, primary_key=True),
    *_subject_columns(),
    Column("conclusion_sv", Text, nullable=False),
    Column("conclusion_en", Text),
    Column("verdict", String(20), nullable=False),  # bekraftar | forsvagar | tillfor
    Column("documents", Integer),  # how many documents were studied (NULL: not stated)
    Column("interviews", Integer),  # how many interviews were held
    Column("evidence_sv", Text),  # which documents and interviews
    Column("evidence_en", Text),
    Column("evidence_from", Date),  # when the evidence was gathered
    Column("evidence_to", Date),
    *_record_columns(),
    CheckConstraint(_SUBJECT_CHECK, name="qualitative_assessment_subject"),
)
Index("ix_qualitative_assessment_subject", qualitative_assessment.c.region, qualitative_assessment.c.industry)

value_chain = Table(
    "value_chain",
    metadata,
    Column("id", Integer, primary_key=True),
    *_subject_columns(),
    Column("chain_sv", Text, nullable=False),  # which international value chain
    Column("chain_en", Text),
    Column("regions_abroad", Text, nullable=False),  # regions abroad, separated by "; "
    Column("position", String(20), nullable=False),  # uppstroms | mitt | nedstroms | flera
    Column("position_note_sv", Text),
    Column("position_note_en", Text),
    Column("interviews", Integer),
    Column("evidence_sv", Text),
    Column("evidence_en", Text),
    *_record_columns(),
    CheckConstraint(_SUBJECT_CHECK, name="value_chain_subject"),
)
Index("ix_value_chain_subject", value_chain.c.region, value_chain.c.industry)
# --- The store's bookkeeping ------------------------------------------------
# A second MetaData: these tables hold no data the views show, so importers and dumps that walk
# `metadata.sorted_tables` skip them, and a rebuild keeps the settings (data/build.py carries them over).

bookkeeping = MetaData()

store_meta = Table(
    "store_meta",
    bookkeeping,
    Column("id", Integer, primary_key=True),  # always 1
    Column("build_id", String(32), nullable=False),  # new for every build and restore
    Column("counter", Integer, nullable=False),  # +1 for every import and edit (data/meta.py)
    Column("changed", DateTime, nullable=False),
)

app_setting = Table(
    "app_setting",
    bookkeeping,
    Column("name", String(80), primary_key=True),  # e.g. secret_key, generated once (web/secret.py)
    Column("value", Text, nullable=False),
)

user_session = Table(
    "user_session",
    bookkeeping,
    Column("id", String(64), primary_key=True),  # sha256 of the token in the signed cookie, never the token
    Column("user_id", Integer, nullable=False, index=True),
    Column("username", String(80), nullable=False),  # checked too: a rebuilt store reuses user ids
    Column("created", DateTime, nullable=False),
    Column("last_seen", DateTime, nullable=False),
)

rate_limit = Table(
    "rate_limit",
    bookkeeping,
    Column("key", String(255), primary_key=True),  # counters of web/limits_store.py when there is no Redis
    Column("count", Integer, nullable=False),
    Column("expires", Float, nullable=False),  # unix time
)
