"""Let the project manager define activity indicators: create, change and delete, one transaction each.

Same rules as milestones (data/followup_write.py): checked on the server, optimistic locking on the
version the form loaded (StaleEdit when the row changed since), one audit_log row per changed field.
An indicator the dashboard invented (is_example) stays example data until the manager sets its
target; only then is the target the manager's, so goal attainment may be called real.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update

from . import schema as s
from .assessments import Checker
from .followup_write import Change, EditRefused, _audit, _stale, _text, outcome_record
from .meta import bump_store_version

ENTITY = "activity_indicator"
MAX_TARGET = 1e9
CODE = re.compile(r"[a-z0-9_]{1,40}")
INDICATOR_LABELS = {
    "code": ("Kod", "Code"),
    "activity": ("Aktivitet", "Activity"),
    "subgoal": ("Delmål", "Sub-goal"),
    "name_sv": ("Namn", "Name"),
    "name_en": ("Namn på engelska", "Name in English"),
    "unit_sv": ("Enhet", "Unit"),
    "unit_en": ("Enhet på engelska", "Unit in English"),
    "target": ("Mål", "Target"),
    "method_sv": ("Hur det mäts", "How it is measured"),
    "method_en": ("Hur det mäts, på engelska", "How it is measured, in English"),
}
FIELDS = [f for f in INDICATOR_LABELS if f != "code"]


@dataclass(frozen=True)
class SavedIndicator:
    code: str
    changes: list[Change]


def code_from_name(name: str) -> str:
    """Return a code made from a name: 'Mötesplatser för klusterledare' -> 'motesplatser_for_klusterledare'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")[:40] or "indikator"


def _number_in(conn, chk: Checker, field: str, table, *, required: bool) -> int | None:
    value = chk.cell(field)
    if not value:
        if required:
            chk.refuse(field, "fältet är tomt; välj ett.", "the field is empty; choose one.")
        return None
    known = set(conn.execute(select(table.c.number)).scalars())
    if not value.isdigit() or int(value) not in known:
        numbers = ", ".join(str(n) for n in sorted(known))
        chk.refuse(field, f"”{value}” finns inte; välj {numbers}.", f"“{value}” does not exist; choose {numbers}.")
        return None
    return int(value)


def _target(chk: Checker) -> float | None:
    value = chk.cell("target")
    try:
        number = float(re.sub(r"[\s\u00a0]", "", value).replace(",", "."))
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or not 0 < number <= MAX_TARGET:
        chk.refuse(
            "target",
            f"”{value}” är inget tal större än 0 (högst {MAX_TARGET:.0f}).",
            f"“{value}” is no number above 0 (at most {MAX_TARGET:.0f}).",
        )
        return None
    return number


def check_indicator(conn, raw: dict) -> dict:
    """Return an indicator's clean fields (without code), or raise RecordRefused naming every bad field."""
    chk = Checker(raw, INDICATOR_LABELS)
    clean = dict(
        activity=_number_in(conn, chk, "activity", s.activity, required=False),
        subgoal=_number_in(conn, chk, "subgoal", s.subgoal, required=True),
        name_sv=chk.text("name_sv", required=True, limit="short"),
        name_en=chk.text("name_en", required=True, limit="short"),
        unit_sv=chk.text("unit_sv", required=True, limit="unit"),
        unit_en=chk.text("unit_en", required=True, limit="unit"),
        target=_target(chk),
        method_sv=chk.text("method_sv"),
        method_en=chk.text("method_en"),
    )
    return chk.done(clean)


def _new_code(conn, raw: dict) -> str:
    code = str(raw.get("code") or "").strip().lower() or code_from_name(str(raw.get("name_sv") or ""))
    if not CODE.fullmatch(code):
        label = INDICATOR_LABELS["code"]
        raise EditRefused(
            f"{label[0]}: ”{code}” ska ha a–z, 0–9 och _ (högst 40 tecken).",
            f"{label[1]}: “{code}” must have a–z, 0–9 and _ (at most 40 characters).",
        )
    ai = s.activity_indicator
    if conn.execute(select(ai.c.code).where(ai.c.code == code)).first() is not None:
        raise EditRefused(
            f"Indikatorn {code} finns redan; någon kan just ha sparat den. Läs in listan igen eller välj en annan kod.",
            f"Indicator {code} already exists; someone may just have saved it. Reload the list or choose another code.",
        )
    return code


def write_indicator(conn, code: str | None, clean: dict, row: dict | None, *, username: str) -> SavedIndicator:
    """Insert (row None) or update an indicator in the caller's transaction, auditing each changed field."""
    ai = s.activity_indicator
    if row is None:
        conn.execute(insert(ai).values(code=code, **clean, is_example=False, version=1))
        changes = [Change(k, None, _text(v)) for k, v in clean.items() if v is not None]
    else:
        changes = [Change(k, _text(row[k]), _text(v)) for k, v in clean.items() if row[k] != v]
        if not changes:
            return SavedIndicator(code, [])
        values = dict(clean, version=row["version"] + 1)
        if row["is_example"] and any(c.field == "target" for c in changes):
            values["is_example"] = False  # the manager has set the target: no longer an invented one
            changes.append(Change("is_example", "true", "false"))
        result = conn.execute(update(ai).where(ai.c.code == code, ai.c.version == row["version"]).values(**values))
        if result.rowcount != 1:  # another save got in between our read and our write
            raise _stale(f"Indikatorn {code}", f"Indicator {code}")
    _audit(conn, username, ENTITY, code, changes)
    bump_store_version(conn)  # every cached chart of goal attainment is made again
    return SavedIndicator(code, changes)


def _loaded(conn, code: str, version) -> dict:
    ai = s.activity_indicator
    row = conn.execute(select(ai).where(ai.c.code == code)).mappings().first()
    if row is None:
        raise EditRefused(
            f"Indikatorn {code} finns inte (längre). Inget sparades.", f"Indicator {code} does not exist (any more)."
        )
    if version is None or row["version"] != int(version):
        raise _stale(f"Indikatorn {code}", f"Indicator {code}")
    return dict(row)


def save_indicator(engine, code: str | None, *, version, values: dict, username: str) -> SavedIndicator:
    """Create (code None; values may give a code, else one is made from the name) or change an indicator."""
    with engine.begin() as conn:
        clean = check_indicator(conn, values)
        if code is None:
            return write_indicator(conn, _new_code(conn, values), clean, None, username=username)
        return write_indicator(conn, code, clean, _loaded(conn, code, version), username=username)


def delete_indicator(engine, code: str, *, version, username: str) -> list[Change]:
    """Delete an indicator and its outcomes; audit every field and every outcome it held."""
    ai, io = s.activity_indicator, s.indicator_outcome
    with engine.begin() as conn:
        row = _loaded(conn, code, version)
        outcomes = conn.execute(select(io.c.year, io.c.quarter, io.c.value).where(io.c.indicator == code)).all()
        for year, quarter, value in outcomes:
            record = outcome_record(code, year, quarter)
            _audit(conn, username, "indicator_outcome", record, [Change("value", _text(value), None)])
        conn.execute(delete(io).where(io.c.indicator == code))
        conn.execute(delete(ai).where(ai.c.code == code))
        changes = [Change(k, _text(v), None) for k, v in row.items() if k not in ("code", "version") and v is not None]
        _audit(conn, username, ENTITY, code, changes)
        bump_store_version(conn)
    return changes
