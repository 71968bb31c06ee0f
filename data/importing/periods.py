"""Read period codes (2024, 2024K2, 2024M03) and fold sub-annual values to one value a year.

The rule, shared by PxWeb tables and published tables: the last period of the year for a stock (and
for an index or a share), the sum of a complete year for a flow. An incomplete year of a flow is left
out, never summed as if the missing periods were 0, and the years left out are reported.
"""

from __future__ import annotations

import re
from collections import Counter

from .records import FactSheet

PERIOD = re.compile(r"^(\d{4})(?:\s*([MKQHS])(\d{1,2}))?$", re.IGNORECASE)
PER_YEAR = {"M": 12, "K": 4, "Q": 4, "H": 2, "S": 2}
PERIOD_WORDS = {1: "årsvärden", 2: "halvårsvärden", 4: "kvartalsvärden", 12: "månadsvärden"}
KIND_WORDS = {"stock": "ett bestånd", "index": "ett index", "share": "en andel", "flow": "ett flöde"}


def parse_period(code: str) -> tuple[int, int, int] | None:
    """Return (year, period within the year, periods per year) of a time code: 2024K2 -> (2024, 2, 4)."""
    found = PERIOD.match(code.strip())
    if not found:
        return None
    year, kind, number = found.groups()
    if kind is None:
        return int(year), 1, 1
    per_year = PER_YEAR[kind.upper()]
    return (int(year), int(number), per_year) if 1 <= int(number) <= per_year else None


def fold_years(sums: dict, sheet: FactSheet, time_id: str, geo_id: str) -> None:
    """Add one value a year to the sheet from sums: (region, industry, measure, year, per_year, sex) -> {period: value}.

    A value of None is missing (.. in the source).
    """
    told, incomplete = set(), Counter()
    for (region, industry, measure, year, per_year, sex), periods in sums.items():
        where = f"{geo_id}={region}, {time_id}={year}"
        present = {p: v for p, v in periods.items() if v is not None}
        if per_year == 1:
            if 1 in present:
                sheet.add(None, where, region, industry, year, measure, present[1], sex=sex)
            else:
                sheet.skip("saknade värden (..)")
            continue
        kind = PERIOD_WORDS.get(per_year, "perioder")
        if (measure.code, per_year) not in told:
            told.add((measure.code, per_year))
            if measure.kind == "flow":
                rule = f"summerades till år, eftersom {measure.code} är ett flöde"
            else:
                rule = f"→ ett värde per år: årets sista period, eftersom {measure.code} är {KIND_WORDS[measure.kind]}"
            sheet.notes.append(f"{time_id}: {kind} {rule}")
        if measure.kind != "flow":
            if present:
                last = max(present)
                if last < per_year:
                    note_once(sheet, f"{year}: senaste perioden är {last} av {per_year}; året är inte komplett")
                sheet.add(None, where, region, industry, year, measure, present[last], sex=sex)
            continue
        if len(present) == per_year:
            sheet.add(None, where, region, industry, year, measure, sum(present.values()), sex=sex)
        else:
            incomplete[(year, len(present), per_year)] += 1
    for (year, have, per_year), n in sorted(incomplete.items()):
        series = f"; gäller {n} serier" if n > 1 else ""
        note_once(sheet, f"{year} har {have} av {per_year} perioder och lämnades utanför (ofullständigt år){series}")


def note_once(sheet: FactSheet, note: str) -> None:
    if note not in sheet.notes:
        sheet.notes.append(note)
