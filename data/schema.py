"""Define the one schema of the store: every table the dashboard reads or writes.

Portable SQLAlchemy Core (no SQLite-only SQL), so a PostgreSQL URL works as well.
"""

from sqlalchemy import (
    Boolean,
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
    Column("code", String(8), primary_key=True),  # A..U, 01..99, B-E, TOTAL
    Column("level", String(10), nullable=False),  # section | division | a10 | total
    Column("name_sv", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("section", String(1)),  # for divisions: their section; for sections: itself
    Column("a10", String(4)),  # for sections and divisions: their NACE A*10 aggregate
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
    Column("kind", String(6), nullable=False),  # stock | flow (how sub-annual periods fold)
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
)

fact = Table(
    "fact",
    metadata,
    Column("dataset", String(60), ForeignKey("dataset.code", ondelete="CASCADE"), primary_key=True),
    Column("region", String(8), ForeignKey("region.code"), primary_key=True),
    Column("industry", String(8), ForeignKey("industry.code"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("measure", String(40), ForeignKey("measure.code"), primary_key=True),
    Column("value", Float, nullable=False),
)
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
    # Stored status is what the manager set: planerad | pagar | klar | struken.
    # "försenad" is derived from the planned quarter and the as-of date, never stored.
    Column("status", String(10), nullable=False),
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
