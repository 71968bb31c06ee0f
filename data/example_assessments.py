"""Invented qualitative assessments and value-chain notes, for a demonstration store only.

Nobody has published the project's qualitative judgements, so the default store holds none and the
views say so. A demo build may call insert_examples(conn): every record goes through the same checks
as the app's form, lands in the example dataset "ex_kvalitativ" and carries is_example, so every
view marks it "Exempeldata". Nothing here is a real judgement.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import insert, select

from . import schema as s
from .assessments_write import ASSESSMENT, VALUE_CHAIN, insert_checked
from .example import example_dataset

DATASET = example_dataset(
    "ex_kvalitativ",
    "Kvalitativa bedömningar och värdekedjor (exempeldata)",
    "Qualitative assessments and value chains (example data)",
)
BY = "Exempelbedömare (påhittad)"
ASSESSMENTS = [
    dict(
        region="20",
        level="division",
        industry="24",
        verdict="bekraftar",
        documents=14,
        interviews=9,
        conclusion_sv="Exempel: stål- och metallframställningen är en styrka som intervjuerna bekräftar.",
        conclusion_en="Example: basic metals are a strength that the interviews confirm.",
        evidence_sv="Exempel: regionala strategier, företagens årsredovisningar, intervjuer med företag.",
        evidence_from="2016-09-01",
        evidence_to="2017-01-31",
        assessed_on="2017-02-15",
    ),
    dict(
        region="17",
        level="sector",
        industry="skog",
        verdict="bekraftar",
        documents=10,
        interviews=6,
        conclusion_sv="Exempel: skog, trä och papper är en bred styrka med många underleverantörer.",
        conclusion_en="Example: forest, wood and paper are a broad strength with many suppliers.",
        assessed_on="2017-03-01",
    ),
    dict(
        region="20",
        level="sector",
        industry="besok",
        verdict="tillfor",
        documents=6,
        interviews=5,
        conclusion_sv="Exempel: besöksnäringen syns svagt i statistiken men intervjuerna pekar på en styrka.",
        conclusion_en="Example: tourism shows weakly in the statistics, but the interviews point to a strength.",
        assessed_on="2017-03-10",
    ),
    dict(
        region="21",
        test_area="Digitala tjänster och processer",
        verdict="forsvagar",
        documents=4,
        interviews=3,
        conclusion_sv="Exempel: testområdet har få företag som arbetar tillsammans med lärosätet.",
        conclusion_en="Example: the test area has few companies working with the university.",
        assessed_on="2017-04-05",
    ),
]
VALUE_CHAINS = [
    dict(
        region="17",
        level="division",
        industry="17",
        chain_sv="Exempel: förpackningar av kartong och papper",
        chain_en="Example: board and paper packaging",
        regions_abroad="Finland: Södra Karelen; Tyskland: Nordrhein-Westfalen",
        position="mitt",
        interviews=4,
        assessed_on="2017-05-02",
    ),
    dict(
        region="20",
        level="division",
        industry="27",
        chain_sv="Exempel: utrustning för elkraftöverföring",
        chain_en="Example: power transmission equipment",
        regions_abroad="Schweiz: Zürich; Tyskland: Bayern",
        position="uppstroms",
        interviews=3,
        assessed_on="2017-05-03",
    ),
]


def insert_examples(conn, today: date | None = None) -> int:
    """Insert the example records (and their dataset) in the caller's transaction; return how many."""
    d = s.dataset
    if conn.execute(select(d.c.code).where(d.c.code == DATASET["code"])).first() is None:
        conn.execute(insert(d).values(**DATASET))
    today = today or date.today()
    written = 0
    for kind, records in ((ASSESSMENT, ASSESSMENTS), (VALUE_CHAIN, VALUE_CHAINS)):
        for raw in records:
            clean = kind.check(conn, {**raw, "assessed_by": BY}, today)
            insert_checked(conn, kind, clean, username=None, dataset=DATASET["code"], is_example=True)
            written += 1
    return written
