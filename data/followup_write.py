"""Save the project manager's edits: milestones and indicator outcomes, one transaction each.

Every save carries the version the form loaded (optimistic locking): if the row has changed
since, the save is refused with StaleEdit and nothing is written. Every changed field gets an
audit_log row (who, when, what, old value, new value) in the same transaction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from . import schema as s
from .meta import bump_store_version
from .quarters import STORED_STATUSES, project_period, quarters_between

MAX_COMMENT = 2000
MAX_OUTCOME = 1e9


class EditRefused(Exception):
    """An edit that was not saved, with a message for the user in both languages."""

    def __init__(self, sv: str, en: str):
        super().__init__(sv)
        self.sv, self.en = sv, en

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv


class StaleEdit(EditRefused):
    """The row changed after the form loaded it; the save was refused."""


@dataclass(frozen=True)
class Change:
    field: str
    old: str | None
    new: str | None


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value.isoformat() if isinstance(value, date) else str(value)


def now_utc() -> datetime:
    """Return the time for the audit log: UTC, without tzinfo, whole seconds."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _audit(conn, username: str, entity: str, record: str, changes: list[Change]) -> None:
    at = now_utc()
    conn.execute(
        insert(s.audit_log),
        [
            dict(
                at=at, username=username, entity=entity, record=record, field=c.field, old_value=c.old, new_value=c.new
            )
            for c in changes
        ],
    )


def _stale(sv_what: str, en_what: str) -> StaleEdit:
    return StaleEdit(
        f"{sv_what} har ändrats av någon annan sedan du öppnade den. Dina ändringar sparades inte. "
        "Läs in den igen, så ser du den senaste versionen, och gör ändringen på nytt.",
        f"{en_what} was changed by someone else after you opened it. Your changes were not saved. "
        "Load it again to see the latest version, and make your change again.",
    )


def _saved_first(sv_what: str, en_what: str) -> StaleEdit:
    return StaleEdit(
        f"Någon annan sparade {sv_what} just före dig. Dina ändringar sparades inte. "
        "Läs in den igen, så ser du vad som sparades, och gör ändringen på nytt om den behövs.",
        f"Someone else saved {en_what} just before you. Your changes were not saved. "
        "Load it again to see what was saved, and make your change again if it is still needed.",
    )


BUSY = EditRefused(
    "Databasen är upptagen just nu (till exempel av en import). Inget sparades; försök igen om en stund.",
    "The database is busy right now (for example with an import). Nothing was saved; try again in a moment.",
)


def in_one_transaction(engine, write):
    """Run write(conn) in one transaction, once more if a concurrent save got in first, and bump the version.

    Two first saves of the same row: on PostgreSQL the second insert fails on the key, on SQLite
    (WAL) the second transaction may not write on its older snapshot. Both are tried again once,
    and then read what the other saved, so the user gets a StaleEdit in words, never a 500.
    """
    for attempt in (1, 2):
        try:
            with engine.begin() as conn:
                changes = write(conn)
                if changes:
                    bump_store_version(conn)
                return changes
        except (IntegrityError, OperationalError):
            if attempt == 2:
                raise BUSY from None
    raise AssertionError("unreachable")


def parse_completed_on(raw, status: str, project_start: date, today: date) -> date | None:
    """Return the completion date from the form, or refuse it with a message naming the field."""
    if raw in (None, ""):
        if status == "klar":
            raise EditRefused(
                "Slutdatum saknas: ange när milstolpen blev klar.", "Completion date missing: say when it was done."
            )
        return None
    try:
        day = raw if isinstance(raw, date) else date.fromisoformat(str(raw))
    except ValueError:
        raise EditRefused(
            f"Slutdatum {raw!r} är inget datum (skriv ÅÅÅÅ-MM-DD).",
            f"Completion date {raw!r} is not a date (YYYY-MM-DD).",
        ) from None
    if status != "klar":
        raise EditRefused(
            "Slutdatum anges bara för status klar. Töm fältet eller välj status klar.",
            "A completion date belongs only to status done. Clear the field or choose done.",
        )
    if day > today:
        raise EditRefused(
            f"Slutdatum {day.isoformat()} ligger i framtiden.", f"Completion date {day.isoformat()} is in the future."
        )
    if day < project_start:
        raise EditRefused(
            f"Slutdatum {day.isoformat()} ligger före projektstarten {project_start.isoformat()}.",
            f"Completion date {day.isoformat()} is before the project started ({project_start.isoformat()}).",
        )
    return day


def _clean_comment(raw) -> str | None:
    text = (raw or "").strip()
    if len(text) > MAX_COMMENT:
        raise EditRefused(
            f"Kommentaren är för lång ({len(text)} tecken; högst {MAX_COMMENT}).",
            f"The comment is too long ({len(text)} characters; at most {MAX_COMMENT}).",
        )
    return text or None


