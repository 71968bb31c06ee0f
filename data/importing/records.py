"""Check statistics facts one by one: the part every statistics format shares.

A FactSheet collects the checked facts of one file, every problem found in it, and what was
skipped and why (staging.py turns it into a dataset).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from data import schema as s
from data.measures import MEASURES

from .base import Problem
from .codes import IndustryCodes, RegionCodes, parse_sex, plain

REGISTRY_ORDER = {m.code: n for n, m in enumerate(MEASURES)}  # known measures are listed in the registry's order

# SCB: .. not available, . cannot occur; Eurostat ":"; R (Kolada's rKolada) writes NA.
MISSING_MARKERS = {"..", "…", ".", ":", "NA", "N/A"}
FIRST_YEAR = 1900
SKIP = object()  # a cell that makes its row be skipped without a problem (outside region, missing value)
PERIOD_CODE = re.compile(r"^\d{4}\s*[MKQH]\d{1,2}$", re.IGNORECASE)


@dataclass(frozen=True)
class Measure:
    code: str
    name_sv: str
    name_en: str
    kind: str  # stock | flow | index | share
    aliases: tuple[str, ...] = ()
    by_sex: bool = False
    signed: bool = False


class Lookup:
    """The store's code lists, read once per import command."""

    def __init__(self, conn):
        self.regions = RegionCodes(conn)
        self.industries = IndustryCodes(conn)
        m = s.measure
        q = select(m.c.code, m.c.name_sv, m.c.name_en, m.c.kind, m.c.aliases, m.c.by_sex, m.c.signed)
        self.measures = {
            r.code: Measure(
                r.code,
                r.name_sv,
                r.name_en,
                r.kind,
                tuple((r.aliases or "").split("|")) if r.aliases else (),
                bool(r.by_sex),
                bool(r.signed),
            )
            for r in sorted(
                conn.execute(q).all(), key=lambda r: (REGISTRY_ORDER.get(r.code, len(REGISTRY_ORDER)), r.code)
            )
        }

    def measure(self, text) -> Measure | None:
        """Return the measure a cell or option names by code, name or alias (spacing and case aside), else None."""
        if isinstance(text, Measure):
            return text
        key = plain(text)
        for m in self.measures.values():
            if key in {plain(name) for name in (m.code, m.name_sv, m.name_en, *m.aliases)}:
                return m
        return None

    def known_measures(self) -> str:
        return "kända mått: " + ", ".join(f"{m.code} ({m.name_sv})" for m in self.measures.values())

    def unknown_measure(self, text) -> str:
        return f"okänt mått ”{text}”; {self.known_measures()}"


def parse_value(raw) -> float | object:
    """Return a cell's number (decimal comma or point, spaces as thousands separators), or SKIP if missing.

    Raises ValueError with the reason in words when the cell holds no number.
    """
    if isinstance(raw, bool):
        raise ValueError(f"”{raw}” är inget tal")
    if isinstance(raw, int | float):
        return float(raw)
    text = "" if raw is None else str(raw).strip()
    if not text:
        raise ValueError("värdet saknas (skriv .. för en uppgift som saknas)")
    if text in MISSING_MARKERS:
        return SKIP
    number = re.sub(r"[\s\u00a0\u202f']", "", text)
    if "," in number and "." in number:  # the last one is the decimal sign: 1.234,5 or 1,234.5
        thousands = "." if number.rfind(",") > number.rfind(".") else ","
        number = number.replace(thousands, "").replace(",", ".")
    elif number.count(",") > 1 or number.count(".") > 1:
        number = number.replace(",", "").replace(".", "")
    else:
        number = number.replace(",", ".")
    try:
        return float(number)
    except ValueError:
        raise ValueError(f"”{text}” är inget tal") from None


