"""Check qualitative assessments and value-chain notes: one set of rules for the app's forms and the CSV import.

A record is about a strength area (a region and an industry at a level of the strength analysis) or
about a test area. check_assessment and check_value_chain take raw values (form strings or CSV cells),
return the clean row, or raise RecordRefused listing every field that is wrong and why, in Swedish
and English. Nothing here writes; data/assessments_write.py does.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from . import classifications as cl
from . import schema as s
from .followup_write import EditRefused
from .importing.codes import normalise_industry

SUBJECT_LEVELS = ("section", "division", "a10", "sector")  # the strength analysis' levels (indicators.levels)
LEVEL_ALIASES = {
    "section": ("section", "avsnitt", "sni-avsnitt", "sni_avsnitt"),
    "division": ("division", "avdelning", "sni-avdelning", "sni_avdelning"),
    "a10": ("a10", "a*10", "nace a*10", "nace_a10"),
    "sector": ("sector", "sektor", "funktionell sektor", "functional sector"),
}
VERDICTS = {  # code: (Swedish, English) -- what the qualitative judgement does to the strength area
    "bekraftar": ("bekräftar", "confirms"),
    "forsvagar": ("försvagar", "weakens"),
    "tillfor": ("tillför", "adds"),
}
POSITIONS = {  # code: (Swedish, English) -- where the region's firms sit in an international value chain
    "uppstroms": ("uppströms: råvaror, forskning och utveckling", "upstream: raw materials, research and development"),
    "mitt": ("mitt i kedjan: tillverkning och förädling", "midstream: manufacturing and processing"),
    "nedstroms": ("nedströms: marknad, försäljning och tjänster", "downstream: market, sales and services"),
    "flera": ("i flera led av kedjan", "in several links of the chain"),
}
FIRST_DAY = date(1990, 1, 1)
MAX_COUNT = 100_000
LIMITS = {"long": 4000, "short": 200, "regions": 1000, "unit": 60}

SUBJECT_LABELS = {
    "region": ("Region", "Region"),
    "level": ("Branschnivå", "Industry level"),
    "industry": ("Bransch", "Industry"),
    "test_area": ("Testområde", "Test area"),
}
RECORD_LABELS = {
    "interviews": ("Antal intervjuer", "Number of interviews"),
    "evidence_sv": ("Underlag", "Evidence"),
    "evidence_en": ("Underlag på engelska", "Evidence in English"),
    "assessed_on": ("Bedömd den", "Assessed on"),
    "assessed_by": ("Bedömd av", "Assessed by"),
}
ASSESSMENT_LABELS = {
    **SUBJECT_LABELS,
    "conclusion_sv": ("Slutsats", "Conclusion"),
    "conclusion_en": ("Slutsats på engelska", "Conclusion in English"),
    "verdict": ("Omdöme", "Verdict"),
    "documents": ("Antal dokument", "Number of documents"),
    **RECORD_LABELS,
    "evidence_from": ("Underlag från", "Evidence from"),
    "evidence_to": ("Underlag till", "Evidence until"),
}
VALUE_CHAIN_LABELS = {
    **SUBJECT_LABELS,
    "chain_sv": ("Värdekedja", "Value chain"),
    "chain_en": ("Värdekedja på engelska", "Value chain in English"),
    "regions_abroad": ("Regioner utomlands", "Regions abroad"),
    "position": ("Position i kedjan", "Position in the chain"),
    "position_note_sv": ("Om positionen", "About the position"),
    "position_note_en": ("Om positionen på engelska", "About the position in English"),
    **RECORD_LABELS,
}


class FieldRefused(EditRefused):
    """One field that cannot be saved: which field (form key), and why in both languages."""

    def __init__(self, field: str, label: tuple[str, str], why_sv: str, why_en: str):
        super().__init__(f"{label[0]}: {why_sv}", f"{label[1]}: {why_en}")
        self.field, self.why_sv, self.why_en = field, why_sv, why_en


class RecordRefused(EditRefused):
    """A record that cannot be saved, with every field that is wrong (problems)."""

    def __init__(self, problems: list[FieldRefused]):
        super().__init__(" ".join(p.sv for p in problems), " ".join(p.en for p in problems))
        self.problems = problems


def fold(text) -> str:
    """Return text folded for matching names: case, spaces, dashes and underscores do not matter."""
    return re.sub(r"[\s_\-]+", " ", str(text or "").replace("\u2013", "-")).strip().casefold()


class Checker:
    """Walk one record's raw values, collecting every refused field."""

    def __init__(self, raw: dict, labels: dict):
        self.raw, self.labels, self.problems = raw, labels, []

    def refuse(self, field: str, sv: str, en: str) -> None:
        self.problems.append(FieldRefused(field, self.labels[field], sv, en))

    def cell(self, field: str) -> str:
        value = self.raw.get(field)
        return "" if value is None else str(value).strip()

    def text(self, field: str, *, required: bool = False, limit: str = "long") -> str | None:
        value = self.cell(field)
        if not value and required:
            self.refuse(field, "fältet är tomt och måste fyllas i.", "the field is empty and must be filled in.")
        if len(value) > LIMITS[limit]:
            n = LIMITS[limit]
            self.refuse(
                field, f"texten är för lång ({len(value)} tecken; högst {n}).", f"too long ({len(value)}; at most {n})."
            )
        return value or None

    def count(self, field: str) -> int | None:
        value = self.raw.get(field)
        if value is None or value == "":
            return None
        text = re.sub(r"[\s\u00a0]", "", str(value))
        if not text.isdigit() or int(text) > MAX_COUNT:
            self.refuse(
                field,
                f"”{value}” är inget heltal från 0 till {MAX_COUNT}.",
                f"“{value}” is no whole number from 0 to {MAX_COUNT}.",
            )
            return None
        return int(text)

    def day(self, field: str, today: date, *, required: bool = False) -> date | None:
        value = self.raw.get(field)
        if value is None or value == "":
            if required:
                self.refuse(field, "datum saknas (skriv ÅÅÅÅ-MM-DD).", "date missing (write YYYY-MM-DD).")
            return None
        try:
            day = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
        except ValueError:
            self.refuse(
                field, f"”{value}” är inget datum (skriv ÅÅÅÅ-MM-DD).", f"“{value}” is not a date (YYYY-MM-DD)."
            )
            return None
        if day > today:
            self.refuse(
                field,
                f"{day.isoformat()} ligger i framtiden (i dag är det {today.isoformat()}).",
                f"{day.isoformat()} is in the future (today is {today.isoformat()}).",
            )
            return None
        if day < FIRST_DAY:
            self.refuse(
                field,
                f"{day.isoformat()} ligger före {FIRST_DAY.year}.",
                f"{day.isoformat()} is before {FIRST_DAY.year}.",
            )
            return None
        return day

    def code(self, field: str, words: dict) -> str | None:
        """Return the code a cell names by code or by its Swedish or English word."""
        value = self.cell(field)
        for code, (sv, en) in words.items():
            if fold(value) in (fold(code), fold(sv), fold(en), fold(sv.split(":")[0]), fold(en.split(":")[0])):
                return code
        sv_words = ", ".join(sv.split(":")[0] for sv, _en in words.values())
        en_words = ", ".join(en.split(":")[0] for _sv, en in words.values())
        if value:
            self.refuse(
                field, f"okänt värde ”{value}”; välj {sv_words}.", f"unknown value “{value}”; choose {en_words}."
            )
        else:
            self.refuse(field, f"fältet är tomt; välj {sv_words}.", f"the field is empty; choose {en_words}.")
        return None

    def done(self, clean: dict) -> dict:
        if self.problems:
            raise RecordRefused(self.problems)
        return clean