def save_milestone(
    engine, milestone_id: int, *, version, status, completed_on, comment, username: str, today: date | None = None
) -> list[Change]:
    """Save a milestone's status, completion date and comment; return the changes (empty if none)."""
    if status not in STORED_STATUSES:
        raise EditRefused(f"Okänd status {status!r}.", f"Unknown status {status!r}.")
    if version is None:
        raise EditRefused("Välj en milstolpe först.", "Choose a milestone first.")
    m = s.milestone

    def write(conn) -> list[Change]:
        row = conn.execute(select(m).where(m.c.id == milestone_id)).mappings().first()
        if row is None:
            raise EditRefused(f"Milstolpe {milestone_id} finns inte.", f"Milestone {milestone_id} does not exist.")
        if row["version"] != int(version):
            raise _stale(f"Milstolpe {milestone_id}", f"Milestone {milestone_id}")
        day = parse_completed_on(completed_on, status, project_period(conn)[0], today or date.today())
        new = {"status": status, "completed_on": day, "comment": _clean_comment(comment)}
        changes = [Change(k, _text(row[k]), _text(v)) for k, v in new.items() if row[k] != v]
        if not changes:
            return []
        if row["status_is_example"] and any(c.field in ("status", "completed_on") for c in changes):
            new["status_is_example"] = False  # the manager has now set it: no longer example data
            changes.append(Change("status_is_example", "true", "false"))
        result = conn.execute(
            update(m)
            .where(m.c.id == milestone_id, m.c.version == row["version"])
            .values(**new, version=row["version"] + 1)
        )
        if result.rowcount != 1:  # another save got in between our read and our write
            raise _stale(f"Milstolpe {milestone_id}", f"Milestone {milestone_id}")
        _audit(conn, username, "milestone", str(milestone_id), changes)
        return changes

    return in_one_transaction(engine, write)


def outcome_record(indicator: str, year: int, quarter: int) -> str:
    """Return the audit-log record key of an outcome: 'motesplatser:2017K2'."""
    return f"{indicator}:{year}K{quarter}"


def _clean_value(raw) -> float:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise EditRefused(f"Utfallet {raw!r} är inget tal.", f"The outcome {raw!r} is not a number.") from None
    if not math.isfinite(value) or value < 0 or value > MAX_OUTCOME:
        raise EditRefused(
            f"Utfallet måste vara ett tal från 0 till {MAX_OUTCOME:.0f}.",
            f"The outcome must be a number from 0 to {MAX_OUTCOME:.0f}.",
        )
    return value


def save_outcome(engine, indicator: str, year: int, quarter: int, *, version, value, username: str) -> list[Change]:
    """Save an indicator's cumulative outcome for a quarter (version None for a new one); return the changes."""
    value = _clean_value(value)
    ai, io = s.activity_indicator, s.indicator_outcome

    def write(conn) -> list[Change]:
        if conn.execute(select(ai.c.code).where(ai.c.code == indicator)).first() is None:
            raise EditRefused(f"Indikatorn {indicator!r} finns inte.", f"Indicator {indicator!r} does not exist.")
        if (year, quarter) not in quarters_between(*project_period(conn)):
            raise EditRefused(
                f"Kvartalet {year} K{quarter} ligger utanför projekttiden.",
                f"The quarter {year} Q{quarter} is outside the project period.",
            )
        key = (io.c.indicator == indicator, io.c.year == year, io.c.quarter == quarter)
        row = conn.execute(select(io).where(*key)).mappings().first()
        record = outcome_record(indicator, year, quarter)
        stale = _stale(f"Utfallet {record}", f"The outcome {record}")
        if row is None:
            if version is not None:
                raise stale
            conn.execute(
                insert(io).values(indicator=indicator, year=year, quarter=quarter, value=value, is_example=False)
            )
            changes = [Change("value", None, _text(value))]
        else:
            if version is None:  # the form saw no outcome: someone saved this quarter's first one meanwhile
                raise _saved_first(f"utfallet {record}", f"the outcome {record}")
            if row["version"] != int(version):
                raise stale
            changes = [Change("value", _text(row["value"]), _text(value))] if row["value"] != value else []
            if not changes:
                return []
            if row["is_example"]:
                changes.append(Change("is_example", "true", "false"))
            result = conn.execute(
                update(io)
                .where(*key, io.c.version == row["version"])
                .values(value=value, is_example=False, version=row["version"] + 1)
            )
            if result.rowcount != 1:
                raise stale
        _audit(conn, username, "indicator_outcome", record, changes)
        return changes

    return in_one_transaction(engine, write)