def parse_year(raw) -> int:
    """Return a cell's year as an integer; raise ValueError with the reason otherwise."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    text = "" if raw is None else str(raw).strip()
    if re.fullmatch(r"\d{4}(\.0+)?", text):
        return int(text.split(".")[0])
    if PERIOD_CODE.match(text):
        raise ValueError(
            f"”{text}” är en period inom året, inte ett år; summera till år eller läs in tabellen som PxWeb-JSON"
        )
    raise ValueError(f"”{text}” är inget årtal" if text else "året saknas")


class FactSheet:
    """The checked facts of one file, every problem found in it, and what was skipped and why."""

    def __init__(self, file: str, lookup: Lookup):
        self.file, self.lookup = file, lookup
        self.problems: list[Problem] = []
        # (region, industry, year, measure, sex) -> (value, where)
        self.facts: dict[tuple, tuple[float, str]] = {}
        self.skipped: Counter = Counter()
        self.skip_examples: dict[str, list[str]] = {}
        self.notes: list[str] = []
        self.repeated = 0

    @staticmethod
    def is_skip(*values) -> bool:
        return any(v is SKIP for v in values)

    def problem(self, line: int | None, column: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, line, column, message))

    def skip(self, reason: str, example: str | None = None) -> object:
        self.skipped[reason] += 1
        examples = self.skip_examples.setdefault(reason, [])
        if example is not None and example not in examples and len(examples) < 3:
            examples.append(example)
        return SKIP

    def add_cells(self, line: int, cells: dict[str, tuple[str, object]]) -> None:
        """Check one row: cells maps region, industry, year, measure, value and optionally sex to (column, raw)."""
        region = self.region(line, *cells["region"])
        industry = self.industry(line, *cells["industry"])
        year = self.year(line, *cells["year"])
        measure = self.measure(line, *cells["measure"])
        sex = self.sex(line, *cells["sex"]) if "sex" in cells else "total"
        value = self.value(line, *cells["value"])
        if SKIP in (region, industry, value) or None in (region, industry, year, measure, value, sex):
            return
        self.add(line, cells["value"][0], region, industry, year, measure, value, year_column=cells["year"][0], sex=sex)

    def region(self, line, column, raw):
        found = self.lookup.regions.resolve(raw)
        if found is None:
            self.problem(line, column, f"okänd region ”{raw}”: ange SCB:s regionkod (00, 17, 1780) eller NUTS (SE311)")
            return None
        return found.code if found.code else self.skip("regioner utanför dashboarden", str(raw).strip())

    def industry(self, line, column, raw):
        code = self.lookup.industries.resolve(raw)
        if code is None and self.lookup.industries.is_unknown_category(raw):
            return self.skip("rader för okänd bransch (ingen bransch att visa)", str(raw).strip())
        if code is None:
            self.problem(
                line,
                column,
                f"okänd bransch ”{raw}”: ange en SNI 2007-avdelning (C) eller -huvudgrupp (16), "
                "ett NACE A*10-aggregat (B-E, G-I, M-N, O-Q, R-U) eller TOTAL",
            )
        return code

    def year(self, line, column, raw):
        try:
            return parse_year(raw)
        except ValueError as exc:
            self.problem(line, column, str(exc))
            return None

    def measure(self, line, column, raw):
        found = self.lookup.measure(raw)
        if found is None:
            self.problem(line, column, self.lookup.unknown_measure(raw))
        return found

    def sex(self, line, column, raw):
        found = parse_sex(raw)
        if found is None:
            self.problem(line, column, f"okänt kön ”{raw}”: skriv total, women eller men (kvinnor, män, 1, 2, 1+2)")
        return found

    def value(self, line, column, raw):
        try:
            value = parse_value(raw)
        except ValueError as exc:
            self.problem(line, column, str(exc))
            return None
        return self.skip("saknade värden (..)") if value is SKIP else value

    def add(
        self, line, column, region, industry, year, measure: Measure, value: float, year_column=None, sex="total"
    ) -> None:
        """Check and keep one fact whose codes are already the store's."""
        last = date.today().year + 1
        if not FIRST_YEAR <= year <= last:
            self.problem(line, year_column or column, f"året {year} ligger utanför rimliga {FIRST_YEAR}–{last}")
            return
        if not math.isfinite(value):
            self.problem(line, column, f"värdet {value} är inget ändligt tal")
            return
        if value < 0 and not measure.signed:
            self.problem(line, column, f"värdet {value:g} är negativt, men {measure.name_sv.lower()} kan inte vara det")
            return
        key = (region, industry, year, measure.code, sex)
        where = f"rad {line}" if line is not None else (column or "")
        if key in self.facts:
            earlier, earlier_where = self.facts[key]
            if earlier != value:
                self.problem(
                    line,
                    column,
                    f"{describe_key(key)} finns redan ({earlier_where}) med ett annat värde ({earlier:g} mot {value:g})",
                )
            else:
                self.repeated += 1
            return
        self.facts[key] = (value, where)

    def skip_notes(self) -> list[str]:
        notes = []
        for reason, n in self.skipped.items():
            examples = self.skip_examples.get(reason)
            notes.append(f"hoppade över {reason}: {n}" + (f" (t.ex. {', '.join(examples)})" if examples else ""))
        if self.repeated:
            notes.append(f"{self.repeated} upprepade rader med samma värde räknades en gång")
        return notes


def describe_key(key: tuple) -> str:
    """Return a fact's key in words: region 17, bransch C, år 2017, mått employees (kön women)."""
    if len(key) != 5:
        return ", ".join(map(str, key))
    region, industry, year, measure, sex = key
    return f"region {region}, bransch {industry}, år {year}, mått {measure}" + (
        f", kön {sex}" if sex != "total" else ""
    )


def dataset_code(text: str) -> str:
    """Return a dataset code made from a name: lower case ASCII letters, digits and _ (at most 60)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")[:60] or "import"