def _region(conn, chk: Checker) -> str | None:
    value = chk.cell("region")
    if not value:
        return None
    r = s.region
    for code, sv, en in conn.execute(select(r.c.code, r.c.name_sv, r.c.name_en)):
        short = sv.removesuffix(" län")
        if fold(value) in (fold(code), fold(sv), fold(en), fold(short), fold(short.removesuffix("s"))):
            return code
    chk.refuse(
        "region",
        f"okänd region ”{value}” (ange t.ex. 20 eller Dalarna).",
        f"unknown region “{value}” (e.g. 20 or Dalarna).",
    )
    return None


def _level_industry(conn, chk: Checker) -> tuple[str | None, str | None]:
    raw_level, raw_industry = chk.cell("level"), chk.cell("industry")
    level = next((lv for lv, names in LEVEL_ALIASES.items() if fold(raw_level) in map(fold, names)), None)
    if level is None:
        choices = ", ".join(SUBJECT_LEVELS)
        if raw_level:
            chk.refuse(
                "level", f"okänd nivå ”{raw_level}”; välj {choices}.", f"unknown level “{raw_level}”; choose {choices}."
            )
        else:
            chk.refuse("level", f"nivå saknas; välj {choices}.", f"level missing; choose {choices}.")
        return None, None
    if not raw_industry:
        chk.refuse("industry", "bransch saknas.", "industry missing.")
        return level, None
    if level == "sector":
        t = s.sector
        for code, sv, en in conn.execute(select(t.c.code, t.c.name_sv, t.c.name_en)):
            if fold(raw_industry) in (fold(code), fold(sv), fold(en)):
                return level, code
    else:
        code = normalise_industry(raw_industry)
        if level == "a10":
            known = {c for c, _sv, _en in cl.A10}
        else:
            i = s.industry
            known = set(conn.execute(select(i.c.code).where(i.c.level == level)).scalars())
        if code in known:
            return level, code
    chk.refuse(
        "industry",
        f"”{raw_industry}” är ingen bransch på nivån {level}.",
        f"“{raw_industry}” is no industry at level {level}.",
    )
    return level, None


def _test_area(conn, chk: Checker, region: str | None) -> tuple[int | None, str | None]:
    """Return (test area id, its region) for the test_area cell (id or name), or (None, None)."""
    value = chk.cell("test_area")
    ta = s.test_area
    rows = conn.execute(select(ta.c.id, ta.c.region, ta.c.name_sv, ta.c.name_en)).all()
    found = [r for r in rows if value == str(r.id) or fold(value) in (fold(r.name_sv), fold(r.name_en))]
    if region is not None and len(found) > 1:
        found = [r for r in found if r.region == region]
    if len(found) == 1:
        return found[0].id, found[0].region
    why_sv = "finns i flera län; ange regionen" if found else "finns inte"
    why_en = "exists in several counties; give the region" if found else "does not exist"
    chk.refuse("test_area", f"testområdet ”{value}” {why_sv}.", f"the test area “{value}” {why_en}.")
    return None, None


def check_subject(conn, chk: Checker) -> dict:
    """Return region, level, industry, test_area of a record: a strength area or a test area, never both."""
    region = _region(conn, chk)
    if chk.cell("test_area"):
        if chk.cell("level") or chk.cell("industry"):
            chk.refuse(
                "test_area",
                "ange antingen ett testområde eller en bransch med nivå, inte båda.",
                "give either a test area or an industry with its level, not both.",
            )
        area, area_region = _test_area(conn, chk, region)
        if region is not None and area_region is not None and region != area_region:
            chk.refuse(
                "region",
                f"testområdet hör till region {area_region}, inte {region}.",
                f"the test area belongs to region {area_region}, not {region}.",
            )
        return dict(region=area_region or region, level=None, industry=None, test_area=area)
    if region is None and not chk.cell("region"):
        chk.refuse("region", "region saknas (eller ange ett testområde).", "region missing (or give a test area).")
    level, industry = _level_industry(conn, chk)
    return dict(region=region, level=level, industry=industry, test_area=None)


def _record_fields(chk: Checker, today: date) -> dict:
    return dict(
        interviews=chk.count("interviews"),
        evidence_sv=chk.text("evidence_sv"),
        evidence_en=chk.text("evidence_en"),
        assessed_on=chk.day("assessed_on", today, required=True),
        assessed_by=chk.text("assessed_by", required=True, limit="short"),
    )


def check_assessment(conn, raw: dict, today: date) -> dict:
    """Return a qualitative assessment's clean values, or raise RecordRefused naming every bad field."""
    chk = Checker(raw, ASSESSMENT_LABELS)
    clean = check_subject(conn, chk)
    clean |= dict(conclusion_sv=chk.text("conclusion_sv", required=True), conclusion_en=chk.text("conclusion_en"))
    clean |= dict(verdict=chk.code("verdict", VERDICTS), documents=chk.count("documents"))
    clean |= _record_fields(chk, today)
    clean |= dict(evidence_from=chk.day("evidence_from", today), evidence_to=chk.day("evidence_to", today))
    if not (clean["documents"] or clean["interviews"]):
        chk.refuse(
            "documents",
            "ange hur många dokument eller intervjuer bedömningen bygger på (minst ett av dem).",
            "say how many documents or interviews the assessment rests on (at least one of them).",
        )
    first, last, on = clean["evidence_from"], clean["evidence_to"], clean["assessed_on"]
    if first and last and first > last:
        chk.refuse("evidence_to", "slutdatumet ligger före startdatumet.", "the end date is before the start date.")
    if on and (last or first) and (last or first) > on:
        chk.refuse(
            "evidence_to", "underlaget är från efter bedömningsdagen.", "the evidence is from after the assessment day."
        )
    return chk.done(clean)


def check_value_chain(conn, raw: dict, today: date) -> dict:
    """Return a value-chain note's clean values, or raise RecordRefused naming every bad field."""
    chk = Checker(raw, VALUE_CHAIN_LABELS)
    clean = check_subject(conn, chk)
    clean |= dict(
        chain_sv=chk.text("chain_sv", required=True, limit="short"), chain_en=chk.text("chain_en", limit="short")
    )
    regions = chk.text("regions_abroad", required=True, limit="regions")
    clean["regions_abroad"] = "; ".join(p.strip() for p in re.split(r"[;\n]", regions or "") if p.strip()) or None
    clean |= dict(position=chk.code("position", POSITIONS), position_note_sv=chk.text("position_note_sv"))
    clean |= dict(position_note_en=chk.text("position_note_en"), **_record_fields(chk, today))
    return chk.done(clean)
